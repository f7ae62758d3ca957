// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Integer types: signless of many widths, signed (si), unsigned (ui), index.
"tt.types"() : () -> (i1, i2, i7, i8, i16, i32, i33, i64)
"tt.types"() : () -> (si1, si8, si16, si32, si64)
"tt.types"() : () -> (ui1, ui8, ui16, ui32, ui64)
"tt.types"() : () -> (index)
"tt.attr"() {t = si32, u = ui8, i = index, n = i1} : () -> ()
"tt.tensor"() : () -> (tensor<2xsi8>, tensor<3xui16>, vector<4xindex>)

// CHECK: module {
// CHECK-NEXT:   %0:8 = "tt.types"() : () -> (i1, i2, i7, i8, i16, i32, i33, i64)
// CHECK-NEXT:   %1:5 = "tt.types"() : () -> (si1, si8, si16, si32, si64)
// CHECK-NEXT:   %2:5 = "tt.types"() : () -> (ui1, ui8, ui16, ui32, ui64)
// CHECK-NEXT:   %3 = "tt.types"() : () -> index
// CHECK-NEXT:   "tt.attr"() {i = index, n = i1, t = si32, u = ui8} : () -> ()
// CHECK-NEXT:   %4:3 = "tt.tensor"() : () -> (tensor<2xsi8>, tensor<3xui16>, vector<4xindex>)
// CHECK-NEXT: }
