// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dialect attributes: #dialect.name, with parameters, nested brackets, opaque form.
"tt.da"() {a = #tt.plain, b = #tt.param<42>, c = #tt.nested<[1, 2], {k = "v"}, <x>>} : () -> ()
"tt.da"() {a = #tt<"opaque body">, b = #tt.str<"> inside">, c = #other.attr} : () -> ()
"tt.da"() {list = [#tt.a, #tt.b<1>], t = tensor<4xf32, #tt.enc<"nchw">>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.da"() {a = #tt.plain, b = #tt.param<42>, c = #tt.nested<[1, 2], {k = "v"}, <x>>} : () -> ()
// CHECK-NEXT:   "tt.da"() {a = #tt<"opaque body">, b = #tt.str<"> inside">, c = #other.attr} : () -> ()
// CHECK-NEXT:   "tt.da"() {list = [#tt.a, #tt.b<1>], t = tensor<4xf32, #tt.enc<"nchw">>} : () -> ()
// CHECK-NEXT: }
