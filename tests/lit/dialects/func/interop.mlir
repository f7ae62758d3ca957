// REQUIRES: mlir-opt
// Our custom and generic prints are accepted by mlir-opt-22 and mean the same
// module; we read mlir-opt-22's generic print back to our own custom form.
// RUN: %mlir_opt %s > %t.ref
// RUN: smopt %s | %mlir_opt > %t.custom && diff %t.ref %t.custom
// RUN: smopt --print-op-generic --mlir-print-debuginfo %s | %mlir_opt > %t.generic && diff %t.ref %t.generic
// RUN: smopt %s > %t.ours
// RUN: %mlir_opt --mlir-print-op-generic --mlir-print-debuginfo %s | smopt > %t.back && diff %t.ours %t.back
func.func private @ext(i32, f32 {tt.a}) -> (i32 {tt.r})
func.func @caller(%a: i32 {tt.x = 1}, %b: f32) -> (i32, f32) attributes {tt.fn} {
  %0 = call @ext(%a, %b) : (i32, f32) -> i32
  %1 = func.call @ext(%0, %b) {tt.y, no_inline} : (i32, f32) -> i32
  %f = constant @ext : (i32, f32) -> i32
  %3 = call_indirect %f(%1, %b) : (i32, f32) -> i32
  return %3, %b : i32, f32
}
func.func nested @vis() {
  func.return
}
func.func public @fnres() -> ((i32) -> i32) {
  %f = func.constant @id : (i32) -> i32
  return {tt.u} %f : (i32) -> i32
}
func.func private @id(i32) -> i32
func.func @multi(%c: i1, %x: i32) -> i32 {
  %r = func.call @id(%x) : (i32) -> i32
  return %r : i32
}
