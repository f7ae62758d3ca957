// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Type aliases: defined at top level, used in ops, chained, used before other aliases.
!tensor = tensor<1x3x224x224xf32>
!elem = f16
!vec = vector<4x!elem>
!dial = !tt.buf<tensor<2xf32>>
!tup = tuple<!tensor, !vec>
"tt.op"() : () -> !tensor
"tt.op"() : () -> (!vec, !dial, !tup)
"tt.op"() {t = !tensor} : () -> tensor<2x!elem>

// CHECK: module {
// CHECK-NEXT:   %0 = "tt.op"() : () -> tensor<1x3x224x224xf32>
// CHECK-NEXT:   %1:3 = "tt.op"() : () -> (vector<4xf16>, !tt.buf<tensor<2xf32>>, tuple<tensor<1x3x224x224xf32>, vector<4xf16>>)
// CHECK-NEXT:   %2 = "tt.op"() {t = tensor<1x3x224x224xf32>} : () -> tensor<2xf16>
// CHECK-NEXT: }
