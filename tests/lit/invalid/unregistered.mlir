// Unregistered ops are rejected unless --allow-unregistered-dialect is given.
// RUN: smopt --split-input-file --verify-diagnostics %s
// RUN: not smopt --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{operation 'tt.op' is unregistered (use --allow-unregistered-dialect to allow it)}}
"tt.op"() : () -> ()

// -----

func.func @f() {
  // expected-error@+1 {{operation 'nn.matmul' is unregistered (use --allow-unregistered-dialect to allow it)}}
  "nn.matmul"() : () -> ()
  return
}

// -----

// expected-error@+1 {{custom op 'tt.pretty' is unknown}}
tt.pretty

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: unregistered.mlir:6:1: error: operation 'tt.op' is unregistered (use --allow-unregistered-dialect to allow it)
// LOC: unregistered.mlir:12:3: error: operation 'nn.matmul' is unregistered (use --allow-unregistered-dialect to allow it)
// LOC: unregistered.mlir:19:1: error: custom op 'tt.pretty' is unknown
