// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Array attributes: empty, nested, heterogeneous.
"tt.a"() {empty = [], ints = [1, 2, 3], mixed = [1 : i32, "s", 2.0 : f32, i64, @sym, unit]} : () -> ()
"tt.a"() {nested = [[1, 2], [], [[3]]], dicts = [{a = 1}, {}]} : () -> ()
"tt.a"() {maps = [affine_map<(d0) -> (d0)>, affine_map<(d0, d1) -> (d1, d0)>]} : () -> ()

// CHECK: #map = affine_map<(d0) -> (d0)>
// CHECK-NEXT: #map1 = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-NEXT: module {
// CHECK-NEXT:   "tt.a"() {empty = [], ints = [1, 2, 3], mixed = [1 : i32, "s", 2.000000e+00 : f32, i64, @sym, unit]} : () -> ()
// CHECK-NEXT:   "tt.a"() {dicts = [{a = 1 : i64}, {}], nested = {{\[\[}}1, 2], [], {{\[\[}}3]]]} : () -> ()
// CHECK-NEXT:   "tt.a"() {maps = [#map, #map1]} : () -> ()
// CHECK-NEXT: }
