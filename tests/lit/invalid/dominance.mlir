// SSA dominance errors (func.func bodies are SSA CFG regions).
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

func.func @use_before_def() {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "tt.use"(%0) : (i32) -> ()
  // expected-note@+1 {{operand defined here}}
  %0 = "tt.def"() : () -> i32
  return
}

// -----

func.func @diamond(%c: i1) {
  "tt.cond_br"(%c)[^a, ^b] : (i1) -> ()
^a:
  // expected-note@+1 {{operand defined here}}
  %x = "tt.def"() : () -> i32
  "tt.br"()[^m] : () -> ()
^b:
  "tt.br"()[^m] : () -> ()
^m:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "tt.use"(%x) : (i32) -> ()
  return
}

// -----

func.func @sibling() {
  "tt.br"()[^a] : () -> ()
^a:
  "tt.br"()[^b] : () -> ()
^b:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "tt.use"(%y) : (i32) -> ()
  "tt.br"()[^c] : () -> ()
^c:
  // expected-note@+1 {{operand defined here}}
  %y = "tt.def"() : () -> i32
  return
}

// -----

// MLIR puts this note on the parent op, and so do we.
// expected-note@+1 {{operand defined as a block argument (block #1 in the same region)}}
func.func @block_arg(%c: i1) {
  "tt.cond_br"(%c)[^a, ^b] : (i1) -> ()
^a(%v: i32):
  return
^b:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "tt.use"(%v) : (i32) -> ()
  return
}

// -----

// Values of a region are not visible after it: a parse error, as in MLIR.
func.func @inner_region_value() {
  "tt.region"() ({
    %inner = "tt.def"() : () -> i32
  }) : () -> ()
  // expected-error@+1 {{use of undeclared SSA value name}}
  "tt.use"(%inner) : (i32) -> ()
  return
}

// -----

func.func @self_use() {
  // expected-error@+2 {{operand #0 does not dominate this use}}
  // expected-note@+1 {{operand defined here (op in the same block)}}
  %0 = "tt.self"(%0) : (i32) -> i32
  return
}

// -----

func.func @second_result(%c: i1) {
  // expected-error@+1 {{operand #1 does not dominate this use}}
  "tt.use"(%c, %late#1) : (i1, f32) -> ()
  // expected-note@+1 {{operand defined here}}
  %late:2 = "tt.def"() : () -> (i32, f32)
  return
}

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: dominance.mlir:7:3: error: operand #0 does not dominate this use
// LOC: dominance.mlir:25:3: error: operand #0 does not dominate this use
// LOC: dominance.mlir:37:3: error: operand #0 does not dominate this use
// LOC: dominance.mlir:55:3: error: operand #0 does not dominate this use
// LOC: dominance.mlir:67:12: error: use of undeclared SSA value name
// LOC: dominance.mlir:76:8: error: operand #0 does not dominate this use
// LOC: dominance.mlir:84:3: error: operand #1 does not dominate this use
