// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Integer attributes: default i64, typed, signed/unsigned, hex, extremes, index.
"tt.i"() {a = 42, b = -7, c = 0} : () -> ()
"tt.i"() {a = 1 : i1, b = 127 : i8, c = -128 : i8, d = 32767 : i16, e = -2147483648 : i32} : () -> ()
"tt.i"() {a = 9223372036854775807 : i64, b = -9223372036854775808 : i64} : () -> ()
"tt.i"() {a = 0x10 : i32, b = 0xFF : i64, c = 0x7fffffffffffffff : i64} : () -> ()
"tt.i"() {a = -5 : si8, b = 200 : ui8, c = 18446744073709551615 : ui64, d = 5 : si32} : () -> ()
"tt.i"() {a = 12 : index, b = -1 : index} : () -> ()
"tt.i"() {a = 3 : i7, b = 0 : i33} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.i"() {a = 42 : i64, b = -7 : i64, c = 0 : i64} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = true, b = 127 : i8, c = -128 : i8, d = 32767 : i16, e = -2147483648 : i32} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = 9223372036854775807 : i64, b = -9223372036854775808 : i64} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = 16 : i32, b = 255 : i64, c = 9223372036854775807 : i64} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = -5 : si8, b = 200 : ui8, c = 18446744073709551615 : ui64, d = 5 : si32} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = 12 : index, b = -1 : index} : () -> ()
// CHECK-NEXT:   "tt.i"() {a = 3 : i7, b = 0 : i33} : () -> ()
// CHECK-NEXT: }
