// RUN: not smc %s -o %t 2>&1 | FileCheck %s
// RUN: test ! -e %t
// Element-wise ops on unsigned integers (ONNX uint8 data) have no lowering
// (arith takes signless integers only): a located error naming the op, not a
// body that fails to verify after the pass.

func.func @main(%x: tensor<2x3xui8>, %y: tensor<2x3xui8>) -> tensor<2x3xui8> {
  // CHECK: no_lowering_unsigned.mlir:[[@LINE+1]]:8: error: 'graph.add' op has no lowering to the layout dialect for these operand types
  %0 = "graph.add"(%x, %y) : (tensor<2x3xui8>, tensor<2x3xui8>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}
// CHECK-NOT: failed to verify
