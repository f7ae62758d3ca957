// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// arith.cmpi / arith.cmpf with every predicate.
func.func @cmpi(%a: i32, %b: i32, %x: index) {
  %0 = arith.cmpi eq, %a, %b : i32
  %1 = arith.cmpi ne, %a, %b : i32
  %2 = arith.cmpi slt, %a, %b : i32
  %3 = arith.cmpi sle, %a, %b : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  %5 = arith.cmpi sge, %a, %b : i32
  %6 = arith.cmpi ult, %a, %b : i32
  %7 = arith.cmpi ule, %a, %b : i32
  %8 = arith.cmpi ugt, %a, %b : i32
  %9 = arith.cmpi uge, %x, %x : index
  "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9) : (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) -> ()
  return
}
func.func @cmpf(%a: f32, %b: f32) {
  %0 = arith.cmpf false, %a, %b : f32
  %1 = arith.cmpf oeq, %a, %b : f32
  %2 = arith.cmpf ogt, %a, %b : f32
  %3 = arith.cmpf oge, %a, %b : f32
  %4 = arith.cmpf olt, %a, %b : f32
  %5 = arith.cmpf ole, %a, %b : f32
  %6 = arith.cmpf one, %a, %b : f32
  %7 = arith.cmpf ord, %a, %b : f32
  %8 = arith.cmpf ueq, %a, %b : f32
  %9 = arith.cmpf ugt, %a, %b : f32
  %10 = arith.cmpf uge, %a, %b : f32
  %11 = arith.cmpf ult, %a, %b : f32
  %12 = arith.cmpf ule, %a, %b : f32
  %13 = arith.cmpf une, %a, %b : f32
  %14 = arith.cmpf uno, %a, %b : f32
  %15 = arith.cmpf true, %a, %b : f32
  "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15) : (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) -> ()
  return
}
func.func @cmp_vector(%a: vector<4xi32>, %b: tensor<4xf64>) -> (vector<4xi1>, tensor<4xi1>) {
  %0 = arith.cmpi sle, %a, %a : vector<4xi32>
  %1 = arith.cmpf olt, %b, %b : tensor<4xf64>
  return %0, %1 : vector<4xi1>, tensor<4xi1>
}

// CHECK: module {
// CHECK-NEXT:   func.func @cmpi(%arg0: i32, %arg1: i32, %arg2: index) {
// CHECK-NEXT:     %0 = arith.cmpi eq, %arg0, %arg1 : i32
// CHECK-NEXT:     %1 = arith.cmpi ne, %arg0, %arg1 : i32
// CHECK-NEXT:     %2 = arith.cmpi slt, %arg0, %arg1 : i32
// CHECK-NEXT:     %3 = arith.cmpi sle, %arg0, %arg1 : i32
// CHECK-NEXT:     %4 = arith.cmpi sgt, %arg0, %arg1 : i32
// CHECK-NEXT:     %5 = arith.cmpi sge, %arg0, %arg1 : i32
// CHECK-NEXT:     %6 = arith.cmpi ult, %arg0, %arg1 : i32
// CHECK-NEXT:     %7 = arith.cmpi ule, %arg0, %arg1 : i32
// CHECK-NEXT:     %8 = arith.cmpi ugt, %arg0, %arg1 : i32
// CHECK-NEXT:     %9 = arith.cmpi uge, %arg2, %arg2 : index
// CHECK-NEXT:     "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9) : (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) -> ()
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @cmpf(%arg0: f32, %arg1: f32) {
// CHECK-NEXT:     %0 = arith.cmpf false, %arg0, %arg1 : f32
// CHECK-NEXT:     %1 = arith.cmpf oeq, %arg0, %arg1 : f32
// CHECK-NEXT:     %2 = arith.cmpf ogt, %arg0, %arg1 : f32
// CHECK-NEXT:     %3 = arith.cmpf oge, %arg0, %arg1 : f32
// CHECK-NEXT:     %4 = arith.cmpf olt, %arg0, %arg1 : f32
// CHECK-NEXT:     %5 = arith.cmpf ole, %arg0, %arg1 : f32
// CHECK-NEXT:     %6 = arith.cmpf one, %arg0, %arg1 : f32
// CHECK-NEXT:     %7 = arith.cmpf ord, %arg0, %arg1 : f32
// CHECK-NEXT:     %8 = arith.cmpf ueq, %arg0, %arg1 : f32
// CHECK-NEXT:     %9 = arith.cmpf ugt, %arg0, %arg1 : f32
// CHECK-NEXT:     %10 = arith.cmpf uge, %arg0, %arg1 : f32
// CHECK-NEXT:     %11 = arith.cmpf ult, %arg0, %arg1 : f32
// CHECK-NEXT:     %12 = arith.cmpf ule, %arg0, %arg1 : f32
// CHECK-NEXT:     %13 = arith.cmpf une, %arg0, %arg1 : f32
// CHECK-NEXT:     %14 = arith.cmpf uno, %arg0, %arg1 : f32
// CHECK-NEXT:     %15 = arith.cmpf true, %arg0, %arg1 : f32
// CHECK-NEXT:     "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15) : (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) -> ()
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @cmp_vector(%arg0: vector<4xi32>, %arg1: tensor<4xf64>) -> (vector<4xi1>, tensor<4xi1>) {
// CHECK-NEXT:     %0 = arith.cmpi sle, %arg0, %arg0 : vector<4xi32>
// CHECK-NEXT:     %1 = arith.cmpf olt, %arg1, %arg1 : tensor<4xf64>
// CHECK-NEXT:     return %0, %1 : vector<4xi1>, tensor<4xi1>
// CHECK-NEXT:   }
// CHECK-NEXT: }
