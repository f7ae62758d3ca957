// RUN: smc %s --passes='builtin.module(smartmem-classify)' | FileCheck %s

// CHECK-LABEL: func.func @groups
func.func @groups(%x: tensor<1x4x8x8xf32>, %w: tensor<4x4x1x1xf32>, %b: tensor<4x1x1xf32>, %s: tensor<f32>) -> tensor<1x256xf32> {
  // CHECK: graph.conv{{.*}}smartmem.group = "ILD_Variable"
  %0 = "graph.conv"(%x, %w) <{dilations = array<i64: 1, 1>, group = 1 : i64, kernel_shape = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>}> : (tensor<1x4x8x8xf32>, tensor<4x4x1x1xf32>) -> tensor<1x4x8x8xf32>
  // Same-shape operands: layout independent.
  // CHECK: graph.add{{.*}}smartmem.group = "ILI_Variable"
  %1 = "graph.add"(%0, %x) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  // A scalar operand does not change that.
  // CHECK: graph.mul{{.*}}smartmem.group = "ILI_Variable"
  %2 = "graph.mul"(%1, %s) : (tensor<1x4x8x8xf32>, tensor<f32>) -> tensor<1x4x8x8xf32>
  // A broadcast (per-channel) operand is read through another map: dependent.
  // CHECK: graph.add{{.*}}smartmem.group = "ILD_Variable"
  %3 = "graph.add"(%2, %b) : (tensor<1x4x8x8xf32>, tensor<4x1x1xf32>) -> tensor<1x4x8x8xf32>
  // CHECK: graph.transpose{{.*}}smartmem.group = "ILD_Fixed"
  %4 = "graph.transpose"(%3) <{perm = array<i64: 0, 2, 3, 1>}> : (tensor<1x4x8x8xf32>) -> tensor<1x8x8x4xf32>
  // CHECK: graph.slice{{.*}}smartmem.group = "ILI_Fixed"
  %5 = "graph.slice"(%4) <{axes = array<i64: 1>, ends = array<i64: 8>, starts = array<i64: 0>}> : (tensor<1x8x8x4xf32>) -> tensor<1x8x8x4xf32>
  // CHECK: graph.reshape{{.*}}smartmem.group = "ILD_Fixed"
  %6 = "graph.reshape"(%5) <{shape = array<i64: 1, 256>}> : (tensor<1x8x8x4xf32>) -> tensor<1x256xf32>
  // CHECK: graph.softmax{{.*}}smartmem.group = "ILD_Variable"
  %7 = "graph.softmax"(%6) <{axis = 1 : i64}> : (tensor<1x256xf32>) -> tensor<1x256xf32>
  return %7 : tensor<1x256xf32>
}
