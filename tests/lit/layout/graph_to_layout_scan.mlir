// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// Position-dependent ops (graph_to_layout_scan.c): the body sees values, not
// indices, so a small constant read through the domain supplies the position
// test (numbers: tests/ops/cases/{trilu,cum_sum,arg_max,arg_min}).

// Trilu: a 0/1 mask over (row, col), j - i >= k, selects x or 0.
// CHECK-LABEL: func.func @trilu
// CHECK: %[[M:.*]] = "graph.constant"() <{value = dense<{{\[\[}}0.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00], [0.000000e+00, 0.000000e+00, 1.000000e+00, 1.000000e+00], [0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00]]> : tensor<3x4xf32>}>
// CHECK: "layout.generic"(%arg0, %[[M]]) <{domain = array<i64: 2, 3, 4>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "trilu"}>
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK-NOT: layout.generic
// CHECK: return
func.func @trilu(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = "graph.trilu"(%x) <{k = 1 : i64, upper = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CumSum: one more domain dim j, summed; x read at j along the axis, the
// (i, j) mask (exclusive: j < i) keeps the terms position i adds up.
// CHECK-LABEL: func.func @cum_sum
// CHECK: %[[M:.*]] = "graph.constant"() <{value = dense<{{\[\[}}0.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 0.000000e+00, 0.000000e+00], [1.000000e+00, 1.000000e+00, 0.000000e+00]]> : tensor<3x3xf32>}>
// CHECK: "layout.generic"(%arg0, %[[M]]) <{domain = array<i64: 2, 3, 3>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "cum_sum"}>
// CHECK: arith.select
// CHECK: arith.addf
// CHECK-NOT: layout.generic
// CHECK: return
func.func @cum_sum(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = "graph.cum_sum"(%x) <{axis = 1 : i64, exclusive = 1 : i64, reverse = 0 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// ArgMax: the maximum (NaN never wins an ordered compare), then the largest
// position holding it (select_last_index; sentinel -1, turned into 0).
// CHECK-LABEL: func.func @arg_max
// CHECK: %[[MX:.*]] = "layout.generic"(%arg0) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], init = [0xFF800000 : f32], iterator_types = ["parallel", "reduction"], kind = "reduce_max"}>
// CHECK: arith.cmpf ogt
// CHECK: %[[P:.*]] = "graph.constant"() <{value = dense<[0, 1, 2]> : tensor<3xi64>}>
// CHECK: "layout.generic"(%arg0, %[[MX]], %[[P]]) <{domain = array<i64: 2, 3>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>], init = [-1], iterator_types = ["parallel", "reduction"], kind = "arg_max"}>
// CHECK: arith.cmpf oeq
// CHECK: arith.maxsi
// CHECK: arith.cmpi eq
// CHECK-NOT: layout.generic
// CHECK: return
func.func @arg_max(%x: tensor<2x3xf32>) -> tensor<2xi64> {
  %0 = "graph.arg_max"(%x) <{axis = 1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64}> : (tensor<2x3xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}
