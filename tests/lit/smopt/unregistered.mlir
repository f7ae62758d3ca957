// RUN: not smopt %s 2>&1 | FileCheck %s --check-prefix=REJECT
// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt -allow-unregistered-dialect %s | FileCheck %s

// REJECT: unregistered.mlir:[[# @LINE+3]]:{{[0-9]+}}: error: {{.*}}unregistered
// CHECK: "foo.bar"() : () -> ()
func.func @f() {
  "foo.bar"() : () -> ()
  return
}
