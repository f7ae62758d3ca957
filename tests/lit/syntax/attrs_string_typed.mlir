// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Typed string attributes: "s" : type (none is the default and not printed).
"tt.a"() {a = "text" : !tt.string, b = "x" : i32, c = "y" : none, d = ["p" : i1, "q"], e = "" : tensor<2xf32>} : () -> ()
"tt.b"() <{p = "v" : !tt.kind<"k">}> : () -> ()
"tt.c"() {m = "x" : memref<2x2xf32, affine_map<(d0, d1) -> (d1, d0)>>} : () -> ()

// CHECK: #map = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-NEXT: module {
// CHECK-NEXT:   "tt.a"() {a = "text" : !tt.string, b = "x" : i32, c = "y", d = ["p" : i1, "q"], e = "" : tensor<2xf32>} : () -> ()
// CHECK-NEXT:   "tt.b"() <{p = "v" : !tt.kind<"k">}> : () -> ()
// CHECK-NEXT:   "tt.c"() {m = "x" : memref<2x2xf32, #map>} : () -> ()
// CHECK-NEXT: }
