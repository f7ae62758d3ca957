// RUN: smopt --cse --canonicalize --print-ir-after-all %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=ALL
// ALL: // -----// IR Dump After CSE (cse) //----- //
// ALL: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// ALL: arith.constant 5

// RUN: smopt --cse --canonicalize --print-ir-before=canonicalize %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE
// BEFORE-NOT: IR Dump Before CSE
// BEFORE: // -----// IR Dump Before Canonicalizer (canonicalize) //----- //
// BEFORE: arith.addi

// RUN: smopt --cse --canonicalize --print-ir-after=cse %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER
// AFTER: IR Dump After CSE (cse)
// AFTER-NOT: IR Dump After Canonicalizer

// Only canonicalize changes this IR (cse has nothing to do).
// RUN: smopt --cse --canonicalize --print-ir-after-change %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=CHANGE
// CHANGE-NOT: IR Dump After CSE
// CHANGE: IR Dump After Canonicalizer

// Timing: one row per pass, nested pipelines indented.
// RUN: smopt --pass-pipeline='builtin.module(func.func(cse,canonicalize),symbol-dce)' --timing %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=TIME --strict-whitespace
// TIME: ... Execution time report ...
// TIME: Total Execution Time: {{[0-9.]+}} seconds
// TIME: ----Wall Time----  ----Name----
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}Parser
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}'func.func' Pipeline
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    }}CSE
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)    }}Canonicalizer
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}SymbolDCE
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}Output
// TIME-NEXT: {{^ +[0-9.]+ \( *[0-9.]+%\)  }}Rest
// TIME-NEXT: {{^ +[0-9.]+ \(100.0%\)  }}Total
// The mlir-opt spelling works the same.
// RUN: smopt --mlir-timing --cse %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MTIME
// MTIME: Parser
// MTIME: CSE
// MTIME: Output

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
