// MLIR's notes on SSA use/def errors: the same expected-note lines pass
// mlir-opt-22 --verify-diagnostics (checked when this test was written).
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

func.func @use_mismatch(%a: i32) {
  // expected-note@+1 {{prior use here}}
  %0 = arith.addi %a, %a : i32
  // expected-error@+1 {{use of value '%0' expects different type than prior uses: 'i64' vs 'i32'}}
  %1 = arith.addi %0, %0 : i64
  return
}
// CHECK: ssa_notes.mlir:10:19: error: use of value '%0' expects different type than prior uses: 'i64' vs 'i32'
// CHECK: ssa_notes.mlir:8:3: note: prior use here

// -----

"t.g"() ({
// expected-note@+1 {{prior use here}}
^bb0(%a: i32):
  // expected-error@+1 {{use of value '%a' expects different type than prior uses: 'i64' vs 'i32'}}
  "t.u"(%a) : (i64) -> ()
}) : () -> ()
// CHECK: ssa_notes.mlir:22:9: error: use of value '%a'
// CHECK: ssa_notes.mlir:20:6: note: prior use here

// -----

"t.g"() ({
  // The note points at the result group that holds the value.
  // expected-note@+1 {{prior use here}}
  %x, %y:2 = "t.d"() : () -> (i32, i32, i64)
  // expected-error@+1 {{use of value '%y' expects different type than prior uses: 'i32' vs 'i64'}}
  "t.u"(%y#1) : (i32) -> ()
}) : () -> ()
// CHECK: ssa_notes.mlir:34:9: error: use of value '%y'
// CHECK: ssa_notes.mlir:32:7: note: prior use here

// -----

"t.g"() ({
  // expected-note@+1 {{previously used here with type 'i32'}}
  "t.u"(%x) : (i32) -> ()
  // expected-error@+1 {{definition of SSA value '%x#0' has type 'i64'}}
  %x = "t.d"() : () -> i64
}) : () -> ()
// CHECK: ssa_notes.mlir:45:3: error: definition of SSA value '%x#0' has type 'i64'
// CHECK: ssa_notes.mlir:43:9: note: previously used here with type 'i32'

// -----

"t.g"() ({
  // expected-note@+1 {{prior use here}}
  "t.u"(%z) : (i32) -> ()
  // expected-error@+1 {{use of value '%z' expects different type than prior uses: 'i64' vs 'i32'}}
  "t.u"(%z) : (i64) -> ()
}) : () -> ()

// -----

func.func @redefined(%a: i32) {
  // expected-note@+1 {{previously defined here}}
  %0 = arith.addi %a, %a : i32
  // expected-error@+1 {{redefinition of SSA value '%0'}}
  %0 = arith.addi %a, %a : i32
  return
}
// CHECK: ssa_notes.mlir:65:3: error: redefinition of SSA value '%0'
// CHECK: ssa_notes.mlir:63:3: note: previously defined here
