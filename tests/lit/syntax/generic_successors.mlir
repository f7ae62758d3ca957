// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Generic ops with successors and block arguments in a func.func CFG.
func.func @branches(%arg0: i1, %arg1: i32) -> i32 {
  "tt.cond_br"(%arg0, %arg1, %arg1)[^bb1, ^bb2] : (i1, i32, i32) -> ()
^bb1(%a: i32):
  "tt.br"(%a)[^bb3] : (i32) -> ()
^bb2(%b: i32):
  %c = "tt.add"(%b, %b) : (i32, i32) -> i32
  "tt.br"(%c)[^bb3] : (i32) -> ()
^bb3(%d: i32):
  "tt.switch"(%d)[^bb4, ^bb1, ^bb2] : (i32) -> ()
^bb4:
  return %d : i32
}

// CHECK: module {
// CHECK-NEXT:   func.func @branches(%arg0: i1, %arg1: i32) -> i32 {
// CHECK-NEXT:     "tt.cond_br"(%arg0, %arg1, %arg1)[^bb1, ^bb2] : (i1, i32, i32) -> ()
// CHECK-NEXT:   ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb3
// CHECK-NEXT:     "tt.br"(%0)[^bb3] : (i32) -> ()
// CHECK-NEXT:   ^bb2(%1: i32):  // 2 preds: ^bb0, ^bb3
// CHECK-NEXT:     %2 = "tt.add"(%1, %1) : (i32, i32) -> i32
// CHECK-NEXT:     "tt.br"(%2)[^bb3] : (i32) -> ()
// CHECK-NEXT:   ^bb3(%3: i32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT:     "tt.switch"(%3)[^bb4, ^bb1, ^bb2] : (i32) -> ()
// CHECK-NEXT:   ^bb4:  // pred: ^bb3
// CHECK-NEXT:     return %3 : i32
// CHECK-NEXT:   }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (i1, i32) -> i32, sym_name = "branches"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: i1, %arg1: i32):
// GENERIC-NEXT:     "tt.cond_br"(%arg0, %arg1, %arg1)[^bb1, ^bb2] : (i1, i32, i32) -> ()
// GENERIC-NEXT:   ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb3
// GENERIC-NEXT:     "tt.br"(%0)[^bb3] : (i32) -> ()
// GENERIC-NEXT:   ^bb2(%1: i32):  // 2 preds: ^bb0, ^bb3
// GENERIC-NEXT:     %2 = "tt.add"(%1, %1) : (i32, i32) -> i32
// GENERIC-NEXT:     "tt.br"(%2)[^bb3] : (i32) -> ()
// GENERIC-NEXT:   ^bb3(%3: i32):  // 2 preds: ^bb1, ^bb2
// GENERIC-NEXT:     "tt.switch"(%3)[^bb4, ^bb1, ^bb2] : (i32) -> ()
// GENERIC-NEXT:   ^bb4:  // pred: ^bb3
// GENERIC-NEXT:     "func.return"(%3) : (i32) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()
