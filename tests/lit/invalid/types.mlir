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
// LOC: types.mlir:5:32: error: expected '>'
// LOC: types.mlir:10:28: error: expected type
// LOC: types.mlir:15:26: error: expected type
// LOC: types.mlir:20:26: error: expected static shape
// LOC: types.mlir:25:26: error: expected type
// LOC: types.mlir:30:27: error: expected type
// LOC: types.mlir:35:19: error: integer bitwidth 65 is not supported (smartmem supports 1..64)
// LOC: types.mlir:40:19: error: expected type
// LOC: types.mlir:45:34: error: expected '>'
// LOC: types.mlir:50:27: error: invalid element type for complex
// LOC: types.mlir:55:28: error: invalid tensor element type
// LOC: types.mlir:60:26: error: expected '<'
// LOC: types.mlir:66:19: error: integer bitwidth 0 is not supported (smartmem supports 1..64)
// LOC: types.mlir:71:35: error: unbalanced '>' character in pretty dialect name
