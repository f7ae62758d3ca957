// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Multi-block CFG inside func.func: block arguments, forward successors, loops, merges.
func.func @loop(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  "tt.br"(%c0, %c0)[^header] : (index, index) -> ()
^header(%i: index, %acc: index):
  %cond = arith.cmpi slt, %i, %n : index
  "tt.cond_br"(%cond)[^body, ^exit] : (i1) -> ()
^body:
  %next = arith.addi %i, %c1 : index
  %sum = arith.addi %acc, %i : index
  "tt.br"(%next, %sum)[^header] : (index, index) -> ()
^exit:
  return %acc : index
}
func.func @diamond(%c: i1, %x: f32) -> f32 {
  "tt.cond_br"(%c)[^left, ^right] : (i1) -> ()
^left:
  %a = arith.addf %x, %x : f32
  "tt.br"(%a)[^merge] : (f32) -> ()
^right:
  %b = arith.mulf %x, %x : f32
  "tt.br"(%b)[^merge] : (f32) -> ()
^merge(%m: f32):
  return %m : f32
}
func.func @unreachable() {
  return
^dead:
  "tt.br"()[^dead] : () -> ()
}

// CHECK: module {
// CHECK-NEXT:   func.func @loop(%arg0: index) -> index {
// CHECK-NEXT:     %c0 = arith.constant 0 : index
// CHECK-NEXT:     %c1 = arith.constant 1 : index
// CHECK-NEXT:     "tt.br"(%c0, %c0)[^bb1] : (index, index) -> ()
// CHECK-NEXT:   ^bb1(%0: index, %1: index):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT:     %2 = arith.cmpi slt, %0, %arg0 : index
// CHECK-NEXT:     "tt.cond_br"(%2)[^bb2, ^bb3] : (i1) -> ()
// CHECK-NEXT:   ^bb2:  // pred: ^bb1
// CHECK-NEXT:     %3 = arith.addi %0, %c1 : index
// CHECK-NEXT:     %4 = arith.addi %1, %0 : index
// CHECK-NEXT:     "tt.br"(%3, %4)[^bb1] : (index, index) -> ()
// CHECK-NEXT:   ^bb3:  // pred: ^bb1
// CHECK-NEXT:     return %1 : index
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @diamond(%arg0: i1, %arg1: f32) -> f32 {
// CHECK-NEXT:     "tt.cond_br"(%arg0)[^bb1, ^bb2] : (i1) -> ()
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     %0 = arith.addf %arg1, %arg1 : f32
// CHECK-NEXT:     "tt.br"(%0)[^bb3] : (f32) -> ()
// CHECK-NEXT:   ^bb2:  // pred: ^bb0
// CHECK-NEXT:     %1 = arith.mulf %arg1, %arg1 : f32
// CHECK-NEXT:     "tt.br"(%1)[^bb3] : (f32) -> ()
// CHECK-NEXT:   ^bb3(%2: f32):  // 2 preds: ^bb1, ^bb2
// CHECK-NEXT:     return %2 : f32
// CHECK-NEXT:   }
// CHECK-NEXT:   func.func @unreachable() {
// CHECK-NEXT:     return
// CHECK-NEXT:   ^bb1:  // pred: ^bb1
// CHECK-NEXT:     "tt.br"()[^bb1] : () -> ()
// CHECK-NEXT:   }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "func.func"() <{function_type = (index) -> index, sym_name = "loop"}> ({
// GENERIC-NEXT:   ^bb0(%arg2: index):
// GENERIC-NEXT:     %3 = "arith.constant"() <{value = 0 : index}> : () -> index
// GENERIC-NEXT:     %4 = "arith.constant"() <{value = 1 : index}> : () -> index
// GENERIC-NEXT:     "tt.br"(%3, %3)[^bb1] : (index, index) -> ()
// GENERIC-NEXT:   ^bb1(%5: index, %6: index):  // 2 preds: ^bb0, ^bb2
// GENERIC-NEXT:     %7 = "arith.cmpi"(%5, %arg2) <{predicate = 2 : i64}> : (index, index) -> i1
// GENERIC-NEXT:     "tt.cond_br"(%7)[^bb2, ^bb3] : (i1) -> ()
// GENERIC-NEXT:   ^bb2:  // pred: ^bb1
// GENERIC-NEXT:     %8 = "arith.addi"(%5, %4) : (index, index) -> index
// GENERIC-NEXT:     %9 = "arith.addi"(%6, %5) : (index, index) -> index
// GENERIC-NEXT:     "tt.br"(%8, %9)[^bb1] : (index, index) -> ()
// GENERIC-NEXT:   ^bb3:  // pred: ^bb1
// GENERIC-NEXT:     "func.return"(%6) : (index) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = (i1, f32) -> f32, sym_name = "diamond"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: i1, %arg1: f32):
// GENERIC-NEXT:     "tt.cond_br"(%arg0)[^bb1, ^bb2] : (i1) -> ()
// GENERIC-NEXT:   ^bb1:  // pred: ^bb0
// GENERIC-NEXT:     %0 = "arith.addf"(%arg1, %arg1) : (f32, f32) -> f32
// GENERIC-NEXT:     "tt.br"(%0)[^bb3] : (f32) -> ()
// GENERIC-NEXT:   ^bb2:  // pred: ^bb0
// GENERIC-NEXT:     %1 = "arith.mulf"(%arg1, %arg1) : (f32, f32) -> f32
// GENERIC-NEXT:     "tt.br"(%1)[^bb3] : (f32) -> ()
// GENERIC-NEXT:   ^bb3(%2: f32):  // 2 preds: ^bb1, ^bb2
// GENERIC-NEXT:     "func.return"(%2) : (f32) -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = () -> (), sym_name = "unreachable"}> ({
// GENERIC-NEXT:     "func.return"() : () -> ()
// GENERIC-NEXT:   ^bb1:  // pred: ^bb1
// GENERIC-NEXT:     "tt.br"()[^bb1] : () -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()
