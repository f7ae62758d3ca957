// REQUIRES: mlir-opt
// Our custom and generic prints are accepted by mlir-opt-22 and mean the same
// module; we read mlir-opt-22's generic print back to our own custom form.
// RUN: %mlir_opt %s > %t.ref
// RUN: smopt %s | %mlir_opt > %t.custom && diff %t.ref %t.custom
// RUN: smopt --print-op-generic --mlir-print-debuginfo %s | %mlir_opt > %t.generic && diff %t.ref %t.generic
// RUN: smopt %s > %t.ours
// RUN: %mlir_opt --mlir-print-op-generic --mlir-print-debuginfo %s | smopt > %t.back && diff %t.ours %t.back
module @outer attributes {tt.n = 3 : i32, tt.flag} {
  module {}
  module @inner {
    func.func @casts(%a: i32, %b: f32) -> (f32, i64, f64) {
      %0 = builtin.unrealized_conversion_cast %a : i32 to f32
      %1:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i64, f64
      %2 = builtin.unrealized_conversion_cast to i32 {tt.x}
      return %0, %1#0, %1#1 : f32, i64, f64
    }
  }
}
