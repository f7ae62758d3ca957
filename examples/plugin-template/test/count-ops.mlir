// RUN: %smopt --load-pass-plugin=%plugin --template-count-ops %s | FileCheck %s
// RUN: %smopt --load-pass-plugin=%plugin -p 'builtin.module(func.func(template-count-ops))' --mlir-pass-statistics %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS
// RUN: not %smopt --load-pass-plugin=%plugin --template-count-ops=at-least=3 %s 2>&1 | FileCheck %s --check-prefix=FEW

// CHECK-LABEL: func.func @two
// CHECK-SAME: op_count = 2 : i64
// CHECK-LABEL: func.func @three
// CHECK-SAME: op_count = 3 : i64
// STATS: 'func.func' Pipeline
// STATS-NEXT:   TemplateCountOps
// STATS-NEXT:     (S) 2 num-functions - Number of functions counted
// STATS-NEXT:     (S) 5 num-ops - Number of ops in them
// FEW: error: 'func.func' op has 2 ops, fewer than at-least=3

func.func @two(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

func.func @three(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %0, %a : i32
  return %1 : i32
}
