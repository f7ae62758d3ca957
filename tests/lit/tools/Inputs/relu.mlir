func.func @main(%arg0: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = "graph.relu"(%arg0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
