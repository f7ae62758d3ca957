// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Sparse elements: i64 indices ([N, rank]) and the values there; a single
// index or value may be written (and prints) as a scalar, sparse<> is empty.
"tt.a"() {a = sparse<[[0, 0], [1, 2]], [1, 5]> : tensor<3x4xi32>, b = sparse<[[0]], [1.0]> : tensor<2xf32>, c = sparse<> : tensor<4xi32>, d = sparse<[1], 7> : vector<3xi16>} : () -> ()
"tt.b"() {a = sparse<[[1, 1]], [2.5]> : tensor<2x2xf16>, b = sparse<[[0, 1], [1, 0]], [0x7C01, 3.0]> : tensor<2x2xf16>, c = sparse<[[0], [2]], 9> : tensor<4xi8>, d = sparse<[[0, 0, 1]], [(1, 2)]> : tensor<2x2x2xcomplex<i32>>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.a"() {a = sparse<{{\[\[}}0, 0], [1, 2]], [1, 5]> : tensor<3x4xi32>, b = sparse<0, 1.000000e+00> : tensor<2xf32>, c = sparse<> : tensor<4xi32>, d = sparse<1, 7> : vector<3xi16>} : () -> ()
// CHECK-NEXT:   "tt.b"() {a = sparse<1, 2.500000e+00> : tensor<2x2xf16>, b = sparse<{{\[\[}}0, 1], [1, 0]], [0x7C01, 3.000000e+00]> : tensor<2x2xf16>, c = sparse<{{\[\[}}0], [2]], 9> : tensor<4xi8>, d = sparse<{{\[\[}}0, 0, 1]], (1,2)> : tensor<2x2x2xcomplex<i32>>} : () -> ()
// CHECK-NEXT: }
