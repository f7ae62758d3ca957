// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// Symbol references: flat, quoted, nested.
module @top {
  "tt.ref"() {a = @top, b = @"quoted sym", c = @top::@inner::@leaf} : () -> ()
  module @inner {
    func.func private @leaf()
  }
  "tt.ref"() {list = [@x, @y::@z], d = @"with::colons"} : () -> ()
  "tt.ref"() {e = @a_b.c$d, f = @"1starts_with_digit"} : () -> ()
}

// CHECK: module @top {
// CHECK-NEXT:   "tt.ref"() {a = @top, b = @"quoted sym", c = @top::@inner::@leaf} : () -> ()
// CHECK-NEXT:   module @inner {
// CHECK-NEXT:     func.func private @leaf()
// CHECK-NEXT:   }
// CHECK-NEXT:   "tt.ref"() {d = @"with::colons", list = [@x, @y::@z]} : () -> ()
// CHECK-NEXT:   "tt.ref"() {e = @a_b.c$d, f = @"1starts_with_digit"} : () -> ()
// CHECK-NEXT: }
