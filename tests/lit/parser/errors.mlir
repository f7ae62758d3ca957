// RUN: not smopt --allow-unregistered-dialect %s 2>&1 | FileCheck %s
// The parser stops at the first error and reports it at the offending token.

"foo.a"() {a = 1} : () -> ()
// CHECK: errors.mlir:[[@LINE+1]]:16: error: integer constant out of range for attribute
"foo.b"() {x = 300 : i8} : () -> ()
// CHECK-NOT: error
"foo.c"(%undefined) : (i32) -> ()
