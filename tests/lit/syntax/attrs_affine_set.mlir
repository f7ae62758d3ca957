// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Integer sets (affine_set): constraints are normalised to "e >= 0" and
// "e == 0" (rhs moved left; "<=" flips the sides), an empty constraint list
// is MLIR's "0 == 0", and sets print as #set aliases after the #map ones.
#s = affine_set<(i, j)[N] : (i >= 0, j >= 0, i == N, i * 2 + N >= 0)>
"tt.a"() {a = affine_set<(d0) : (d0 >= 0)>, b = affine_map<(d0) -> (d0 * 2)>} : () -> ()
"tt.b"() {set = #s, empty = affine_set<() : ()>} : () -> ()
"tt.c"() {le = affine_set<(i) : (i <= 10)>, eq = affine_set<(i) : (i == 1)>} : () -> ()
"tt.d"() {m = affine_set<(d0, d1) : ((d0 + d1) mod 2 == (d0 + d1) floordiv 2, d0 - d1 >= 0)>} : () -> ()
"tt.e"() {same = affine_set<(x) : (x >= 0)>, arr = [affine_set<(d0)[s0] : (d0 - s0 == 0)>]} : () -> ()

// CHECK: #map = affine_map<(d0) -> (d0 * 2)>
// CHECK-NEXT: #set = affine_set<(d0) : (d0 >= 0)>
// CHECK-NEXT: #set1 = affine_set<() : (0 == 0)>
// CHECK-NEXT: #set2 = affine_set<(d0, d1)[s0] : (d0 >= 0, d1 >= 0, d0 - s0 == 0, d0 * 2 + s0 >= 0)>
// CHECK-NEXT: #set3 = affine_set<(d0) : (d0 - 1 == 0)>
// CHECK-NEXT: #set4 = affine_set<(d0) : (-d0 + 10 >= 0)>
// CHECK-NEXT: #set5 = affine_set<(d0, d1) : ((d0 + d1) mod 2 - (d0 + d1) floordiv 2 == 0, d0 - d1 >= 0)>
// CHECK-NEXT: #set6 = affine_set<(d0)[s0] : (d0 - s0 == 0)>
// CHECK-NEXT: module {
// CHECK-NEXT:   "tt.a"() {a = #set, b = #map} : () -> ()
// CHECK-NEXT:   "tt.b"() {empty = #set1, set = #set2} : () -> ()
// CHECK-NEXT:   "tt.c"() {eq = #set3, le = #set4} : () -> ()
// CHECK-NEXT:   "tt.d"() {m = #set5} : () -> ()
// CHECK-NEXT:   "tt.e"() {arr = [#set6], same = #set} : () -> ()
// CHECK-NEXT: }
