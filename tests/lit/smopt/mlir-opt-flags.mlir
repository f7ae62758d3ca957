// mlir-opt's flag spellings are smopt's primary ones (the older ones stay as aliases).

// IR dumps carry MLIR's pass names and arguments.
// RUN: smopt --cse --canonicalize --mlir-print-ir-after-all %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTERALL
// AFTERALL: // -----// IR Dump After CSE (cse) //----- //
// AFTERALL: // -----// IR Dump After Canonicalizer (canonicalize) //----- //
// RUN: smopt --cse --canonicalize --mlir-print-ir-before-all %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFOREALL
// BEFOREALL: // -----// IR Dump Before CSE (cse) //----- //
// BEFOREALL: // -----// IR Dump Before Canonicalizer (canonicalize) //----- //
// RUN: smopt --cse --canonicalize --mlir-print-ir-after=canonicalize %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER1
// RUN: smopt --cse --canonicalize --print-ir-after=canonicalize %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=AFTER1
// AFTER1-NOT: IR Dump After CSE
// AFTER1: IR Dump After Canonicalizer (canonicalize)
// RUN: smopt --cse --canonicalize --mlir-print-ir-before=cse %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BEFORE1
// BEFORE1: IR Dump Before CSE (cse)
// BEFORE1-NOT: IR Dump Before Canonicalizer

// A pass name that does not exist is an error, not ignored.
// RUN: not smopt --cse --mlir-print-ir-after=nosuch %s 2>&1 | FileCheck %s --check-prefix=NOSUCH
// RUN: not smopt --cse --print-ir-before=cse,nosuch %s 2>&1 | FileCheck %s --check-prefix=NOSUCH
// NOSUCH: no registered pass named 'nosuch'

// -p is --pass-pipeline; --dump-pass-pipeline prints it (stderr) as mlir-opt does.
// RUN: smopt -p 'builtin.module(func.func(cse),symbol-dce)' --dump-pass-pipeline %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP
// DUMP:      Pass Manager with 2 passes:
// DUMP-NEXT: builtin.module(
// DUMP-NEXT:   func.func(
// DUMP-NEXT:     cse
// DUMP-NEXT:   ),
// DUMP-NEXT:   symbol-dce
// DUMP-NEXT: )
// RUN: smopt -p='builtin.module(cse)' %s | FileCheck %s --check-prefix=OUT
// OUT: func.func @f

// Pass statistics in MLIR's report format (passes with no counters are listed alone).
// RUN: smopt -p 'builtin.module(func.func(cse),symbol-dce)' --mlir-pass-statistics %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// STATS:      ... Pass statistics report ...
// STATS-NEXT: ===-
// STATS-NEXT: 'func.func' Pipeline
// STATS-NEXT:   CSE
// STATS-NEXT: SymbolDCE

// Accepted for compatibility (one thread anyway).
// RUN: smopt --mlir-disable-threading --cse %s | FileCheck %s --check-prefix=OUT

// --show-dialects lists what is registered, and exits.
// RUN: smopt --show-dialects | FileCheck %s --check-prefix=DIALECTS
// DIALECTS: Available Dialects: {{.*}}arith{{.*}}func{{.*}}graph{{.*}}kernel{{.*}}layout

// A misspelt flag gets a hint.
// RUN: not smopt --cannonicalize %s 2>&1 | FileCheck %s --check-prefix=HINT
// HINT: Unknown command line argument '--cannonicalize'
// HINT-NEXT: Did you mean '--canonicalize'?
// RUN: not smopt --mlir-print-ir-after-al %s 2>&1 | FileCheck %s --check-prefix=HINT2
// HINT2: Did you mean '--mlir-print-ir-after-all'?
// RUN: not smopt --split-input-files %s 2>&1 | FileCheck %s --check-prefix=HINT3
// HINT3: Did you mean '--split-input-file'?

// --no-implicit-module: one top-level op, which need not be a module.
// RUN: smopt --no-implicit-module %s | FileCheck %s --check-prefix=NOIMPL
// NOIMPL-NOT: module
// NOIMPL: func.func @f
// RUN: not smopt --no-implicit-module %S/Inputs/two-top-level-ops.mlir 2>&1 | FileCheck %s --check-prefix=TWO
// TWO: error: source must contain a single top-level operation, found: 2

func.func @f(%a: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.addi %c2, %c3 : i32
  %1 = arith.addi %a, %0 : i32
  return %1 : i32
}
