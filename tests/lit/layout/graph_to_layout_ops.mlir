// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// The lowerings of graph_to_layout_{nn,reduce,shape}.c, one function per op:
// each op becomes the layout.generic form below and nothing else (numbers:
// the differential suite, tests/ops).

// Batch normalization after a conv with no other user folds into the conv's
// epilogue: one kernel, the per-channel operands read through (.., c, ..) -> (c).
// CHECK-LABEL: func.func @bn_folded
// CHECK: "layout.generic"(%arg0, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{domain = array<i64: 1, 4, 6, 6, 3, 3, 3>
// CHECK-SAME: affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1)>
// CHECK-SAME: kind = "conv+batch_normalization"
// CHECK: "math.sqrt"
// CHECK: arith.divf
// CHECK-NOT: layout.generic
// CHECK: return
func.func @bn_folded(%x: tensor<1x3x6x6xf32>) -> tensor<1x4x6x6xf32> {
  %w = "graph.constant"() <{value = dense<0.5> : tensor<4x3x3x3xf32>}> : () -> tensor<4x3x3x3xf32>
  %s = "graph.constant"() <{value = dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "graph.conv"(%x, %w) <{dilations = array<i64: 1, 1>, group = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}> : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %1 = "graph.batch_normalization"(%0, %s, %s, %s, %s) <{epsilon = 1.0e-3 : f32}> : (tensor<1x4x6x6xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  return %1 : tensor<1x4x6x6xf32>
}

// Alone, it is one element-wise per-channel kernel.
// CHECK-LABEL: func.func @bn_alone
// CHECK: "layout.generic"(%arg0, %arg1, %arg1, %arg1, %arg1) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "batch_normalization"}>
// CHECK-NOT: layout.generic
// CHECK: return
func.func @bn_alone(%x: tensor<2x3x4xf32>, %s: tensor<3xf32>) -> tensor<2x3x4xf32> {
  %1 = "graph.batch_normalization"(%x, %s, %s, %s, %s) : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}

// keepdims = 0 drops the reduced dim from the result map (no reshape copy);
// L2 squares in the body and takes the root in the epilogue.
// CHECK-LABEL: func.func @reduce_l2
// CHECK: "layout.generic"(%arg0) <{domain = array<i64: 3, 4, 5>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "reduction", "parallel"], kind = "reduce_l2"}>
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: "math.sqrt"
// CHECK-NOT: layout.generic
// CHECK: return
func.func @reduce_l2(%x: tensor<3x4x5xf32>) -> tensor<3x5xf32> {
  %0 = "graph.reduce_l2"(%x) <{axes = array<i64: -2>, keepdims = 0 : i64}> : (tensor<3x4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// Integer min over everything: the init is the type's largest value.
// CHECK-LABEL: func.func @reduce_min_int
// CHECK: indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (0, 0)>], init = [9223372036854775807], iterator_types = ["reduction", "reduction"], kind = "reduce_min"
// CHECK: arith.minsi
func.func @reduce_min_int(%x: tensor<3x4xi64>) -> tensor<1x1xi64> {
  %0 = "graph.reduce_min"(%x) : (tensor<3x4xi64>) -> tensor<1x1xi64>
  return %0 : tensor<1x1xi64>
}

// Integer mod takes the divisor's sign: remainder, then + divisor when the signs differ.
// CHECK-LABEL: func.func @mod
// CHECK: kind = "mod"
// CHECK: arith.remsi
// CHECK: arith.xori
// CHECK: arith.select
func.func @mod(%a: tensor<4xi64>, %b: tensor<4xi64>) -> tensor<4xi64> {
  %0 = "graph.mod"(%a, %b) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// Depth/space shuffles are affine re-indexings (copies SmartMem can fold).
// CHECK-LABEL: func.func @d2s
// CHECK: indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1 * 4 + (d2 mod 2) * 2 + d3 mod 2, d2 floordiv 2, d3 floordiv 2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]{{.*}}kind = "depth_to_space"
// CHECK: indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1 mod 2, d2 * 2 + d1 floordiv 4, d3 * 2 + (d1 floordiv 2) mod 2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]{{.*}}kind = "space_to_depth"
func.func @d2s(%x: tensor<1x8x2x3xf32>) -> (tensor<1x2x4x6xf32>, tensor<1x8x2x3xf32>) {
  %0 = "graph.depth_to_space"(%x) <{blocksize = 2 : i64, mode = "CRD"}> : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  %1 = "graph.space_to_depth"(%0) <{blocksize = 2 : i64}> : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
  return %0, %1 : tensor<1x2x4x6xf32>, tensor<1x8x2x3xf32>
}

// CHECK-LABEL: func.func @tile
// CHECK: indexing_maps = [affine_map<(d0, d1) -> (d0 mod 2, 0)>, affine_map<(d0, d1) -> (d0, d1)>]{{.*}}kind = "tile"
func.func @tile(%x: tensor<2x1xf32>) -> tensor<6x3xf32> {
  %0 = "graph.tile"(%x) <{repeats = array<i64: 3, 3>}> : (tensor<2x1xf32>) -> tensor<6x3xf32>
  return %0 : tensor<6x3xf32>
}

// CHECK-LABEL: func.func @gather_elements
// CHECK: "layout.generic"(%arg0, %arg1) <{domain = array<i64: 2, 4>, indexing_maps = [unit, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>]{{.*}}kind = "gather_elements"
// CHECK: arith.select
// CHECK: "layout.extract"
func.func @gather_elements(%x: tensor<3x4xf32>, %i: tensor<2x4xi64>) -> tensor<2x4xf32> {
  %0 = "graph.gather_elements"(%x, %i) <{axis = 0 : i64}> : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// Nearest resize: the source row of each output row comes from a constant
// table computed at compile time (asymmetric, floor: 0 0 1 1); unresized
// dims read the output index itself.
// CHECK-LABEL: func.func @resize_nearest
// CHECK: %[[T:.*]] = "graph.constant"() <{value = dense<[0, 0, 1, 1]> : tensor<4xi64>}>
// CHECK: "layout.generic"(%arg0, %[[T]]) <{domain = array<i64: 1, 1, 4, 3>, indexing_maps = [unit, affine_map<(d0, d1, d2, d3) -> (d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]{{.*}}kind = "resize"
// CHECK: "layout.extract"
func.func @resize_nearest(%x: tensor<1x1x2x3xf32>) -> tensor<1x1x4x3xf32> {
  %0 = "graph.resize"(%x) <{mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor", sizes = array<i64: 1, 1, 4, 3>}> : (tensor<1x1x2x3xf32>) -> tensor<1x1x4x3xf32>
  return %0 : tensor<1x1x4x3xf32>
}

// CHECK-LABEL: func.func @pad_reflect
// CHECK: "graph.constant"() <{value = dense<[2, 1, 0, 1, 2, 1, 0]> : tensor<7xi64>}>
// CHECK: kind = "pad"
func.func @pad_reflect(%x: tensor<3xf32>) -> tensor<7xf32> {
  %0 = "graph.pad"(%x) <{mode = "reflect", pads = array<i64: 2, 2>}> : (tensor<3xf32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// ScatterND: a reduction over the updates finds the matching one per element
// (init -1), then an element-wise op takes it or keeps the data.
// CHECK-LABEL: func.func @scatter_nd
// CHECK: %[[M:.*]] = "layout.generic"(%arg1) <{domain = array<i64: 4, 3, 2>, indexing_maps = [unit, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [-1], iterator_types = ["parallel", "parallel", "reduction"], kind = "scatter_nd_match"}>
// CHECK: "layout.generic"(%arg0, %[[M]], %arg2) <{domain = array<i64: 4, 3>{{.*}}kind = "scatter_nd"
func.func @scatter_nd(%x: tensor<4x3xf32>, %i: tensor<2x1xi64>, %u: tensor<2x3xf32>) -> tensor<4x3xf32> {
  %0 = "graph.scatter_nd"(%x, %i, %u) : (tensor<4x3xf32>, tensor<2x1xi64>, tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// Average pooling divides by the window positions inside the input (the
// default count_include_pad = 0), from a constant table.
// CHECK-LABEL: func.func @avg_pool
// CHECK: %[[C:.*]] = "graph.constant"() <{value = dense<{{\[}}[4.000000e+00, 6.000000e+00, 4.000000e+00], [6.000000e+00, 9.000000e+00, 6.000000e+00], [4.000000e+00, 6.000000e+00, 4.000000e+00]]> : tensor<3x3xf32>}>
// CHECK: "layout.generic"(%arg0, %[[C]])
// CHECK-SAME: affine_map<(d0, d1, d2, d3, d4, d5) -> (d2, d3)>
// CHECK-SAME: kind = "average_pool", pad = [0.000000e+00 : f32, unit]
// CHECK: arith.divf
func.func @avg_pool(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %0 = "graph.average_pool"(%x) <{kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}> : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  return %0 : tensor<1x1x3x3xf32>
}

// Shape and constant_of_shape become constants; a returned constant gets a
// copy kernel of its own; range computes start + i * delta.
// CHECK-LABEL: func.func @shape_range
// CHECK: %[[S:.*]] = "graph.constant"() <{value = dense<[2, 5]> : tensor<2xi64>}>
// CHECK: %[[R:.*]] = "layout.generic"(%arg1, %arg2) <{domain = array<i64: 3>, indexing_maps = [affine_map<(d0) -> ()>, affine_map<(d0) -> ()>, affine_map<(d0) -> (d0)>]{{.*}}kind = "range"
// CHECK: arith.muli
// CHECK: arith.addi
// CHECK: %[[F:.*]] = "graph.constant"() <{value = dense<1.500000e+00> : tensor<2x2xf32>}>
// CHECK: %[[CS:.*]] = "layout.generic"(%[[S]]) {{.*}}kind = "copy"
// CHECK: %[[CF:.*]] = "layout.generic"(%[[F]]) {{.*}}kind = "copy"
// CHECK: return %[[CS]], %[[R]], %[[CF]]
func.func @shape_range(%x: tensor<2x5xf32>, %s: tensor<i64>, %d: tensor<i64>) -> (tensor<2xi64>, tensor<3xi64>, tensor<2x2xf32>) {
  %0 = "graph.shape"(%x) : (tensor<2x5xf32>) -> tensor<2xi64>
  %1 = "graph.range"(%s, %s, %d) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
  %c = "graph.constant"() <{value = dense<[2, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %2 = "graph.constant_of_shape"(%c) <{value = dense<1.5> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<2x2xf32>
  return %0, %1, %2 : tensor<2xi64>, tensor<3xi64>, tensor<2x2xf32>
}

// A returned argument gets a copy; a kernel's result is returned as it is.
// CHECK-LABEL: func.func @returns_arg
// CHECK: %[[RELU:.*]] = "layout.generic"(%arg0) {{.*}}kind = "relu"
// CHECK: %[[COPY:.*]] = "layout.generic"(%arg0) {{.*}}kind = "copy"
// CHECK: return %[[COPY]], %[[RELU]]
func.func @returns_arg(%x: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  %0 = "graph.relu"(%x) : (tensor<3xf32>) -> tensor<3xf32>
  return %x, %0 : tensor<3xf32>, tensor<3xf32>
}

// MatMul with a vector operand: the vector's dim is the reduction only.
// CHECK-LABEL: func.func @matmul_vec
// CHECK: "layout.generic"(%arg0, %arg1) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "matmul"}>
func.func @matmul_vec(%a: tensor<2x3x4xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
  %0 = "graph.matmul"(%a, %b) : (tensor<2x3x4xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
