// A cast to f16 or bf16 (ONNX Cast to FLOAT16/BFLOAT16): f16/bf16 tensors
// are held in f32, so the cast rounds to the narrow type and widens back in
// the same body (truncf rounds to nearest even and overflows to inf). Other
// sources reach f32 first (sitofp, truncf from f64), as onnxruntime does.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// Constant folding rounds the same way (and never drops the cast as a no-op).
// RUN: smopt %s --canonicalize | FileCheck %s --check-prefix=FOLD

// CHECK-LABEL: func.func @f32_to_f16
// CHECK: kind = "cast"
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[H:.*]] = arith.truncf %[[X]] : f32 to f16
// CHECK-NEXT: %[[W:.*]] = arith.extf %[[H]] : f16 to f32
// CHECK-NEXT: "layout.yield"(%[[W]])
// FOLD-LABEL: func.func @f32_to_f16
// FOLD: "graph.cast"(%arg0) <{to = f16}>
func.func @f32_to_f16(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "graph.cast"(%x) <{to = f16}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @i64_to_bf16
// CHECK: ^bb0(%[[X:.*]]: i64, %{{.*}}: f32):
// CHECK-NEXT: %[[F:.*]] = arith.sitofp %[[X]] : i64 to f32
// CHECK-NEXT: %[[B:.*]] = arith.truncf %[[F]] : f32 to bf16
// CHECK-NEXT: %[[W:.*]] = arith.extf %[[B]] : bf16 to f32
// CHECK-NEXT: "layout.yield"(%[[W]])
func.func @i64_to_bf16(%x: tensor<3xi64>) -> tensor<3xf32> {
  %0 = "graph.cast"(%x) <{to = bf16}> : (tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @f64_to_f16
// CHECK: %[[F:.*]] = arith.truncf %{{.*}} : f64 to f32
// CHECK-NEXT: %[[H:.*]] = arith.truncf %[[F]] : f32 to f16
// CHECK-NEXT: arith.extf %[[H]] : f16 to f32
func.func @f64_to_f16(%x: tensor<3xf64>) -> tensor<3xf32> {
  %0 = "graph.cast"(%x) <{to = f16}> : (tensor<3xf64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// A cast to f32 of an f32 tensor rounds nothing: a copy, which canonicalize removes.
// CHECK-LABEL: func.func @f32_to_f32
// CHECK-NEXT: "layout.generic"
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: "layout.yield"(%[[X]])
// FOLD-LABEL: func.func @f32_to_f32
// FOLD-NEXT: return %arg0
func.func @f32_to_f32(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = "graph.cast"(%x) <{to = f32}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// 65520 is the tie past f16's largest finite value 65504: inf. 2049 ties to
// 2048 (even), 2^-25 to 0 and 3 * 2^-25 to 2^-23 (subnormal halves).
// FOLD-LABEL: func.func @folded_f16
// FOLD: dense<[1.000000e+00, 0x7F800000, 0xFF800000, 6.550400e+04, 0.0999755859, 2.048000e+03, 0.000000e+00, 1.1920929E-7, 0x7FC00000]>
// FOLD-NOT: graph.cast
func.func @folded_f16() -> tensor<9xf32> {
  %c = "graph.constant"() <{value = dense<[1.0, 65520.0, -65520.0, 65519.0, 0.1, 2049.0, 2.98023224E-8, 8.94069672E-8, 0x7FC00000]> : tensor<9xf32>}> : () -> tensor<9xf32>
  %0 = "graph.cast"(%c) <{to = f16}> : (tensor<9xf32>) -> tensor<9xf32>
  return %0 : tensor<9xf32>
}

// bf16: 1 + 2^-8 ties to 1, 1 + 3 * 2^-8 to 1 + 2^-6; the largest f32 overflows.
// FOLD-LABEL: func.func @folded_bf16
// FOLD: dense<[1.000000e+00, 1.015625, 0x7F800000, 2.560000e+02]>
func.func @folded_bf16() -> tensor<4xf32> {
  %c = "graph.constant"() <{value = dense<[1.00390625, 1.01171875, 3.40282347E+38, 257.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "graph.cast"(%c) <{to = bf16}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
