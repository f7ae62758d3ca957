// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Integer widths 0 and above 64 (MLIR allows up to 2^24 - 1 bits).
%0:6 = "tt.i"() : () -> (i0, i65, i67, i128, si128, ui256)
"tt.use"(%0#0, %0#3) : (i0, i128) -> ()
"tt.attr"() {a = 5 : i128, b = -7 : i67, c = 0 : i0, d = 18446744073709551615 : ui128, e = -9223372036854775808 : si100, t = i16777215} : () -> ()
%1 = "tt.t"() : () -> tensor<2xi128>

// CHECK: module {
// CHECK-NEXT:   %0:6 = "tt.i"() : () -> (i0, i65, i67, i128, si128, ui256)
// CHECK-NEXT:   "tt.use"(%0#0, %0#3) : (i0, i128) -> ()
// CHECK-NEXT:   "tt.attr"() {a = 5 : i128, b = -7 : i67, c = 0 : i0, d = 18446744073709551615 : ui128, e = -9223372036854775808 : si100, t = i16777215} : () -> ()
// CHECK-NEXT:   %1 = "tt.t"() : () -> tensor<2xi128>
// CHECK-NEXT: }
