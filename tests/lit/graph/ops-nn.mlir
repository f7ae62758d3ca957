// Shape inference of the neural-network ops: each op, written with its inferred
// result type, verifies and prints back unchanged (graph ops have no
// custom form).
// RUN: smopt %s | FileCheck %s
// RUN: smopt %s | smopt | FileCheck %s

// CHECK-LABEL: func.func @conv
// CHECK: %0 = "graph.conv"(%arg0, %arg1, %arg2) <{dilations = array<i64: 1, 1>, group = 2 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
func.func @conv(%a0: tensor<1x4x8x8xf32>, %a1: tensor<6x2x3x3xf32>, %a2: tensor<6xf32>) -> (tensor<1x6x4x4xf32>) {
  %0 = "graph.conv"(%a0, %a1, %a2) <{dilations = array<i64: 1, 1>, group = 2 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
  return %0 : tensor<1x6x4x4xf32>
}

// CHECK-LABEL: func.func @max_pool
// CHECK: %0 = "graph.max_pool"(%arg0) <{ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}> : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
func.func @max_pool(%a0: tensor<1x3x7x7xf32>) -> (tensor<1x3x3x3xf32>) {
  %0 = "graph.max_pool"(%a0) <{ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}> : (tensor<1x3x7x7xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}

// CHECK-LABEL: func.func @average_pool
// CHECK: %0 = "graph.average_pool"(%arg0) <{count_include_pad = 0 : i64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32>
func.func @average_pool(%a0: tensor<1x3x8x8xf32>) -> (tensor<1x3x5x5xf32>) {
  %0 = "graph.average_pool"(%a0) <{count_include_pad = 0 : i64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}> : (tensor<1x3x8x8xf32>) -> tensor<1x3x5x5xf32>
  return %0 : tensor<1x3x5x5xf32>
}

// CHECK-LABEL: func.func @global_average_pool
// CHECK: %0 = "graph.global_average_pool"(%arg0) : (tensor<2x3x7x5xf32>) -> tensor<2x3x1x1xf32>
func.func @global_average_pool(%a0: tensor<2x3x7x5xf32>) -> (tensor<2x3x1x1xf32>) {
  %0 = "graph.global_average_pool"(%a0) : (tensor<2x3x7x5xf32>) -> tensor<2x3x1x1xf32>
  return %0 : tensor<2x3x1x1xf32>
}

// CHECK-LABEL: func.func @matmul
// CHECK: %0 = "graph.matmul"(%arg0, %arg1) : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
func.func @matmul(%a0: tensor<2x1x3x4xf32>, %a1: tensor<5x4x6xf32>) -> (tensor<2x5x3x6xf32>) {
  %0 = "graph.matmul"(%a0, %a1) : (tensor<2x1x3x4xf32>, tensor<5x4x6xf32>) -> tensor<2x5x3x6xf32>
  return %0 : tensor<2x5x3x6xf32>
}

// CHECK-LABEL: func.func @gemm
// CHECK: %0 = "graph.gemm"(%arg0, %arg1, %arg2) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 1 : i64, transB = 1 : i64}> : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
func.func @gemm(%a0: tensor<4x3xf32>, %a1: tensor<5x4xf32>, %a2: tensor<5xf32>) -> (tensor<3x5xf32>) {
  %0 = "graph.gemm"(%a0, %a1, %a2) <{alpha = 1.000000e+00 : f32, beta = 1.000000e+00 : f32, transA = 1 : i64, transB = 1 : i64}> : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// CHECK-LABEL: func.func @batch_normalization
// CHECK: %0 = "graph.batch_normalization"(%arg0, %arg1, %arg2, %arg3, %arg4) <{epsilon = 9.99999974E-6 : f32}> : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
func.func @batch_normalization(%a0: tensor<2x3x4x4xf32>, %a1: tensor<3xf32>, %a2: tensor<3xf32>, %a3: tensor<3xf32>, %a4: tensor<3xf32>) -> (tensor<2x3x4x4xf32>) {
  %0 = "graph.batch_normalization"(%a0, %a1, %a2, %a3, %a4) <{epsilon = 9.99999974E-6 : f32}> : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x4xf32>
  return %0 : tensor<2x3x4x4xf32>
}

// CHECK-LABEL: func.func @layer_normalization
// CHECK: %0 = "graph.layer_normalization"(%arg0, %arg1, %arg2) <{axis = -1 : i64, epsilon = 9.99999974E-6 : f32}> : (tensor<2x5x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x5x8xf32>
func.func @layer_normalization(%a0: tensor<2x5x8xf32>, %a1: tensor<8xf32>, %a2: tensor<8xf32>) -> (tensor<2x5x8xf32>) {
  %0 = "graph.layer_normalization"(%a0, %a1, %a2) <{axis = -1 : i64, epsilon = 9.99999974E-6 : f32}> : (tensor<2x5x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x5x8xf32>
  return %0 : tensor<2x5x8xf32>
}

// CHECK-LABEL: func.func @softmax
// CHECK: %0 = "graph.softmax"(%arg0) <{axis = 1 : i64}> : (tensor<2x5xf32>) -> tensor<2x5xf32>
func.func @softmax(%a0: tensor<2x5xf32>) -> (tensor<2x5xf32>) {
  %0 = "graph.softmax"(%a0) <{axis = 1 : i64}> : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// CHECK-LABEL: func.func @reduce_sum
// CHECK: %0 = "graph.reduce_sum"(%arg0) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
func.func @reduce_sum(%a0: tensor<2x3x4xf32>) -> (tensor<2x1x4xf32>) {
  %0 = "graph.reduce_sum"(%a0) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// CHECK-LABEL: func.func @reduce_mean
// CHECK: %0 = "graph.reduce_mean"(%arg0) <{axes = array<i64: -1>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
func.func @reduce_mean(%a0: tensor<2x3x4xf32>) -> (tensor<2x3xf32>) {
  %0 = "graph.reduce_mean"(%a0) <{axes = array<i64: -1>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @reduce_max
// CHECK: %0 = "graph.reduce_max"(%arg0) <{keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<f32>
func.func @reduce_max(%a0: tensor<2x3x4xf32>) -> (tensor<f32>) {
  %0 = "graph.reduce_max"(%a0) <{keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CHECK-LABEL: func.func @reduce_min
// CHECK: %0 = "graph.reduce_min"(%arg0) <{axes = array<i64: 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
func.func @reduce_min(%a0: tensor<2x3x4xf32>) -> (tensor<1x3x1xf32>) {
  %0 = "graph.reduce_min"(%a0) <{axes = array<i64: 0, 2>}> : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// CHECK-LABEL: func.func @reduce_prod
// CHECK: %0 = "graph.reduce_prod"(%arg0) <{axes = array<i64: 0>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
func.func @reduce_prod(%a0: tensor<2x3x4xf32>) -> (tensor<3x4xf32>) {
  %0 = "graph.reduce_prod"(%a0) <{axes = array<i64: 0>, keepdims = 0 : i64}> : (tensor<2x3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @reduce_l1
// CHECK: %0 = "graph.reduce_l1"(%arg0) <{axes = array<i64: 1>}> : (tensor<2x3xf32>) -> tensor<2x1xf32>
func.func @reduce_l1(%a0: tensor<2x3xf32>) -> (tensor<2x1xf32>) {
  %0 = "graph.reduce_l1"(%a0) <{axes = array<i64: 1>}> : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return %0 : tensor<2x1xf32>
}

// CHECK-LABEL: func.func @reduce_l2
// CHECK: %0 = "graph.reduce_l2"(%arg0) <{axes = array<i64: 1>, keepdims = 0 : i64}> : (tensor<2x3xf32>) -> tensor<2xf32>
func.func @reduce_l2(%a0: tensor<2x3xf32>) -> (tensor<2xf32>) {
  %0 = "graph.reduce_l2"(%a0) <{axes = array<i64: 1>, keepdims = 0 : i64}> : (tensor<2x3xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// CHECK-LABEL: func.func @reduce_sum_square
// CHECK: %0 = "graph.reduce_sum_square"(%arg0) <{axes = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<1x3xf32>
func.func @reduce_sum_square(%a0: tensor<2x3xf32>) -> (tensor<1x3xf32>) {
  %0 = "graph.reduce_sum_square"(%a0) <{axes = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<1x3xf32>
  return %0 : tensor<1x3xf32>
}

