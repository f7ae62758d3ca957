// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dense elements of complex numbers ("(re,im)" literals) and of strings
// (element types that are not numeric; a string literal is then text, not
// hex data). One element, or all equal, print as a splat.
"tt.c"() {a = dense<(1, 1)> : tensor<complex<i64>>, b = dense<[(1.0, 2.0), (3.0, 4.5)]> : tensor<2xcomplex<f32>>, c = dense<(1, 2)> : tensor<3xcomplex<i8>>, d = dense<[[(1, 2), (3, 4)], [(5, 6), (-7, 8)]]> : tensor<2x2xcomplex<i16>>, e = dense<(0x7F800001, 1.5)> : tensor<1xcomplex<f32>>} : () -> ()
"tt.s"() {a = dense<"x"> : tensor<2x!tt.str>, b = dense<["a", "bc"]> : tensor<2x!tt.str>, c = dense<[["a", "b", "c"], ["d", "e", "f"]]> : tensor<2x3x!tt.str>, d = dense<["q", "q"]> : tensor<2x!tt.str>, e = dense<"0xAB"> : tensor<!tt.str>, f = dense<> : tensor<0x!tt.str>, g = dense<"z"> : tensor<1x1x!tt.str>, h = dense<"a\0Ab"> : tensor<2x!tt.str>, i = dense<"0x0102"> : tensor<2xi8>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.c"() {a = dense<(1,1)> : tensor<complex<i64>>, b = dense<[(1.000000e+00,2.000000e+00), (3.000000e+00,4.500000e+00)]> : tensor<2xcomplex<f32>>, c = dense<(1,2)> : tensor<3xcomplex<i8>>, d = dense<{{\[\[}}(1,2), (3,4)], [(5,6), (-7,8)]]> : tensor<2x2xcomplex<i16>>, e = dense<(0x7F800001,1.500000e+00)> : tensor<1xcomplex<f32>>} : () -> ()
// CHECK-NEXT:   "tt.s"() {a = dense<"x"> : tensor<2x!tt.str>, b = dense<["a", "bc"]> : tensor<2x!tt.str>, c = dense<{{\[\[}}"a", "b", "c"], ["d", "e", "f"]]> : tensor<2x3x!tt.str>, d = dense<"q"> : tensor<2x!tt.str>, e = dense<"0xAB"> : tensor<!tt.str>, f = dense<> : tensor<0x!tt.str>, g = dense<"z"> : tensor<1x1x!tt.str>, h = dense<"a\0Ab"> : tensor<2x!tt.str>, i = dense<[1, 2]> : tensor<2xi8>} : () -> ()
// CHECK-NEXT: }
