// Shape inference of the data-movement and shape ops, seen through the verifier: a wrong
// declared result type is reported with the inferred one.
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @reshape(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.reshape' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x12xf32>}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 0, -1>}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @flatten(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.flatten' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<6x4xf32>}}
  %0 = "graph.flatten"(%a0) <{axis = 2 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @squeeze(%a0: tensor<1x3x1xf32>) {
  // expected-error@+1 {{'graph.squeeze' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<3xf32>}}
  %0 = "graph.squeeze"(%a0) : (tensor<1x3x1xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @unsqueeze(%a0: tensor<3x4xf32>) {
  // expected-error@+1 {{'graph.unsqueeze' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x3x4x1xf32>}}
  %0 = "graph.unsqueeze"(%a0) <{axes = array<i64: 0, -1>}> : (tensor<3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @transpose(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.transpose' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4x2x3xf32>}}
  %0 = "graph.transpose"(%a0) <{perm = array<i64: 2, 0, 1>}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @concat(%a0: tensor<2x3xf32>, %a1: tensor<2x5xf32>) {
  // expected-error@+1 {{'graph.concat' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x8xf32>}}
  %0 = "graph.concat"(%a0, %a1) <{axis = -1 : i64}> : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @split(%a0: tensor<6x2xf32>) {
  // expected-error@+1 {{'graph.split' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x2xf32>}}
  %0:2 = "graph.split"(%a0) <{axis = 0 : i64, split = array<i64: 2, 4>}> : (tensor<6x2xf32>) -> (tensor<7x7x7xf32>, tensor<4x2xf32>)
  return
}

// -----

func.func @slice(%a0: tensor<10x4xf32>) {
  // expected-error@+1 {{'graph.slice' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<3x4xf32>}}
  %0 = "graph.slice"(%a0) <{axes = array<i64: 0>, ends = array<i64: 9223372036854775807>, starts = array<i64: 1>, steps = array<i64: 3>}> : (tensor<10x4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @gather(%a0: tensor<5x4xf32>, %a1: tensor<2x3xi64>) {
  // expected-error@+1 {{'graph.gather' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3x4xf32>}}
  %0 = "graph.gather"(%a0, %a1) <{axis = 0 : i64}> : (tensor<5x4xf32>, tensor<2x3xi64>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @gather_elements(%a0: tensor<3x4xf32>, %a1: tensor<2x4xi64>) {
  // expected-error@+1 {{'graph.gather_elements' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x4xf32>}}
  %0 = "graph.gather_elements"(%a0, %a1) <{axis = 0 : i64}> : (tensor<3x4xf32>, tensor<2x4xi64>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @scatter_nd(%a0: tensor<4x5xf32>, %a1: tensor<2x1xi64>, %a2: tensor<2x5xf32>) {
  // expected-error@+1 {{'graph.scatter_nd' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4x5xf32>}}
  %0 = "graph.scatter_nd"(%a0, %a1, %a2) : (tensor<4x5xf32>, tensor<2x1xi64>, tensor<2x5xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @expand(%a0: tensor<3x1xf32>) {
  // expected-error@+1 {{'graph.expand' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3x4xf32>}}
  %0 = "graph.expand"(%a0) <{shape = array<i64: 2, 1, 4>}> : (tensor<3x1xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @tile(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.tile' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4x3xf32>}}
  %0 = "graph.tile"(%a0) <{repeats = array<i64: 2, 1>}> : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @pad(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.pad' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4x7xf32>}}
  %0 = "graph.pad"(%a0) <{mode = "constant", pads = array<i64: 0, 1, 2, 3>, value = 0.000000e+00 : f32}> : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @resize(%a0: tensor<1x2x3x3xf32>) {
  // expected-error@+1 {{'graph.resize' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x2x6x6xf32>}}
  %0 = "graph.resize"(%a0) <{mode = "nearest", sizes = array<i64: 1, 2, 6, 6>}> : (tensor<1x2x3x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @depth_to_space(%a0: tensor<1x8x2x3xf32>) {
  // expected-error@+1 {{'graph.depth_to_space' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x2x4x6xf32>}}
  %0 = "graph.depth_to_space"(%a0) <{blocksize = 2 : i64, mode = "DCR"}> : (tensor<1x8x2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @space_to_depth(%a0: tensor<1x2x4x6xf32>) {
  // expected-error@+1 {{'graph.space_to_depth' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x8x2x3xf32>}}
  %0 = "graph.space_to_depth"(%a0) <{blocksize = 2 : i64}> : (tensor<1x2x4x6xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @shape(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.shape' op result #0 has type tensor<7x7x7xi64>, but the inferred type is tensor<2xi64>}}
  %0 = "graph.shape"(%a0) <{start = 1 : i64}> : (tensor<2x3x4xf32>) -> tensor<7x7x7xi64>
  return
}

// -----

func.func @constant() {
  // expected-error@+1 {{'graph.constant' op result #0 has type tensor<7x7x7xi64>, but the inferred type is tensor<2xi64>}}
  %0 = "graph.constant"() <{value = dense<[1, 2]> : tensor<2xi64>}> : () -> tensor<7x7x7xi64>
  return
}

// -----

func.func @constant_of_shape(%a0: tensor<2xi64>) {
  // expected-error@+1 {{'graph.constant_of_shape' op result must have rank 2 (the length of the shape operand)}}
  %0 = "graph.constant_of_shape"(%a0) <{value = dense<0.000000e+00> : tensor<1xf32>}> : (tensor<2xi64>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @range(%a0: tensor<i64>, %a1: tensor<i64>, %a2: tensor<i64>) {
  // expected-error@+1 {{'graph.range' op result must be a 1-D tensor of the operands' element type}}
  %0 = "graph.range"(%a0, %a1, %a2) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<7x7x7xi64>
  return
}
