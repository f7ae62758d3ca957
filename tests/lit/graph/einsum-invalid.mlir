// RUN: not smopt %s 2>&1 | FileCheck %s
// Malformed or mismatched einsum equations are located errors.

func.func @size(%a: tensor<2x3xf32>, %b: tensor<4x5xf32>) -> tensor<2x5xf32> {
  // CHECK: einsum-invalid.mlir:[[@LINE+1]]:8: error: {{.*}}equation: label size mismatch: 4 vs 3
  %0 = "graph.einsum"(%a, %b) <{equation = "ij,jk->ik"}> : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}
