// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Float types and none.
%0:4 = "tt.floats"() : () -> (f16, bf16, f32, f64)
"tt.none"() : () -> none
"tt.use"(%0#0, %0#1, %0#2, %0#3) : (f16, bf16, f32, f64) -> ()
"tt.attr"() {types = [f16, bf16, f32, f64, none]} : () -> ()

// CHECK: module {
// CHECK-NEXT:   %0:4 = "tt.floats"() : () -> (f16, bf16, f32, f64)
// CHECK-NEXT:   %1 = "tt.none"() : () -> none
// CHECK-NEXT:   "tt.use"(%0#0, %0#1, %0#2, %0#3) : (f16, bf16, f32, f64) -> ()
// CHECK-NEXT:   "tt.attr"() {types = [f16, bf16, f32, f64, none]} : () -> ()
// CHECK-NEXT: }
