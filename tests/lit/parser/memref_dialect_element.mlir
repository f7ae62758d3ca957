// Memrefs of dialect types: MLIR accepts those whose dialect declares them
// memref elements (its test dialect's !test.memref_element); smartmem keeps
// dialect types as text and cannot ask the dialect, so it accepts them all.
// RUN: smopt --allow-unregistered-dialect %s | FileCheck %s
// RUN: smopt --allow-unregistered-dialect %s | smopt --allow-unregistered-dialect | FileCheck %s

func.func private @f(memref<1x?x!test.memref_element>, memref<*x!tt.elem, 1>)
"tt.m"() : () -> memref<2x!tt.elem<4>>

// CHECK: func.func private @f(memref<1x?x!test.memref_element>, memref<*x!tt.elem, 1>)
// CHECK: "tt.m"() : () -> memref<2x!tt.elem<4>>
