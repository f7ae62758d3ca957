// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Distinct attributes: the same distinct[N] in a file is one attribute,
// different N are different even with the same referenced attribute. The
// printer renumbers them in print order: aliases (#distinct, before #map)
// first; those referencing unit print inline as distinct[N]<>.
"tt.a"() {a = distinct[7]<#tt.x>, b = distinct[3]<42 : i32>, c = distinct[7]<#tt.x>, d = distinct[9]<42 : i32>} : () -> ()
"tt.b"() {e = distinct[5]<>, f = [distinct[3]<42 : i32>, distinct[5]<>], m = affine_map<(d0) -> (d0 floordiv 2)>} : () -> ()
"tt.c"() {n = distinct[0]<{k = "v"}>} : () -> ()

// CHECK: #distinct = distinct[0]<#tt.x>
// CHECK-NEXT: #distinct1 = distinct[1]<42 : i32>
// CHECK-NEXT: #distinct2 = distinct[2]<42 : i32>
// CHECK-NEXT: #distinct3 = distinct[3]<{k = "v"}>
// CHECK-NEXT: #map = affine_map<(d0) -> (d0 floordiv 2)>
// CHECK-NEXT: module {
// CHECK-NEXT:   "tt.a"() {a = #distinct, b = #distinct1, c = #distinct, d = #distinct2} : () -> ()
// CHECK-NEXT:   "tt.b"() {e = distinct[4]<>, f = [#distinct1, distinct[4]<>], m = #map} : () -> ()
// CHECK-NEXT:   "tt.c"() {n = #distinct3} : () -> ()
// CHECK-NEXT: }
