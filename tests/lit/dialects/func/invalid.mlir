// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s

// expected-error@+1 {{'func.func' op type of entry block argument #0('f32') must match the type of the corresponding argument in function signature('i32')}}
"func.func"() <{function_type = (i32) -> (), sym_name = "a"}> ({
^bb0(%arg0: f32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op entry block must have 1 arguments to match function signature}}
"func.func"() <{function_type = (i32) -> (), sym_name = "a"}> ({
^bb0(%arg0: i32, %arg1: i32):
  "func.return"() : () -> ()
}) : () -> ()

// -----

func.func @b(%a: i32) -> f32 {
  // expected-error@+1 {{type of return operand 0 ('i32') doesn't match function result type ('f32') in function @b}}
  return %a : i32
}

// -----

func.func @b(%a: i32) -> f32 {
  // expected-error@+1 {{'func.return' op has 0 operands, but enclosing function (@b) returns 1}}
  return
}

// -----

func.func @c(%a: i32) {
  // expected-error@+1 {{'func.call' op 'nope' does not reference a valid function}}
  %0 = call @nope(%a) : (i32) -> i32
  return
}

// -----

func.func private @d(f32) -> i32
func.func @c(%a: i32) {
  // expected-error@+1 {{'func.call' op operand type mismatch: expected operand type 'f32', but provided 'i32' for operand number 0}}
  %0 = call @d(%a) : (i32) -> i32
  return
}

// -----

func.func private @d(i32) -> i32
func.func @c(%a: i32) {
  // expected-error@+1 {{'func.call' op incorrect number of operands for callee}}
  %0 = call @d(%a, %a) : (i32, i32) -> i32
  return
}

// -----

func.func private @d(i32) -> i32
func.func @c(%a: i32) {
  // expected-error@+1 {{'func.call' op result type mismatch at index 0}}
  %0 = call @d(%a) : (i32) -> f32
  return
}

// -----

func.func private @d(i32) -> i32
func.func @c(%a: i32) {
  // expected-error@+1 {{'func.call' op incorrect number of results for callee}}
  %0:2 = "func.call"(%a) <{callee = @d}> : (i32) -> (i32, i32)
  return
}

// -----

"tt.foo"() ({
  %0 = "tt.x"() : () -> i32
  // expected-error@+1 {{'func.return' op expects parent op 'func.func'}}
  "func.return"(%0) : (i32) -> ()
}) : () -> ()

// -----

// expected-error@+1 {{'func.func' op symbol declaration cannot have public visibility}}
func.func @decl(i32)

// -----

// expected-error@+1 {{'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of function type}}
"func.func"() <{function_type = i32, sym_name = "a"}> ({
}) : () -> ()

// -----

func.func @g(%a: i32) {
  %x = arith.constant 1 : i32
  // expected-error@+1 {{'func.call' op 'x' does not reference a valid function}}
  "func.call"() <{callee = @x}> : () -> ()
  return
}

// -----

func.func private @d(i32) -> i32
func.func @k() {
  // expected-error@+1 {{'func.constant' op reference to function with mismatched type}}
  %f = func.constant @d : (i32) -> f32
  return
}
