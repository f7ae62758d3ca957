// A pass-level error when the driver must converge but gets no sweeps left
// is hard to provoke with real patterns; max-iterations=1 on IR that changes
// in the first sweep does it (the second sweep would confirm convergence).
// RUN: smopt --canonicalize='max-iterations=1' %s 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: not smopt --canonicalize='max-iterations=1 test-convergence=true' %s 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not smopt --canonicalize='max-iterations=0' %s 2>&1 | FileCheck %s --check-prefix=ZERO

// WARN: warning: canonicalize did not converge after 1 iterations
// WARN: func.func @f
// ERR: error: canonicalize did not converge after 1 iterations
// ZERO: error: canonicalize: max-iterations must be between 1 and 1000000, got 0
func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %s = arith.addi %c1, %c2 : i32
  return %s : i32
}
