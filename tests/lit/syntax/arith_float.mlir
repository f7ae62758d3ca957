// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Float arith ops in custom form, all float widths.
func.func @float_ops(%a: f32, %b: f32, %h: f16, %g: bf16, %d: f64) -> f32 {
  %0 = arith.addf %a, %b : f32
  %1 = arith.subf %0, %b : f32
  %2 = arith.mulf %1, %a : f32
  %3 = arith.divf %2, %b : f32
  %4 = arith.remf %3, %a : f32
  %5 = arith.addf %h, %h : f16
  %6 = arith.mulf %g, %g : bf16
  %7 = arith.divf %d, %d : f64
  "tt.use"(%5, %6, %7) : (f16, bf16, f64) -> ()
  return %4 : f32
}
func.func @shaped(%t: tensor<8xf32>, %v: vector<2x2xf16>) -> (tensor<8xf32>, vector<2x2xf16>) {
  %0 = arith.subf %t, %t : tensor<8xf32>
  %1 = arith.addf %v, %v : vector<2x2xf16>
  return %0, %1 : tensor<8xf32>, vector<2x2xf16>
}

// CHECK: module {
// CHECK-NEXT:   func.func @float_ops(%arg0: f32, %arg1: f32, %arg2: f16, %arg3: bf16, %arg4: f64) -> f32 {
// CHECK-NEXT:     %0 = arith.addf %arg0, %arg1 : f32
// CHECK-NEXT:     %1 = arith.subf %0, %arg1 : f32
// CHECK-NEXT:     %2 = arith.mulf %1, %arg0 : f32
// CHECK-NEXT:     %3 = arith.divf %2, %arg1 : f32
// CHECK-NEXT:     %4 = arith.remf %3, %arg0 : f32
// CHECK-NEXT:     %5 = arith.addf %arg2, %arg2 : f16
// CHECK-NEXT:     %6 = arith.mulf %arg3, %arg3 : bf16
// CHECK-NEXT:     %7 = arith.divf %arg4, %arg4 : f64
// CHECK-NEXT:     "tt.use"(%5, %6, %7) : (f16, bf16, f64) -> ()
// CHECK-NEXT:     return %4 : f32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @shaped(%arg0: tensor<8xf32>, %arg1: vector<2x2xf16>) -> (tensor<8xf32>, vector<2x2xf16>) {
// CHECK-NEXT:     %0 = arith.subf %arg0, %arg0 : tensor<8xf32>
// CHECK-NEXT:     %1 = arith.addf %arg1, %arg1 : vector<2x2xf16>
// CHECK-NEXT:     return %0, %1 : tensor<8xf32>, vector<2x2xf16>
// CHECK-NEXT:   }
// CHECK-NEXT: }
