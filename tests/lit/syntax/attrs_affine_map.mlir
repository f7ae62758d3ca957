// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Affine maps: identity, permutation, symbols, constants, floordiv/ceildiv/mod, empty.
"tt.m"() {id = affine_map<(d0, d1) -> (d0, d1)>, perm = affine_map<(d0, d1, d2) -> (d2, d0, d1)>} : () -> ()
"tt.m"() {split = affine_map<(d0, d1) -> (d1 floordiv 4, d0, d1 mod 4)>} : () -> ()
"tt.m"() {merge = affine_map<(d0, d1, d2) -> (d0 * 32 + d1 * 4 + d2)>} : () -> ()
"tt.m"() {sym = affine_map<(d0)[s0, s1] -> (d0 * s0 + s1, d0 ceildiv s0)>} : () -> ()
"tt.m"() {consts = affine_map<(d0) -> (0, 5, d0 - 1, -d0)>, empty = affine_map<() -> ()>} : () -> ()
"tt.m"() {noresult = affine_map<(d0, d1) -> ()>, symonly = affine_map<()[s0] -> (s0 mod 8)>} : () -> ()
"tt.m"() {paper = affine_map<(d0, d1, d2) -> (d0 * 8 + d1 floordiv 32, d1 mod 4, (d1 mod 32) floordiv 4, d2)>} : () -> ()
"tt.m"() {nest = affine_map<(d0, d1) -> ((d0 + d1) floordiv 2, (d0 * 3) mod 7 + d1 ceildiv 3)>} : () -> ()

// CHECK: #map = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-NEXT: #map1 = affine_map<(d0, d1, d2) -> (d2, d0, d1)>
// CHECK-NEXT: #map2 = affine_map<(d0, d1) -> (d1 floordiv 4, d0, d1 mod 4)>
// CHECK-NEXT: #map3 = affine_map<(d0, d1, d2) -> (d0 * 32 + d1 * 4 + d2)>
// CHECK-NEXT: #map4 = affine_map<(d0)[s0, s1] -> (d0 * s0 + s1, d0 ceildiv s0)>
// CHECK-NEXT: #map5 = affine_map<(d0) -> (0, 5, d0 - 1, -d0)>
// CHECK-NEXT: #map6 = affine_map<() -> ()>
// CHECK-NEXT: #map7 = affine_map<(d0, d1) -> ()>
// CHECK-NEXT: #map8 = affine_map<()[s0] -> (s0 mod 8)>
// CHECK-NEXT: #map9 = affine_map<(d0, d1, d2) -> (d0 * 8 + d1 floordiv 32, d1 mod 4, (d1 mod 32) floordiv 4, d2)>
// CHECK-NEXT: #map10 = affine_map<(d0, d1) -> ((d0 + d1) floordiv 2, (d0 * 3) mod 7 + d1 ceildiv 3)>
// CHECK-NEXT: module {
// CHECK-NEXT:   "tt.m"() {id = #map, perm = #map1} : () -> ()
// CHECK-NEXT:   "tt.m"() {split = #map2} : () -> ()
// CHECK-NEXT:   "tt.m"() {merge = #map3} : () -> ()
// CHECK-NEXT:   "tt.m"() {sym = #map4} : () -> ()
// CHECK-NEXT:   "tt.m"() {consts = #map5, empty = #map6} : () -> ()
// CHECK-NEXT:   "tt.m"() {noresult = #map7, symonly = #map8} : () -> ()
// CHECK-NEXT:   "tt.m"() {paper = #map9} : () -> ()
// CHECK-NEXT:   "tt.m"() {nest = #map10} : () -> ()
// CHECK-NEXT: }
