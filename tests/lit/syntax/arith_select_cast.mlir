// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// arith.select and the cast ops.
func.func @select(%c: i1, %a: i32, %b: i32, %vc: vector<4xi1>, %va: vector<4xf32>) -> (i32, vector<4xf32>) {
  %0 = arith.select %c, %a, %b : i32
  %1 = arith.select %vc, %va, %va : vector<4xi1>, vector<4xf32>
  return %0, %1 : i32, vector<4xf32>
}
func.func @casts(%i8: i8, %i32: i32, %f: f32, %h: f16, %i: index) {
  %0 = arith.extsi %i8 : i8 to i32
  %1 = arith.extui %i8 : i8 to i64
  %2 = arith.trunci %i32 : i32 to i16
  %3 = arith.sitofp %i32 : i32 to f32
  %4 = arith.uitofp %i32 : i32 to f64
  %5 = arith.fptosi %f : f32 to i32
  %6 = arith.fptoui %f : f32 to i64
  %7 = arith.extf %h : f16 to f32
  %8 = arith.truncf %f : f32 to f16
  %9 = arith.index_cast %i : index to i32
  %10 = arith.index_cast %i32 : i32 to index
  %11 = arith.bitcast %f : f32 to i32
  "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11) : (i32, i64, i16, f32, f64, i32, i64, f32, f16, i32, index, i32) -> ()
  return
}
func.func @shaped_casts(%t: tensor<4xi8>, %v: vector<2xf32>) -> (tensor<4xi32>, vector<2xf64>) {
  %0 = arith.extsi %t : tensor<4xi8> to tensor<4xi32>
  %1 = arith.extf %v : vector<2xf32> to vector<2xf64>
  return %0, %1 : tensor<4xi32>, vector<2xf64>
}

// CHECK: module {
// CHECK-NEXT:   func.func @select(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: vector<4xi1>, %arg4: vector<4xf32>) -> (i32, vector<4xf32>) {
// CHECK-NEXT:     %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:     %1 = arith.select %arg3, %arg4, %arg4 : vector<4xi1>, vector<4xf32>
// CHECK-NEXT:     return %0, %1 : i32, vector<4xf32>
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @casts(%arg0: i8, %arg1: i32, %arg2: f32, %arg3: f16, %arg4: index) {
// CHECK-NEXT:     %0 = arith.extsi %arg0 : i8 to i32
// CHECK-NEXT:     %1 = arith.extui %arg0 : i8 to i64
// CHECK-NEXT:     %2 = arith.trunci %arg1 : i32 to i16
// CHECK-NEXT:     %3 = arith.sitofp %arg1 : i32 to f32
// CHECK-NEXT:     %4 = arith.uitofp %arg1 : i32 to f64
// CHECK-NEXT:     %5 = arith.fptosi %arg2 : f32 to i32
// CHECK-NEXT:     %6 = arith.fptoui %arg2 : f32 to i64
// CHECK-NEXT:     %7 = arith.extf %arg3 : f16 to f32
// CHECK-NEXT:     %8 = arith.truncf %arg2 : f32 to f16
// CHECK-NEXT:     %9 = arith.index_cast %arg4 : index to i32
// CHECK-NEXT:     %10 = arith.index_cast %arg1 : i32 to index
// CHECK-NEXT:     %11 = arith.bitcast %arg2 : f32 to i32
// CHECK-NEXT:     "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11) : (i32, i64, i16, f32, f64, i32, i64, f32, f16, i32, index, i32) -> ()
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @shaped_casts(%arg0: tensor<4xi8>, %arg1: vector<2xf32>) -> (tensor<4xi32>, vector<2xf64>) {
// CHECK-NEXT:     %0 = arith.extsi %arg0 : tensor<4xi8> to tensor<4xi32>
// CHECK-NEXT:     %1 = arith.extf %arg1 : vector<2xf32> to vector<2xf64>
// CHECK-NEXT:     return %0, %1 : tensor<4xi32>, vector<2xf64>
// CHECK-NEXT:   }
// CHECK-NEXT: }
