// Shape inference of the element-wise ops, seen through the verifier: a wrong
// declared result type is reported with the inferred one.
// RUN: smopt %s --split-input-file --verify-diagnostics

func.func @abs(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.abs' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3xf32>}}
  %0 = "graph.abs"(%a0) : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @ceil(%a0: tensor<2x3xf32>) {
  // expected-error@+1 {{'graph.ceil' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3xf32>}}
  %0 = "graph.ceil"(%a0) : (tensor<2x3xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @floor(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.floor' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.floor"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @erf(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.erf' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.erf"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @exp(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.exp' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.exp"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @log(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.log' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.log"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @neg(%a0: tensor<4xi64>) {
  // expected-error@+1 {{'graph.neg' op result #0 has type tensor<7x7x7xi64>, but the inferred type is tensor<4xi64>}}
  %0 = "graph.neg"(%a0) : (tensor<4xi64>) -> tensor<7x7x7xi64>
  return
}

// -----

func.func @reciprocal(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.reciprocal' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.reciprocal"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @relu(%a0: tensor<1x8x2x2xf32>) {
  // expected-error@+1 {{'graph.relu' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<1x8x2x2xf32>}}
  %0 = "graph.relu"(%a0) : (tensor<1x8x2x2xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @sigmoid(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.sigmoid' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.sigmoid"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @sqrt(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.sqrt' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.sqrt"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @tanh(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.tanh' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.tanh"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @sin(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.sin' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.sin"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @cos(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.cos' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.cos"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @identity(%a0: tensor<4xi1>) {
  // expected-error@+1 {{'graph.identity' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<4xi1>}}
  %0 = "graph.identity"(%a0) : (tensor<4xi1>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @hard_swish(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.hard_swish' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.hard_swish"(%a0) : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @is_nan(%a0: tensor<2x4xf32>) {
  // expected-error@+1 {{'graph.is_nan' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.is_nan"(%a0) : (tensor<2x4xf32>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @not(%a0: tensor<4xi1>) {
  // expected-error@+1 {{'graph.not' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<4xi1>}}
  %0 = "graph.not"(%a0) : (tensor<4xi1>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @hard_sigmoid(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.hard_sigmoid' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.hard_sigmoid"(%a0) <{alpha = 2.000000e-01 : f32, beta = 5.000000e-01 : f32}> : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @leaky_relu(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.leaky_relu' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.leaky_relu"(%a0) <{alpha = 0.00999999977 : f32}> : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @gelu(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.gelu' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.gelu"(%a0) <{approximate = "tanh"}> : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @clip(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.clip' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.clip"(%a0) <{max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}> : (tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @cast(%a0: tensor<3xi64>) {
  // expected-error@+1 {{'graph.cast' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<3xf32>}}
  %0 = "graph.cast"(%a0) <{to = f32}> : (tensor<3xi64>) -> tensor<7x7x7xf32>
  return
}

// -----

// f16/bf16 tensors are held in f32: a cast to f16 gives f32 values rounded to f16.
func.func @cast_f16(%a0: tensor<3xf32>) {
  // expected-error@+1 {{'graph.cast' op result #0 has type tensor<3xf16>, but the inferred type is tensor<3xf32>}}
  %0 = "graph.cast"(%a0) <{to = f16}> : (tensor<3xf32>) -> tensor<3xf16>
  return
}

// -----

func.func @add(%a0: tensor<2x1x4xf32>, %a1: tensor<3x1xf32>) {
  // expected-error@+1 {{'graph.add' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x3x4xf32>}}
  %0 = "graph.add"(%a0, %a1) : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @sub(%a0: tensor<4xf32>, %a1: tensor<f32>) {
  // expected-error@+1 {{'graph.sub' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.sub"(%a0, %a1) : (tensor<4xf32>, tensor<f32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @mul(%a0: tensor<1x4xf32>, %a1: tensor<5x1xf32>) {
  // expected-error@+1 {{'graph.mul' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<5x4xf32>}}
  %0 = "graph.mul"(%a0, %a1) : (tensor<1x4xf32>, tensor<5x1xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @div(%a0: tensor<4xi64>, %a1: tensor<4xi64>) {
  // expected-error@+1 {{'graph.div' op result #0 has type tensor<7x7x7xi64>, but the inferred type is tensor<4xi64>}}
  %0 = "graph.div"(%a0, %a1) : (tensor<4xi64>, tensor<4xi64>) -> tensor<7x7x7xi64>
  return
}

// -----

func.func @pow(%a0: tensor<4xf32>, %a1: tensor<1xf32>) {
  // expected-error@+1 {{'graph.pow' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<4xf32>}}
  %0 = "graph.pow"(%a0, %a1) : (tensor<4xf32>, tensor<1xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @mod(%a0: tensor<4xi64>, %a1: tensor<4xi64>) {
  // expected-error@+1 {{'graph.mod' op result #0 has type tensor<7x7x7xi64>, but the inferred type is tensor<4xi64>}}
  %0 = "graph.mod"(%a0, %a1) <{fmod = 0 : i64}> : (tensor<4xi64>, tensor<4xi64>) -> tensor<7x7x7xi64>
  return
}

// -----

func.func @min(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.min' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x4xf32>}}
  %0 = "graph.min"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @max(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.max' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x4xf32>}}
  %0 = "graph.max"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xf32>
  return
}

// -----

func.func @equal(%a0: tensor<2x4xi64>, %a1: tensor<4xi64>) {
  // expected-error@+1 {{'graph.equal' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.equal"(%a0, %a1) : (tensor<2x4xi64>, tensor<4xi64>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @greater(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.greater' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.greater"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @greater_or_equal(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.greater_or_equal' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.greater_or_equal"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @less(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.less' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.less"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @less_or_equal(%a0: tensor<2x4xf32>, %a1: tensor<4xf32>) {
  // expected-error@+1 {{'graph.less_or_equal' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.less_or_equal"(%a0, %a1) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @and(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) {
  // expected-error@+1 {{'graph.and' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.and"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @or(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) {
  // expected-error@+1 {{'graph.or' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.or"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @xor(%a0: tensor<2x4xi1>, %a1: tensor<4xi1>) {
  // expected-error@+1 {{'graph.xor' op result #0 has type tensor<7x7x7xi1>, but the inferred type is tensor<2x4xi1>}}
  %0 = "graph.xor"(%a0, %a1) : (tensor<2x4xi1>, tensor<4xi1>) -> tensor<7x7x7xi1>
  return
}

// -----

func.func @where(%a0: tensor<2x1xi1>, %a1: tensor<4xf32>, %a2: tensor<2x4xf32>) {
  // expected-error@+1 {{'graph.where' op result #0 has type tensor<7x7x7xf32>, but the inferred type is tensor<2x4xf32>}}
  %0 = "graph.where"(%a0, %a1, %a2) : (tensor<2x1xi1>, tensor<4xf32>, tensor<2x4xf32>) -> tensor<7x7x7xf32>
  return
}
