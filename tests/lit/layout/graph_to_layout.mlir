// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false})' | FileCheck %s --check-prefix=NOFUSE

// Conv with padding: the input read is bounds-checked (pad 0.0), the bias is
// added in the epilogue, and the Relu is fused into that epilogue.
// CHECK-LABEL: func.func @conv_relu
// CHECK: "layout.generic"(%arg0, %{{.*}}, %{{.*}}) <{domain = array<i64: 1, 4, 8, 8, 3, 3, 3>,
// CHECK-SAME: affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 + d5 - 1, d3 + d6 - 1)>
// CHECK-SAME: init = [0.000000e+00 : f32]
// CHECK-SAME: iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]
// CHECK-SAME: kind = "conv+relu", pad = [0.000000e+00 : f32, unit, unit]
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: "layout.yield"
// CHECK: ^bb0(
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK-NOT: layout.generic
// CHECK: return
// NOFUSE-LABEL: func.func @conv_relu
// NOFUSE: kind = "conv"
// NOFUSE: kind = "relu"
func.func @conv_relu(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x8x8xf32> {
  %w = "graph.constant"() <{value = dense<0.5> : tensor<4x3x3x3xf32>}> : () -> tensor<4x3x3x3xf32>
  %b = "graph.constant"() <{value = dense<0.25> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "graph.conv"(%x, %w, %b) <{dilations = array<i64: 1, 1>, group = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %1 = "graph.relu"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %1 : tensor<1x4x8x8xf32>
}

// Fixed ops become copies whose input map is the re-indexing.
// CHECK-LABEL: func.func @fixed
// CHECK: "layout.generic"(%arg0) <{domain = array<i64: 2, 4, 3>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "transpose"}>
// CHECK: "layout.generic"(%{{.*}}) <{domain = array<i64: 4, 6>, indexing_maps = [affine_map<(d0, d1) -> ((d0 * 6 + d1) floordiv 12, (d0 * 2 + d1 floordiv 3) mod 4, d1 mod 3)>, affine_map<(d0, d1) -> (d0, d1)>]{{.*}}kind = "reshape"}>
// CHECK: "layout.generic"(%{{.*}}) <{domain = array<i64: 4, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1 * 2 + 1)>, affine_map<(d0, d1) -> (d0, d1)>]{{.*}}kind = "slice"}>
func.func @fixed(%x: tensor<2x3x4xf32>) -> tensor<4x3xf32> {
  %0 = "graph.transpose"(%x) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  %1 = "graph.reshape"(%0) <{shape = array<i64: 4, 6>}> : (tensor<2x4x3xf32>) -> tensor<4x6xf32>
  %2 = "graph.slice"(%1) <{axes = array<i64: 1>, ends = array<i64: 6>, starts = array<i64: 1>, steps = array<i64: 2>}> : (tensor<4x6xf32>) -> tensor<4x3xf32>
  return %2 : tensor<4x3xf32>
}

// Concat: each input is read shifted along the axis with a 0 pad; the body sums.
// CHECK-LABEL: func.func @concat
// CHECK: indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1 - 2)>
// CHECK-SAME: kind = "concat", pad = [0.000000e+00 : f32, 0.000000e+00 : f32]
func.func @concat(%a: tensor<3x2xf32>, %b: tensor<3x5xf32>) -> tensor<3x7xf32> {
  %0 = "graph.concat"(%a, %b) <{axis = 1 : i64}> : (tensor<3x2xf32>, tensor<3x5xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}

// Data-dependent gather: the table has no indexing map (unit) and the body
// computes the row with layout.index / layout.extract.
// CHECK-LABEL: func.func @gather
// CHECK: "layout.generic"(%arg0, %arg1) <{domain = array<i64: 1, 5, 8>, indexing_maps = [unit, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK: arith.index_cast
// CHECK: "layout.index"() <{dim = 2 : i64}>
// CHECK: "layout.extract"(%{{.*}}, %{{.*}}) <{operand = 0 : i64}>
func.func @gather(%t: tensor<16x8xf32>, %i: tensor<1x5xi64>) -> tensor<1x5x8xf32> {
  %0 = "graph.gather"(%t, %i) <{axis = 0 : i64}> : (tensor<16x8xf32>, tensor<1x5xi64>) -> tensor<1x5x8xf32>
  return %0 : tensor<1x5x8xf32>
}

// Softmax: max and sum-of-exp reductions (keeping the axis as size 1), then
// the normalisation. A scalar constant operand is inlined as arith.constant.
// CHECK-LABEL: func.func @softmax
// CHECK: kind = "softmax_max"
// CHECK: -> tensor<2x1xf32>
// CHECK: kind = "softmax_sum"
// CHECK: math.exp
// CHECK: kind = "softmax_div+mul"
// CHECK: arith.constant 2.000000e+00 : f32
func.func @softmax(%x: tensor<2x6xf32>) -> tensor<2x6xf32> {
  %c = "graph.constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %0 = "graph.softmax"(%x) <{axis = 1 : i64}> : (tensor<2x6xf32>) -> tensor<2x6xf32>
  %1 = "graph.mul"(%0, %c) : (tensor<2x6xf32>, tensor<f32>) -> tensor<2x6xf32>
  return %1 : tensor<2x6xf32>
}
