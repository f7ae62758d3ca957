// Invalid integer sets, distinct attributes and strided layouts.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// expected-error@+1 {{expected '== affine-expr' or '>= affine-expr' at end of affine constraint}}
"tt.op"() {s = affine_set<(d0) : (d0 > 0)>} : () -> ()
// CHECK: attributes_builtin_more.mlir:6:40: error: expected '== affine-expr' or '>= affine-expr'

// -----

// expected-error@+1 {{expected ':'}}
"tt.op"() {s = affine_set<(d0) -> (d0)>} : () -> ()
// CHECK: attributes_builtin_more.mlir:12:32: error: expected ':'

// -----

// expected-error@+1 {{use of undeclared identifier}}
"tt.op"() {s = affine_set<(d0) : (d1 >= 0)>} : () -> ()

// -----

// expected-error@+1 {{referenced attribute does not match previous definition: 1 : i32}}
"tt.op"() {a = distinct[1]<1 : i32>, b = distinct[1]<2 : i32>} : () -> ()
// CHECK: attributes_builtin_more.mlir:23:42: error: referenced attribute does not match previous definition: 1 : i32

// -----

// expected-error@+1 {{expected distinct ID}}
"tt.op"() {a = distinct[x]<1 : i32>} : () -> ()

// -----

// expected-error@+1 {{expected a 64-bit signed integer or '?'}}
"tt.op"() : () -> memref<4xf32, strided<[x]>>
