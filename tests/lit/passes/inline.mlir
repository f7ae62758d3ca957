// RUN: smopt --inline %s | FileCheck %s
// RUN: smopt --pass-pipeline='builtin.module(inline,symbol-dce)' %s | FileCheck %s --check-prefix=DCE

// CHECK-LABEL: func.func @caller
func.func @caller(%x: i32) -> i32 {
  // CHECK-NEXT: %[[C:.*]] = arith.constant 2 : i32
  // CHECK-NEXT: %[[M:.*]] = arith.muli %arg0, %[[C]]
  // CHECK-NEXT: %[[A:.*]] = arith.addi %[[M]], %arg0
  // CHECK-NEXT: return %[[A]]
  %0 = func.call @twice(%x) : (i32) -> i32
  %1 = func.call @add(%0, %x) : (i32, i32) -> i32
  return %1 : i32
}
// A call exposed by inlining is inlined in the next round.
// CHECK-LABEL: func.func @outer
func.func @outer(%x: i32) -> i32 {
  // CHECK-NOT: call
  // CHECK: arith.muli
  %0 = func.call @via(%x) : (i32) -> i32
  return %0 : i32
}
// Recursion and declarations are left alone.
// CHECK-LABEL: func.func @rec
func.func @rec(%x: i32) -> i32 {
  // CHECK-NEXT: call @rec(%arg0)
  // CHECK-NEXT: call @decl(
  %0 = func.call @rec(%x) : (i32) -> i32
  %1 = func.call @decl(%0) : (i32) -> i32
  return %1 : i32
}
func.func private @twice(%a: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %0 = arith.muli %a, %c2 : i32
  return %0 : i32
}
func.func private @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
func.func private @via(%a: i32) -> i32 {
  %0 = func.call @twice(%a) : (i32) -> i32
  return %0 : i32
}
func.func private @decl(i32) -> i32

// The callees are still there after inline alone; symbol-dce removes them.
// CHECK: func.func private @twice
// DCE-NOT: @twice
// DCE-NOT: @add
// DCE: func.func private @decl
