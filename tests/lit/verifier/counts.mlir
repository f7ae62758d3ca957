// RUN: smopt --split-input-file --verify-diagnostics %s
// RUN: %if mlir-opt %{ %mlir_opt --split-input-file --verify-diagnostics %s %}

func.func @too_few_operands(%a: i32) {
  // expected-error@+1 {{'arith.addi' op expected 2 operands, but found 1}}
  %0 = "arith.addi"(%a) : (i32) -> i32
  return
}

// -----

func.func @too_many_operands(%a: i32) {
  // expected-error@+1 {{'arith.addi' op expected 2 operands, but found 3}}
  %0 = "arith.addi"(%a, %a, %a) : (i32, i32, i32) -> i32
  return
}

// -----

func.func @result_on_return() {
  // expected-error@+1 {{'func.return' op requires zero results}}
  %0 = "func.return"() : () -> i32
}

// -----

func.func @region_on_addi(%a: i32) {
  // expected-error@+1 {{'arith.addi' op requires zero regions}}
  %0 = "arith.addi"(%a, %a) ({
  }) : (i32, i32) -> i32
  return
}

// -----

func.func @no_result_addi(%a: i32) {
  // expected-error@+1 {{'arith.addi' op requires one result}}
  "arith.addi"(%a, %a) : (i32, i32) -> ()
  return
}

// -----

// expected-error@+1 {{'func.return' op expects parent op 'func.func'}}
"func.return"() : () -> ()

// -----

// Unregistered dialects are rejected without --allow-unregistered-dialect
// (by the parser or by the verifier).
func.func @unregistered() {
  // expected-error@+1 {{unregistered}}
  "foo.bar"() : () -> ()
  return
}
