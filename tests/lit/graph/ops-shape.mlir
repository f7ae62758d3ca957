// Shape inference of the data-movement and shape ops: each op, written with its inferred
// result type, verifies and prints back unchanged (graph ops have no
// custom form).
// RUN: smopt %s | FileCheck %s
// RUN: smopt %s | smopt | FileCheck %s

// CHECK-LABEL: func.func @reshape
// CHECK: %0 = "graph.reshape"(%arg0) <{shape = array<i64: 0, -1>}> : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
func.func @reshape(%a0: tensor<2x3x4xf32>) -> (tensor<2x12xf32>) {
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 0, -1>}> : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// CHECK-LABEL: func.func @flatten
// CHECK: %0 = "graph.flatten"(%arg0) <{axis = 2 : i64}> : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
func.func @flatten(%a0: tensor<2x3x4xf32>) -> (tensor<6x4xf32>) {
  %0 = "graph.flatten"(%a0) <{axis = 2 : i64}> : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// CHECK-LABEL: func.func @squeeze
// CHECK: %0 = "graph.squeeze"(%arg0) : (tensor<1x3x1xf32>) -> tensor<3xf32>
func.func @squeeze(%a0: tensor<1x3x1xf32>) -> (tensor<3xf32>) {
  %0 = "graph.squeeze"(%a0) : (tensor<1x3x1xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @unsqueeze
// CHECK: %0 = "graph.unsqueeze"(%arg0) <{axes = array<i64: 0, -1>}> : (tensor<3x4xf32>) -> tensor<1x3x4x1xf32>
func.func @unsqueeze(%a0: tensor<3x4xf32>) -> (tensor<1x3x4x1xf32>) {
  %0 = "graph.unsqueeze"(%a0) <{axes = array<i64: 0, -1>}> : (tensor<3x4xf32>) -> tensor<1x3x4x1xf32>
  return %0 : tensor<1x3x4x1xf32>
}

// CHECK-LABEL: func.func @transpose
// CHECK: %0 = "graph.transpose"(%arg0) <{perm = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
func.func @transpose(%a0: tensor<2x3x4xf32>) -> (tensor<4x2x3xf32>) {
  %0 = "graph.transpose"(%a0) <{perm = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<4x2x3xf32>
  return %0 : tensor<4x2x3xf32>
}

// CHECK-LABEL: func.func @concat
// CHECK: %0 = "graph.concat"(%arg0, %arg1) <{axis = -1 : i64}> : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
func.func @concat(%a0: tensor<2x3xf32>, %a1: tensor<2x5xf32>) -> (tensor<2x8xf32>) {
  %0 = "graph.concat"(%a0, %a1) <{axis = -1 : i64}> : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// CHECK-LABEL: func.func @split
// CHECK: %0:2 = "graph.split"(%arg0) <{axis = 0 : i64, split = array<i64: 2, 4>}> : (tensor<6x2xf32>) -> (tensor<2x2xf32>, tensor<4x2xf32>)
func.func @split(%a0: tensor<6x2xf32>) -> (tensor<2x2xf32>, tensor<4x2xf32>) {
  %0:2 = "graph.split"(%a0) <{axis = 0 : i64, split = array<i64: 2, 4>}> : (tensor<6x2xf32>) -> (tensor<2x2xf32>, tensor<4x2xf32>)
  return %0#0, %0#1 : tensor<2x2xf32>, tensor<4x2xf32>
}

// CHECK-LABEL: func.func @slice
// CHECK: %0 = "graph.slice"(%arg0) <{axes = array<i64: 0>, ends = array<i64: 9223372036854775807>, starts = array<i64: 1>, steps = array<i64: 3>}> : (tensor<10x4xf32>) -> tensor<3x4xf32>
func.func @slice(%a0: tensor<10x4xf32>) -> (tensor<3x4xf32>) {
  %0 = "graph.slice"(%a0) <{axes = array<i64: 0>, ends = array<i64: 9223372036854775807>, starts = array<i64: 1>, steps = array<i64: 3>}> : (tensor<10x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// CHECK-LABEL: func.func @gather
// CHECK: %0 = "graph.gather"(%arg0, %arg1) <{axis = 0 : i64}> : (tensor<5x4xf32>, tensor<2x3xi64>) -> tensor<2x3x4xf32>
func.func @gather(%a0: tensor<5x4xf32>, %a1: tensor<2x3xi64>) -> (tensor<2x3x4xf32>) {
  %0 = "graph.gather"(%a0, %a1) <{axis = 0 : i64}> : (tensor<5x4xf32>, tensor<2x3xi64>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @gather_elements
// CHECK: %0 = "graph.gather_elements"(%arg0, %arg1) <{axis = 0 : i64}> : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
func.func @gather_elements(%a0: tensor<3x4xf32>, %a1: tensor<2x4xi64>) -> (tensor<2x4xf32>) {
  %0 = "graph.gather_elements"(%a0, %a1) <{axis = 0 : i64}> : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @scatter_nd
// CHECK: %0 = "graph.scatter_nd"(%arg0, %arg1, %arg2) : (tensor<4x5xf32>, tensor<2x1xi64>, tensor<2x5xf32>) -> tensor<4x5xf32>
func.func @scatter_nd(%a0: tensor<4x5xf32>, %a1: tensor<2x1xi64>, %a2: tensor<2x5xf32>) -> (tensor<4x5xf32>) {
  %0 = "graph.scatter_nd"(%a0, %a1, %a2) : (tensor<4x5xf32>, tensor<2x1xi64>, tensor<2x5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// CHECK-LABEL: func.func @expand
// CHECK: %0 = "graph.expand"(%arg0) <{shape = array<i64: 2, 1, 4>}> : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
func.func @expand(%a0: tensor<3x1xf32>) -> (tensor<2x3x4xf32>) {
  %0 = "graph.expand"(%a0) <{shape = array<i64: 2, 1, 4>}> : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @tile
// CHECK: %0 = "graph.tile"(%arg0) <{repeats = array<i64: 2, 1>}> : (tensor<2x3xf32>) -> tensor<4x3xf32>
func.func @tile(%a0: tensor<2x3xf32>) -> (tensor<4x3xf32>) {
  %0 = "graph.tile"(%a0) <{repeats = array<i64: 2, 1>}> : (tensor<2x3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// CHECK-LABEL: func.func @pad
// CHECK: %0 = "graph.pad"(%arg0) <{mode = "constant", pads = array<i64: 0, 1, 2, 3>, value = 0.000000e+00 : f32}> : (tensor<2x3xf32>) -> tensor<4x7xf32>
func.func @pad(%a0: tensor<2x3xf32>) -> (tensor<4x7xf32>) {
  %0 = "graph.pad"(%a0) <{mode = "constant", pads = array<i64: 0, 1, 2, 3>, value = 0.000000e+00 : f32}> : (tensor<2x3xf32>) -> tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}

// CHECK-LABEL: func.func @resize
// CHECK: %0 = "graph.resize"(%arg0) <{mode = "nearest", sizes = array<i64: 1, 2, 6, 6>}> : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
func.func @resize(%a0: tensor<1x2x3x3xf32>) -> (tensor<1x2x6x6xf32>) {
  %0 = "graph.resize"(%a0) <{mode = "nearest", sizes = array<i64: 1, 2, 6, 6>}> : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  return %0 : tensor<1x2x6x6xf32>
}

// CHECK-LABEL: func.func @depth_to_space
// CHECK: %0 = "graph.depth_to_space"(%arg0) <{blocksize = 2 : i64, mode = "DCR"}> : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
func.func @depth_to_space(%a0: tensor<1x8x2x3xf32>) -> (tensor<1x2x4x6xf32>) {
  %0 = "graph.depth_to_space"(%a0) <{blocksize = 2 : i64, mode = "DCR"}> : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  return %0 : tensor<1x2x4x6xf32>
}

// CHECK-LABEL: func.func @space_to_depth
// CHECK: %0 = "graph.space_to_depth"(%arg0) <{blocksize = 2 : i64}> : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
func.func @space_to_depth(%a0: tensor<1x2x4x6xf32>) -> (tensor<1x8x2x3xf32>) {
  %0 = "graph.space_to_depth"(%a0) <{blocksize = 2 : i64}> : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
  return %0 : tensor<1x8x2x3xf32>
}

// CHECK-LABEL: func.func @shape
// CHECK: %0 = "graph.shape"(%arg0) <{start = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2xi64>
func.func @shape(%a0: tensor<2x3x4xf32>) -> (tensor<2xi64>) {
  %0 = "graph.shape"(%a0) <{start = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @constant
// CHECK: %0 = "graph.constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
func.func @constant() -> (tensor<2xi64>) {
  %0 = "graph.constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<2xi64>
  return %0 : tensor<2xi64>
}

// CHECK-LABEL: func.func @constant_of_shape
// CHECK: %0 = "graph.constant_of_shape"(%arg0) <{value = dense<0.000000e+00> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<2x3xf32>
func.func @constant_of_shape(%a0: tensor<2xi64>) -> (tensor<2x3xf32>) {
  %0 = "graph.constant_of_shape"(%a0) <{value = dense<0.000000e+00> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @range
// CHECK: %0 = "graph.range"(%arg0, %arg1, %arg2) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<5xi64>
func.func @range(%a0: tensor<i64>, %a1: tensor<i64>, %a2: tensor<i64>) -> (tensor<5xi64>) {
  %0 = "graph.range"(%a0, %a1, %a2) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<5xi64>
  return %0 : tensor<5xi64>
}

