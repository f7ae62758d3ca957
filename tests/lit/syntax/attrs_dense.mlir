// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Dense elements: splat, nested lists, bool, float widths, hex blobs, empty, vectors.
"tt.de"() {splat_i = dense<7> : tensor<2x3xi32>, splat_f = dense<1.5> : tensor<4xf32>} : () -> ()
"tt.de"() {nested = dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>} : () -> ()
"tt.de"() {floats = dense<[[1.0, -2.0], [0.5, 3.25]]> : tensor<2x2xf32>} : () -> ()
"tt.de"() {bools = dense<[true, false, true]> : tensor<3xi1>, bsplat = dense<true> : tensor<8xi1>} : () -> ()
"tt.de"() {h = dense<[1.0, 2.0]> : tensor<2xf16>, bf = dense<[0.5, -1.0]> : tensor<2xbf16>, d = dense<[1.0e+100]> : tensor<1xf64>} : () -> ()
"tt.de"() {hex = dense<"0x0000803F00000040"> : tensor<2xf32>, hexi = dense<"0x01000000020000000300000004000000"> : tensor<2x2xi32>} : () -> ()
"tt.de"() {empty = dense<> : tensor<0xi32>, empty2 = dense<> : tensor<2x0xf32>} : () -> ()
"tt.de"() {vec = dense<[1, 2, 3, 4]> : vector<4xi8>, scalar = dense<5> : tensor<i16>} : () -> ()
"tt.de"() {neg = dense<[-1, -128, 127]> : tensor<3xi8>, u = dense<[255, 0]> : tensor<2xui8>} : () -> ()
"tt.de"() {special = dense<[0x7F800000, 0xFF800000, 0.0]> : tensor<3xf32>, idx = dense<[1, 2]> : tensor<2xindex>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.de"() {splat_f = dense<1.500000e+00> : tensor<4xf32>, splat_i = dense<7> : tensor<2x3xi32>} : () -> ()
// CHECK-NEXT:   "tt.de"() {nested = dense<{{\[\[}}1, 2, 3], [4, 5, 6]]> : tensor<2x3xi64>} : () -> ()
// CHECK-NEXT:   "tt.de"() {floats = dense<{{\[\[}}1.000000e+00, -2.000000e+00], [5.000000e-01, 3.250000e+00]]> : tensor<2x2xf32>} : () -> ()
// CHECK-NEXT:   "tt.de"() {bools = dense<[true, false, true]> : tensor<3xi1>, bsplat = dense<true> : tensor<8xi1>} : () -> ()
// CHECK-NEXT:   "tt.de"() {bf = dense<[5.000000e-01, -1.000000e+00]> : tensor<2xbf16>, d = dense<1.000000e+100> : tensor<1xf64>, h = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf16>} : () -> ()
// CHECK-NEXT:   "tt.de"() {hex = dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>, hexi = dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>} : () -> ()
// CHECK-NEXT:   "tt.de"() {empty = dense<> : tensor<0xi32>, empty2 = dense<> : tensor<2x0xf32>} : () -> ()
// CHECK-NEXT:   "tt.de"() {scalar = dense<5> : tensor<i16>, vec = dense<[1, 2, 3, 4]> : vector<4xi8>} : () -> ()
// CHECK-NEXT:   "tt.de"() {neg = dense<[-1, -128, 127]> : tensor<3xi8>, u = dense<[255, 0]> : tensor<2xui8>} : () -> ()
// CHECK-NEXT:   "tt.de"() {idx = dense<[1, 2]> : tensor<2xindex>, special = dense<[0x7F800000, 0xFF800000, 0.000000e+00]> : tensor<3xf32>} : () -> ()
// CHECK-NEXT: }
