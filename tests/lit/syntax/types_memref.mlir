// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Memref types: shapes, layouts (strided, affine maps), memory spaces.
// The identity layout and memory space 0 are the defaults and are dropped.
%0 = "tt.m"() : () -> memref<4x?xf32>
%1 = "tt.m"() : () -> memref<f32>
%2 = "tt.m"() : () -> memref<4x8xf32, strided<[8, 1]>>
%3 = "tt.m"() : () -> memref<?x?xi8, strided<[?, 1], offset: ?>>
%4 = "tt.m"() : () -> memref<3xf16, strided<[2], offset: 5>, 1>
%5 = "tt.m"() : () -> memref<4x8xf32, affine_map<(d0, d1) -> (d1, d0)>>
%6 = "tt.m"() : () -> memref<4xf32, affine_map<(d0) -> (d0)>, 0>
%7 = "tt.m"() : () -> memref<*xf32>
%8 = "tt.m"() : () -> memref<*xi32, 3>
%9 = "tt.m"() : () -> memref<2xvector<4xf32>, "gpu">
%10 = "tt.m"() : () -> memref<2xcomplex<f32>, {kind = 1 : i32}>
%11 = "tt.m"() : () -> memref<0x5xindex, 7 : i32>
%12 = "tt.m"() : () -> memref<4xmemref<2xf32>>
"tt.use"() {t = memref<8xi1, strided<[-1], offset: 7>>} : () -> ()

// CHECK: #map = affine_map<(d0, d1) -> (d1, d0)>
// CHECK: module {
// CHECK-NEXT:   %0 = "tt.m"() : () -> memref<4x?xf32>
// CHECK-NEXT:   %1 = "tt.m"() : () -> memref<f32>
// CHECK-NEXT:   %2 = "tt.m"() : () -> memref<4x8xf32, strided<[8, 1]>>
// CHECK-NEXT:   %3 = "tt.m"() : () -> memref<?x?xi8, strided<[?, 1], offset: ?>>
// CHECK-NEXT:   %4 = "tt.m"() : () -> memref<3xf16, strided<[2], offset: 5>, 1>
// CHECK-NEXT:   %5 = "tt.m"() : () -> memref<4x8xf32, #map>
// CHECK-NEXT:   %6 = "tt.m"() : () -> memref<4xf32>
// CHECK-NEXT:   %7 = "tt.m"() : () -> memref<*xf32>
// CHECK-NEXT:   %8 = "tt.m"() : () -> memref<*xi32, 3>
// CHECK-NEXT:   %9 = "tt.m"() : () -> memref<2xvector<4xf32>, "gpu">
// CHECK-NEXT:   %10 = "tt.m"() : () -> memref<2xcomplex<f32>, {kind = 1 : i32}>
// CHECK-NEXT:   %11 = "tt.m"() : () -> memref<0x5xindex, 7 : i32>
// CHECK-NEXT:   %12 = "tt.m"() : () -> memref<4xmemref<2xf32>>
// CHECK-NEXT:   "tt.use"() {t = memref<8xi1, strided<[-1], offset: 7>>} : () -> ()
// CHECK-NEXT: }
