// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s
// Round, reduce_log_sum and reduce_log_sum_exp as layout.generic (numbers:
// tests/ops/cases/{round,round_ties,reduce_log_sum,reduce_log_sum_exp}).

// Round halves to even from floor: t = x - floor(x); up when t > 0.5, or
// t == 0.5 and floor(x) odd. No x + 0.5 (it rounds 0.49999997 up).
// CHECK-LABEL: func.func @round
// CHECK: kind = "round"
// CHECK: %[[R:.*]] = "math.floor"(%arg1)
// CHECK: %[[T:.*]] = arith.subf %arg1, %[[R]]
// CHECK-NOT: arith.addf %arg1
// CHECK: arith.cmpf ogt, %[[T]]
// CHECK: arith.cmpf oeq, %[[T]]
// CHECK: arith.select
// CHECK-NOT: layout.generic
// CHECK: return
func.func @round(%x: tensor<5xf32>) -> tensor<5xf32> {
  %0 = "graph.round"(%x) : (tensor<5xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// Log-sum-exp is two generics: the maximum m, then sum(exp(x - m)) with
// log(acc) + m in the epilogue (m taken as 0 where it is infinite).
// CHECK-LABEL: func.func @log_sum_exp
// CHECK: %[[M:.*]] = "layout.generic"(%arg0) <{domain = array<i64: 3, 4>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], init = [0xFF800000 : f32], iterator_types = ["parallel", "reduction"], kind = "reduce_max"}>
// CHECK: arith.maximumf
// CHECK: "layout.generic"(%arg0, %[[M]]) <{domain = array<i64: 3, 4>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>, affine_map<(d0, d1) -> (d0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "reduction"], kind = "reduce_log_sum_exp"}>
// CHECK: arith.select
// CHECK: arith.subf
// CHECK: "math.exp"
// CHECK: arith.addf
// CHECK: "math.log"
// CHECK: arith.addf
// CHECK-NOT: layout.generic
// CHECK: return
func.func @log_sum_exp(%x: tensor<3x4xf32>) -> tensor<3xf32> {
  %0 = "graph.reduce_log_sum_exp"(%x) <{axes = array<i64: 1>, keepdims = 0 : i64}> : (tensor<3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// Log-sum: a sum with the log in the epilogue.
// CHECK-LABEL: func.func @log_sum
// CHECK: "layout.generic"(%arg0) <{domain = array<i64: 3, 4>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (0, d1)>], init = [0.000000e+00 : f32], iterator_types = ["reduction", "parallel"], kind = "reduce_log_sum"}>
// CHECK: arith.addf
// CHECK: "math.log"
// CHECK-NOT: layout.generic
// CHECK: return
func.func @log_sum(%x: tensor<3x4xf32>) -> tensor<1x4xf32> {
  %0 = "graph.reduce_log_sum"(%x) <{axes = array<i64: 0>}> : (tensor<3x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
