// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// func.call and func.return, with and without prefix, zero/one/many results.
func.func private @callee0()
func.func private @callee1(i32) -> i32
func.func private @callee2(i32, f32) -> (i32, f32)
func.func @caller(%arg0: i32, %arg1: f32) -> (i32, f32) {
  call @callee0() : () -> ()
  %0 = call @callee1(%arg0) : (i32) -> i32
  %1:2 = func.call @callee2(%0, %arg1) : (i32, f32) -> (i32, f32)
  %2 = func.call @callee1(%1#0) {tt.note = "tail"} : (i32) -> i32
  func.return %2, %1#1 : i32, f32
}
module @m {
  func.func private @ext()
}
func.func @cross() {
  "tt.call_nested"() {callee = @m::@ext} : () -> ()
  return
}

// CHECK: module {
// CHECK-NEXT:   func.func private @callee0()
// CHECK-NEXT:   func.func private @callee1(i32) -> i32
// CHECK-NEXT:   func.func private @callee2(i32, f32) -> (i32, f32)
// CHECK-NEXT:   func.func @caller(%arg0: i32, %arg1: f32) -> (i32, f32) {
// CHECK-NEXT:     call @callee0() : () -> ()
// CHECK-NEXT:     %0 = call @callee1(%arg0) : (i32) -> i32
// CHECK-NEXT:     %1:2 = call @callee2(%0, %arg1) : (i32, f32) -> (i32, f32)
// CHECK-NEXT:     %2 = call @callee1(%1#0) {tt.note = "tail"} : (i32) -> i32
// CHECK-NEXT:     return %2, %1#1 : i32, f32
// CHECK-NEXT:   }
// CHECK-NEXT:   module @m {
// CHECK-NEXT:     func.func private @ext()
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @cross() {
// CHECK-NEXT:     "tt.call_nested"() {callee = @m::@ext} : () -> ()
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
