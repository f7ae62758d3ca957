// Shape inference accepts the right types, and the interpreter runs them
// (seeded random inputs, outputs written as .pb).
// RUN: rm -rf %t && mkdir -p %t && smrun %s --output-dir %t | FileCheck %s
// CHECK: output_0: wrote
// CHECK: output_1: wrote

func.func @main(%x: tensor<1x4x8x8xf32>, %w: tensor<6x2x3x3xf32>) -> (tensor<1x6x4x4xf32>, tensor<1x96xf32>) {
  %0 = "graph.conv"(%x, %w) <{group = 2 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x4x4xf32>
  %1 = "graph.relu"(%0) : (tensor<1x6x4x4xf32>) -> tensor<1x6x4x4xf32>
  %2 = "graph.flatten"(%1) <{axis = 1 : i64}> : (tensor<1x6x4x4xf32>) -> tensor<1x96xf32>
  func.return %1, %2 : tensor<1x6x4x4xf32>, tensor<1x96xf32>
}
