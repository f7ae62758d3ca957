// Checked by ../verify-diagnostics.mlir (not a test on its own).

func.func @f(%a: i32) -> i32 {
  // CHECK: wrong-expectations.mlir:[[# @LINE+2]]:8: error: unexpected error: operand #0 does not dominate this use
  // CHECK: wrong-expectations.mlir:[[# @LINE+3]]:8: error: unexpected note: operand defined here
  %0 = arith.addi %1, %a : i32
  // expected-error@-1 {{no such message}}
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}
// CHECK: wrong-expectations.mlir:[[# @LINE-4]]:6: error: expected error "no such message" was not produced

// -----

func.func @g() {
  // CHECK: wrong-expectations.mlir:[[# @LINE+1]]:6: error: expected warning "never" was not produced
  // expected-warning {{never}}
  return
}
