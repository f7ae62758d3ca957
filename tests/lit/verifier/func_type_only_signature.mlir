// A type-only signature with a body: the entry block's arguments must match
// it (the same diagnostics pass mlir-opt-22 --verify-diagnostics).
// RUN: smopt --split-input-file --verify-diagnostics %s

// expected-error@+1 {{'func.func' op type of entry block argument #0('f32') must match the type of the corresponding argument in function signature('i32')}}
func.func @h(i32) {
^bb0(%x: f32):
  return
}

// -----

// expected-error@+1 {{'func.func' op entry block must have 1 arguments to match function signature}}
func.func @k(i32) {
  return
}
