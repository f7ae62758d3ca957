// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// arith.constant of every kind of value.
func.func @constants() {
  %0 = arith.constant 42 : i32
  %1 = arith.constant -1 : i64
  %2 = arith.constant true
  %3 = arith.constant false
  %4 = arith.constant 7 : index
  %5 = arith.constant 1.500000e+00 : f32
  %6 = arith.constant -0.000000e+00 : f64
  %7 = arith.constant 6.550400e+04 : f16
  %8 = arith.constant 3.140630e+00 : bf16
  %9 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
  %10 = arith.constant dense<0.000000e+00> : tensor<2x3xf32>
  %11 = arith.constant dense<[1.000000e+00, 2.000000e+00]> : vector<2xf32>
  %12 = arith.constant {tt.tag = "c"} 0 : i8
  %13 = arith.constant 0x7F800000 : f32
  %14 = arith.constant 255 : i8
  "tt.use"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14) : (i32, i64, i1, i1, index, f32, f64, f16, bf16, tensor<4xi32>, tensor<2x3xf32>, vector<2xf32>, i8, f32, i8) -> ()
  return
}

// CHECK: module {
// CHECK-NEXT:   func.func @constants() {
// CHECK-NEXT:     %c42_i32 = arith.constant 42 : i32
// CHECK-NEXT:     %c-1_i64 = arith.constant -1 : i64
// CHECK-NEXT:     %true = arith.constant true
// CHECK-NEXT:     %false = arith.constant false
// CHECK-NEXT:     %c7 = arith.constant 7 : index
// CHECK-NEXT:     %cst = arith.constant 1.500000e+00 : f32
// CHECK-NEXT:     %cst_0 = arith.constant -0.000000e+00 : f64
// CHECK-NEXT:     %cst_1 = arith.constant 6.550400e+04 : f16
// CHECK-NEXT:     %cst_2 = arith.constant 3.140630e+00 : bf16
// CHECK-NEXT:     %cst_3 = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi32>
// CHECK-NEXT:     %cst_4 = arith.constant dense<0.000000e+00> : tensor<2x3xf32>
// CHECK-NEXT:     %cst_5 = arith.constant dense<[1.000000e+00, 2.000000e+00]> : vector<2xf32>
// CHECK-NEXT:     %c0_i8 = arith.constant {tt.tag = "c"} 0 : i8
// CHECK-NEXT:     %cst_6 = arith.constant 0x7F800000 : f32
// CHECK-NEXT:     %c-1_i8 = arith.constant -1 : i8
// CHECK-NEXT:     "tt.use"(%c42_i32, %c-1_i64, %true, %false, %c7, %cst, %cst_0, %cst_1, %cst_2, %cst_3, %cst_4, %cst_5, %c0_i8, %cst_6, %c-1_i8) : (i32, i64, i1, i1, index, f32, f64, f16, bf16, tensor<4xi32>, tensor<2x3xf32>, vector<2xf32>, i8, f32, i8) -> ()
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }
