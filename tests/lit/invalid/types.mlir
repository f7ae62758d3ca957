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

// expected-error@+1 {{integer bitwidth}}
"tt.op"() : () -> i65

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

// MLIR accepts i0; smartmem supports widths 1..64.
// expected-error@+1 {{integer bitwidth 0 is not supported (smartmem supports 1..64)}}
"tt.op"() : () -> i0

// -----

// expected-error@+1 {{unbalanced '>' character in pretty dialect name}}
"tt.op"() : () -> !tt.unbalanced<(>

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: types.mlir:6:32: error: expected '>'
// LOC: types.mlir:11:28: error: expected type
// LOC: types.mlir:16:26: error: expected type
// LOC: types.mlir:21:26: error: expected static shape
// LOC: types.mlir:26:26: error: expected type
// LOC: types.mlir:31:27: error: expected type
// LOC: types.mlir:36:19: error: integer bitwidth 65 is not supported (smartmem supports 1..64)
// LOC: types.mlir:41:19: error: expected type
// LOC: types.mlir:46:34: error: expected '>'
// LOC: types.mlir:51:27: error: invalid element type for complex
// LOC: types.mlir:56:28: error: invalid tensor element type
// LOC: types.mlir:61:26: error: expected '<'
// LOC: types.mlir:67:19: error: integer bitwidth 0 is not supported (smartmem supports 1..64)
// LOC: types.mlir:72:35: error: unbalanced '>' character in pretty dialect name
