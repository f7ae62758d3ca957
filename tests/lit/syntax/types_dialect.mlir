// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dialect types: !dialect.name, with parameters, nested brackets, and the opaque form.
"tt.d"() : () -> !tt.plain
"tt.d"() : () -> !tt.param<42>
"tt.d"() : () -> !tt.nested<[1, 2], {a = "b"}, <x>, (i32)>
"tt.d"() : () -> !tt.str<"with > inside">
"tt.d"() : () -> !tt<"opaque body">
"tt.d"() : () -> !tt.a.b.c
"tt.d"() : () -> tensor<4x!tt.elem<f32>>
"tt.d"() : () -> (!other.type, !tt.plain)
"tt.d"() {t = !tt.ptr<i32>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   %0 = "tt.d"() : () -> !tt.plain
// CHECK-NEXT:   %1 = "tt.d"() : () -> !tt.param<42>
// CHECK-NEXT:   %2 = "tt.d"() : () -> !tt.nested<[1, 2], {a = "b"}, <x>, (i32)>
// CHECK-NEXT:   %3 = "tt.d"() : () -> !tt.str<"with > inside">
// CHECK-NEXT:   %4 = "tt.d"() : () -> !tt<"opaque body">
// CHECK-NEXT:   %5 = "tt.d"() : () -> !tt.a.b.c
// CHECK-NEXT:   %6 = "tt.d"() : () -> tensor<4x!tt.elem<f32>>
// CHECK-NEXT:   %7:2 = "tt.d"() : () -> (!other.type, !tt.plain)
// CHECK-NEXT:   "tt.d"() {t = !tt.ptr<i32>} : () -> ()
// CHECK-NEXT: }
