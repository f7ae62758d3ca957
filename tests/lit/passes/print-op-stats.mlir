// RUN: smopt --allow-unregistered-dialect --print-op-stats %s -o /dev/null 2>&1 | FileCheck %s
// RUN: smopt --allow-unregistered-dialect --pass-pipeline='builtin.module(print-op-stats{json=true})' %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=JSON
// RUN: smopt --allow-unregistered-dialect --print-op-stats=output-file=%t.txt %s -o /dev/null && FileCheck %s < %t.txt
// The same text as mlir-opt's pass, byte for byte:
// RUN: %if mlir-opt %{ %mlir_opt --allow-unregistered-dialect --print-op-stats %s -o /dev/null 2> %t.mlir.txt && smopt --allow-unregistered-dialect --print-op-stats %s -o /dev/null 2> %t.sm.txt && diff %t.mlir.txt %t.sm.txt %}

// The IR is not changed:
// RUN: smopt --allow-unregistered-dialect --print-op-stats %s 2>/dev/null | FileCheck %s --check-prefix=IR
// IR: arith.addi

//      CHECK: Operations encountered:
// CHECK-NEXT: -----------------------
// CHECK-NEXT:     arith.addi     , 2
// CHECK-NEXT:     arith.constant , 1
// CHECK-NEXT:   builtin.module   , 1
// CHECK-NEXT:       foo.bar.baz  , 1
// CHECK-NEXT:      func.func     , 1
// CHECK-NEXT:      func.return   , 1

//      JSON: {
// JSON-NEXT:   "arith.addi" : 2,
// JSON-NEXT:   "arith.constant" : 1,
// JSON-NEXT:   "builtin.module" : 1,
// JSON-NEXT:   "foo.bar.baz" : 1,
// JSON-NEXT:   "func.func" : 1,
// JSON-NEXT:   "func.return" : 1
// JSON-NEXT: }
func.func @f(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %c = arith.constant 3 : i32
  %1 = "foo.bar.baz"(%0, %c) : (i32, i32) -> i32
  %2 = arith.addi %1, %1 : i32
  return %2 : i32
}
