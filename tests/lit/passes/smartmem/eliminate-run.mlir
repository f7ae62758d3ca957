// The cases of eliminate.mlir in one function, run by the interpreter on
// the graph IR and after lowering + smartmem-eliminate: same outputs, and
// only the slice under a padded window and the gather remain copies.
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate)' -o %t.mlir
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 7 > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s
// RUN: grep -c '"layout.generic"' %t.mlir | FileCheck %s --check-prefix=COUNT
// CHECK-COUNT-6: : ok
// COUNT: 8
func.func @main(%x: tensor<2x256x4xf32>, %a: tensor<8x4xf32>, %b: tensor<8x5xf32>, %y: tensor<2x8xf32>,
                %p: tensor<2x3xf32>, %q: tensor<2x4xf32>, %ci: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>,
                %tab: tensor<5x3xf32>)
    -> (tensor<16x4x8x4xf32>, tensor<4x5xf32>, tensor<2x8xf32>, tensor<2x7xf32>, tensor<1x1x4x4xf32>, tensor<4x3xf32>) {
  %r = "graph.relu"(%x) : (tensor<2x256x4xf32>) -> tensor<2x256x4xf32>
  %s = "graph.reshape"(%r) <{shape = array<i64: 16, 8, 4, 4>}> : (tensor<2x256x4xf32>) -> tensor<16x8x4x4xf32>
  %t = "graph.transpose"(%s) <{perm = array<i64: 0, 2, 1, 3>}> : (tensor<16x8x4x4xf32>) -> tensor<16x4x8x4xf32>
  %at = "graph.transpose"(%a) <{perm = array<i64: 1, 0>}> : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %m = "graph.matmul"(%at, %b) : (tensor<4x8xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
  %e = "graph.exp"(%y) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %e1 = "graph.slice"(%e) <{starts = array<i64: 3>, ends = array<i64: 8>, axes = array<i64: 1>}> : (tensor<2x8xf32>) -> tensor<2x5xf32>
  %e2 = "graph.slice"(%e) <{starts = array<i64: 0>, ends = array<i64: 3>, axes = array<i64: 1>}> : (tensor<2x8xf32>) -> tensor<2x3xf32>
  %ec = "graph.concat"(%e1, %e2) <{axis = 1 : i64}> : (tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x8xf32>
  %er = "graph.relu"(%ec) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %pq = "graph.concat"(%p, %q) <{axis = 1 : i64}> : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x7xf32>
  %pr = "graph.relu"(%pq) : (tensor<2x7xf32>) -> tensor<2x7xf32>
  %cs = "graph.slice"(%ci) <{starts = array<i64: 1, 1>, ends = array<i64: 5, 5>, axes = array<i64: 2, 3>}> : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  %cv = "graph.conv"(%cs, %w) <{pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  %idx = "graph.constant"() <{value = dense<[4, 0, 2, 1]> : tensor<4xi64>}> : () -> tensor<4xi64>
  %g = "graph.gather"(%tab, %idx) <{axis = 0 : i64}> : (tensor<5x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return %t, %m, %er, %pr, %cv, %g : tensor<16x4x8x4xf32>, tensor<4x5xf32>, tensor<2x8xf32>, tensor<2x7xf32>, tensor<1x1x4x4xf32>, tensor<4x3xf32>
}
