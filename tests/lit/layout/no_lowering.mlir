// RUN: not smc %s -o %t 2>&1 | FileCheck %s
// An op without a lowering gives a located error and no output.

func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xui8> {
  // CHECK: no_lowering.mlir:[[@LINE+1]]:8: error: 'graph.cast' op has no lowering to the layout dialect for these operand types
  %0 = "graph.cast"(%x) <{to = ui8}> : (tensor<2x3xf32>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}
