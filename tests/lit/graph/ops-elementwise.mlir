// Shape inference of the element-wise ops: each op, written with its inferred
// result type, verifies and prints back unchanged (graph ops have no
// custom form).
// RUN: smopt %s | FileCheck %s
// RUN: smopt %s | smopt | FileCheck %s

// CHECK-LABEL: func.func @abs
// CHECK: %0 = "graph.abs"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @abs(%a0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %0 = "graph.abs"(%a0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @ceil
// CHECK: %0 = "graph.ceil"(%arg0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @ceil(%a0: tensor<2x3xf32>) -> (tensor<2x3xf32>) {
  %0 = "graph.ceil"(%a0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: func.func @floor
// CHECK: %0 = "graph.floor"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @floor(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.floor"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @erf
// CHECK: %0 = "graph.erf"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @erf(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.erf"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @exp
// CHECK: %0 = "graph.exp"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @exp(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.exp"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @log
// CHECK: %0 = "graph.log"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @log(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.log"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @neg
// CHECK: %0 = "graph.neg"(%arg0) : (tensor<4xi64>) -> tensor<4xi64>
func.func @neg(%a0: tensor<4xi64>) -> (tensor<4xi64>) {
  %0 = "graph.neg"(%a0) : (tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// CHECK-LABEL: func.func @reciprocal
// CHECK: %0 = "graph.reciprocal"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @reciprocal(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.reciprocal"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @relu
// CHECK: %0 = "graph.relu"(%arg0) : (tensor<1x8x2x2xf32>) -> tensor<1x8x2x2xf32>
func.func @relu(%a0: tensor<1x8x2x2xf32>) -> (tensor<1x8x2x2xf32>) {
  %0 = "graph.relu"(%a0) : (tensor<1x8x2x2xf32>) -> tensor<1x8x2x2xf32>
  return %0 : tensor<1x8x2x2xf32>
}

// CHECK-LABEL: func.func @sigmoid
// CHECK: %0 = "graph.sigmoid"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @sigmoid(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.sigmoid"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @sqrt
// CHECK: %0 = "graph.sqrt"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @sqrt(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.sqrt"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @tanh
// CHECK: %0 = "graph.tanh"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @tanh(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.tanh"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @sin
// CHECK: %0 = "graph.sin"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @sin(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.sin"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @cos
// CHECK: %0 = "graph.cos"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @cos(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.cos"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @identity
// CHECK: %0 = "graph.identity"(%arg0) : (tensor<4xi1>) -> tensor<4xi1>
func.func @identity(%a0: tensor<4xi1>) -> (tensor<4xi1>) {
  %0 = "graph.identity"(%a0) : (tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// CHECK-LABEL: func.func @hard_swish
// CHECK: %0 = "graph.hard_swish"(%arg0) : (tensor<4xf32>) -> tensor<4xf32>
func.func @hard_swish(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.hard_swish"(%a0) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @is_nan
// CHECK: %0 = "graph.is_nan"(%arg0) : (tensor<2x4xf32>) -> tensor<2x4xi1>
func.func @is_nan(%a0: tensor<2x4xf32>) -> (tensor<2x4xi1>) {
  %0 = "graph.is_nan"(%a0) : (tensor<2x4xf32>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @not
// CHECK: %0 = "graph.not"(%arg0) : (tensor<4xi1>) -> tensor<4xi1>
func.func @not(%a0: tensor<4xi1>) -> (tensor<4xi1>) {
  %0 = "graph.not"(%a0) : (tensor<4xi1>) -> tensor<4xi1>
  return %0 : tensor<4xi1>
}

// CHECK-LABEL: func.func @hard_sigmoid
// CHECK: %0 = "graph.hard_sigmoid"(%arg0) <{alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @hard_sigmoid(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.hard_sigmoid"(%a0) <{alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @leaky_relu
// CHECK: %0 = "graph.leaky_relu"(%arg0) <{alpha = 0.00999999977 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @leaky_relu(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.leaky_relu"(%a0) <{alpha = 0.00999999977 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @gelu
// CHECK: %0 = "graph.gelu"(%arg0) <{approximate = "tanh"}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @gelu(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.gelu"(%a0) <{approximate = "tanh"}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @clip
// CHECK: %0 = "graph.clip"(%arg0) <{max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
func.func @clip(%a0: tensor<4xf32>) -> (tensor<4xf32>) {
  %0 = "graph.clip"(%a0) <{max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @cast
// CHECK: %0 = "graph.cast"(%arg0) <{to = f32}> : (tensor<3xi64>) -> tensor<3xf32>
func.func @cast(%a0: tensor<3xi64>) -> (tensor<3xf32>) {
  %0 = "graph.cast"(%a0) <{to = f32}> : (tensor<3xi64>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// CHECK-LABEL: func.func @add
// CHECK: %0 = "graph.add"(%arg0, %arg1) : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
func.func @add(%a0: tensor<2x1x4xf32>, %a1: tensor<3x1xf32>) -> (tensor<2x3x4xf32>) {
  %0 = "graph.add"(%a0, %a1) : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// CHECK-LABEL: func.func @sub
// CHECK: %0 = "graph.sub"(%arg0, %arg1) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
func.func @sub(%a0: tensor<4xf32>, %a1: tensor<f32>) -> (tensor<4xf32>) {
  %0 = "graph.sub"(%a0, %a1) : (tensor<4xf32>, tensor<f32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @mul
// CHECK: %0 = "graph.mul"(%arg0, %arg1) : (tensor<1x4xf32>, tensor<5x1xf32>) -> tensor<5x4xf32>
func.func @mul(%a0: tensor<1x4xf32>, %a1: tensor<5x1xf32>) -> (tensor<5x4xf32>) {
  %0 = "graph.mul"(%a0, %a1) : (tensor<1x4xf32>, tensor<5x1xf32>) -> tensor<5x4xf32>
  return %0 : tensor<5x4xf32>
}

// CHECK-LABEL: func.func @div
// CHECK: %0 = "graph.div"(%arg0, %arg1) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
func.func @div(%a0: tensor<4xi64>, %a1: tensor<4xi64>) -> (tensor<4xi64>) {
  %0 = "graph.div"(%a0, %a1) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// CHECK-LABEL: func.func @pow
// CHECK: %0 = "graph.pow"(%arg0, %arg1) : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
func.func @pow(%a0: tensor<4xf32>, %a1: tensor<1xf32>) -> (tensor<4xf32>) {
  %0 = "graph.pow"(%a0, %a1) : (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @mod
// CHECK: %0 = "graph.mod"(%arg0, %arg1) <{fmod = 0 : i64}> : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
func.func @mod(%a0: tensor<4xi64>, %a1: tensor<4xi64>) -> (tensor<4xi64>) {
  %0 = "graph.mod"(%a0, %a1) <{fmod = 0 : i64}> : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi64>
  return %0 : tensor<4xi64>
}

// CHECK-LABEL: func.func @min
// CHECK: %0 = "graph.min"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
func.func @min(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xf32>) {
  %0 = "graph.min"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @max
// CHECK: %0 = "graph.max"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
func.func @max(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xf32>) {
  %0 = "graph.max"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK-LABEL: func.func @equal
// CHECK: %0 = "graph.equal"(%arg0, %arg1) : (tensor<2x4xi64>, tensor<4xi64>) -> tensor<2x4xi1>
func.func @equal(%a0: tensor<2x4xi64>, %a1: tensor<4xi64>) -> (tensor<2x4xi1>) {
  %0 = "graph.equal"(%a0, %a1) : (tensor<2x4xi64>, tensor<4xi64>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @greater
// CHECK: %0 = "graph.greater"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
func.func @greater(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xi1>) {
  %0 = "graph.greater"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @greater_or_equal
// CHECK: %0 = "graph.greater_or_equal"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
func.func @greater_or_equal(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xi1>) {
  %0 = "graph.greater_or_equal"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @less
// CHECK: %0 = "graph.less"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
func.func @less(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xi1>) {
  %0 = "graph.less"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @less_or_equal
// CHECK: %0 = "graph.less_or_equal"(%arg0, %arg1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
func.func @less_or_equal(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) -> (tensor<2x4xi1>) {
  %0 = "graph.less_or_equal"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @and
// CHECK: %0 = "graph.and"(%arg0, %arg1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
func.func @and(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) -> (tensor<2x4xi1>) {
  %0 = "graph.and"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @or
// CHECK: %0 = "graph.or"(%arg0, %arg1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
func.func @or(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) -> (tensor<2x4xi1>) {
  %0 = "graph.or"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @xor
// CHECK: %0 = "graph.xor"(%arg0, %arg1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
func.func @xor(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) -> (tensor<2x4xi1>) {
  %0 = "graph.xor"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<2x4xi1>
  return %0 : tensor<2x4xi1>
}

// CHECK-LABEL: func.func @where
// CHECK: %0 = "graph.where"(%arg0, %arg1, %arg2) : (tensor<2x1xi1>, tensor<4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
func.func @where(%a0: tensor<2x1xi1>, %a1: tensor<4xf32>, %a2: tensor<2x4xf32>) -> (tensor<2x4xf32>) {
  %0 = "graph.where"(%a0, %a1, %a2) : (tensor<2x1xi1>, tensor<4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

