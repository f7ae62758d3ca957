// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s | smopt --allow-unregistered-dialect | FileCheck %s

// CHECK: a = 1.000000e+00 : f32
// CHECK-SAME: b = 1.000000e-01 : f32
// CHECK-SAME: c = 1.000000e-01 : f64
// CHECK-SAME: d = 1.500000e+300 : f64
// CHECK-SAME: e = 0x7F800000 : f32
// CHECK-SAME: f = 0x7FC00000 : f32
// CHECK-SAME: g = 0xFFF0000000000000 : f64
// CHECK-SAME: h = 1.192090e-07 : f16
// CHECK-SAME: i = 3.140630e+00 : bf16
// CHECK-SAME: k = -0.000000e+00 : f32
// CHECK-SAME: l = 0x419D6F3454000000 : f64
// CHECK-SAME: n = 3.000490e-01 : f16
// CHECK-SAME: p = 0x7C00 : f16
// CHECK-SAME: q = 0.123456789 : f64
// CHECK-SAME: r = 1.2345678901234567E+300 : f64
"d.a"() {a = 1.0 : f32, b = 0.1 : f32, c = 0.1 : f64, d = 1.5e300 : f64, e = 0x7F800000 : f32, f = 0x7FC00000 : f32, g = 0xFFF0000000000000 : f64, h = 1.0e-7 : f16, i = 3.14 : bf16, k = -0.0 : f32, l = 123456789.0 : f64, n = 0.3 : f16, p = 0x7C00 : f16, q = 0.123456789 : f64, r = 1.2345678901234567e300 : f64} : () -> ()

// Arrays drop the type of f64 floats (unless printed as hex) and i64 integers.
// CHECK: a = [1.000000e+00, 0x7F800000 : f32, 2.000000e+00, 0x7FF0000000000000 : f64, 3, true]
// CHECK-SAME: b = array<f64: 1.000000e+00, 1.000000e-01, 0x419D6F3454000000>
"d.b"() {a = [1.0, 0x7F800000 : f32, 2.0 : f64, 0x7FF0000000000000 : f64, 3 : i64, true], b = array<f64: 1.0, 0.1, 123456789.0>} : () -> ()
