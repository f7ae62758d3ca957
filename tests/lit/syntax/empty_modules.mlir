// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s > %t.1 && smopt --allow-unregistered-dialect %t.1 > %t.2 && diff %t.1 %t.2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s > %t.g1 && smopt --allow-unregistered-dialect --print-op-generic %t.g1 > %t.g2 && diff %t.g1 %t.g2
// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s > %t.d1 && smopt --allow-unregistered-dialect --mlir-print-debuginfo %t.d1 > %t.d2 && diff %t.d1 %t.d2
// RUN: smopt --allow-unregistered-dialect --print-op-generic %s | FileCheck %s --check-prefix=GENERIC
// Empty modules in several spellings.
module {
}
module attributes {tt.empty} {
}
module @named {
}
"builtin.module"() ({
  "tt.only_op"() : () -> ()
}) : () -> ()

// CHECK: module {
// CHECK-NEXT:   module {
// CHECK-NEXT:   }
// CHECK-NEXT:   module attributes {tt.empty} {
// CHECK-NEXT:   }
// CHECK-NEXT:   module @named {
// CHECK-NEXT:   }
// CHECK-NEXT:   module {
// CHECK-NEXT:     "tt.only_op"() : () -> ()
// CHECK-NEXT:   }
// CHECK-NEXT: }

// GENERIC: "builtin.module"() ({
// GENERIC-NEXT:   "builtin.module"() ({
// GENERIC-NEXT:   ^bb0:
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "builtin.module"() ({
// GENERIC-NEXT:   ^bb0:
// GENERIC-NEXT:   }) {tt.empty} : () -> ()
// GENERIC-NEXT:   "builtin.module"() <{sym_name = "named"}> ({
// GENERIC-NEXT:   ^bb0:
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT:   "builtin.module"() ({
// GENERIC-NEXT:     "tt.only_op"() : () -> ()
// GENERIC-NEXT:   }) : () -> ()
// GENERIC-NEXT: }) : () -> ()
