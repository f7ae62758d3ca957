// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// complex<> and tuple<> types, nested.
"tt.c"() : () -> complex<f32>
"tt.c"() : () -> complex<f64>
"tt.c"() : () -> complex<i32>
"tt.c"() : () -> complex<f16>
"tt.t"() : () -> tuple<>
"tt.t"() : () -> tuple<i32>
"tt.t"() : () -> tuple<i32, f32, tensor<4xi8>>
"tt.t"() : () -> tuple<tuple<>, tuple<index, tuple<i1>>>
"tt.t"() : () -> tuple<complex<f32>, vector<2xf32>>

// CHECK: module {
// CHECK-NEXT:   %0 = "tt.c"() : () -> complex<f32>
// CHECK-NEXT:   %1 = "tt.c"() : () -> complex<f64>
// CHECK-NEXT:   %2 = "tt.c"() : () -> complex<i32>
// CHECK-NEXT:   %3 = "tt.c"() : () -> complex<f16>
// CHECK-NEXT:   %4 = "tt.t"() : () -> tuple<>
// CHECK-NEXT:   %5 = "tt.t"() : () -> tuple<i32>
// CHECK-NEXT:   %6 = "tt.t"() : () -> tuple<i32, f32, tensor<4xi8>>
// CHECK-NEXT:   %7 = "tt.t"() : () -> tuple<tuple<>, tuple<index, tuple<i1>>>
// CHECK-NEXT:   %8 = "tt.t"() : () -> tuple<complex<f32>, vector<2xf32>>
// CHECK-NEXT: }
