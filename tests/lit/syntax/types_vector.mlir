// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Vector types.
"tt.v"() : () -> vector<4xf32>
"tt.v"() : () -> vector<2x3xi8>
"tt.v"() : () -> vector<1x1x1xf16>
"tt.v"() : () -> vector<8xbf16>
"tt.v"() : () -> vector<16xi1>
"tt.v"() : () -> vector<4xindex>
"tt.v"() : () -> vector<2xf64>

// CHECK: module {
// CHECK-NEXT:   %0 = "tt.v"() : () -> vector<4xf32>
// CHECK-NEXT:   %1 = "tt.v"() : () -> vector<2x3xi8>
// CHECK-NEXT:   %2 = "tt.v"() : () -> vector<1x1x1xf16>
// CHECK-NEXT:   %3 = "tt.v"() : () -> vector<8xbf16>
// CHECK-NEXT:   %4 = "tt.v"() : () -> vector<16xi1>
// CHECK-NEXT:   %5 = "tt.v"() : () -> vector<4xindex>
// CHECK-NEXT:   %6 = "tt.v"() : () -> vector<2xf64>
// CHECK-NEXT: }
