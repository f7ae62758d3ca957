// Shape inference of the neural-network ops, seen through the verifier: a wrong
// declared result type is reported with the inferred one.
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @conv(%a0: tensor<1x4x8x8xf32>, %a1: tensor<6x2x3x3xf32>, %a2: tensor<6xf32>) {
  // expected-error@+1 {{'graph.conv' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x6x4x4xf32>}}
  %0 = "graph.conv"(%a0, %a1, %a2) <{dilations = array<i64: 1, 1>, group = 2 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @max_pool(%a0: tensor<1x3x7x7xf32>) {
  // expected-error@+1 {{'graph.max_pool' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x3x3x3xf32>}}
  %0 = "graph.max_pool"(%a0) <{ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}> : (tensor<1x3x7x7xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @average_pool(%a0: tensor<1x3x8x8xf32>) {
  // expected-error@+1 {{'graph.average_pool' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x3x5x5xf32>}}
  %0 = "graph.average_pool"(%a0) <{count_include_pad = 0 : i64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @global_average_pool(%a0: tensor<2x3x7x5xf32>) {
  // expected-error@+1 {{'graph.global_average_pool' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3x1x1xf32>}}
  %0 = "graph.global_average_pool"(%a0) : (tensor<2x3x7x5xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @matmul(%a0: tensor<2x1x3x4xf32>, %a1: tensor<5x4x6xf32>) {
  // expected-error@+1 {{'graph.matmul' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x5x3x6xf32>}}
  %0 = "graph.matmul"(%a0, %a1) : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @gemm(%a0: tensor<4x3xf32>, %a1: tensor<5x4xf32>, %a2: tensor<5xf32>) {
  // expected-error@+1 {{'graph.gemm' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<3x5xf32>}}
  %0 = "graph.gemm"(%a0, %a1, %a2) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 1 : i64, transB = 1 : i64}> : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @batch_normalization(%a0: tensor<2x3x4x4xf32>, %a1: tensor<3xf32>, %a2: tensor<3xf32>, %a3: tensor<3xf32>, %a4: tensor<3xf32>) {
  // expected-error@+1 {{'graph.batch_normalization' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3x4x4xf32>}}
  %0 = "graph.batch_normalization"(%a0, %a1, %a2, %a3, %a4) <{epsilon = 9.99999974E-6 : f32}> : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @layer_normalization(%a0: tensor<2x5x8xf32>, %a1: tensor<8xf32>, %a2: tensor<8xf32>) {
  // expected-error@+1 {{'graph.layer_normalization' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x5x8xf32>}}
  %0 = "graph.layer_normalization"(%a0, %a1, %a2) <{axis = -1 : i64, epsilon = 9.99999974E-6 : f32}> : (tensor<2x5x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @softmax(%a0: tensor<2x5xf32>) {
  // expected-error@+1 {{'graph.softmax' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x5xf32>}}
  %0 = "graph.softmax"(%a0) <{axis = 1 : i64}> : (tensor<2x5xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_sum(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reduce_sum' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x1x4xf32>}}
  %0 = "graph.reduce_sum"(%a0) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_mean(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reduce_mean' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3xf32>}}
  %0 = "graph.reduce_mean"(%a0) <{axes = array<i64: -1>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_max(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reduce_max' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<f32>}}
  %0 = "graph.reduce_max"(%a0) <{keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_min(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reduce_min' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x3x1xf32>}}
  %0 = "graph.reduce_min"(%a0) <{axes = array<i64: 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_prod(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reduce_prod' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<3x4xf32>}}
  %0 = "graph.reduce_prod"(%a0) <{axes = array<i64: 0>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_l1(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.reduce_l1' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x1xf32>}}
  %0 = "graph.reduce_l1"(%a0) <{axes = array<i64: 1>}> : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_l2(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.reduce_l2' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2xf32>}}
  %0 = "graph.reduce_l2"(%a0) <{axes = array<i64: 1>, keepdims = 0 : i64}> : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @reduce_sum_square(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.reduce_sum_square' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x3xf32>}}
  %0 = "graph.reduce_sum_square"(%a0) <{axes = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}
