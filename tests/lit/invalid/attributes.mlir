// Invalid attributes.
// RUN: smopt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not smopt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s --check-prefix=LOC

// expected-error@+1 {{duplicate key 'a' in dictionary attribute}}
"tt.op"() {a = 1, a = 2} : () -> ()

// -----

// expected-error@+1 {{duplicate key 'k' in dictionary attribute}}
"tt.op"() {d = {k = 1, b, k}} : () -> ()

// -----

// expected-error@+1 {{inferred shape of elements literal ([2]) does not match type ([3])}}
"tt.op"() {a = dense<[1, 2]> : tensor<3xi32>} : () -> ()

// -----

// expected-error@+1 {{tensor literal is invalid; ranks are not consistent between elements}}
"tt.op"() {a = dense<[[1], [1, 2]]> : tensor<2x2xi32>} : () -> ()

// -----

// expected-error@+1 {{expected integer elements, but parsed floating-point}}
"tt.op"() {a = dense<1.5> : tensor<2xi32>} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"tt.op"() {a = 300 : i8} : () -> ()

// -----

// expected-error@+1 {{expected integer elements, but parsed floating-point}}
"tt.op"() {a = array<i32: 1.5>} : () -> ()

// -----

// expected-error@+1 {{undefined symbol alias id 'nothere'}}
"tt.op"() {a = #nothere} : () -> ()

// -----

// expected-error@+1 {{use of undeclared identifier}}
"tt.op"() {m = affine_map<(d0) -> (d1)>} : () -> ()

// -----

// expected-error@+1 {{non-affine expression}}
"tt.op"() {m = affine_map<(d0) -> (d0 * d0)>} : () -> ()

// -----

// expected-error@+1 {{elements literal type must have static shape}}
"tt.op"() {a = dense<1> : tensor<?xi32>} : () -> ()

// -----

// expected-error@+1 {{elements hex data size is invalid for provided type}}
"tt.op"() {a = dense<"0x0102"> : tensor<3xi32>} : () -> ()

// -----

// expected-error@+1 {{expected ']'}}
"tt.op"() {a = [1, 2} : () -> ()

// -----

// expected-error@+1 {{expected '}'}}
"tt.op"() {a = {b = 1} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range}}
"tt.op"() {a = array<i8: 1, 999>} : () -> ()

// -----

// expected-error@+1 {{expected ':'}}
"tt.op"() {a = dense<1>} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for attribute}}
"tt.op"() {a = 0x7F800000 : i1} : () -> ()

// -----

// expected-error@+1 {{hexadecimal float constant out of range for type}}
"tt.op"() {a = 0x7F8000001 : f32} : () -> ()

// -----

// expected-error@+1 {{unbalanced '>' character in pretty dialect name}}
"tt.op"() {a = #tt.unbalanced<[>} : () -> ()

// -----

// expected-error@+1 {{expected '('}}
"tt.op"() {m = affine_map<d0 -> d0>} : () -> ()

// -----

// expected-error@+1 {{integer constant out of range for type}}
"tt.op"() {a = dense<[true, 2]> : tensor<2xi1>} : () -> ()

// Every chunk fails with a located error (file:line:col), exit status 1.
// LOC: attributes.mlir:6:19: error: duplicate key 'a' in dictionary attribute
// LOC: attributes.mlir:11:27: error: duplicate key 'k' in dictionary attribute
// LOC: attributes.mlir:16:16: error: inferred shape of elements literal ([2]) does not match type ([3])
// LOC: attributes.mlir:21:28: error: tensor literal is invalid; ranks are not consistent between elements
// LOC: attributes.mlir:26:22: error: expected integer elements, but parsed floating-point
// LOC: attributes.mlir:31:16: error: integer constant out of range for attribute
// LOC: attributes.mlir:36:27: error: expected integer elements, but parsed floating-point
// LOC: attributes.mlir:41:16: error: undefined symbol alias id 'nothere'
// LOC: attributes.mlir:46:36: error: use of undeclared identifier
// LOC: attributes.mlir:51:39: error: non-affine expression: at least one of the multiply operands has to be either a constant or symbolic
// LOC: attributes.mlir:56:27: error: elements literal type must have static shape
// LOC: attributes.mlir:61:22: error: elements hex data size is invalid for provided type
// LOC: attributes.mlir:66:21: error: expected ']'
// LOC: attributes.mlir:71:24: error: expected '}' in attribute dictionary
// LOC: attributes.mlir:76:29: error: integer constant out of range for type
// LOC: attributes.mlir:81:24: error: expected ':'
// LOC: attributes.mlir:86:16: error: integer constant out of range for attribute
// LOC: attributes.mlir:91:16: error: hexadecimal float constant out of range for type
// LOC: attributes.mlir:96:32: error: unbalanced '>' character in pretty dialect name
// LOC: attributes.mlir:101:27: error: expected '('
// LOC: attributes.mlir:106:29: error: integer constant out of range for type
