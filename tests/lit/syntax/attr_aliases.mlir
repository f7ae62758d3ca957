// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Attribute aliases: maps, strings, dialect attrs, dictionaries, used in attributes and types.
#map_split = affine_map<(d0, d1) -> (d1 floordiv 4, d0, d1 mod 4)>
#name = "aliased string"
#layout = #tt.tex<"rgba">
#dict = {x = 1, y = #map_split}
#arr = [1, 2, #name]
"tt.op"() {m = #map_split, n = #name, d = #dict, a = #arr} : () -> tensor<4x8xf32, #layout>
"tt.op"() {m = #map_split} : () -> tensor<8xf32, #map_split>

// CHECK: #map = affine_map<(d0, d1) -> (d1 floordiv 4, d0, d1 mod 4)>
// CHECK-NEXT: module {
// CHECK-NEXT:   %0 = "tt.op"() {a = [1, 2, "aliased string"], d = {x = 1 : i64, y = #map}, m = #map, n = "aliased string"} : () -> tensor<4x8xf32, #tt.tex<"rgba">>
// CHECK-NEXT:   %1 = "tt.op"() {m = #map} : () -> tensor<8xf32, #map>
// CHECK-NEXT: }
