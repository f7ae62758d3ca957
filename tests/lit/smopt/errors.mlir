// Errors: file:line:col, the source line and a caret, with the line numbers
// of the original file in split mode; exit code 1; nothing written to -o.
// RUN: not smopt --split-input-file %s 2>&1 | FileCheck %s --strict-whitespace
// RUN: rm -f %t.out && not smopt --split-input-file %s -o %t.out 2>/dev/null && test ! -e %t.out
// Chunks that succeed are still printed on stdout, joined by the marker.
// RUN: not smopt --split-input-file %s 2>/dev/null | FileCheck %s --check-prefix=OUT

func.func @ok() {
  return
}

// -----

func.func @bad(%a: i32) -> i32 {
  // CHECK: errors.mlir:[[# @LINE+3]]:8: error: operand #0 does not dominate this use
  // CHECK-NEXT: {{^}}  %0 = arith.addi %1, %a : i32{{$}}
  // CHECK-NEXT: {{^}}       ^{{$}}
  %0 = arith.addi %1, %a : i32
  // CHECK-NEXT: errors.mlir:[[# @LINE+3]]:8: note: operand defined here (op in the same block)
  // CHECK-NEXT: {{^}}  %1 = arith.addi %a, %a : i32{{$}}
  // CHECK-NEXT: {{^}}       ^{{$}}
  %1 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

func.func @also_ok() {
  return
}

// OUT:      module {
// OUT-NEXT:   func.func @ok() {
// OUT:      // -----
// OUT-NEXT: // -----
// OUT-NEXT: module {
// OUT-NEXT:   func.func @also_ok() {
