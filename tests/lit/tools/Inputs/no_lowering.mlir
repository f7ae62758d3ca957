// A graph op with no lowering to the layout dialect (a cast to ui8), for
// tests of what a failed compile leaves behind.
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xui8> {
  %0 = "graph.cast"(%x) <{to = ui8}> : (tensor<2x3xf32>) -> tensor<2x3xui8>
  return %0 : tensor<2x3xui8>
}
