// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Tensor types: ranked, 0-d, dynamic dims, unranked, zero-sized, nested elements, encodings.
"tt.t"() : () -> tensor<1x3x224x224xf32>
"tt.t"() : () -> tensor<f32>
"tt.t"() : () -> tensor<?x4x?xi8>
"tt.t"() : () -> tensor<*xf16>
"tt.t"() : () -> tensor<0x5xbf16>
"tt.t"() : () -> tensor<2xcomplex<f32>>
"tt.t"() : () -> tensor<3xvector<4xf32>>
"tt.t"() : () -> tensor<1x64x56x56xf32, #tt.tex<"rgba">>
"tt.t"() : () -> tensor<8xi32, "sparse">
"tt.t"() : () -> tensor<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>
"tt.t"() : () -> tensor<4xf32, {layout = 1 : i64}>
"tt.t"() : () -> tensor<?xindex, [1, 2]>
"tt.t"() : () -> tensor<2x!tt.elem>

// CHECK: #map = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-NEXT: module {
// CHECK-NEXT:   %0 = "tt.t"() : () -> tensor<1x3x224x224xf32>
// CHECK-NEXT:   %1 = "tt.t"() : () -> tensor<f32>
// CHECK-NEXT:   %2 = "tt.t"() : () -> tensor<?x4x?xi8>
// CHECK-NEXT:   %3 = "tt.t"() : () -> tensor<*xf16>
// CHECK-NEXT:   %4 = "tt.t"() : () -> tensor<0x5xbf16>
// CHECK-NEXT:   %5 = "tt.t"() : () -> tensor<2xcomplex<f32>>
// CHECK-NEXT:   %6 = "tt.t"() : () -> tensor<3xvector<4xf32>>
// CHECK-NEXT:   %7 = "tt.t"() : () -> tensor<1x64x56x56xf32, #tt.tex<"rgba">>
// CHECK-NEXT:   %8 = "tt.t"() : () -> tensor<8xi32, "sparse">
// CHECK-NEXT:   %9 = "tt.t"() : () -> tensor<4x4xf32, #map>
// CHECK-NEXT:   %10 = "tt.t"() : () -> tensor<4xf32, {layout = 1 : i64}>
// CHECK-NEXT:   %11 = "tt.t"() : () -> tensor<?xindex, [1, 2]>
// CHECK-NEXT:   %12 = "tt.t"() : () -> tensor<2x!tt.elem>
// CHECK-NEXT: }
