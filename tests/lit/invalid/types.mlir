// Invalid types.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{expected '>'}}
"tt.op"() : () -> tensor<4xf32 "tt.next"() : () -> ()

// -----

// expected-error@+1 {{expected type}}
"tt.op"() : () -> tensor<4x>

// -----

// expected-error@+1 {{expected type}}
"tt.op"() : () -> tensor<-1xf32>

// -----

// expected-error@+1 {{expected static shape}}
"tt.op"() : () -> vector<?xf32>

// -----

// expected-error@+1 {{expected type}}
"tt.op"() : () -> vector<*xf32>

// -----

// expected-error@+1 {{expected type}}
"tt.op"() : () -> complex<>

// -----

// expected-error@+1 {{integer bitwidth is limited to 16777215 bits}}
"tt.op"() : () -> i16777216

// -----

// expected-error@+1 {{expected type}}
"tt.op"() : () -> f17

// -----

// expected-error@+1 {{expected '>'}}
"tt.op"() : () -> tuple<i32, f32 "tt.next"() : () -> ()

// -----

// expected-error@+1 {{invalid element type}}
"tt.op"() : () -> complex<tensor<2xf32>>

// -----

// expected-error@+1 {{invalid tensor element type}}
"tt.op"() : () -> tensor<4xnone>

// -----

// expected-error@+1 {{expected '<'}}
"tt.op"() : () -> tensor "tt.next"() : () -> ()

// -----

// Values of integers wider than 64 bits are limited to the 64-bit range.
// expected-error@+1 {{integer constant out of range}}
"tt.op"() {a = 18446744073709551616 : i128} : () -> ()

// -----

// expected-error@+1 {{dense elements of 'i128' are not supported}}
"tt.op"() {a = dense<1> : tensor<2xi128>} : () -> ()

// -----

// expected-error@+1 {{memref layout mismatch between rank and affine map: 2 != 1}}
"tt.op"() : () -> memref<4x4xf32, affine_map<(d0) -> (d0)>>

// -----

// expected-error@+1 {{expected the number of strides to match the rank}}
"tt.op"() : () -> memref<4x4xf32, strided<[1]>>

// -----

// expected-error@+1 {{invalid memref element type}}
"tt.op"() : () -> memref<4xtensor<2xf32>>

// -----

// expected-error@+1 {{multiple memory spaces specified in memref type}}
"tt.op"() : () -> memref<4xf32, 1, 2>

// -----

// expected-error@+1 {{expected 'offset' after comma}}
"tt.op"() : () -> memref<4xf32, strided<[1], 5>>

// -----

// expected-error@+1 {{expected integer size of a scalable dimension}}
"tt.op"() : () -> vector<[?]xf32>

// -----

// expected-error@+1 {{hexadecimal float constant out of range for type}}
"tt.op"() {a = 0x100 : f8E4M3FN} : () -> ()

// -----

// expected-error@+1 {{dense elements of 'f80' are not supported}}
"tt.op"() {a = dense<1.0> : tensor<2xf80>} : () -> ()

// -----

// expected-error@+1 {{unbalanced '>' character in pretty dialect name}}
"tt.op"() : () -> !tt.unbalanced<(>

// -----

// f80/f128 are held as doubles: bits a double cannot hold are refused.
// expected-error@+1 {{hexadecimal f80 constant not held exactly (smartmem holds f80 values as doubles)}}
"tt.op"() {a = 0x3FFF8000000000000001 : f80} : () -> ()

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: types.mlir:6:32: error: expected '>'
// LOC: types.mlir:11:28: error: expected type
// LOC: types.mlir:16:26: error: expected type
// LOC: types.mlir:21:26: error: expected static shape
// LOC: types.mlir:26:26: error: expected type
// LOC: types.mlir:31:27: error: expected type
// LOC: types.mlir:36:19: error: integer bitwidth is limited to 16777215 bits
// LOC: types.mlir:41:19: error: expected type
// LOC: types.mlir:46:34: error: expected '>'
// LOC: types.mlir:51:27: error: invalid element type for complex
// LOC: types.mlir:56:28: error: invalid tensor element type
// LOC: types.mlir:61:26: error: expected '<'
// LOC: types.mlir:67:16: error: integer constant out of range
// LOC: types.mlir:72:27: error: dense elements of 'i128' are not supported
// LOC: types.mlir:77:35: error: memref layout mismatch between rank and affine map: 2 != 1
// LOC: types.mlir:82:35: error: expected the number of strides to match the rank
// LOC: types.mlir:87:28: error: invalid memref element type
// LOC: types.mlir:92:36: error: multiple memory spaces specified in memref type
// LOC: types.mlir:97:46: error: expected 'offset' after comma
// LOC: types.mlir:102:27: error: expected integer size of a scalable dimension
// LOC: types.mlir:107:16: error: hexadecimal float constant out of range for type
// LOC: types.mlir:112:29: error: dense elements of 'f80' are not supported
// LOC: types.mlir:117:35: error: unbalanced '>' character in pretty dialect name
// LOC: types.mlir:123:16: error: hexadecimal f80 constant not held exactly (smartmem holds f80 values as doubles)
