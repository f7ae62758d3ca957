// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// Group (and instance) normalization: mean, then variance from (x - mean)^2
// (two passes), then the element-wise normalisation reading the statistics
// at (n, c floordiv C/G) (numbers: tests/ops/cases/{group,instance}_normalization).

// CHECK-LABEL: func.func @group_norm
// CHECK: %[[M:.*]] = "layout.generic"(%arg0) <{domain = array<i64: 2, 2, 2, 5>, indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1 * 2 + d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction", "reduction"], kind = "group_mean"}>
// CHECK: arith.divf
// CHECK: %[[V:.*]] = "layout.generic"(%arg0, %[[M]]) <{domain = array<i64: 2, 2, 2, 5>, {{.*}} kind = "group_variance"}>
// CHECK: arith.subf
// CHECK: arith.mulf
// CHECK: arith.divf
// CHECK: "layout.generic"(%arg0, %[[M]], %[[V]], %arg1, %arg1) <{domain = array<i64: 2, 4, 5>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "group_normalization"}>
// CHECK: "math.sqrt"
// CHECK-NOT: layout.generic
// CHECK: return
func.func @group_norm(%x: tensor<2x4x5xf32>, %s: tensor<2xf32>) -> tensor<2x4x5xf32> {
  %0 = "graph.group_normalization"(%x, %s, %s) <{epsilon = 1.0e-3 : f32, num_groups = 2 : i64}> : (tensor<2x4x5xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// Opset 21's form: scale and bias per channel ([C]), read at (c), while the
// statistics stay per group.
// CHECK-LABEL: func.func @group_norm_per_channel
// CHECK: kind = "group_mean"
// CHECK: kind = "group_variance"
// CHECK: "layout.generic"(%arg0, %{{.*}}, %{{.*}}, %arg1, %arg2) <{domain = array<i64: 2, 4, 5>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d0, d1 floordiv 2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "group_normalization"}>
// CHECK-NOT: layout.generic
// CHECK: return
func.func @group_norm_per_channel(%x: tensor<2x4x5xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<2x4x5xf32> {
  %0 = "graph.group_normalization"(%x, %s, %b) <{num_groups = 2 : i64}> : (tensor<2x4x5xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<2x4x5xf32>
  return %0 : tensor<2x4x5xf32>
}

// Instance normalization is the one-channel-per-group case: scale and bias per channel.
// CHECK-LABEL: func.func @instance_norm
// CHECK: kind = "group_mean"
// CHECK: kind = "group_variance"
// CHECK: "layout.generic"(%arg0, %{{.*}}, %{{.*}}, %arg1, %arg2) <{domain = array<i64: 1, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "instance_normalization"}>
// CHECK-NOT: layout.generic
// CHECK: return
func.func @instance_norm(%x: tensor<1x3x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>) -> tensor<1x3x4xf32> {
  %0 = "graph.instance_normalization"(%x, %s, %b) : (tensor<1x3x4xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x4xf32>
  return %0 : tensor<1x3x4xf32>
}
