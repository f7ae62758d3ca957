// RUN: smopt --allow-unregistered-dialect --cse %s | FileCheck %s

// Duplicate pure ops go; side-effecting and unregistered ops stay.
// CHECK-LABEL: func.func @dups
func.func @dups(%a: i32, %b: i32) -> i32 {
  // CHECK-NEXT: %[[X:.*]] = arith.addi %arg0, %arg1 : i32
  // CHECK-NEXT: %[[S:.*]] = arith.addi %[[X]], %[[X]] : i32
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %a, %b : i32
  %2 = arith.addi %0, %1 : i32
  // CHECK-NEXT: %[[E1:.*]] = "foo.pure"(%arg0)
  // CHECK-NEXT: %[[E2:.*]] = "foo.pure"(%arg0)
  %3 = "foo.pure"(%a) : (i32) -> i32
  %4 = "foo.pure"(%a) : (i32) -> i32
  // CHECK-NEXT: "foo.effect"(%[[S]])
  // CHECK-NEXT: "foo.effect"(%[[S]])
  "foo.effect"(%2) : (i32) -> ()
  "foo.effect"(%2) : (i32) -> ()
  // CHECK-NEXT: arith.addi %[[E1]], %[[E2]]
  %5 = arith.addi %3, %4 : i32
  return %5 : i32
}

// Different attributes, types or operand order (of a non-commutative op)
// are different expressions.
// CHECK-LABEL: func.func @distinct
func.func @distinct(%a: i32, %b: i32) -> (i32, i32, i64, i64) {
  // CHECK-COUNT-2: arith.subi
  %0 = arith.subi %a, %b : i32
  %1 = arith.subi %b, %a : i32
  // CHECK-COUNT-2: arith.constant
  %c = arith.constant 1 : i64
  %d = arith.constant 2 : i64
  // CHECK-NEXT: return
  return %0, %1, %c, %d : i32, i32, i64, i64
}

// Commutative ops are one expression whatever their operand order (as in
// MLIR's CSE): the first one stays. Their flags and types still count.
// CHECK-LABEL: func.func @commutative
func.func @commutative(%a: i32, %b: i32, %f: f32, %g: f32) -> (i32, i32, i32, i32, i32, i32, f32, f32, i32, i32, i64) {
  // CHECK-NEXT: %[[ADD:.*]] = arith.addi %arg0, %arg1 : i32
  // CHECK-NEXT: %[[MUL:.*]] = arith.muli %arg1, %arg0 : i32
  // CHECK-NEXT: %[[MAX:.*]] = arith.maxsi %arg0, %arg1 : i32
  // CHECK-NEXT: %[[MF:.*]] = arith.mulf %arg2, %arg3 : f32
  // CHECK-NEXT: %[[NSW:.*]] = arith.addi %arg1, %arg0 overflow<nsw> : i32
  // CHECK-NEXT: %[[SQ:.*]] = arith.addi %arg0, %arg0 : i32
  // CHECK-NEXT: %[[C:.*]] = "foo.c"() : () -> i64
  // CHECK-NEXT: %[[AC:.*]] = arith.andi %[[C]], %[[C]] : i64
  // CHECK-NEXT: return %[[ADD]], %[[ADD]], %[[MUL]], %[[MUL]], %[[MAX]], %[[MAX]], %[[MF]], %[[MF]], %[[NSW]], %[[SQ]], %[[AC]]
  %0 = arith.addi %a, %b : i32
  %1 = arith.addi %b, %a : i32
  %2 = arith.muli %b, %a : i32
  %3 = arith.muli %a, %b : i32
  %4 = arith.maxsi %a, %b : i32
  %5 = arith.maxsi %b, %a : i32
  %6 = arith.mulf %f, %g : f32
  %7 = arith.mulf %g, %f : f32
  // Different flags: a different expression.
  %8 = arith.addi %b, %a overflow<nsw> : i32
  // {a, a} is not {a, b}.
  %9 = arith.addi %a, %a : i32
  %c = "foo.c"() : () -> i64
  %10 = arith.andi %c, %c : i64
  %11 = arith.andi %c, %c : i64
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %11 : i32, i32, i32, i32, i32, i32, f32, f32, i32, i32, i64
}

// Values of an enclosing (non-isolated) scope are reused inside nested
// regions, but an op in a nested region is not visible after it.
// CHECK-LABEL: func.func @nested
func.func @nested(%a: i32, %b: i32) -> i32 {
  // CHECK: %[[O:.*]] = arith.muli %arg0, %arg1
  %0 = arith.muli %a, %b : i32
  // CHECK: "test.region"() ({
  "test.region"() ({
    // Unregistered ops isolate their regions (as MLIR assumes): kept.
    // CHECK-NEXT: arith.muli %arg0, %arg1
    %1 = arith.muli %a, %b : i32
    "foo.use"(%1) : (i32) -> ()
    "foo.yield"() : () -> ()
  }) : () -> ()
  // CHECK: %[[R:.*]] = arith.subi %[[O]], %[[O]]
  %2 = arith.muli %a, %b : i32
  %3 = arith.subi %0, %2 : i32
  // CHECK-NEXT: return %[[R]]
  return %3 : i32
}

// Unused pure ops are dropped, used ones kept.
// CHECK-LABEL: func.func @dead
func.func @dead(%a: i32) -> i32 {
  // CHECK-NOT: arith.muli
  %0 = arith.muli %a, %a : i32
  // CHECK: %[[K:.*]] = arith.addi
  %1 = arith.addi %a, %a : i32
  // CHECK-NEXT: return %[[K]]
  return %1 : i32
}

// Across blocks: only dominating blocks' expressions are reused.
// CHECK-LABEL: func.func @blocks
func.func @blocks(%a: i32) -> i32 {
  // CHECK: %[[A:.*]] = arith.addi %arg0, %arg0
  %0 = arith.addi %a, %a : i32
  "foo.use"(%0) : (i32) -> ()
  "foo.br"()[^bb1] : () -> ()
^bb1:
  // CHECK: ^bb1:
  // CHECK-NOT: arith.addi
  // CHECK: "foo.cond_br"
  %1 = arith.addi %a, %a : i32
  "foo.cond_br"()[^bb2, ^bb3] : () -> ()
^bb2:
  // CHECK: ^bb2:
  // CHECK-NEXT: %[[M:.*]] = arith.muli %[[A]], %[[A]]
  %2 = arith.muli %1, %1 : i32
  "foo.use"(%2) : (i32) -> ()
  "foo.br"()[^bb3] : () -> ()
^bb3:
  // bb2 does not dominate bb3: its muli is not reused.
  // CHECK: ^bb3:
  // CHECK-NEXT: %[[N:.*]] = arith.muli %[[A]], %[[A]]
  // CHECK-NEXT: return %[[N]]
  %3 = arith.muli %1, %1 : i32
  return %3 : i32
}
