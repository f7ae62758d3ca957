// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Unusual but valid identifiers: SSA names, block labels, op names, symbols, attribute names.
func.func @"sym with spaces"(%arg.with.dots: i32, %_under$dollar-dash: i32) -> i32 {
  %0 = "tt.x"(%arg.with.dots, %_under$dollar-dash) : (i32, i32) -> i32
  "tt.br"(%0)[^bb.label-1] : (i32) -> ()
^bb.label-1(%v$1: i32):
  %123 = "tt.y"(%v$1) : (i32) -> i32
  return %123 : i32
}
"tt.dotted.op.name_with$chars"() {attr.with.dots = 1, _a$b = 2} : () -> ()
"tt.op"() {sym = @sym_with.dot$} : () -> ()

// CHECK: module {
// CHECK-NEXT:   func.func @"sym with spaces"(%arg0: i32, %arg1: i32) -> i32 {
// CHECK-NEXT:     %0 = "tt.x"(%arg0, %arg1) : (i32, i32) -> i32
// CHECK-NEXT:     "tt.br"(%0)[^bb1] : (i32) -> ()
// CHECK-NEXT:   ^bb1(%1: i32):  // pred: ^bb0
// CHECK-NEXT:     %2 = "tt.y"(%1) : (i32) -> i32
// CHECK-NEXT:     return %2 : i32
// CHECK-NEXT:   }
// CHECK-NEXT:   "tt.dotted.op.name_with$chars"() {_a$b = 2 : i64, attr.with.dots = 1 : i64} : () -> ()
// CHECK-NEXT:   "tt.op"() {sym = @sym_with.dot$} : () -> ()
// CHECK-NEXT: }
