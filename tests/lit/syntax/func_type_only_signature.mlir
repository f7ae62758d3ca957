// RUN: smopt %s | FileCheck %s
// RUN: smopt %s > %t.1 && smopt %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --print-op-generic %s > %t.g1 && smopt --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --mlir-print-debuginfo %s > %t.d1 && smopt --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// A function with a type-only signature and a body: the entry block names
// its arguments itself.
func.func @add(f32, f32) -> f32 {
^bb0(%a: f32, %b: f32):
  %c = arith.addf %a, %b : f32
  return %c : f32
}
func.func @pick(i1, i32, i32) -> i32 {
^entry(%cond: i1, %x: i32, %y: i32):
  %r = arith.select %cond, %x, %y : i32
  return %r : i32
}
func.func private @decl(i32) -> i32

// CHECK: module {
// CHECK-NEXT:   func.func @add(%arg0: f32, %arg1: f32) -> f32 {
// CHECK-NEXT:     %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT:     return %0 : f32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @pick(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT:     %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:     return %0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func private @decl(i32) -> i32
// CHECK-NEXT: }
