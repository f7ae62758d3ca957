// RUN: smopt --allow-unregistered-dialect --canonicalize %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect --pass-pipeline='builtin.module(func.func(canonicalize{max-iterations=3 top-down=false}))' %s | FileCheck %s

// Constants fold, are deduplicated and hoisted to the front of the function;
// unused pure ops go; used values, side effects and unregistered ops stay.
// CHECK-LABEL: func.func @fold
func.func @fold(%a: i32) -> i32 {
  // CHECK-NEXT: %[[C:.*]] = arith.constant 3 : i32
  // CHECK-NEXT: %[[S:.*]] = arith.addi %arg0, %[[C]]
  // CHECK-NEXT: "foo.effect"(%[[S]])
  // CHECK-NEXT: %[[P:.*]] = "foo.pure"(%[[C]])
  // CHECK-NEXT: return %[[P]]
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %dead = arith.muli %a, %a : i32
  %s = arith.addi %c1, %c2 : i32
  %0 = arith.addi %a, %s : i32
  "foo.effect"(%0) : (i32) -> ()
  %c3 = arith.constant 3 : i32
  %1 = "foo.pure"(%c3) : (i32) -> i32
  return %1 : i32
}

// x * 0 and x + 0 fold away through materialized constants.
// CHECK-LABEL: func.func @identities
func.func @identities(%a: i32) -> i32 {
  // CHECK-NEXT: return %arg0
  %z = arith.constant 0 : i32
  %0 = arith.muli %a, %z : i32
  %1 = arith.addi %a, %0 : i32
  return %1 : i32
}

// Unused unregistered ops may have effects: kept.
// CHECK-LABEL: func.func @keep
func.func @keep(%a: i32) {
  // CHECK-NEXT: "foo.unknown"(%arg0)
  %0 = "foo.unknown"(%a) : (i32) -> i32
  return
}
