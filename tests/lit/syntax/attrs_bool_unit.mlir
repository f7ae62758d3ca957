// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Bool and unit attributes.
"tt.b"() {t = true, f = false} : () -> ()
"tt.u"() {flag} : () -> ()
"tt.u"() {flag = unit, other} : () -> ()
"tt.mix"() {list = [true, unit, false]} : () -> ()

// CHECK: module {
// CHECK-NEXT:   "tt.b"() {f = false, t = true} : () -> ()
// CHECK-NEXT:   "tt.u"() {flag} : () -> ()
// CHECK-NEXT:   "tt.u"() {flag, other} : () -> ()
// CHECK-NEXT:   "tt.mix"() {list = [true, unit, false]} : () -> ()
// CHECK-NEXT: }
