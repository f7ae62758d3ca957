// Pipelines nest by anchor; nested managers run on ops directly inside.
// RUN: smopt --pass-pipeline='builtin.module(func.func(canonicalize{max-iterations=5},cse),symbol-dce)' %s | FileCheck %s
// RUN: smopt --pass-pipeline=' builtin.module( func.func( cse ) , symbol-dce ) ' %s | FileCheck %s --check-prefix=DCE
// RUN: smopt --pass-pipeline='builtin.module()' %s | FileCheck %s --check-prefix=NOOP
// RUN: smopt --pass-pipeline='any(cse)' %s | FileCheck %s --check-prefix=NOOP

// CHECK-LABEL: func.func @f
// CHECK-NEXT: %[[C:.*]] = arith.constant 5 : i32
// CHECK-NEXT: return %[[C]]
// CHECK-NOT: @unused
// DCE-NOT: @unused
// NOOP: func.func private @unused
func.func @f() -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.addi %c2, %c3 : i32
  return %0 : i32
}
func.func private @unused() {
  return
}

// A nested pipeline whose anchor never occurs is an error in a tool (the
// pass was asked for and cannot run anywhere).
// RUN: not smopt --pass-pipeline='builtin.module(gpu.module(cse))' %s 2>&1 -o /dev/null | FileCheck %s --check-prefix=NEVER
// NEVER: error: pass pipeline 'gpu.module(cse)' did not run: no 'gpu.module' op directly inside a 'builtin.module' op
