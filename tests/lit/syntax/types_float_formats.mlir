// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Every float type of MLIR 22, as types and as attribute values (rounded to
// the type), and exact bits: signalling NaNs stay signalling.
%0:14 = "tt.f"() : () -> (f80, f128, tf32, f8E5M2, f8E4M3, f8E4M3FN, f8E5M2FNUZ, f8E4M3FNUZ, f8E4M3B11FNUZ, f8E3M4, f8E8M0FNU, f6E2M3FN, f6E3M2FN, f4E2M1FN)
"tt.small"() {a = 1.5 : f8E4M3FN, b = 0x7F : f8E4M3FN, c = 448.0 : f8E4M3FN, d = 0.3 : f8E5M2, e = 0x80 : f8E5M2FNUZ, f = -2.0 : f8E4M3FNUZ, g = 3.0 : f4E2M1FN, h = 7.5 : f6E2M3FN, i = 28.0 : f6E3M2FN, j = 0.25 : f8E8M0FNU, k = 1.0e-3 : tf32, l = 0x7C : f8E5M2, m = 1.0 : f8E3M4, n = 0.1 : f8E4M3, o = 0x81 : f8E4M3B11FNUZ} : () -> ()
"tt.wide"() {a = 0.1 : f80, b = 1.5 : f128, c = 2.0 : f80} : () -> ()
"tt.widehex"() {a = 0x7FFF8000000000000000 : f80, b = 0xFFFF8000000000000000 : f80, c = 0x7FFFC000000000000000 : f80, d = 0x3FFF8000000000000000 : f80, e = 0x7FFF0000000000000000000000000000 : f128, f = 0x7FFF8000000000000000000000000000 : f128, g = 0x3FFF8000000000000000000000000000 : f128} : () -> ()
"tt.snan"() {a = 0x7C01 : f16, b = 0x7F800001 : f32, c = 0x7F81 : bf16, d = 0x7FF0000000000001 : f64, e = 0xFC01 : f16, f = 0x7FC00000 : f32} : () -> ()
"tt.dense"() {a = dense<[0x7C01, 1.0]> : tensor<2xf16>, b = dense<0x7F800001> : tensor<3xf32>, c = dense<[1.0, 2.5, 0x7F]> : tensor<3xf8E4M3FN>, d = dense<[0.5, -6.0]> : tensor<2xf4E2M1FN>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   %0:14 = "tt.f"() : () -> (f80, f128, tf32, f8E5M2, f8E4M3, f8E4M3FN, f8E5M2FNUZ, f8E4M3FNUZ, f8E4M3B11FNUZ, f8E3M4, f8E8M0FNU, f6E2M3FN, f6E3M2FN, f4E2M1FN)
// CHECK-NEXT:   "tt.small"() {a = 1.500000e+00 : f8E4M3FN, b = 0x7F : f8E4M3FN, c = 4.480000e+02 : f8E4M3FN, d = 3.125000e-01 : f8E5M2, e = 0x80 : f8E5M2FNUZ, f = -2.000000e+00 : f8E4M3FNUZ, g = 3.000000e+00 : f4E2M1FN, h = 7.500000e+00 : f6E2M3FN, i = 2.800000e+01 : f6E3M2FN, j = 2.500000e-01 : f8E8M0FNU, k = 1.000400e-03 : tf32, l = 0x7C : f8E5M2, m = 1.000000e+00 : f8E3M4, n = 1.015630e-01 : f8E4M3, o = -1.220700e-04 : f8E4M3B11FNUZ} : () -> ()
// CHECK-NEXT:   "tt.wide"() {a = 0.100000000000000005551 : f80, b = 1.500000e+00 : f128, c = 2.000000e+00 : f80} : () -> ()
// CHECK-NEXT:   "tt.widehex"() {a = 0x7FFF8000000000000000 : f80, b = 0xFFFF8000000000000000 : f80, c = 0x7FFFC000000000000000 : f80, d = 1.000000e+00 : f80, e = 0x7FFF0000000000000000000000000000 : f128, f = 0x7FFF8000000000000000000000000000 : f128, g = 1.500000e+00 : f128} : () -> ()
// CHECK-NEXT:   "tt.snan"() {a = 0x7C01 : f16, b = 0x7F800001 : f32, c = 0x7F81 : bf16, d = 0x7FF0000000000001 : f64, e = 0xFC01 : f16, f = 0x7FC00000 : f32} : () -> ()
// CHECK-NEXT:   "tt.dense"() {a = dense<[0x7C01, 1.000000e+00]> : tensor<2xf16>, b = dense<0x7F800001> : tensor<3xf32>, c = dense<[1.000000e+00, 2.500000e+00, 0x7F]> : tensor<3xf8E4M3FN>, d = dense<[5.000000e-01, -6.000000e+00]> : tensor<2xf4E2M1FN>} : () -> ()
// CHECK-NEXT: }
