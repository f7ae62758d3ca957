// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dense arrays of every element type, including empty ones.
"tt.da"() {b = array<i1: true, false, true>, e = array<i1>} : () -> ()
"tt.da"() {a = array<i8: -128, 0, 127>, b = array<i16: -1, 32767>} : () -> ()
"tt.da"() {a = array<i32: 1, 2, 3>, b = array<i64: -9223372036854775808, 9223372036854775807>, c = array<i64>} : () -> ()
"tt.da"() {f = array<f32: 1.0, -2.5, 0.0>, d = array<f64: 1.0e+100, -0.5>, e = array<f32>} : () -> ()
"tt.da"() {nested = [array<i64: 1>, array<i32: 2, 3>]} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.da"() {b = array<i1: true, false, true>, e = array<i1>} : () -> ()
// CHECK-NEXT:   "tt.da"() {a = array<i8: -128, 0, 127>, b = array<i16: -1, 32767>} : () -> ()
// CHECK-NEXT:   "tt.da"() {a = array<i32: 1, 2, 3>, b = array<i64: -9223372036854775808, 9223372036854775807>, c = array<i64>} : () -> ()
// CHECK-NEXT:   "tt.da"() {d = array<f64: 1.000000e+100, -5.000000e-01>, e = array<f32>, f = array<f32: 1.000000e+00, -2.500000e+00, 0.000000e+00>} : () -> ()
// CHECK-NEXT:   "tt.da"() {nested = [array<i64: 1>, array<i32: 2, 3>]} : () -> ()
// CHECK-NEXT: }
