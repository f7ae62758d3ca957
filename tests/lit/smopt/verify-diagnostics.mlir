// Expectation syntax: @+N, @-N, @above, @below, several per line, -re.
// RUN: smopt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s
// RUN: %if mlir-opt %{ %mlir_opt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s %}
// Mismatches are reported like mlir-opt does, with exit code 1.
// RUN: not smopt --split-input-file --verify-diagnostics %S/Inputs/wrong-expectations.mlir 2>&1 | FileCheck %S/Inputs/wrong-expectations.mlir
// Chunks without errors still print.
// RUN: smopt --split-input-file --verify-diagnostics --allow-unregistered-dialect %s | FileCheck %s

// CHECK: func.func @fine

func.func @offsets(%a: i32) -> i32 {
  // expected-error@+1 {{does not dominate}}
  %0 = arith.addi %1, %a : i32
  %1 = arith.addi %a, %a : i32
  // expected-note@-1 {{operand defined here}}
  return %0 : i32
}

// -----

func.func @above_below(%a: i32) -> i32 {
  %0 = arith.addi %1, %a : i32
  // expected-error@above {{operand #0 does not dominate this use}}
  // expected-note@below {{defined here}}
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

func.func @same_line(%a: i32) -> i32 {
  %0 = arith.addi %1, %a : i32 // expected-error {{operand #0}}
  %1 = arith.addi %a, %a : i32 // expected-note {{operand defined here}}
  return %0 : i32
}

// -----

func.func @regex(%a: i32) -> i32 {
  // expected-error-re@+1 {{operand #{{[0-9]+}} does not {{dom[a-z]+}} this use}}
  %0 = arith.addi %1, %a : i32
  // expected-note-re@+1 {{op in the same {{(block|region)}}}}
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// A diagnostic without a file location matches @unknown.
func.func @unknown_loc(%a: i32) {
  // expected-error@unknown {{block with no terminator}}
  %0 = arith.addi %a, %a : i32 loc(unknown)
}

// -----

func.func @fine() {
  return
}
