// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// TopK (static k): ranks over (x dims..., j), then values and indices each
// gather the element of rank p with a select (numbers: tests/ops/cases/top_k).

// CHECK-LABEL: func.func @top_k
// CHECK: %[[LT:.*]] = "graph.constant"() <{value = dense<{{\[\[}}0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00]]> : tensor<4x4xf32>}>
// CHECK: %[[P:.*]] = "graph.constant"() <{value = dense<[0, 1, 2, 3]> : tensor<4xi64>}>
// CHECK: %[[R:.*]] = "layout.generic"(%arg0, %arg0, %[[LT]]) <{domain = array<i64: 2, 4, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0], iterator_types = ["parallel", "parallel", "reduction"], kind = "top_k_rank"}>
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf uno
// CHECK: arith.addi
// CHECK: "layout.generic"(%arg0, %[[R]], %[[P]]) <{domain = array<i64: 2, 2, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "top_k_values"}>
// CHECK: arith.cmpi eq
// CHECK: arith.select
// CHECK: "layout.generic"(%[[R]], %[[P]], %[[P]]) <{domain = array<i64: 2, 2, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1)>, affine_map<(d0, d1, d2) -> (d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0], iterator_types = ["parallel", "parallel", "reduction"], kind = "top_k_indices"}>
// CHECK-NOT: layout.generic
// CHECK: return
func.func @top_k(%x: tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>) {
  %0:2 = "graph.top_k"(%x) <{axis = 1 : i64, k = 2 : i64, largest = 1 : i64, sorted = 1 : i64}> : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xi64>)
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<2x2xi64>
}
