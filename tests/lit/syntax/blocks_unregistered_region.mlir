// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Multi-block regions of unregistered ops: labels, arguments, successors, no terminators needed.
"tt.region_op"() ({
^entry(%a: i32, %b: i32):
  "tt.br"(%a)[^second] : (i32) -> ()
^second:
  %0 = "tt.add"(%a, %b) : (i32, i32) -> i32
  "tt.switch"(%0)[^third, ^second] : (i32) -> ()
^third:
  "tt.end"() : () -> ()
}) : () -> ()
"tt.no_terminator"() ({
  "tt.a"() : () -> ()
  %1 = "tt.b"() : () -> i1
}) : () -> ()
"tt.empty_blocks"() ({
^bb0:
  "tt.br"()[^bb1] : () -> ()
^bb1:
  "tt.halt"() : () -> ()
}) : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.region_op"() ({
// CHECK-NEXT:   ^bb0(%arg0: i32, %arg1: i32):
// CHECK-NEXT:     "tt.br"(%arg0)[^bb1] : (i32) -> ()
// CHECK-NEXT:   ^bb1:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT:     %0 = "tt.add"(%arg0, %arg1) : (i32, i32) -> i32
// CHECK-NEXT:     "tt.switch"(%0)[^bb2, ^bb1] : (i32) -> ()
// CHECK-NEXT:   ^bb2:  // pred: ^bb1
// CHECK-NEXT:     "tt.end"() : () -> ()
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   "tt.no_terminator"() ({
// CHECK-NEXT:     "tt.a"() : () -> ()
// CHECK-NEXT:     %0 = "tt.b"() : () -> i1
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   "tt.empty_blocks"() ({
// CHECK-NEXT:     "tt.br"()[^bb1] : () -> ()
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     "tt.halt"() : () -> ()
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT: }
