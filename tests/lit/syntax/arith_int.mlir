// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Integer arith ops in custom form.
func.func @int_ops(%a: i32, %b: i32, %i: index, %j: index) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.subi %0, %b : i32
  %2 = arith.muli %1, %a : i32
  %3 = arith.divsi %2, %b : i32
  %4 = arith.divui %3, %b : i32
  %5 = arith.remsi %4, %a : i32
  %6 = arith.remui %5, %a : i32
  %7 = arith.addi %i, %j : index
  %8 = arith.muli %7, %j : index
  "tt.use"(%8) : (index) -> ()
  return %6 : i32
}
func.func @vector_tensor(%v: vector<4xi16>, %t: tensor<2x3xi64>) -> (vector<4xi16>, tensor<2x3xi64>) {
  %0 = arith.addi %v, %v : vector<4xi16>
  %1 = arith.muli %t, %t : tensor<2x3xi64>
  return %0, %1 : vector<4xi16>, tensor<2x3xi64>
}

// CHECK: module {
// CHECK-NEXT:   func.func @int_ops(%arg0: i32, %arg1: i32, %arg2: index, %arg3: index) -> i32 {
// CHECK-NEXT:     %0 = arith.addi %arg0, %arg1 : i32
// CHECK-NEXT:     %1 = arith.subi %0, %arg1 : i32
// CHECK-NEXT:     %2 = arith.muli %1, %arg0 : i32
// CHECK-NEXT:     %3 = arith.divsi %2, %arg1 : i32
// CHECK-NEXT:     %4 = arith.divui %3, %arg1 : i32
// CHECK-NEXT:     %5 = arith.remsi %4, %arg0 : i32
// CHECK-NEXT:     %6 = arith.remui %5, %arg0 : i32
// CHECK-NEXT:     %7 = arith.addi %arg2, %arg3 : index
// CHECK-NEXT:     %8 = arith.muli %7, %arg3 : index
// CHECK-NEXT:     "tt.use"(%8) : (index) -> ()
// CHECK-NEXT:     return %6 : i32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @vector_tensor(%arg0: vector<4xi16>, %arg1: tensor<2x3xi64>) -> (vector<4xi16>, tensor<2x3xi64>) {
// CHECK-NEXT:     %0 = arith.addi %arg0, %arg0 : vector<4xi16>
// CHECK-NEXT:     %1 = arith.muli %arg1, %arg1 : tensor<2x3xi64>
// CHECK-NEXT:     return %0, %1 : vector<4xi16>, tensor<2x3xi64>
// CHECK-NEXT:   }
// CHECK-NEXT: }
