// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Ops with several regions, empty regions, nested regions, region arguments.
"tt.two_regions"() ({
  "tt.a"() : () -> ()
}, {
  "tt.b"() : () -> ()
}) : () -> ()
"tt.empty_region"() ({
}) : () -> ()
%0 = "tt.nested"() ({
^bb0(%arg0: i32, %arg1: f32):
  %1 = "tt.inner"(%arg0) ({
  ^bb0(%x: i32):
    "tt.yield"(%x, %arg1) : (i32, f32) -> ()
  }) : (i32) -> i32
  "tt.yield"(%1) : (i32) -> ()
}, {
}, {
  "tt.c"() : () -> ()
}) {attr = 1 : i32} : () -> i64
"tt.use"(%0) : (i64) -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.two_regions"() ({
// CHECK-NEXT:     "tt.a"() : () -> ()
// CHECK-NEXT:   }, {
// CHECK-NEXT:     "tt.b"() : () -> ()
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   "tt.empty_region"() ({
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   %0 = "tt.nested"() ({
// CHECK-NEXT:   ^bb0(%arg0: i32, %arg1: f32):
// CHECK-NEXT:     %1 = "tt.inner"(%arg0) ({
// CHECK-NEXT:     ^bb0(%arg2: i32):
// CHECK-NEXT:       "tt.yield"(%arg2, %arg1) : (i32, f32) -> ()
// CHECK-NEXT:     }) : (i32) -> i32
// CHECK-NEXT:     "tt.yield"(%1) : (i32) -> ()
// CHECK-NEXT:   }, {
// CHECK-NEXT:   }, {
// CHECK-NEXT:     "tt.c"() : () -> ()
// CHECK-NEXT:   }) {attr = 1 : i32} : () -> i64
// CHECK-NEXT:   "tt.use"(%0) : (i64) -> ()
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "tt.two_regions"() ({
// GENERIC-NEXT:     "tt.a"() : () -> ()
// GENERIC-NEXT:   }, {
// GENERIC-NEXT:     "tt.b"() : () -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "tt.empty_region"() ({
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   %0 = "tt.nested"() ({
// GENERIC-NEXT:   ^bb0(%arg0: i32, %arg1: f32):
// GENERIC-NEXT:     %1 = "tt.inner"(%arg0) ({
// GENERIC-NEXT:     ^bb0(%arg2: i32):
// GENERIC-NEXT:       "tt.yield"(%arg2, %arg1) : (i32, f32) -> ()
// GENERIC-NEXT:     }) : (i32) -> i32
// GENERIC-NEXT:     "tt.yield"(%1) : (i32) -> ()
// GENERIC-NEXT:   }, {
// GENERIC-NEXT:   }, {
// GENERIC-NEXT:     "tt.c"() : () -> ()
// GENERIC-NEXT:   }) {attr = 1 : i32} : () -> i64
// GENERIC-NEXT:   "tt.use"(%0) : (i64) -> ()
// GENERIC-NEXT: }) : () -> ()
