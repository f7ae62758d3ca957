// RUN: smopt --allow-unregistered-dialect --symbol-dce %s | FileCheck %s

// CHECK-LABEL: module
// Public symbols stay, with everything they reach.
// CHECK-DAG: func.func @public
// CHECK-DAG: func.func private @used_by_public
// CHECK-DAG: func.func private @used_in_attr
// CHECK-DAG: func.func private @used_by_non_symbol
// CHECK-DAG: func.func nested @nested_used
// Unreferenced private symbols go, also when only dead symbols use them.
// CHECK-NOT: @dead
// CHECK-NOT: @only_dead_uses
func.func @public() {
  func.call @used_by_public() : () -> ()
  "foo.op"() {refs = [@used_in_attr, {inner = @nested_used}]} : () -> ()
  return
}
func.func private @used_by_public() { return }
func.func private @used_in_attr() { return }
func.func private @used_by_non_symbol() { return }
func.func nested @nested_used() { return }
func.func private @dead() {
  func.call @only_dead_uses() : () -> ()
  return
}
func.func private @only_dead_uses() { return }
"foo.user"() {callee = @used_by_non_symbol} : () -> ()
