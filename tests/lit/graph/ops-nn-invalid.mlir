// Verifier errors of the neural-network ops (operand types and properties).
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @conv(%a0: tensor<1x4x8xf32>, %a1: tensor<6x1x3xf32>) {
  // expected-error@+1 {{'graph.conv' op group 4 must divide input channels 4 and output channels 6}}
  %0 = "graph.conv"(%a0, %a1) <{group = 4 : i64}> : (tensor<1x4x8xf32>, tensor<6x1x3xf32>) -> tensor<1x6x6xf32>
  return
}

// -----

func.func @conv(%a0: tensor<1x4x8xf32>, %a1: tensor<6x4x3xf32>) {
  // expected-error@+1 {{'graph.conv' op weight has 4 input channels per group, expected 2}}
  %0 = "graph.conv"(%a0, %a1) <{group = 2 : i64}> : (tensor<1x4x8xf32>, tensor<6x4x3xf32>) -> tensor<1x6x6xf32>
  return
}

// -----

func.func @conv(%a0: tensor<1x4x8xf32>, %a1: tensor<6x4x3xf32>, %a2: tensor<4xf32>) {
  // expected-error@+1 {{'graph.conv' op bias must have shape [6]}}
  %0 = "graph.conv"(%a0, %a1, %a2) : (tensor<1x4x8xf32>, tensor<6x4x3xf32>, tensor<4xf32>) -> tensor<1x6x6xf32>
  return
}

// -----

func.func @conv(%a0: tensor<1x4x8xf32>, %a1: tensor<6x4x3xf32>) {
  // expected-error@+1 {{'graph.conv' op kernel_shape does not match the weight shape}}
  %0 = "graph.conv"(%a0, %a1) <{kernel_shape = array<i64: 5>}> : (tensor<1x4x8xf32>, tensor<6x4x3xf32>) -> tensor<1x6x6xf32>
  return
}

// -----

func.func @conv(%a0: tensor<4x8xf32>, %a1: tensor<6x4xf32>) {
  // expected-error@+1 {{'graph.conv' op input and weight must have the same rank >= 3}}
  %0 = "graph.conv"(%a0, %a1) : (tensor<4x8xf32>, tensor<6x4xf32>) -> tensor<4x8xf32>
  return
}

// -----

func.func @conv(%a0: tensor<1x4x2xf32>, %a1: tensor<6x4x3xf32>) {
  // expected-error@+1 {{'graph.conv' op window does not fit in the padded input}}
  %0 = "graph.conv"(%a0, %a1) : (tensor<1x4x2xf32>, tensor<6x4x3xf32>) -> tensor<1x6x1xf32>
  return
}

// -----

func.func @max_pool(%a0: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.max_pool' op kernel_shape must have 2 entries}}
  %0 = "graph.max_pool"(%a0) <{strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @max_pool(%a0: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.max_pool' op strides must have 2 entries}}
  %0 = "graph.max_pool"(%a0) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 2>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  return
}

// -----

func.func @average_pool(%a0: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.average_pool' op pads must be non-negative}}
  %0 = "graph.average_pool"(%a0) <{kernel_shape = array<i64: 2, 2>, pads = array<i64: -1, 0, 0, 0>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @average_pool(%a0: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.average_pool' op strides and dilations must be positive}}
  %0 = "graph.average_pool"(%a0) <{dilations = array<i64: 1, 1>, kernel_shape = array<i64: 2, 2>, strides = array<i64: 0, 1>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @global_average_pool(%a0: tensor<3x4xf32>) {
  // expected-error@+1 {{'graph.global_average_pool' op input must have rank >= 3}}
  %0 = "graph.global_average_pool"(%a0) : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @matmul(%a0: tensor<2x3xf32>, %a1: tensor<4x5xf32>) {
  // expected-error@+1 {{'graph.matmul' op contracting dimensions differ (3 vs 4)}}
  %0 = "graph.matmul"(%a0, %a1) : (tensor<2x3xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @matmul(%a0: tensor<2x2x3xf32>, %a1: tensor<3x3x5xf32>) {
  // expected-error@+1 {{'graph.matmul' op batch dimensions are not broadcast-compatible}}
  %0 = "graph.matmul"(%a0, %a1) : (tensor<2x2x3xf32>, tensor<3x3x5xf32>) -> tensor<2x2x5xf32>
  return
}

// -----

func.func @matmul(%a0: tensor<2x3xi64>, %a1: tensor<3x5xi64>) {
  // expected-error@+1 {{'graph.matmul' op operand #0 must be a tensor of floats}}
  %0 = "graph.matmul"(%a0, %a1) : (tensor<2x3xi64>, tensor<3x5xi64>) -> tensor<2x5xi64>
  return
}

// -----

func.func @gemm(%a0: tensor<2x3x4xf32>, %a1: tensor<4x5xf32>) {
  // expected-error@+1 {{'graph.gemm' op A and B must be 2-D}}
  %0 = "graph.gemm"(%a0, %a1) : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @gemm(%a0: tensor<2x3xf32>, %a1: tensor<3x5xf32>, %a2: tensor<4xf32>) {
  // expected-error@+1 {{'graph.gemm' op C must broadcast to [2, 5]}}
  %0 = "graph.gemm"(%a0, %a1, %a2) : (tensor<2x3xf32>, tensor<3x5xf32>, tensor<4xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @batch_normalization(%a0: tensor<2x3x4xf32>, %a1: tensor<3xf32>, %a2: tensor<3xf32>, %a3: tensor<4xf32>, %a4: tensor<3xf32>) {
  // expected-error@+1 {{'graph.batch_normalization' op operand #3 must have shape [3]}}
  %0 = "graph.batch_normalization"(%a0, %a1, %a2, %a3, %a4) : (tensor<2x3x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @layer_normalization(%a0: tensor<2x8xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.layer_normalization' op operand #1 must have 8 elements (the normalised shape)}}
  %0 = "graph.layer_normalization"(%a0, %a1) : (tensor<2x8xf32>, tensor<4xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @layer_normalization(%a0: tensor<2x8xf32>, %a1: tensor<8xf32>) {
  // expected-error@+1 {{'graph.layer_normalization' op axis 2 is out of range for rank 2}}
  %0 = "graph.layer_normalization"(%a0, %a1) <{axis = 2 : i64}> : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @softmax(%a0: tensor<2x8xf32>) {
  // expected-error@+1 {{'graph.softmax' op axis -3 is out of range for rank 2}}
  %0 = "graph.softmax"(%a0) <{axis = -3 : i64}> : (tensor<2x8xf32>) -> tensor<2x8xf32>
  return
}

// -----

func.func @reduce_sum(%a0: tensor<2x8xf32>) {
  // expected-error@+1 {{'graph.reduce_sum' op axis -1 repeated}}
  %0 = "graph.reduce_sum"(%a0) <{axes = array<i64: 1, -1>}> : (tensor<2x8xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_mean(%a0: tensor<2x8xf32>) {
  // expected-error@+1 {{'graph.reduce_mean' op too many axes}}
  %0 = "graph.reduce_mean"(%a0) <{axes = array<i64: 0, 1, 0>}> : (tensor<2x8xf32>) -> tensor<1x1xf32>
  return
}

// -----

// Scale and bias are both per channel (opset 21) or both per group (before).
func.func @group_norm_mixed(%x: tensor<1x4x3xf32>, %s: tensor<4xf32>, %b: tensor<2xf32>) {
  // expected-error@+1 {{'graph.group_normalization' op scale and bias must have the same shape}}
  %0 = "graph.group_normalization"(%x, %s, %b) <{num_groups = 2 : i64}> : (tensor<1x4x3xf32>, tensor<4xf32>, tensor<2xf32>) -> tensor<1x4x3xf32>
  return
}
