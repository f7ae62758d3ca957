// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Graph regions: uses before definitions at module level and in unregistered ops' regions.
"tt.use"(%later) : (i32) -> ()
%later = "tt.def"() : () -> i32
%x = "tt.cycle"(%y) : (i64) -> i64
%y = "tt.cycle"(%x) : (i64) -> i64
"tt.graph"() ({
  %a = "tt.add"(%b, %b) : (f32, f32) -> f32
  %b = "tt.src"() : () -> f32
  %s:2 = "tt.self"(%s#1, %s#0) : (f16, f16) -> (f16, f16)
}) : () -> ()
"tt.graph2"() ({
^bb0(%arg: index):
  "tt.sink"(%v, %arg) : (index, index) -> ()
  %v = "tt.val"() : () -> index
}) : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.use"(%0) : (i32) -> ()
// CHECK-NEXT:   %0 = "tt.def"() : () -> i32
// CHECK-NEXT:   %1 = "tt.cycle"(%2) : (i64) -> i64
// CHECK-NEXT:   %2 = "tt.cycle"(%1) : (i64) -> i64
// CHECK-NEXT:   "tt.graph"() ({
// CHECK-NEXT:     %3 = "tt.add"(%4, %4) : (f32, f32) -> f32
// CHECK-NEXT:     %4 = "tt.src"() : () -> f32
// CHECK-NEXT:     %5:2 = "tt.self"(%5#1, %5#0) : (f16, f16) -> (f16, f16)
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT:   "tt.graph2"() ({
// CHECK-NEXT:   ^bb0(%arg0: index):
// CHECK-NEXT:     "tt.sink"(%3, %arg0) : (index, index) -> ()
// CHECK-NEXT:     %3 = "tt.val"() : () -> index
// CHECK-NEXT:   }) : () -> ()
// CHECK-NEXT: }
