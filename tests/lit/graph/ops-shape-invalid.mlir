// Verifier errors of the data-movement and shape ops (operand types and properties).
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @reshape(%a0: tensor<2x6xf32>) {
  // expected-error@+1 {{'graph.reshape' op 'shape' has 16 elements, operand has 12}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 4, 4>}> : (tensor<2x6xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @reshape(%a0: tensor<2x6xf32>) {
  // expected-error@+1 {{'graph.reshape' op at most one -1 in 'shape'}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: -1, -1>}> : (tensor<2x6xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @reshape(%a0: tensor<12xf32>) {
  // expected-error@+1 {{'graph.reshape' op shape[1] = 0 has no input dim to copy}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 3, 0>}> : (tensor<12xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @reshape(%a0: tensor<12xf32>) {
  // expected-error@+1 {{'graph.reshape' op requires an i64 array property 'shape'}}
  %0 = "graph.reshape"(%a0) : (tensor<12xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @reshape(%a0: tensor<12xf32>) {
  // expected-error@+1 {{'graph.reshape' op cannot infer the -1 dimension of 'shape'}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 5, -1>}> : (tensor<12xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @flatten(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.flatten' op axis out of range}}
  %0 = "graph.flatten"(%a0) <{axis = 3 : i64}> : (tensor<2x3xf32>) -> tensor<6x1xf32>
  return
}

// -----

func.func @squeeze(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.squeeze' op cannot squeeze dimension 0 of size 2}}
  %0 = "graph.squeeze"(%a0) <{axes = array<i64: 0>}> : (tensor<2x3xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @unsqueeze(%a0: tensor<3xf32>) {
  // expected-error@+1 {{'graph.unsqueeze' op axis 0 repeated}}
  %0 = "graph.unsqueeze"(%a0) <{axes = array<i64: 0, 0>}> : (tensor<3xf32>) -> tensor<1x1x3xf32>
  return
}

// -----

func.func @unsqueeze(%a0: tensor<3xf32>) {
  // expected-error@+1 {{'graph.unsqueeze' op requires an i64 array property 'axes'}}
  %0 = "graph.unsqueeze"(%a0) : (tensor<3xf32>) -> tensor<1x3xf32>
  return
}

// -----

func.func @transpose(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.transpose' op 'perm' is not a permutation}}
  %0 = "graph.transpose"(%a0) <{perm = array<i64: 0, 0>}> : (tensor<2x3xf32>) -> tensor<2x2xf32>
  return
}

// -----

func.func @transpose(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.transpose' op 'perm' has 3 entries, operand rank is 2}}
  %0 = "graph.transpose"(%a0) <{perm = array<i64: 1, 0, 2>}> : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @concat(%a0: tensor<2x3xf32>, %a1: tensor<3x3xf32>) {
  // expected-error@+1 {{'graph.concat' op operand #1 differs in dimension 0}}
  %0 = "graph.concat"(%a0, %a1) <{axis = 1 : i64}> : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat(%a0: tensor<2x3xf32>, %a1: tensor<2x3xi64>) {
  // expected-error@+1 {{'graph.concat' op operands #0 and #1 must have the same element type}}
  %0 = "graph.concat"(%a0, %a1) <{axis = 1 : i64}> : (tensor<2x3xf32>, tensor<2x3xi64>) -> tensor<2x6xf32>
  return
}

// -----

func.func @concat(%a0: tensor<2x3xf32>, %a1: tensor<3xf32>) {
  // expected-error@+1 {{'graph.concat' op operand #1 differs in rank}}
  %0 = "graph.concat"(%a0, %a1) <{axis = 1 : i64}> : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @split(%a0: tensor<6xf32>) {
  // expected-error@+1 {{'graph.split' op split sizes sum to 5, dimension is 6}}
  %0:2 = "graph.split"(%a0) <{split = array<i64: 2, 3>}> : (tensor<6xf32>) -> (tensor<2xf32>, tensor<3xf32>)
  return
}

// -----

func.func @split(%a0: tensor<6xf32>) {
  // expected-error@+1 {{'graph.split' op requires an i64 array property 'split' (1 to 64 entries)}}
  %0 = "graph.split"(%a0) <{axis = 0 : i64}> : (tensor<6xf32>) -> tensor<6xf32>
  return
}

// -----

func.func @slice(%a0: tensor<6xf32>) {
  // expected-error@+1 {{'graph.slice' op invalid starts/ends/axes/steps properties}}
  %0 = "graph.slice"(%a0) <{ends = array<i64: 4>, starts = array<i64: 0>, steps = array<i64: 0>}> : (tensor<6xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @gather(%a0: tensor<6x2xf32>, %a1: tensor<3xf32>) {
  // expected-error@+1 {{'graph.gather' op operand #1 must be a tensor of integers}}
  %0 = "graph.gather"(%a0, %a1) : (tensor<6x2xf32>, tensor<3xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @gather(%a0: tensor<6x2xf32>, %a1: tensor<3xi64>) {
  // expected-error@+1 {{'graph.gather' op axis 2 is out of range for rank 2}}
  %0 = "graph.gather"(%a0, %a1) <{axis = 2 : i64}> : (tensor<6x2xf32>, tensor<3xi64>) -> tensor<3x2xf32>
  return
}

// -----

func.func @gather_elements(%a0: tensor<6x2xf32>, %a1: tensor<3xi64>) {
  // expected-error@+1 {{'graph.gather_elements' op indices must have the rank of the data}}
  %0 = "graph.gather_elements"(%a0, %a1) : (tensor<6x2xf32>, tensor<3xi64>) -> tensor<3xf32>
  return
}

// -----

func.func @scatter_nd(%a0: tensor<4x5xf32>, %a1: tensor<2x1xi64>, %a2: tensor<2x4xf32>) {
  // expected-error@+1 {{'graph.scatter_nd' op updates shape does not match data}}
  %0 = "graph.scatter_nd"(%a0, %a1, %a2) : (tensor<4x5xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @scatter_nd(%a0: tensor<4x5xf32>, %a1: tensor<2x3xi64>, %a2: tensor<2xf32>) {
  // expected-error@+1 {{'graph.scatter_nd' op last indices dimension must be in [1, 2]}}
  %0 = "graph.scatter_nd"(%a0, %a1, %a2) : (tensor<4x5xf32>, tensor<2x3xi64>, tensor<2xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @expand(%a0: tensor<3x2xf32>) {
  // expected-error@+1 {{'graph.expand' op operand does not broadcast to 'shape'}}
  %0 = "graph.expand"(%a0) <{shape = array<i64: 3, 4>}> : (tensor<3x2xf32>) -> tensor<3x4xf32>
  return
}

// -----

func.func @tile(%a0: tensor<3x2xf32>) {
  // expected-error@+1 {{'graph.tile' op 'repeats' must have one entry per dimension}}
  %0 = "graph.tile"(%a0) <{repeats = array<i64: 2>}> : (tensor<3x2xf32>) -> tensor<6x2xf32>
  return
}

// -----

func.func @pad(%a0: tensor<3x2xf32>) {
  // expected-error@+1 {{'graph.pad' op 'pads' must have 4 entries}}
  %0 = "graph.pad"(%a0) <{pads = array<i64: 1, 1>}> : (tensor<3x2xf32>) -> tensor<5x2xf32>
  return
}

// -----

func.func @pad(%a0: tensor<3x2xf32>) {
  // expected-error@+1 {{'graph.pad' op negative padded size}}
  %0 = "graph.pad"(%a0) <{pads = array<i64: -2, 0, -2, 0>}> : (tensor<3x2xf32>) -> tensor<3x2xf32>
  return
}

// -----

func.func @resize(%a0: tensor<1x2x3x3xf32>) {
  // expected-error@+1 {{'graph.resize' op 'sizes' must have one entry per dimension}}
  %0 = "graph.resize"(%a0) <{sizes = array<i64: 6, 6>}> : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  return
}

// -----

func.func @resize(%a0: tensor<1x2x3x3xi64>) {
  // expected-error@+1 {{'graph.resize' op operand #0 must be a tensor of floats}}
  %0 = "graph.resize"(%a0) <{sizes = array<i64: 1, 2, 6, 6>}> : (tensor<1x2x3x3xi64>) -> tensor<1x2x6x6xi64>
  return
}

// -----

func.func @depth_to_space(%a0: tensor<1x6x2x2xf32>) {
  // expected-error@+1 {{'graph.depth_to_space' op channels must be divisible by blocksize^2}}
  %0 = "graph.depth_to_space"(%a0) <{blocksize = 2 : i64}> : (tensor<1x6x2x2xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @space_to_depth(%a0: tensor<1x2x3x4xf32>) {
  // expected-error@+1 {{'graph.space_to_depth' op spatial dims must be divisible by blocksize}}
  %0 = "graph.space_to_depth"(%a0) <{blocksize = 2 : i64}> : (tensor<1x2x3x4xf32>) -> tensor<1x8x1x2xf32>
  return
}

// -----

func.func @space_to_depth(%a0: tensor<2x3x4xf32>) {
  // expected-error@+1 {{'graph.space_to_depth' op needs a 4-D operand and a positive blocksize}}
  %0 = "graph.space_to_depth"(%a0) <{blocksize = 2 : i64}> : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

func.func @constant() {
  // expected-error@+1 {{'graph.constant' op requires a dense or dense_resource property 'value'}}
  %0 = "graph.constant"() <{value = 3 : i64}> : () -> tensor<i64>
  return
}

// -----

func.func @constant_of_shape(%a0: tensor<2x2xi64>) {
  // expected-error@+1 {{'graph.constant_of_shape' op operand must be a 1-D tensor of integers (the shape)}}
  %0 = "graph.constant_of_shape"(%a0) : (tensor<2x2xi64>) -> tensor<2x2xf32>
  return
}

// -----

func.func @constant_of_shape(%a0: tensor<2xi64>) {
  // expected-error@+1 {{'graph.constant_of_shape' op result element type must be that of 'value'}}
  %0 = "graph.constant_of_shape"(%a0) <{value = dense<1> : tensor<1xi64>}> : (tensor<2xi64>) -> tensor<2x3xf32>
  return
}

// -----

func.func @range(%a0: tensor<1xi64>, %a1: tensor<i64>, %a2: tensor<i64>) {
  // expected-error@+1 {{'graph.range' op operand #0 must be a scalar (rank-0) tensor}}
  %0 = "graph.range"(%a0, %a1, %a2) : (tensor<1xi64>, tensor<i64>, tensor<i64>) -> tensor<5xi64>
  return
}

// -----

func.func @shape(%a0: tensor<2x?xf32>) {
  // expected-error@+1 {{'graph.shape' op operand #0 must be a statically shaped ranked tensor (rank <= 8)}}
  %0 = "graph.shape"(%a0) : (tensor<2x?xf32>) -> tensor<2xi64>
  return
}
