// RUN: not smrun %s 2>&1 | FileCheck %s

func.func @main(%a: tensor<2x6xf32>) -> tensor<4x4xf32> {
  // CHECK: error: 'graph.reshape' op 'shape' has 16 elements, operand has 12
  %0 = "graph.reshape"(%a) <{shape = array<i64: 4, 4>}> : (tensor<2x6xf32>) -> tensor<4x4xf32>
  func.return %0 : tensor<4x4xf32>
}
