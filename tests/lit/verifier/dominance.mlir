// RUN: smopt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s
// The same file through MLIR's own verifier: our messages match mlir-opt's.
// RUN: %if mlir-opt %{ %mlir_opt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s %}

func.func @use_before_def(%a: i32) -> i32 {
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %a : i32
  // expected-note@below {{operand defined here (op in the same block)}}
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// A value from one arm of a diamond does not dominate the join.
func.func @diamond(%a: i32) {
  "foo.br"() [^bb1, ^bb2] : () -> ()
^bb1:
  // expected-note@+1 {{operand defined here (op in the same region)}}
  %x = arith.addi %a, %a : i32
  "foo.br"() [^bb3] : () -> ()
^bb2:
  "foo.br"() [^bb3] : () -> ()
^bb3:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "foo.use"(%x) : (i32) -> ()
  return
}

// -----

// Values from the entry block dominate the whole diamond.
func.func @diamond_ok(%a: i32) {
  %x = arith.addi %a, %a : i32
  "foo.br"() [^bb1, ^bb2] : () -> ()
^bb1:
  "foo.br"() [^bb3] : () -> ()
^bb2:
  "foo.br"() [^bb3] : () -> ()
^bb3:
  "foo.use"(%x) : (i32) -> ()
  return
}

// -----

// expected-note@+1 {{operand defined as a block argument (block #1 in the same region)}}
func.func @block_arg(%a: i32) {
  "foo.br"(%a) [^bb1, ^bb2] : (i32) -> ()
^bb1(%b: i32):
  return
^bb2:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  "foo.use"(%b) : (i32) -> ()
  return
}

// -----

// Uses in blocks unreachable from the entry are not checked.
func.func @unreachable(%a: i32) {
  "foo.br"() [^bb2] : () -> ()
^bb1:
  "foo.use"(%x) : (i32) -> ()
  return
^bb2:
  %x = arith.addi %a, %a : i32
  return
}

// -----

// Nested regions see enclosing values that dominate the op holding them.
func.func @nested_ok(%a: i32) {
  %x = arith.addi %a, %a : i32
  "foo.region"() ({
    "foo.use"(%x, %a) : (i32, i32) -> ()
  }) : () -> ()
  return
}

// -----

func.func @nested_after(%a: i32) {
  "foo.region"() ({
    // expected-error@+1 {{operand #0 does not dominate this use}}
    "foo.use"(%x) : (i32) -> ()
  }) : () -> ()
  // expected-note@+1 {{operand defined here (op in a parent region)}}
  %x = arith.addi %a, %a : i32
  return
}

// -----

// Inside an unregistered op's region, ops of one block are unordered (as in
// MLIR's DominanceInfo), and the region needs no terminator.
func.func @unregistered_region(%a: i32) {
  "foo.region"() ({
    "foo.use"(%y) : (i32) -> ()
    %y = arith.addi %a, %a : i32
  }) : () -> ()
  return
}

// -----

// builtin.module's body is a graph region: any order.
module {
  "foo.use"(%z) : (i32) -> ()
  %z = "foo.def"() : () -> i32
}

// -----

// An op may use its own results in an unordered region (graph or
// unregistered parent)...
"foo.graph"() ({
  %s:2 = "foo.self"(%s#1, %s#0) : (i16, i16) -> (i16, i16)
}) : () -> ()
%t = "foo.self"(%t) : (i8) -> i8

// -----

// ...even from inside its own regions; in an SSACFG region never.
%r = "foo.op"() ({
  "foo.use"(%r) : (i8) -> ()
}) : () -> i8

func.func @nested_self() {
  // expected-note@+1 {{operand defined here (op in a parent region)}}
  %q = "foo.op"() ({
    // expected-error@+1 {{operand #0 does not dominate this use}}
    "foo.use"(%q) : (i8) -> ()
  }) : () -> i8
  return
}

// -----

func.func @self_in_ssacfg() {
  // expected-error@+2 {{operand #0 does not dominate this use}}
  // expected-note@+1 {{operand defined here (op in the same block)}}
  %0 = "arith.addi"(%0, %0) : (i32, i32) -> i32
  return
}
