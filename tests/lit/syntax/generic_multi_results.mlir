// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Multiple results (%x:N) and their uses (%x#i).
%0:3 = "tt.three"() : () -> (i32, f32, index)
"tt.use"(%0#0, %0#1, %0#2) : (i32, f32, index) -> ()
%1:2 = "tt.two"(%0#2, %0#0) : (index, i32) -> (tensor<4xf32>, tensor<*xf32>)
"tt.use"(%1#1, %1#0) : (tensor<*xf32>, tensor<4xf32>) -> ()
%a, %b = "tt.named"() : () -> (i8, i16)
"tt.use"(%b, %a) : (i16, i8) -> ()
%c:2, %d = "tt.groups"() : () -> (i1, i1, i64)
"tt.use"(%c#1, %d, %c#0) : (i1, i64, i1) -> ()

// CHECK: module {
// CHECK-NEXT:   %0:3 = "tt.three"() : () -> (i32, f32, index)
// CHECK-NEXT:   "tt.use"(%0#0, %0#1, %0#2) : (i32, f32, index) -> ()
// CHECK-NEXT:   %1:2 = "tt.two"(%0#2, %0#0) : (index, i32) -> (tensor<4xf32>, tensor<*xf32>)
// CHECK-NEXT:   "tt.use"(%1#1, %1#0) : (tensor<*xf32>, tensor<4xf32>) -> ()
// CHECK-NEXT:   %2:2 = "tt.named"() : () -> (i8, i16)
// CHECK-NEXT:   "tt.use"(%2#1, %2#0) : (i16, i8) -> ()
// CHECK-NEXT:   %3:3 = "tt.groups"() : () -> (i1, i1, i64)
// CHECK-NEXT:   "tt.use"(%3#1, %3#2, %3#0) : (i1, i64, i1) -> ()
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   %0:3 = "tt.three"() : () -> (i32, f32, index)
// GENERIC-NEXT:   "tt.use"(%0#0, %0#1, %0#2) : (i32, f32, index) -> ()
// GENERIC-NEXT:   %1:2 = "tt.two"(%0#2, %0#0) : (index, i32) -> (tensor<4xf32>, tensor<*xf32>)
// GENERIC-NEXT:   "tt.use"(%1#1, %1#0) : (tensor<*xf32>, tensor<4xf32>) -> ()
// GENERIC-NEXT:   %2:2 = "tt.named"() : () -> (i8, i16)
// GENERIC-NEXT:   "tt.use"(%2#1, %2#0) : (i16, i8) -> ()
// GENERIC-NEXT:   %3:3 = "tt.groups"() : () -> (i1, i1, i64)
// GENERIC-NEXT:   "tt.use"(%3#1, %3#2, %3#0) : (i1, i64, i1) -> ()
// GENERIC-NEXT: }) : () -> ()
