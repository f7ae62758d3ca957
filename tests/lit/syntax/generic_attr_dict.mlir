// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Discardable attribute dictionaries print sorted by name.
"tt.op"() {zeta = 1, alpha = 2, mid = "m", Upper = 3, _under = 4, "quoted name" = 5} : () -> ()
"tt.op"() {} : () -> ()
"tt.op"() {a.b = 1, a = 0, a_b = 2, "a-b" = 3} : () -> ()
"tt.op"() {nested = {z = 1, y = {x = 2}}} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.op"() {Upper = 3 : i64, _under = 4 : i64, alpha = 2 : i64, mid = "m", "quoted name" = 5 : i64, zeta = 1 : i64} : () -> ()
// CHECK-NEXT:   "tt.op"() : () -> ()
// CHECK-NEXT:   "tt.op"() {a = 0 : i64, "a-b" = 3 : i64, a.b = 1 : i64, a_b = 2 : i64} : () -> ()
// CHECK-NEXT:   "tt.op"() {nested = {y = {x = 2 : i64}, z = 1 : i64}} : () -> ()
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "tt.op"() {Upper = 3 : i64, _under = 4 : i64, alpha = 2 : i64, mid = "m", "quoted name" = 5 : i64, zeta = 1 : i64} : () -> ()
// GENERIC-NEXT:   "tt.op"() : () -> ()
// GENERIC-NEXT:   "tt.op"() {a = 0 : i64, "a-b" = 3 : i64, a.b = 1 : i64, a_b = 2 : i64} : () -> ()
// GENERIC-NEXT:   "tt.op"() {nested = {y = {x = 2 : i64}, z = 1 : i64}} : () -> ()
// GENERIC-NEXT: }) : () -> ()
