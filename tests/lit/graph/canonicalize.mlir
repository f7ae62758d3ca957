// Graph-dialect folders and canonicalization patterns: what each one does
// and what it must leave alone.
// RUN: smopt %s --split-input-file --canonicalize | FileCheck %s

// squeeze / unsqueeze / flatten become reshape to the static result shape.
// CHECK-LABEL: func.func @to_reshape
// CHECK-NEXT: %0 = "graph.reshape"(%arg0) <{shape = array<i64: 3, 4>}> : (tensor<1x3x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: %1 = "graph.reshape"(%arg0) <{shape = array<i64: 1, 1, 3, 4>}> : (tensor<1x3x4xf32>) -> tensor<1x1x3x4xf32>
// CHECK-NEXT: %2 = "graph.reshape"(%arg0) <{shape = array<i64: 3, 4>}> : (tensor<1x3x4xf32>) -> tensor<3x4xf32>
// CHECK-NEXT: return %0, %1, %2
func.func @to_reshape(%x: tensor<1x3x4xf32>) -> (tensor<3x4xf32>, tensor<1x1x3x4xf32>, tensor<3x4xf32>) {
  %0 = "graph.squeeze"(%x) <{axes = array<i64: 0>}> : (tensor<1x3x4xf32>) -> tensor<3x4xf32>
  %1 = "graph.unsqueeze"(%x) <{axes = array<i64: 0>}> : (tensor<1x3x4xf32>) -> tensor<1x1x3x4xf32>
  %2 = "graph.flatten"(%x) <{axis = 2 : i64}> : (tensor<1x3x4xf32>) -> tensor<3x4xf32>
  return %0, %1, %2 : tensor<3x4xf32>, tensor<1x1x3x4xf32>, tensor<3x4xf32>
}

// -----

// reshape of reshape reads the first operand; the target shape becomes
// explicit (0 and -1 resolved).
// CHECK-LABEL: func.func @reshape_reshape
// CHECK-NEXT: %0 = "graph.reshape"(%arg0) <{shape = array<i64: 4, 6>}> : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %0
func.func @reshape_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = "graph.reshape"(%x) <{shape = array<i64: 0, -1>}> : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %1 = "graph.reshape"(%0) <{shape = array<i64: 4, -1>}> : (tensor<2x12xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// The inner reshape has a second use: it stays (for that use), the outer
// one still reads %arg0 directly.
// CHECK-LABEL: func.func @reshape_two_uses
// CHECK-DAG: %[[A:.*]] = "graph.reshape"(%arg0) <{shape = array<i64: 2, 12>}>
// CHECK-DAG: %[[B:.*]] = "graph.reshape"(%arg0) <{shape = array<i64: 24>}>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_two_uses(%x: tensor<2x3x4xf32>) -> (tensor<2x12xf32>, tensor<24xf32>) {
  %0 = "graph.reshape"(%x) <{shape = array<i64: 2, 12>}> : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  %1 = "graph.reshape"(%0) <{shape = array<i64: 24>}> : (tensor<2x12xf32>) -> tensor<24xf32>
  return %0, %1 : tensor<2x12xf32>, tensor<24xf32>
}

// -----

// reshape to the operand's own shape, and reshape back and forth, vanish;
// a real reshape stays.
// CHECK-LABEL: func.func @reshape_noop
// CHECK-NEXT: %0 = "graph.reshape"(%arg0) <{shape = array<i64: 3, 8>}>
// CHECK-NEXT: return %arg0, %arg0, %0
func.func @reshape_noop(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<3x8xf32>) {
  %0 = "graph.reshape"(%x) <{shape = array<i64: 2, 3, 4>}> : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %1 = "graph.reshape"(%x) <{shape = array<i64: 6, 4>}> : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  %2 = "graph.reshape"(%1) <{shape = array<i64: 2, 3, 4>}> : (tensor<6x4xf32>) -> tensor<2x3x4xf32>
  %3 = "graph.reshape"(%x) <{shape = array<i64: 3, 8>}> : (tensor<2x3x4xf32>) -> tensor<3x8xf32>
  return %0, %2, %3 : tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<3x8xf32>
}

// -----

// squeeze then unsqueeze of the same axis: reshape of reshape to the same
// shape, so nothing is left.
// CHECK-LABEL: func.func @squeeze_unsqueeze
// CHECK-NEXT: return %arg0
func.func @squeeze_unsqueeze(%x: tensor<4x1x5xf32>) -> tensor<4x1x5xf32> {
  %0 = "graph.squeeze"(%x) <{axes = array<i64: 1>}> : (tensor<4x1x5xf32>) -> tensor<4x5xf32>
  %1 = "graph.unsqueeze"(%0) <{axes = array<i64: 1>}> : (tensor<4x5xf32>) -> tensor<4x1x5xf32>
  return %1 : tensor<4x1x5xf32>
}

// -----

// transpose of transpose: inverse permutations cancel; others compose into
// one transpose; the identity permutation vanishes.
// CHECK-LABEL: func.func @transposes
// CHECK-NEXT: %0 = "graph.transpose"(%arg0) <{perm = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
// CHECK-NEXT: return %arg0, %0, %arg0
func.func @transposes(%x: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<4x2x3xf32>, tensor<2x3x4xf32>) {
  %0 = "graph.transpose"(%x) <{perm = array<i64: 1, 2, 0>}> : (tensor<2x3x4xf32>) -> tensor<3x4x2xf32>
  %1 = "graph.transpose"(%0) <{perm = array<i64: 2, 0, 1>}> : (tensor<3x4x2xf32>) -> tensor<2x3x4xf32>
  %2 = "graph.transpose"(%x) <{perm = array<i64: 1, 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<3x2x4xf32>
  %3 = "graph.transpose"(%2) <{perm = array<i64: 2, 1, 0>}> : (tensor<3x2x4xf32>) -> tensor<4x2x3xf32>
  %4 = "graph.transpose"(%x) <{perm = array<i64: 0, 1, 2>}> : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %1, %3, %4 : tensor<2x3x4xf32>, tensor<4x2x3xf32>, tensor<2x3x4xf32>
}

// -----

// A transpose without perm reverses; two of them cancel. A single
// non-identity transpose is left alone.
// CHECK-LABEL: func.func @transpose_default
// CHECK-NEXT: %0 = "graph.transpose"(%arg0) : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK-NEXT: return %arg0, %0
func.func @transpose_default(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<3x2xf32>) {
  %0 = "graph.transpose"(%x) : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = "graph.transpose"(%0) : (tensor<3x2xf32>) -> tensor<2x3xf32>
  return %1, %0 : tensor<2x3xf32>, tensor<3x2xf32>
}

// -----

// identity, same-type cast, zero pads, unit-step full slice, expand and tile
// to the same shape, one-piece concat and split: all removed.
// CHECK-LABEL: func.func @noops
// CHECK-NEXT: return %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0, %arg0
func.func @noops(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) {
  %0 = "graph.identity"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "graph.cast"(%x) <{to = f32}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "graph.pad"(%x) <{pads = array<i64: 0, 0, 0, 0>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "graph.slice"(%x) <{ends = array<i64: 100>, starts = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %4 = "graph.expand"(%x) <{shape = array<i64: 1, 3>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %5 = "graph.tile"(%x) <{repeats = array<i64: 1, 1>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %6 = "graph.concat"(%x) <{axis = 0 : i64}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %7 = "graph.split"(%x) <{axis = 0 : i64, split = array<i64: 2>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// Left alone: a reversing slice, real pads (even when they cancel in
// size), a cast that changes the type, a real expand.
// CHECK-LABEL: func.func @not_noops
// CHECK: "graph.slice"
// CHECK: "graph.pad"
// CHECK: "graph.cast"
// CHECK: "graph.expand"
func.func @not_noops(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x2x3xf32>) {
  %0 = "graph.slice"(%x) <{axes = array<i64: 1>, ends = array<i64: -100>, starts = array<i64: -1>, steps = array<i64: -1>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "graph.pad"(%x) <{pads = array<i64: 0, 1, 0, -1>}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "graph.cast"(%x) <{to = f16}> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "graph.expand"(%x) <{shape = array<i64: 4, 1, 1>}> : (tensor<2x3xf32>) -> tensor<4x2x3xf32>
  return %0, %1, %2, %3 : tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>, tensor<4x2x3xf32>
}

// -----

// Element-wise ops on constants fold (broadcasting; splats stay splats);
// x + -0.0, x * 1, x / 1 and x - 0 return x; x + 0.0 is kept (it turns
// -0.0 into +0.0) and an op on a non-constant is kept.
// CHECK-LABEL: func.func @elementwise
// CHECK-DAG: %[[ZERO:.*]] = "graph.constant"() <{value = dense<0.000000e+00> : tensor<f32>}>
// CHECK-DAG: %[[SUM:.*]] = "graph.constant"() <{value = dense<{{\[}}[1.100000e+01, 2.100000e+01], [1.300000e+01, 2.300000e+01]]> : tensor<2x2xf32>}>
// CHECK-DAG: %[[SPLAT:.*]] = "graph.constant"() <{value = dense<0.986614286> : tensor<1x64xf32>}>
// CHECK-DAG: %[[CMP:.*]] = "graph.constant"() <{value = dense<[true, false]> : tensor<2xi1>}>
// CHECK-DAG: %[[ADD0:.*]] = "graph.add"(%arg0, %[[ZERO]])
// CHECK: return %arg0, %arg0, %arg0, %arg0, %[[ADD0]], %[[SUM]], %[[SPLAT]], %[[CMP]]
func.func @elementwise(%x: tensor<2xf32>) -> (tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2x2xf32>, tensor<1x64xf32>, tensor<2xi1>) {
  %nz = "graph.constant"() <{value = dense<-0.0> : tensor<f32>}> : () -> tensor<f32>
  %z = "graph.constant"() <{value = dense<0.0> : tensor<f32>}> : () -> tensor<f32>
  %one = "graph.constant"() <{value = dense<1.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %0 = "graph.add"(%x, %nz) : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  %1 = "graph.mul"(%one, %x) : (tensor<1xf32>, tensor<2xf32>) -> tensor<2xf32>
  %2 = "graph.div"(%x, %one) : (tensor<2xf32>, tensor<1xf32>) -> tensor<2xf32>
  %3 = "graph.sub"(%x, %z) : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  %4 = "graph.add"(%x, %z) : (tensor<2xf32>, tensor<f32>) -> tensor<2xf32>
  %a = "graph.constant"() <{value = dense<[[1.0], [3.0]]> : tensor<2x1xf32>}> : () -> tensor<2x1xf32>
  %b = "graph.constant"() <{value = dense<[10.0, 20.0]> : tensor<2xf32>}> : () -> tensor<2xf32>
  %5 = "graph.add"(%a, %b) : (tensor<2x1xf32>, tensor<2xf32>) -> tensor<2x2xf32>
  %s = "graph.constant"() <{value = dense<2.5> : tensor<1x64xf32>}> : () -> tensor<1x64xf32>
  %6 = "graph.tanh"(%s) : (tensor<1x64xf32>) -> tensor<1x64xf32>
  %c = "graph.constant"() <{value = dense<[1, 5]> : tensor<2xi64>}> : () -> tensor<2xi64>
  %d = "graph.constant"() <{value = dense<3> : tensor<i64>}> : () -> tensor<i64>
  %7 = "graph.less"(%c, %d) : (tensor<2xi64>, tensor<i64>) -> tensor<2xi1>
  return %0, %1, %2, %3, %4, %5, %6, %7 : tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2x2xf32>, tensor<1x64xf32>, tensor<2xi1>
}

// -----

// Integer division by a zero constant is not folded (left to run time);
// casts of constants fold (float -> int truncates toward zero).
// CHECK-LABEL: func.func @int_folds
// CHECK-DAG: %[[Q:.*]] = "graph.div"
// CHECK-DAG: %[[C:.*]] = "graph.constant"() <{value = dense<[2, -3, 7]> : tensor<3xi64>}>
// CHECK-DAG: %[[M:.*]] = "graph.constant"() <{value = dense<[1, 2, 0]> : tensor<3xi64>}>
// CHECK: return %[[Q]], %[[C]], %[[M]]
func.func @int_folds() -> (tensor<3xi64>, tensor<3xi64>, tensor<3xi64>) {
  %a = "graph.constant"() <{value = dense<[7, -7, 9]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %z = "graph.constant"() <{value = dense<[1, 0, 1]> : tensor<3xi64>}> : () -> tensor<3xi64>
  %0 = "graph.div"(%a, %z) : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
  %f = "graph.constant"() <{value = dense<[2.9, -3.9, 7.0]> : tensor<3xf32>}> : () -> tensor<3xf32>
  %1 = "graph.cast"(%f) <{to = i64}> : (tensor<3xf32>) -> tensor<3xi64>
  %three = "graph.constant"() <{value = dense<3> : tensor<1xi64>}> : () -> tensor<1xi64>
  %2 = "graph.mod"(%a, %three) : (tensor<3xi64>, tensor<1xi64>) -> tensor<3xi64>
  return %0, %1, %2 : tensor<3xi64>, tensor<3xi64>, tensor<3xi64>
}

// -----

// The exporters' shape arithmetic: shape -> gather -> unsqueeze -> concat
// -> cast, range and constant_of_shape all fold to constants.
// CHECK-LABEL: func.func @shape_subgraph
// CHECK-DAG: %[[S:.*]] = "graph.constant"() <{value = dense<[3, -1]> : tensor<2xi64>}>
// CHECK-DAG: %[[F:.*]] = "graph.constant"() <{value = dense<[3.000000e+00, 4.000000e+00]> : tensor<2xf32>}>
// CHECK-DAG: %[[R:.*]] = "graph.constant"() <{value = dense<[0, 2, 4]> : tensor<3xi64>}>
// CHECK-DAG: %[[Z:.*]] = "graph.constant"() <{value = dense<1.500000e+00> : tensor<3x4xf32>}>
// CHECK-NOT: "graph.shape"
// CHECK-NOT: "graph.gather"
// CHECK-NOT: "graph.range"
// CHECK-NOT: "graph.constant_of_shape"
// CHECK: return %[[S]], %[[F]], %[[R]], %[[Z]]
func.func @shape_subgraph(%x: tensor<3x4xf32>) -> (tensor<2xi64>, tensor<2xf32>, tensor<3xi64>, tensor<3x4xf32>) {
  %s = "graph.shape"(%x) : (tensor<3x4xf32>) -> tensor<2xi64>
  %i = "graph.constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %g = "graph.gather"(%s, %i) <{axis = 0 : i64}> : (tensor<2xi64>, tensor<i64>) -> tensor<i64>
  %u = "graph.unsqueeze"(%g) <{axes = array<i64: 0>}> : (tensor<i64>) -> tensor<1xi64>
  %m = "graph.constant"() <{value = dense<-1> : tensor<1xi64>}> : () -> tensor<1xi64>
  %c = "graph.concat"(%u, %m) <{axis = 0 : i64}> : (tensor<1xi64>, tensor<1xi64>) -> tensor<2xi64>
  %f = "graph.cast"(%s) <{to = f32}> : (tensor<2xi64>) -> tensor<2xf32>
  %lo = "graph.constant"() <{value = dense<0> : tensor<i64>}> : () -> tensor<i64>
  %hi = "graph.constant"() <{value = dense<5> : tensor<i64>}> : () -> tensor<i64>
  %st = "graph.constant"() <{value = dense<2> : tensor<i64>}> : () -> tensor<i64>
  %r = "graph.range"(%lo, %hi, %st) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<3xi64>
  %z = "graph.constant_of_shape"(%s) <{value = dense<1.5> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<3x4xf32>
  return %c, %f, %r, %z : tensor<2xi64>, tensor<2xf32>, tensor<3xi64>, tensor<3x4xf32>
}

// -----

// Reshape-like ops and transposes of constants: resource blobs are retyped
// (not copied), small dense constants permuted, slices taken.
// CHECK-LABEL: func.func @const_data_movement
// CHECK-DAG: "graph.constant"() <{value = dense_resource<w> : tensor<2x3xf32>}>
// CHECK-DAG: "graph.constant"() <{value = dense<{{\[}}[1, 4], [2, 5], [3, 6]]> : tensor<3x2xi64>}>
// CHECK-DAG: "graph.constant"() <{value = dense<[5, 6]> : tensor<2xi64>}>
// CHECK-NOT: "graph.transpose"
// CHECK-NOT: "graph.reshape"
// CHECK-NOT: "graph.slice"
func.func @const_data_movement() -> (tensor<2x3xf32>, tensor<3x2xi64>, tensor<2xi64>) {
  %w = "graph.constant"() <{value = dense_resource<w> : tensor<6xf32>}> : () -> tensor<6xf32>
  %0 = "graph.reshape"(%w) <{shape = array<i64: 2, 3>}> : (tensor<6xf32>) -> tensor<2x3xf32>
  %c = "graph.constant"() <{value = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>}> : () -> tensor<2x3xi64>
  %1 = "graph.transpose"(%c) <{perm = array<i64: 1, 0>}> : (tensor<2x3xi64>) -> tensor<3x2xi64>
  %2 = "graph.slice"(%c) <{axes = array<i64: 0, 1>, ends = array<i64: 2, 3>, starts = array<i64: 1, 1>}> : (tensor<2x3xi64>) -> tensor<1x2xi64>
  %3 = "graph.reshape"(%2) <{shape = array<i64: 2>}> : (tensor<1x2xi64>) -> tensor<2xi64>
  return %0, %1, %3 : tensor<2x3xf32>, tensor<3x2xi64>, tensor<2xi64>
}
{-#
  dialect_resources: {
    builtin: {
      w: "0x04000000000000000000803F0000004000004040000080400000A040"
    }
  }
#-}

// -----

// Large non-splat results stay ops (folded dense data is written inline).
// CHECK-LABEL: func.func @too_big
// CHECK: "graph.transpose"
func.func @too_big(%x: tensor<4x4xf32>) -> tensor<8192x2xf32> {
  %c = "graph.constant"() <{value = dense_resource<big> : tensor<2x8192xf32>}> : () -> tensor<2x8192xf32>
  %0 = "graph.transpose"(%c) <{perm = array<i64: 1, 0>}> : (tensor<2x8192xf32>) -> tensor<8192x2xf32>
  return %0 : tensor<8192x2xf32>
}
