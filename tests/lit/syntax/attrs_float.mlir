// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Float attributes: decimal, exponent, every float type, and special values as hex bits.
"tt.f"() {a = 1.0, b = -2.5, c = 0.1 : f32, d = 1.0e+10 : f64, e = 1.5e-3 : f32} : () -> ()
"tt.f"() {a = 3.14159 : f16, b = 1.0 : bf16, c = 65504.0 : f16, d = 0.333333333333 : f64} : () -> ()
"tt.f"() {inf = 0x7F800000 : f32, ninf = 0xFF800000 : f32, nan = 0x7FC00000 : f32} : () -> ()
"tt.f"() {inf = 0x7FF0000000000000 : f64, nan = 0x7FF8000000000000 : f64} : () -> ()
"tt.f"() {inf = 0x7C00 : f16, nan = 0x7E00 : f16, binf = 0x7F80 : bf16} : () -> ()
"tt.f"() {nz = -0.0 : f32, tiny = 1.0e-45 : f32, big = 3.4028234663852886e+38 : f32, dmax = 1.7976931348623157e+308 : f64} : () -> ()
"tt.f"() {hexval = 0x3F800000 : f32, prec = 0.1 : f64, third = 0.3333333 : f32} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.f"() {a = 1.000000e+00 : f64, b = -2.500000e+00 : f64, c = 1.000000e-01 : f32, d = 1.000000e+10 : f64, e = 1.500000e-03 : f32} : () -> ()
// CHECK-NEXT:   "tt.f"() {a = 3.140630e+00 : f16, b = 1.000000e+00 : bf16, c = 6.550400e+04 : f16, d = 0.33333333333300003 : f64} : () -> ()
// CHECK-NEXT:   "tt.f"() {inf = 0x7F800000 : f32, nan = 0x7FC00000 : f32, ninf = 0xFF800000 : f32} : () -> ()
// CHECK-NEXT:   "tt.f"() {inf = 0x7FF0000000000000 : f64, nan = 0x7FF8000000000000 : f64} : () -> ()
// CHECK-NEXT:   "tt.f"() {binf = 0x7F80 : bf16, inf = 0x7C00 : f16, nan = 0x7E00 : f16} : () -> ()
// CHECK-NEXT:   "tt.f"() {big = 3.40282347E+38 : f32, dmax = 1.7976931348623157E+308 : f64, nz = -0.000000e+00 : f32, tiny = 1.401300e-45 : f32} : () -> ()
// CHECK-NEXT:   "tt.f"() {hexval = 1.000000e+00 : f32, prec = 1.000000e-01 : f64, third = 0.333333313 : f32} : () -> ()
// CHECK-NEXT: }
