// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// dense_resource attributes backed by the {-# dialect_resources #-} blob section.
"tt.weights"() {w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
"tt.weights"() {b = dense_resource<bias.0> : tensor<4xi8>, w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
%0 = "tt.const"() {value = dense_resource<blob_f16> : tensor<2xf16>} : () -> tensor<2xf16>

{-#
  dialect_resources: {
    builtin: {
      weights_0: "0x040000000000803F000000400000404000008040",
      "bias.0": "0x0400000001020304",
      blob_f16: "0x02000000003C0040"
    }
  }
#-}

// CHECK: module {
// CHECK-NEXT:   "tt.weights"() {w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
// CHECK-NEXT:   "tt.weights"() {b = dense_resource<bias.0> : tensor<4xi8>, w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
// CHECK-NEXT:   %0 = "tt.const"() {value = dense_resource<blob_f16> : tensor<2xf16>} : () -> tensor<2xf16>
// CHECK-NEXT: }
// CHECK-EMPTY:
// CHECK-NEXT: {-#
// CHECK-NEXT:   dialect_resources: {
// CHECK-NEXT:     builtin: {
// CHECK-NEXT:       weights_0: "0x040000000000803F000000400000404000008040",
// CHECK-NEXT:       bias.0: "0x0400000001020304",
// CHECK-NEXT:       blob_f16: "0x02000000003C0040"
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT: #-}

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "tt.weights"() {w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
// GENERIC-NEXT:   "tt.weights"() {b = dense_resource<bias.0> : tensor<4xi8>, w = dense_resource<weights_0> : tensor<2x2xf32>} : () -> ()
// GENERIC-NEXT:   %0 = "tt.const"() {value = dense_resource<blob_f16> : tensor<2xf16>} : () -> tensor<2xf16>
// GENERIC-NEXT: }) : () -> ()
// GENERIC-EMPTY:
// GENERIC-NEXT: {-#
// GENERIC-NEXT:   dialect_resources: {
// GENERIC-NEXT:     builtin: {
// GENERIC-NEXT:       weights_0: "0x040000000000803F000000400000404000008040",
// GENERIC-NEXT:       bias.0: "0x0400000001020304",
// GENERIC-NEXT:       blob_f16: "0x02000000003C0040"
// GENERIC-NEXT:     }
// GENERIC-NEXT:   }
// GENERIC-NEXT: #-}
