// Verifier errors of the element-wise ops (operand types and properties).
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @ceil(%a0: tensor<4xi64>) {
  // expected-error@+1 {{'graph.ceil' op operand #0 must be a tensor of floats}}
  %0 = "graph.ceil"(%a0) : (tensor<4xi64>) -> tensor<4xi64>
  return
}

// -----

func.func @is_nan(%a0: tensor<4xi64>) {
  // expected-error@+1 {{'graph.is_nan' op operand #0 must be a tensor of floats}}
  %0 = "graph.is_nan"(%a0) : (tensor<4xi64>) -> tensor<4xi1>
  return
}

// -----

func.func @not(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.not' op operand must be a tensor of i1}}
  %0 = "graph.not"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @cast(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.cast' op requires a type property 'to'}}
  %0 = "graph.cast"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @cast(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.cast' op 'to' must be an integer or float type}}
  %0 = "graph.cast"(%a0) <{to = tensor<4xf32>}> : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @add(%a0: tensor<4xf32>, %a1: tensor<4xi64>) {
  // expected-error@+1 {{'graph.add' op operands #0 and #1 must have the same element type}}
  %0 = "graph.add"(%a0, %a1) : (tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return
}

// -----

func.func @mul(%a0: tensor<3xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.mul' op operand shapes are not broadcast-compatible}}
  %0 = "graph.mul"(%a0, %a1) : (tensor<3xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @less(%a0: tensor<3xf32>, %a1: tensor<2x4xf32>) {
  // expected-error@+1 {{'graph.less' op operand shapes are not broadcast-compatible}}
  %0 = "graph.less"(%a0, %a1) : (tensor<3xf32>, tensor<2x4xf32>) -> tensor<2x4xi1>
  return
}

// -----

func.func @and(%a0: tensor<4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.and' op operands must be tensors of i1}}
  %0 = "graph.and"(%a0, %a1) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xi1>
  return
}

// -----

func.func @where(%a0: tensor<4xf32>, %a1: tensor<4xf32>, %a2: tensor<4xf32>) {
  // expected-error@+1 {{'graph.where' op condition must be a tensor of i1}}
  %0 = "graph.where"(%a0, %a1, %a2) : (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @where(%a0: tensor<4xi1>, %a1: tensor<4xf32>, %a2: tensor<4xi64>) {
  // expected-error@+1 {{'graph.where' op operands #1 and #2 must have the same element type}}
  %0 = "graph.where"(%a0, %a1, %a2) : (tensor<4xi1>, tensor<4xf32>, tensor<4xi64>) -> tensor<4xf32>
  return
}

// -----

func.func @relu(%a0: tensor<?x4xf32>) {
  // expected-error@+1 {{'graph.relu' op operand #0 must be a statically shaped ranked tensor (rank <= 8)}}
  %0 = "graph.relu"(%a0) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return
}

// -----

func.func @exp(%a0: tensor<*xf32>) {
  // expected-error@+1 {{'graph.exp' op operand #0 must be a statically shaped ranked tensor (rank <= 8)}}
  %0 = "graph.exp"(%a0) : (tensor<*xf32>) -> tensor<*xf32>
  return
}
