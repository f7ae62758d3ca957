// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope %s | FileCheck %s
// Location aliases may be defined after their use (as mlir-opt prints them).

// CHECK: "foo.a"() : () -> () loc("late.mlir":7:8)
"foo.a"() : () -> () loc(#loc1)
// CHECK: ^bb0(%arg0: i32 loc("arg")):
"foo.r"() ({
^bb0(%x: i32 loc(#loc2)):
}) : () -> ()
#loc1 = loc("late.mlir":7:8)
#loc2 = loc("arg")
