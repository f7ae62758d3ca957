// RUN: smopt --view-op-graph %s -o /dev/null 2>&1 | FileCheck %s
// RUN: smopt --view-op-graph='output-file=%t.dot' %s -o /dev/null && FileCheck %s < %t.dot
// RUN: if command -v dot >/dev/null; then dot -Tsvg %t.dot -o /dev/null; fi

// CHECK: digraph G {
// CHECK-NEXT: compound = true;
// CHECK-NEXT: subgraph cluster_[[MOD:[0-9]+]] {
// CHECK-NEXT: label = "builtin.module";
// CHECK: subgraph cluster_[[F:[0-9]+]] {
// CHECK-NEXT: label = "func.func @f";
// CHECK: v[[A0:[0-9]+]] [label = "arg0: i32", shape = ellipse];
// CHECK-NEXT: v[[A1:[0-9]+]] [label = "arg1: i32", shape = ellipse];
// CHECK-NEXT: v[[A2:[0-9]+]] [label = "arg2: tensor\<2x3xf32\>", shape = ellipse];
// CHECK-NEXT: v[[ADD:[0-9]+]] [label = "{arith.addi|{<r0> i32}}", shape = Mrecord];
// CHECK-NEXT: v[[MUL:[0-9]+]] [label = "{arith.mulf|{<r0> tensor\<2x3xf32\>}}", shape = Mrecord];
// CHECK-NEXT: v[[RET:[0-9]+]] [label = "{func.return}", shape = Mrecord];
// Edges: one per SSA use, from the producer (result port) to the user.
// CHECK-DAG: v[[A0]] -> v[[ADD]];
// CHECK-DAG: v[[A1]] -> v[[ADD]];
// CHECK-DAG: v[[ADD]]:r0 -> v[[RET]];
// CHECK-DAG: v[[A2]] -> v[[MUL]];
// CHECK: }
func.func @f(%a: i32, %b: i32, %t: tensor<2x3xf32>) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.mulf %t, %t : tensor<2x3xf32>
  return %0 : i32
}
