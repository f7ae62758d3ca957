// RUN: smopt %s | FileCheck %s
// RUN: smopt %s | smopt | FileCheck %s
// RUN: smopt --print-op-generic %s | smopt | FileCheck %s
// RUN: smopt --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// builtin.module and builtin.unrealized_conversion_cast in custom form.

// CHECK-LABEL: module @outer attributes {tt.flag, tt.n = 3 : i32} {
// GENERIC: "builtin.module"() <{sym_name = "outer"}> ({
module @outer attributes {tt.n = 3 : i32, tt.flag} {
  // CHECK-NEXT: module {
  // CHECK-NEXT: }
  // GENERIC: "builtin.module"() ({
  // GENERIC-NEXT: ^bb0:
  // GENERIC-NEXT: }) : () -> ()
  module {}
  // CHECK-NEXT: module @inner {
  module @inner {
    // CHECK-NEXT: func.func @casts(%arg0: i32, %arg1: f32) -> (f32, i64, f64) {
    func.func @casts(%a: i32, %b: f32) -> (f32, i64, f64) {
      // CHECK-NEXT: %0 = builtin.unrealized_conversion_cast %arg0 : i32 to f32
      // GENERIC: "builtin.unrealized_conversion_cast"(%arg0) : (i32) -> f32
      %0 = builtin.unrealized_conversion_cast %a : i32 to f32
      // CHECK-NEXT: %1:2 = builtin.unrealized_conversion_cast %arg0, %arg1 : i32, f32 to i64, f64
      // GENERIC: %1:2 = "builtin.unrealized_conversion_cast"(%arg0, %arg1) : (i32, f32) -> (i64, f64)
      %1:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to i64, f64
      // CHECK-NEXT: %2 = builtin.unrealized_conversion_cast to i32 {tt.x}
      %2 = unrealized_conversion_cast to i32 {tt.x}
      // CHECK-NEXT: return %0, %1#0, %1#1 : f32, i64, f64
      return %0, %1#0, %1#1 : f32, i64, f64
    }
  }
}
// CHECK-NEXT: }
// CHECK-NEXT: }
