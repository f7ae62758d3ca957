// RUN: smopt --allow-unregistered-dialect --mlir-print-debuginfo %s | FileCheck %s
// RUN: not smopt --allow-unregistered-dialect %S/Inputs/loc-line-too-big.mlir 2>&1 | FileCheck %s --check-prefix=BIG
// RUN: not smopt --allow-unregistered-dialect %S/Inputs/loc-col-too-big.mlir 2>&1 | FileCheck %s --check-prefix=BIGCOL
// `"file":line:col` is read straight from the text when written without
// spaces; every other spelling goes through the tokens. Both give the same
// locations and the same errors.
"t.a"() : () -> () loc("f":007:0012)
"t.b"() : () -> () loc("f" : 3 : 4)
"t.c"() : () -> () loc("f":4294967295:4294967295)
"t.d"() : () -> () loc("f":5)
"t.e"() : () -> () loc("f":0x10:1)
"t.g"() : () -> () loc("f":3:4)

// CHECK: "t.a"() : () -> () loc("f":7:12)
// CHECK: "t.b"() : () -> () loc("f":3:4)
// CHECK: "t.c"() : () -> () loc("f":4294967295:4294967295)
// CHECK: "t.d"() : () -> () loc("f":5:0)
// CHECK: "t.e"() : () -> () loc("f":16:1)
// CHECK: "t.g"() : () -> () loc("f":3:4)

// BIG: loc-line-too-big.mlir:1:40: error: line or column number out of range
// BIGCOL: loc-col-too-big.mlir:1:41: error: line or column number out of range
