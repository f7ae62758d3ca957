// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Properties <{...}> on unregistered ops, together with attributes, regions and successors.
"tt.props"() <{a = 1 : i64, b = "text", c = [1, 2]}> : () -> ()
%0 = "tt.props"() <{value = 42 : i32}> {discardable = unit} : () -> i32
"tt.props_region"(%0) <{mode = #tt.mode<fast>}> ({
  "tt.inner"() <{x = 0.5 : f32}> : () -> ()
}) {z = 1, a = 2} : (i32) -> ()
func.func @succ(%arg0: i32) {
  "tt.br"(%arg0) [^bb1] <{weights = array<i32: 1, 2>}> {tag = "x"} : (i32) -> ()
^bb1:
  return
}

// CHECK: module {
// CHECK-NEXT:   "tt.props"() <{a = 1 : i64, b = "text", c = [1, 2]}> : () -> ()
// CHECK-NEXT:   %0 = "tt.props"() <{value = 42 : i32}> {discardable} : () -> i32
// CHECK-NEXT:   "tt.props_region"(%0) <{mode = #tt.mode<fast>}> ({
// CHECK-NEXT:     "tt.inner"() <{x = 5.000000e-01 : f32}> : () -> ()
// CHECK-NEXT:   }) {a = 2 : i64, z = 1 : i64} : (i32) -> ()
// CHECK-NEXT:   func.func @succ(%arg0: i32) {
// CHECK-NEXT:     "tt.br"(%arg0)[^bb1] <{weights = array<i32: 1, 2>}> {tag = "x"} : (i32) -> ()
// CHECK-NEXT:   ^bb1:  // pred: ^bb0
// CHECK-NEXT:     return
// CHECK-NEXT:   }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "tt.props"() <{a = 1 : i64, b = "text", c = [1, 2]}> : () -> ()
// GENERIC-NEXT:   %0 = "tt.props"() <{value = 42 : i32}> {discardable} : () -> i32
// GENERIC-NEXT:   "tt.props_region"(%0) <{mode = #tt.mode<fast>}> ({
// GENERIC-NEXT:     "tt.inner"() <{x = 5.000000e-01 : f32}> : () -> ()
// GENERIC-NEXT:   }) {a = 2 : i64, z = 1 : i64} : (i32) -> ()
// GENERIC-NEXT:   "func.func"() <{function_type = (i32) -> (), sym_name = "succ"}> ({
// GENERIC-NEXT:   ^bb0(%arg0: i32):
// GENERIC-NEXT:     "tt.br"(%arg0)[^bb1] <{weights = array<i32: 1, 2>}> {tag = "x"} : (i32) -> ()
// GENERIC-NEXT:   ^bb1:  // pred: ^bb0
// GENERIC-NEXT:     "func.return"() : () -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()
