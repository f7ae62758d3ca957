// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Index arithmetic: index-typed arith ops and index casts, as a layout computation.
func.func @linearize(%i: index, %j: index, %k: index) -> i64 {
  %c4 = arith.constant 4 : index
  %c32 = arith.constant 32 : index
  %0 = arith.muli %i, %c32 : index
  %1 = arith.divui %j, %c4 : index
  %2 = arith.remui %j, %c4 : index
  %3 = arith.addi %0, %1 : index
  %4 = arith.muli %3, %c4 : index
  %5 = arith.addi %4, %2 : index
  %6 = arith.subi %5, %k : index
  %7 = arith.divsi %6, %c4 : index
  %8 = arith.remsi %7, %c32 : index
  %9 = arith.index_cast %8 : index to i64
  return %9 : i64
}

// CHECK: module {
// CHECK-NEXT:   func.func @linearize(%arg0: index, %arg1: index, %arg2: index) -> i64 {
// CHECK-NEXT:     %c4 = arith.constant 4 : index
// CHECK-NEXT:     %c32 = arith.constant 32 : index
// CHECK-NEXT:     %0 = arith.muli %arg0, %c32 : index
// CHECK-NEXT:     %1 = arith.divui %arg1, %c4 : index
// CHECK-NEXT:     %2 = arith.remui %arg1, %c4 : index
// CHECK-NEXT:     %3 = arith.addi %0, %1 : index
// CHECK-NEXT:     %4 = arith.muli %3, %c4 : index
// CHECK-NEXT:     %5 = arith.addi %4, %2 : index
// CHECK-NEXT:     %6 = arith.subi %5, %arg2 : index
// CHECK-NEXT:     %7 = arith.divsi %6, %c4 : index
// CHECK-NEXT:     %8 = arith.remsi %7, %c32 : index
// CHECK-NEXT:     %9 = arith.index_cast %8 : index to i64
// CHECK-NEXT:     return %9 : i64
// CHECK-NEXT:   }
// CHECK-NEXT: }
