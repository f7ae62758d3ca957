// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Generic op form: no operands, operands, results, empty results.
"tt.empty"() : () -> ()
%0 = "tt.produce"() : () -> i32
%1 = "tt.produce"() : () -> f32
"tt.consume"(%0, %1) : (i32, f32) -> ()
%2 = "tt.binary"(%0, %0) : (i32, i32) -> i32
"tt.dialect.with.dots"(%2) : (i32) -> ()
%3 = "tt.same"(%2, %1, %0) : (i32, f32, i32) -> tensor<2xi32>

// CHECK: module {
// CHECK-NEXT:   "tt.empty"() : () -> ()
// CHECK-NEXT:   %0 = "tt.produce"() : () -> i32
// CHECK-NEXT:   %1 = "tt.produce"() : () -> f32
// CHECK-NEXT:   "tt.consume"(%0, %1) : (i32, f32) -> ()
// CHECK-NEXT:   %2 = "tt.binary"(%0, %0) : (i32, i32) -> i32
// CHECK-NEXT:   "tt.dialect.with.dots"(%2) : (i32) -> ()
// CHECK-NEXT:   %3 = "tt.same"(%2, %1, %0) : (i32, f32, i32) -> tensor<2xi32>
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "tt.empty"() : () -> ()
// GENERIC-NEXT:   %0 = "tt.produce"() : () -> i32
// GENERIC-NEXT:   %1 = "tt.produce"() : () -> f32
// GENERIC-NEXT:   "tt.consume"(%0, %1) : (i32, f32) -> ()
// GENERIC-NEXT:   %2 = "tt.binary"(%0, %0) : (i32, i32) -> i32
// GENERIC-NEXT:   "tt.dialect.with.dots"(%2) : (i32) -> ()
// GENERIC-NEXT:   %3 = "tt.same"(%2, %1, %0) : (i32, f32, i32) -> tensor<2xi32>
// GENERIC-NEXT: }) : () -> ()
