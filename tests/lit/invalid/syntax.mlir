// Syntax errors in the generic op form, regions, blocks and successors.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{expected ':' followed by operation type}}
"tt.op"() {a = 1} "tt.next"() : () -> ()

// -----

// expected-error@+1 {{expected '->' in function type}}
"tt.op"() : () "tt.next"() : () -> ()

// -----

// expected-error@+1 {{expected ')'}}
"tt.op"(%0 : (i32) -> ()

// -----

// expected-error@+1 {{expected '('}}
"tt.op" : () -> ()

// -----

%0 = "tt.def"() : () -> i32
// expected-error@+1 {{expected 2 operand types but had 1}}
"tt.use"(%0, %0) : (i32) -> ()

// -----

// expected-error@+1 {{operation defines 1 results but was provided 2 to bind}}
%0:2 = "tt.def"() : () -> i32

// -----

// expected-error@+1 {{expected operation name in quotes}}
%0 = : i32

// -----

// expected-note@+1 {{previously defined here}}
%0 = "tt.def"() : () -> i32
// expected-error@+1 {{redefinition of SSA value '%0'}}
%0 = "tt.def"() : () -> i32

// -----

// expected-error@+1 {{use of undeclared SSA value name}}
"tt.use"(%nope) : (i32) -> ()

// -----

%0:2 = "tt.def"() : () -> (i32, i32)
// expected-error@+1 {{reference to invalid result number}}
"tt.use"(%0#5) : (i32) -> ()

// -----

"tt.op"() ({
  "tt.inner"() : () -> ()
// The error is at the end of the input: the start of the split marker line.
// expected-error@+2 {{expected '}' to end region}}

// -----

func.func @f() {
  // expected-error@+1 {{reference to an undefined block}}
  "tt.br"()[^bb9] : () -> ()
}

// -----

func.func @f() {
  "tt.br"()[^bb1] : () -> ()
^bb1:
  "tt.br"()[^bb1] : () -> ()
// expected-error@+1 {{redefinition of block '^bb1'}}
^bb1:
  return
}

// -----

// expected-note@+1 {{prior use here}}
%0 = "tt.def"() : () -> i32
// expected-error@+1 {{use of value '%0' expects different type than prior uses: 'i64' vs 'i32'}}
"tt.use"(%0) : (i64) -> ()

// -----

// expected-note@+1 {{previously used here with type 'i32'}}
"tt.use"(%later) : (i32) -> ()
// expected-error@+1 {{definition of SSA value '%later#0' has type 'f32'}}
%later = "tt.def"() : () -> f32

// -----

// The op ends after "-> (i32)"; the next "->" cannot start an op.
// expected-error@+1 {{expected operation name in quotes}}
"tt.op"() : () -> (i32) -> i32

// -----

// expected-error@+1 {{expected attribute name}}
"tt.op"() {= 1} : () -> ()

// -----

// expected-error@+1 {{expected attribute value}}
"tt.op"() {a = } : () -> ()

// -----

// expected-error@+1 {{expected operation name in quotes}}
%0 = %1

// -----

// expected-error@+1 {{expected operation name in quotes}}
}

// -----

func.func @f() {
^bb0:
  return
// expected-error@+1 {{invalid block name}}
^:
}

// -----

// expected-error@+1 {{expected '>'}}
"tt.op"() <{a = 1} : () -> ()

// -----

// expected-error@+1 {{undefined symbol alias}}
"tt.op"() : () -> !undefined_alias

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: syntax.mlir:6:19: error: expected ':' followed by operation type
// LOC: syntax.mlir:11:16: error: expected '->' in function type
// LOC: syntax.mlir:16:12: error: expected ')' to end operand list
// LOC: syntax.mlir:21:9: error: expected '(' to start operand list
// LOC: syntax.mlir:27:20: error: expected 2 operand types but had 1
// LOC: syntax.mlir:32:1: error: operation defines 1 results but was provided 2 to bind
// LOC: syntax.mlir:37:6: error: expected operation name in quotes
// LOC: syntax.mlir:44:1: error: redefinition of SSA value '%0'
// LOC: syntax.mlir:49:10: error: use of undeclared SSA value name
// LOC: syntax.mlir:55:10: error: reference to invalid result number
// LOC: syntax.mlir:64:1: error: expected '}' to end region
// LOC: syntax.mlir:68:13: error: reference to an undefined block
// LOC: syntax.mlir:78:1: error: redefinition of block '^bb1'
// LOC: syntax.mlir:87:10: error: use of value '%0' expects different type than prior uses: 'i64' vs 'i32'
// LOC: syntax.mlir:94:1: error: definition of SSA value '%later#0' has type 'f32'
// LOC: syntax.mlir:100:25: error: expected operation name in quotes
// LOC: syntax.mlir:105:12: error: expected attribute name
// LOC: syntax.mlir:110:16: error: expected attribute value
// LOC: syntax.mlir:115:6: error: expected operation name in quotes
// LOC: syntax.mlir:120:1: error: expected operation name in quotes
// LOC: syntax.mlir:128:1: error: invalid block name
// LOC: syntax.mlir:134:20: error: expected '>' to close properties
// LOC: syntax.mlir:139:19: error: undefined symbol alias id 'undefined_alias'
