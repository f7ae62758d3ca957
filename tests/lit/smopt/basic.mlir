// Input from a file, from stdin ("-" or nothing) and output to -o.
// RUN: smopt %s | FileCheck %s
// RUN: smopt < %s | FileCheck %s
// RUN: smopt - < %s | FileCheck %s
// RUN: rm -f %t.out && smopt %s -o %t.out && FileCheck %s < %t.out
// RUN: smopt -o=%t.out2 %s && FileCheck %s < %t.out2
// Print flags and their MLIR spellings.
// RUN: smopt --mlir-print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: smopt -print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// RUN: smopt --mlir-print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// RUN: smopt --print-debuginfo %s | FileCheck %s --check-prefix=DEBUG
// RUN: smopt --mlir-print-local-scope --mlir-elide-elementsattrs-if-larger=4 %s | FileCheck %s
// RUN: smopt --elide-elementsattrs-if-larger=4 %s | FileCheck %s

// CHECK:      module {
// CHECK-NEXT:   func.func @add(%arg0: i32) -> i32 {
// CHECK-NEXT:     %0 = arith.addi %arg0, %arg0 : i32
// CHECK-NEXT:     return %0 : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }

// GENERIC:      "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (i32) -> i32, sym_name = "add"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: i32):
// GENERIC-NEXT:     %0 = "arith.addi"(%arg0, %arg0)
// GENERIC-NEXT:     "func.return"(%0) : (i32) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()

// DEBUG: arith.addi %arg0, %arg0 : i32 loc({{.*}}basic.mlir":[[# @LINE+3]]:8)

func.func @add(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}
