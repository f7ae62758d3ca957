// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// builtin.module in custom form: named, with attributes, nested, and generic.
module @outer attributes {tt.flag, tt.version = 3 : i32} {
  module @inner {
    "tt.op"() : () -> ()
  }
  module {
  }
  "builtin.module"() ({
    "tt.generic_inside"() : () -> ()
  }) {sym_name = "generic_named"} : () -> ()
  builtin.module @prefixed {
  }
}

// CHECK: module @outer attributes {tt.flag, tt.version = 3 : i32} {
// CHECK-NEXT:   module @inner {
// CHECK-NEXT:     "tt.op"() : () -> ()
// CHECK-NEXT:   }
// CHECK-NEXT:   module {
// CHECK-NEXT:   }
// CHECK-NEXT:   module @generic_named {
// CHECK-NEXT:     "tt.generic_inside"() : () -> ()
// CHECK-NEXT:   }
// CHECK-NEXT:   module @prefixed {
// CHECK-NEXT:   }
// CHECK-NEXT: }
