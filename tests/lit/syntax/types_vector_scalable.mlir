// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Scalable vectors: a dimension in brackets is a multiple of the hardware's
// vector length.
%0 = "tt.v"() : () -> vector<[4]xi32>
%1 = "tt.v"() : () -> vector<2x[4]xf32>
%2 = "tt.v"() : () -> vector<[2]x[8]xi8>
%3 = "tt.v"() : () -> vector<[1]x4xf16>
"tt.use"(%0, %1) : (vector<[4]xi32>, vector<2x[4]xf32>) -> ()
"tt.attr"() {t = vector<[16]xi1>, u = vector<4xf32>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   %0 = "tt.v"() : () -> vector<[4]xi32>
// CHECK-NEXT:   %1 = "tt.v"() : () -> vector<2x[4]xf32>
// CHECK-NEXT:   %2 = "tt.v"() : () -> vector<[2]x[8]xi8>
// CHECK-NEXT:   %3 = "tt.v"() : () -> vector<[1]x4xf16>
// CHECK-NEXT:   "tt.use"(%0, %1) : (vector<[4]xi32>, vector<2x[4]xf32>) -> ()
// CHECK-NEXT:   "tt.attr"() {t = vector<[16]xi1>, u = vector<4xf32>} : () -> ()
// CHECK-NEXT: }
