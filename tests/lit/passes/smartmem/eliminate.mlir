// smartmem-eliminate removes re-indexing generics by composing their maps
// into producers (Variable -> Fixed) or consumers (Fixed -> Variable), and
// keeps what no map can express (eliminate-run.mlir checks the numbers).
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate)' | FileCheck %s

// The paper's example (DESIGN §6): reshape [2,256,4] -> [16,8,4,4], then
// transpose (0,2,1,3). The producer (relu) writes element (i,j,k) where the
// two copies would have put it; no copy is left.
// CHECK-LABEL: func.func @paper
// CHECK: "layout.generic"
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d0 * 8 + d1 floordiv 32, d1 mod 4, (d1 mod 32) floordiv 4, d2)>
// CHECK-SAME: kind = "relu"
// CHECK-NOT: "layout.generic"
// CHECK: return
func.func @paper(%x: tensor<2x256x4xf32>) -> tensor<16x4x8x4xf32> {
  %r = "graph.relu"(%x) : (tensor<2x256x4xf32>) -> tensor<2x256x4xf32>
  %s = "graph.reshape"(%r) <{shape = array<i64: 16, 8, 4, 4>}> : (tensor<2x256x4xf32>) -> tensor<16x8x4x4xf32>
  %t = "graph.transpose"(%s) <{perm = array<i64: 0, 2, 1, 3>}> : (tensor<16x8x4x4xf32>) -> tensor<16x4x8x4xf32>
  return %t : tensor<16x4x8x4xf32>
}

// Fixed -> Variable: a transposed graph input is read by the matmul through
// the transposed map (the input keeps its row-major layout).
// CHECK-LABEL: func.func @consumer
// CHECK: "layout.generic"(%arg0, %arg1)
// CHECK-SAME: affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-SAME: kind = "matmul"
// CHECK-NOT: "layout.generic"
func.func @consumer(%a: tensor<8x4xf32>, %b: tensor<8x5xf32>) -> tensor<4x5xf32> {
  %t = "graph.transpose"(%a) <{perm = array<i64: 1, 0>}> : (tensor<8x4xf32>) -> tensor<4x8xf32>
  %m = "graph.matmul"(%t, %b) : (tensor<4x8xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
  return %m : tensor<4x5xf32>
}

// A roll (concat of two slices of one tensor) becomes one map with a mod,
// which the consumer composes.
// CHECK-LABEL: func.func @roll
// CHECK: kind = "exp"
// CHECK: "layout.generic"
// CHECK-SAME: affine_map<(d0, d1) -> (d0, (d1 + 3) mod 8)>
// CHECK-SAME: kind = "relu"
// CHECK-NOT: "layout.generic"
func.func @roll(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %e = "graph.exp"(%x) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  %a = "graph.slice"(%e) <{starts = array<i64: 3>, ends = array<i64: 8>, axes = array<i64: 1>}> : (tensor<2x8xf32>) -> tensor<2x5xf32>
  %b = "graph.slice"(%e) <{starts = array<i64: 0>, ends = array<i64: 3>, axes = array<i64: 1>}> : (tensor<2x8xf32>) -> tensor<2x3xf32>
  %c = "graph.concat"(%a, %b) <{axis = 1 : i64}> : (tensor<2x5xf32>, tensor<2x3xf32>) -> tensor<2x8xf32>
  %d = "graph.relu"(%c) : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return %d : tensor<2x8xf32>
}

// A concat of unrelated tensors: the consumer reads both through zero-padded
// maps and adds them (exactly one is in bounds at each point).
// CHECK-LABEL: func.func @concat
// CHECK: "layout.generic"(%arg0, %arg1)
// CHECK-SAME: affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1 - 3)>
// CHECK-SAME: kind = "relu"
// CHECK-SAME: pad = [0.000000e+00 : f32, 0.000000e+00 : f32]
// CHECK-NOT: "layout.generic"
func.func @concat(%x: tensor<2x3xf32>, %y: tensor<2x4xf32>) -> tensor<2x7xf32> {
  %c = "graph.concat"(%x, %y) <{axis = 1 : i64}> : (tensor<2x3xf32>, tensor<2x4xf32>) -> tensor<2x7xf32>
  %d = "graph.relu"(%c) : (tensor<2x7xf32>) -> tensor<2x7xf32>
  return %d : tensor<2x7xf32>
}

// What must stay: a data-dependent gather (its body computes the index),
// and a slice read by a padded convolution window (composing it would
// read the neighbours of the slice instead of the padding).
// CHECK-LABEL: func.func @kept
// CHECK: "layout.generic"
// CHECK-SAME: kind = "slice"
// CHECK: "layout.generic"
// CHECK-SAME: kind = "conv"
// CHECK: "layout.generic"
// CHECK-SAME: kind = "gather"
// CHECK: layout.extract
func.func @kept(%x: tensor<1x1x6x6xf32>, %w: tensor<1x1x3x3xf32>, %t: tensor<5x3xf32>, %i: tensor<4xi64>) -> (tensor<1x1x4x4xf32>, tensor<4x3xf32>) {
  %s = "graph.slice"(%x) <{starts = array<i64: 1, 1>, ends = array<i64: 5, 5>, axes = array<i64: 2, 3>}> : (tensor<1x1x6x6xf32>) -> tensor<1x1x4x4xf32>
  %c = "graph.conv"(%s, %w) <{pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  %g = "graph.gather"(%t, %i) <{axis = 0 : i64}> : (tensor<5x3xf32>, tensor<4xi64>) -> tensor<4x3xf32>
  return %c, %g : tensor<1x1x4x4xf32>, tensor<4x3xf32>
}
