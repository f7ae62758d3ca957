// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Function types, as attributes and in func signatures.
"tt.f"() {t0 = () -> ()} : () -> ()
"tt.f"() {t1 = (i32) -> i32} : () -> ()
"tt.f"() {t2 = (i32, f32) -> (i64, f64)} : () -> ()
"tt.f"() {t3 = (tensor<4xf32>) -> ((i32) -> i32)} : () -> ()
"tt.f"() {t4 = ((i32) -> (), index) -> ()} : () -> ()
"tt.f"() {t5 = () -> tuple<i32, i32>} : () -> ()
"tt.f"() {t6 = (i32) -> (i32)} : () -> ()
func.func private @takes_fn((i32) -> i32) -> (() -> ())

// CHECK: module {
// CHECK-NEXT:   "tt.f"() {t0 = () -> ()} : () -> ()
// CHECK-NEXT:   "tt.f"() {t1 = (i32) -> i32} : () -> ()
// CHECK-NEXT:   "tt.f"() {t2 = (i32, f32) -> (i64, f64)} : () -> ()
// CHECK-NEXT:   "tt.f"() {t3 = (tensor<4xf32>) -> ((i32) -> i32)} : () -> ()
// CHECK-NEXT:   "tt.f"() {t4 = ((i32) -> (), index) -> ()} : () -> ()
// CHECK-NEXT:   "tt.f"() {t5 = () -> tuple<i32, i32>} : () -> ()
// CHECK-NEXT:   "tt.f"() {t6 = (i32) -> i32} : () -> ()
// CHECK-NEXT:   func.func private @takes_fn((i32) -> i32) -> (() -> ())
// CHECK-NEXT: }
