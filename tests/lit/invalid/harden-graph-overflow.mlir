// Shape inference on hostile shapes and properties (issue 14): int64 overflow and
// element counts beyond SM_LIMIT_TENSOR_ELEMENTS are located errors, never a wrapped
// shape, a trap or a hang. Nothing is printed on failure.
// RUN: smopt %s --split-input-file --verify-diagnostics
// RUN: not smopt %s -o %t.out 2>&1 | FileCheck %s --check-prefix=FIRST
// RUN: not test -e %t.out
// FIRST: error: 'graph.depth_to_space' op blocksize 4294967296 is too large

func.func @depth_to_space_2_32(%a0: tensor<1x4x2x2xf32>) {
  // expected-error@+1 {{'graph.depth_to_space' op blocksize 4294967296 is too large}}
  %0 = "graph.depth_to_space"(%a0) <{blocksize = 4294967296 : i64, mode = "DCR"}> : (tensor<1x4x2x2xf32>) -> tensor<1x1x4x4xf32>
  return
}

// -----

func.func @space_to_depth_overflow(%a0: tensor<1x4x2x2xf32>) {
  // expected-error@+1 {{'graph.space_to_depth' op spatial dims must be divisible by blocksize}}
  %0 = "graph.space_to_depth"(%a0) <{blocksize = 4294967296 : i64}> : (tensor<1x4x2x2xf32>) -> tensor<1x16x1x1xf32>
  return
}

// -----

func.func @tile_2_62(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.tile' op shape computation overflows int64}}
  %0 = "graph.tile"(%a0) <{repeats = array<i64: 4611686018427387904>}> : (tensor<4xf32>) -> tensor<0xf32>
  return
}

// -----

func.func @tile_over_limit(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.tile' op result has more elements than the limit SM_LIMIT_TENSOR_ELEMENTS=67108864}}
  %0 = "graph.tile"(%a0) <{repeats = array<i64: 1073741824>}> : (tensor<4xf32>) -> tensor<4294967296xf32>
  return
}

// -----

func.func @flatten_2_32_squared(%a0: tensor<4294967296x4294967296xf32>) {
  // expected-error@+1 {{'graph.flatten' op operand #0 has more elements than the limit SM_LIMIT_TENSOR_ELEMENTS=67108864}}
  %0 = "graph.flatten"(%a0) <{axis = 0 : i64}> : (tensor<4294967296x4294967296xf32>) -> tensor<1x0xf32>
  return
}

// -----

func.func @flatten_empty_huge(%a0: tensor<0x4294967296x4294967296xf32>) {
  // expected-error@+1 {{'graph.flatten' op operand #0 has more elements than the limit}}
  %0 = "graph.flatten"(%a0) <{axis = 1 : i64}> : (tensor<0x4294967296x4294967296xf32>) -> tensor<0x0xf32>
  return
}

// -----

func.func @max_pool_kernel_2_62(%a0: tensor<1x1x8x8xf32>) {
  // expected-error@+1 {{'graph.max_pool' op shape computation overflows int64}}
  %0 = "graph.max_pool"(%a0) <{kernel_shape = array<i64: 4611686018427387904, 1>, dilations = array<i64: 4, 1>}> : (tensor<1x1x8x8xf32>) -> tensor<1x1x1x8xf32>
  return
}

// -----

func.func @pad_overflow(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.pad' op shape computation overflows int64}}
  %0 = "graph.pad"(%a0) <{pads = array<i64: 9223372036854775807, 9223372036854775807>, mode = "constant", value = 0.0 : f32}> : (tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @reshape_overflow(%a0: tensor<4xf32>) {
  // expected-error@+1 {{'graph.reshape' op shape computation overflows int64}}
  %0 = "graph.reshape"(%a0) <{shape = array<i64: 4294967296, 4294967296, 4>}> : (tensor<4xf32>) -> tensor<4xf32>
  return
}
