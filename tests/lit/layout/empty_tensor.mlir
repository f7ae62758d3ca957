// RUN: not smc %s -o %t 2>&1 | FileCheck %s
// A result with no elements is a located error (kernels need work items),
// not a crash or an empty kernel.

func.func @main(%x: tensor<5x4xf32>) -> tensor<0x4xf32> {
  // CHECK: empty_tensor.mlir:[[@LINE+1]]:8: error: 'graph.slice' op lowering does not support empty tensors (result #0 has no elements)
  %0 = "graph.slice"(%x) <{axes = array<i64: 0>, ends = array<i64: 1>, starts = array<i64: 3>}> : (tensor<5x4xf32>) -> tensor<0x4xf32>
  return %0 : tensor<0x4xf32>
}
