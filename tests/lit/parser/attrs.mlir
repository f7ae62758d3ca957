// RUN: smopt --allow-unregistered-dialect --mlir-print-op-generic %s | FileCheck %s
// Attribute edge cases: hex floats, typed integers, dense forms, opaque
// dialect attributes with brackets and strings, aliases.

#map = affine_map<(d0, d1)[s0] -> (d0 floordiv 4, d1 mod 4 + s0, d0 * 2 - 1, d1 ceildiv 3)>
!t = tensor<2xi32>
// CHECK: #map = affine_map<(d0, d1)[s0] -> (d0 floordiv 4, d1 mod 4 + s0, d0 * 2 - 1, d1 ceildiv 3)>
// CHECK: "foo.a"()
// CHECK-SAME: big = -1 : i64
// CHECK-SAME: d = dense<[1, 2]> : tensor<2xi32>
// CHECK-SAME: h = dense<1> : tensor<1xi32>
// CHECK-SAME: m = #map
// CHECK-SAME: nan = 0x7FC00000 : f32
// CHECK-SAME: op = #d.attr<x -> y, "a>">
// CHECK-SAME: ty = tensor<0x4xf32>
"foo.a"() {nan = 0x7FC00000 : f32, big = 18446744073709551615 : i64, d = dense<[1, 2]> : !t, h = dense<"0x01000000"> : tensor<1xi32>, m = #map, op = #d.attr<x -> y, "a>">, ty = tensor<0x4xf32>} : () -> ()
