// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// Transposed convolution and einsum each become one layout.generic and nothing
// else (numbers: the differential suite, tests/ops/cases/{conv_transpose,einsum}).

// Strided: a gather over (n, m, oh, ow, c, kh, kw). x is read at
// floordiv(o - k + A*s, s) - A with 0 outside; a 0/1 constant over the shifted
// index j = o - k + A*s selects the taps that exist (j a multiple of the
// stride, j >= A*s); the bias is added in the epilogue.
// CHECK-LABEL: func.func @conv_transpose_strided
// CHECK: %[[M:.*]] = "graph.constant"() <{value = dense<{{\[\[}}0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [0.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00, 1.000000e+00, 0.000000e+00, 1.000000e+00]{{.*}} : tensor<7x7xf32>
// CHECK: "layout.generic"(%arg0, %arg1, %[[M]], %arg2) <{domain = array<i64: 1, 3, 6, 6, 2, 2, 2>, indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, (d2 - d5) floordiv 2, (d3 - d6) floordiv 2)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d1, d5, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d2 - d5 + 2, d3 - d6 + 2)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"], kind = "conv_transpose", pad = [0.000000e+00 : f32, unit, 0.000000e+00 : f32, unit]}>
// CHECK: %[[P:.*]] = arith.mulf
// CHECK: %[[C:.*]] = arith.cmpf ogt
// CHECK: %[[S:.*]] = arith.select %[[C]], %[[P]]
// CHECK: arith.addf %{{.*}}, %[[S]]
// CHECK: arith.addf
// CHECK-NOT: layout.generic
// CHECK: return
func.func @conv_transpose_strided(%x: tensor<1x2x3x3xf32>, %w: tensor<2x3x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x6x6xf32> {
  %0 = "graph.conv_transpose"(%x, %w, %b) <{strides = array<i64: 2, 2>}> : (tensor<1x2x3x3xf32>, tensor<2x3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x6x6xf32>
  return %0 : tensor<1x3x6x6xf32>
}

// Stride 1 needs no mask; groups pick the input channel (m floordiv M/g) * C/g + c
// and the weight's output channel m mod M/g.
// CHECK-LABEL: func.func @conv_transpose_group
// CHECK-NOT: graph.constant
// CHECK: "layout.generic"(%arg0, %arg1) <{domain = array<i64: 1, 6, 7, 2, 3>, indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, (d1 floordiv 3) * 2 + d3, d2 - d4)>, affine_map<(d0, d1, d2, d3, d4) -> ((d1 floordiv 3) * 2 + d3, d1 mod 3, d4)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"], kind = "conv_transpose", pad = [0.000000e+00 : f32, unit]}>
// CHECK-NOT: arith.select
// CHECK-NOT: layout.generic
// CHECK: return
func.func @conv_transpose_group(%x: tensor<1x4x5xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x6x7xf32> {
  %0 = "graph.conv_transpose"(%x, %w) <{group = 2 : i64}> : (tensor<1x4x5xf32>, tensor<4x3x3xf32>) -> tensor<1x6x7xf32>
  return %0 : tensor<1x6x7xf32>
}

// Einsum: the domain is the labels, output ones first; summed labels reduce.
// CHECK-LABEL: func.func @einsum_scores
// CHECK: "layout.generic"(%arg0, %arg1) <{domain = array<i64: 2, 3, 5, 4>, indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "parallel", "reduction"], kind = "einsum"}>
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK-NOT: layout.generic
// CHECK: return
func.func @einsum_scores(%a: tensor<2x3x4xf32>, %b: tensor<2x5x4xf32>) -> tensor<2x3x5xf32> {
  %0 = "graph.einsum"(%a, %b) <{equation = "bid,bjd->bij"}> : (tensor<2x3x4xf32>, tensor<2x5x4xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// A pure permutation is a copy through the permuted map.
// CHECK-LABEL: func.func @einsum_transpose
// CHECK: "layout.generic"(%arg0) <{domain = array<i64: 3, 2>, indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "einsum"}>
// CHECK-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: "layout.yield"(%[[A]])
// CHECK-NOT: layout.generic
// CHECK: return
func.func @einsum_transpose(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = "graph.einsum"(%a) <{equation = "ij->ji"}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}
