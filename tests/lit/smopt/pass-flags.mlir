// Pass flags compose as mlir-opt's: a flag's pass runs on the top-level op
// when its anchor is the top-level op's name (or any op), and is nested
// under a manager for its anchor otherwise.
// RUN: smopt --canonicalize --convert-graph-to-layout %s -o %t.layout.mlir
// RUN: FileCheck %s --check-prefix=LOWERED < %t.layout.mlir
// RUN: smopt --convert-graph-to-layout --convert-layout-to-kernel --kernel-plan-memory %s | FileCheck %s --check-prefix=KERNEL
// LOWERED: layout.generic
// LOWERED-NOT: graph.relu
// KERNEL: kernel.host
// KERNEL-NOT: graph.relu

// The pipeline the flags stand for: module passes at the top, no extra nesting.
// RUN: smopt --canonicalize --convert-graph-to-layout --cse --dump-pass-pipeline %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=PIPE
// PIPE: Pass Manager with 3 passes:
// PIPE-NEXT: builtin.module(
// PIPE-NEXT:   canonicalize{{.*}},
// PIPE-NEXT:   convert-graph-to-layout{{.*}},
// PIPE-NEXT:   cse
// PIPE-NEXT: )

// A requested pass that can run nowhere is an error (exit 1, nothing written),
// whether it came from a flag or an explicit pipeline.
// RUN: not smopt --pass-pipeline='builtin.module(gpu.module(cse))' %s -o %t.never 2>&1 | FileCheck %s --check-prefix=NEVER
// RUN: not test -e %t.never
// NEVER: error: pass pipeline 'gpu.module(cse)' did not run: no 'gpu.module' op directly inside a 'builtin.module' op

// With --no-implicit-module the top-level op is the one in the file.
// RUN: smopt --no-implicit-module --symbol-dce %S/Inputs/explicit-module.mlir | FileCheck %s --check-prefix=EXPLICIT
// EXPLICIT: module
// EXPLICIT-NOT: @unused

func.func @main(%arg0: tensor<1x4xf32>) -> tensor<1x4xf32> {
  %0 = "graph.relu"(%arg0) : (tensor<1x4xf32>) -> tensor<1x4xf32>
  return %0 : tensor<1x4xf32>
}
