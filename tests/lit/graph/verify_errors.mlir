// Graph-op verifier: results must match the inferred types.
// RUN: not smrun %s 2>&1 | FileCheck %s

func.func @main(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>, %c: tensor<5xf32>) -> tensor<2x5xf32> {
  // CHECK: verify_errors.mlir:[[@LINE+1]]:{{[0-9]+}}: error: 'graph.matmul' op result #0 has type tensor<2x5xf32>, but the inferred type is tensor<2x4xf32>
  %0 = "graph.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x5xf32>
  func.return %0 : tensor<2x5xf32>
}
