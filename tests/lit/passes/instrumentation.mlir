// RUN: smopt --cse --canonicalize --print-ir-after-all %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// ALL: // -----// IR Dump After cse (builtin.module) //----- //
// ALL: // -----// IR Dump After canonicalize (builtin.module) //----- //
// ALL: arith.constant 5

// RUN: smopt --cse --canonicalize --print-ir-before=canonicalize %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE
// BEFORE-NOT: IR Dump Before cse
// BEFORE: // -----// IR Dump Before canonicalize (builtin.module) //----- //
// BEFORE: arith.addi

// RUN: smopt --cse --canonicalize --print-ir-after=cse %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER
// AFTER: IR Dump After cse
// AFTER-NOT: IR Dump After canonicalize

// Only canonicalize changes this IR (cse has nothing to do).
// RUN: smopt --cse --canonicalize --print-ir-after-change %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=CHANGE
// CHANGE-NOT: IR Dump After cse
// CHANGE: IR Dump After canonicalize

// Timing: one row per pass, nested pipelines indented.
// RUN: smopt --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --timing %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=TIME --strict-whitespace
// TIME: ... Execution time report ...
// TIME: Total Execution Time: {{[0-9.]+}} seconds
// TIME: ----Wall Time----  ----Name----
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}'func.func' Pipeline
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    }}cse
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    }}canonicalize
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}symbol-dce
// TIME-NEXT: {{^ +[0-9.]+ \(100.0%\)  }}Total

// --verify-each is on by default; --verify-each=0 turns it off; bad values are errors.
// RUN: smopt --verify-each=0 --cse %s | FileCheck %s --check-prefix=OUT
// RUN: not smopt --verify-each=maybe --cse %s 2>&1 | FileCheck %s --check-prefix=VE
// VE: error: --verify-each expects 0, 1, true or false, got 'maybe'
// OUT: arith.addi

func.func @f() -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.addi %c2, %c3 : i32
  return %0 : i32
}
