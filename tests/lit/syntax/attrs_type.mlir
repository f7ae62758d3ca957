// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Type attributes.
"tt.ty"() {a = i32, b = f16, c = index, d = none} : () -> ()
"tt.ty"() {a = tensor<4x?xf32>, b = vector<2xi8>, c = tuple<i1>, d = complex<f64>} : () -> ()
"tt.ty"() {a = !tt.t<1>, b = (i32) -> (), c = [i8, tensor<*xi8>]} : () -> ()
"tt.ty"() {a = tensor<4xf32, #tt.enc>} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.ty"() {a = i32, b = f16, c = index, d = none} : () -> ()
// CHECK-NEXT:   "tt.ty"() {a = tensor<4x?xf32>, b = vector<2xi8>, c = tuple<i1>, d = complex<f64>} : () -> ()
// CHECK-NEXT:   "tt.ty"() {a = !tt.t<1>, b = (i32) -> (), c = [i8, tensor<*xi8>]} : () -> ()
// CHECK-NEXT:   "tt.ty"() {a = tensor<4xf32, #tt.enc>} : () -> ()
// CHECK-NEXT: }
