// The example plugin (examples/plugin), built in-tree into %sm_lib.
// RUN: smopt --load-pass-plugin=%sm_lib/libsm_example_plugin.so --pass-pipeline='builtin.module(annotate-op-depth{attr-name=lvl},func.func(swap-commutative-operands))' %s | FileCheck %s
// Flags work too, with the op-specific pass nested implicitly, and the
// plugin may come after the flag that names its pass.
// RUN: smopt --swap-commutative-operands --load-pass-plugin=%sm_lib/libsm_example_plugin.so %s | FileCheck %s --check-prefix=SWAP
// RUN: smopt --load-pass-plugin=%sm_lib/libsm_example_plugin.so --list-passes | FileCheck %s --check-prefix=LIST

// Errors: a missing file, a library without the entry point.
// RUN: not smopt --load-pass-plugin=%t.does-not-exist.so %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: failed to load pass plugin '{{.*}}does-not-exist.so'
// RUN: not smopt --load-pass-plugin=%sm_lib/libsmartmem.so %s 2>&1 | FileCheck %s --check-prefix=NOENTRY
// NOENTRY: error: pass plugin '{{.*}}libsmartmem.so' does not export 'sm_get_pass_plugin_info'
// Without the plugin the pass is unknown.
// RUN: not smopt --pass-pipeline='builtin.module(annotate-op-depth)' %s 2>&1 | FileCheck %s --check-prefix=NOPLUGIN
// NOPLUGIN: error: 'annotate-op-depth' does not refer to a registered pass

// CHECK-LABEL: func.func @f
// CHECK-SAME: attributes {lvl = 1 : i64}
// CHECK-NEXT: %[[C:.*]] = arith.constant {lvl = 2 : i64} 7 : i32
// CHECK-NEXT: arith.addi %arg0, %[[C]] {lvl = 2 : i64} : i32
// SWAP: arith.addi %arg0, %{{.*}} : i32
// LIST: --annotate-op-depth [any]: Attach each op's nesting depth
// LIST-NEXT: attr-name=<string> (default: depth)
// LIST: --swap-commutative-operands [func.func]:
func.func @f(%a: i32) -> i32 {
  %c = arith.constant 7 : i32
  %0 = arith.addi %c, %a : i32
  return %0 : i32
}

// A plugin built for another API version is refused with both versions named.
// RUN: cc -std=c11 -shared -fPIC -I%sm_src -o %t.bad.so %S/Inputs/bad_version_plugin.c
// RUN: not smopt --load-pass-plugin=%t.bad.so %s 2>&1 | FileCheck %s --check-prefix=VERSION
// VERSION: error: pass plugin '{{.*}}.bad.so' was built for plugin API version 2, but this smartmem provides version 1; rebuild it against these headers
