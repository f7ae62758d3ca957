// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// A dialect attribute with a type suffix, as MLIR allows for any attribute.
"tt.da"() {typed = #tt.typed<i32> : i64, list = [#tt.x : i32, #tt<"o"> : index]} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.da"() {list = [#tt.x : i32, #tt<"o"> : index], typed = #tt.typed<i32> : i64} : () -> ()
// CHECK-NEXT: }
