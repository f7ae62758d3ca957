// Verifier errors from the structural checks and the op definitions.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

func.func @f() -> i32 {
  // expected-error@+1 {{'func.return' op has 0 operands, but enclosing function (@f) returns 1}}
  return
}

// -----

func.func @f(%a: f32) -> i32 {
  // expected-error@+1 {{type of return operand 0 ('f32') doesn't match function result type ('i32') in function @f}}
  return %a : f32
}

// -----

func.func @f() {
  // expected-error@+1 {{'func.call' op 'nothere' does not reference a valid function}}
  func.call @nothere() : () -> ()
  return
}

// -----

func.func private @g(i32) -> i32
func.func @f(%a: f32) {
  // expected-error@+1 {{'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0}}
  %0 = func.call @g(%a) : (f32) -> i32
  return
}

// -----

func.func @f(%a: i32, %b: i64) {
  // expected-error@+1 {{'arith.addi' op requires the same type for all operands and results}}
  %0 = "arith.addi"(%a, %b) : (i32, i64) -> i32
  return
}

// -----

func.func @f(%a: f32) {
  // expected-error@+1 {{'arith.cmpi' op operand #0 must be signless-integer-like}}
  %0 = "arith.cmpi"(%a, %a) <{predicate = 0 : i64}> : (f32, f32) -> i1
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{'arith.constant' op failed to verify that all of {value, result} have same type}}
  %0 = "arith.constant"() <{value = 1 : i64}> : () -> i32
  return
}

// -----

func.func @f() {
  // expected-error@+1 {{block with no terminator}}
  %0 = arith.constant 1 : i32
}

// -----

func.func @f() {
  // expected-error@+1 {{'func.return' op must be the last operation in the parent block}}
  return
  "tt.after"() : () -> ()
}

// -----

// expected-error@+1 {{'func.func' op entry block must have 2 arguments to match function signature}}
"func.func"() <{function_type = (i32, i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

%outer = "tt.def"() : () -> i32
// Outer names are visible to the parser (as in MLIR); the verifier rejects the use.
// expected-note@+1 {{required by region isolation constraints}}
func.func @f() {
  // expected-error@+1 {{'tt.use' op using value defined outside the region}}
  "tt.use"(%outer) : (i32) -> ()
  return
}


// -----

func.func @f(%a: i32) {
  // expected-error@+1 {{'arith.extsi' op operand type 'i32' and result type 'i16' are cast incompatible}}
  %0 = arith.extsi %a : i32 to i16
  return
}

// -----

func.func @f(%c: i1, %a: i32, %b: f32) {
  // expected-error@+1 {{'arith.select' op}}
  %0 = "arith.select"(%c, %a, %b) : (i1, i32, f32) -> i32
  return
}

// -----

// expected-error@+1 {{'func.func' op}}
"func.func"() <{sym_name = "nofntype"}> ({
}) : () -> ()

// -----

func.func @f() {
  // expected-error@+1 {{'func.return' op}}
  "func.return"() ({
  }) : () -> ()
}

// -----

func.func @f(%a: i32) {
  // expected-error@+1 {{'arith.addi' op}}
  %0:2 = "arith.addi"(%a, %a) : (i32, i32) -> (i32, i32)
  return
}

// -----

// expected-error@+1 {{'builtin.module' op}}
"builtin.module"() ({
  "tt.op"() : () -> ()
}, {
}) : () -> ()

// -----

func.func @f() {
  "tt.wrapper"() ({
    // expected-error@+1 {{'func.return' op expects parent op 'func.func'}}
    "func.return"() : () -> ()
  }) : () -> ()
  return
}

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: verifier.mlir:7:3: error: 'func.return' op has 0 operands, but enclosing function (@f) returns 1
// LOC: verifier.mlir:14:3: error: type of return operand 0 ('f32') doesn't match function result type ('i32') in function @f
// LOC: verifier.mlir:21:3: error: 'func.call' op 'nothere' does not reference a valid function
// LOC: verifier.mlir:30:8: error: 'func.call' op operand type mismatch: expected operand type 'i32', but provided 'f32' for operand number 0
// LOC: verifier.mlir:38:8: error: 'arith.addi' op requires the same type for all operands and results
// LOC: verifier.mlir:46:8: error: 'arith.cmpi' op operand #0 must be signless-integer-like, but got 'f32'
// LOC: verifier.mlir:54:8: error: 'arith.constant' op failed to verify that all of {value, result} have same type
// LOC: verifier.mlir:62:8: error: block with no terminator, has %0 = "arith.constant"() <{value = 1 : i32}> : () -> i32
// LOC: verifier.mlir:69:3: error: 'func.return' op must be the last operation in the parent block
// LOC: verifier.mlir:76:1: error: 'func.func' op entry block must have 2 arguments to match function signature
// LOC: verifier.mlir:88:3: error: 'tt.use' op using value defined outside the region
// LOC: verifier.mlir:97:8: error: 'arith.extsi' op operand type 'i32' and result type 'i16' are cast incompatible
// LOC: verifier.mlir:105:8: error: 'arith.select' op failed to verify that all of {true_value, false_value, result} have same type
// LOC: verifier.mlir:112:1: error: 'func.func' op requires attribute 'function_type'
// LOC: verifier.mlir:119:3: error: 'func.return' op requires zero regions
// LOC: verifier.mlir:127:10: error: 'arith.addi' op requires one result
// LOC: verifier.mlir:134:1: error: 'builtin.module' op requires one region
// LOC: verifier.mlir:144:5: error: 'func.return' op expects parent op 'func.func'
