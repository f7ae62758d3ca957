// What the SPIR-V emitter cannot lower is a located error naming the op,
// the exit status is 1 and nothing is written: an op with no lowering, an
// unsupported type, f16 (Float16 is not valid OpenCL 1.2 SPIR-V). A failed
// kernel fails the whole emission (no second, internal error follows).
// RUN: rm -rf %t && split-file %s %t
// RUN: not sm-translate --emit-spirv %t/op.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=OP
// RUN: not ls %t/out
// RUN: not sm-translate --emit-spirv %t/type.mlir -o - 2>&1 | FileCheck %s --check-prefix=TYPE
// RUN: not sm-translate --emit-spirv %t/type.mlir -o - 2>/dev/null | count 0
// RUN: not sm-translate --emit-spirv %t/half.mlir -o - 2>&1 | FileCheck %s --check-prefix=HALF
// RUN: not sm-translate --emit-spirv %t/half_value.mlir -o - 2>&1 | FileCheck %s --check-prefix=HALFV

// OP: op.mlir:5:3: error: 'kernel.output' op has no SPIR-V lowering
// OP-NOT: error
// HALF: half.mlir:1:1: error: 'kernel.func' op argument #0 is an f16 buffer: half needs the Float16 capability
// HALF-NOT: error
// HALFV: half_value.mlir:3:8: error: 'arith.constant' op has an f16 result: half arithmetic needs the Float16 capability
// TYPE: type.mlir:4:8: error: 'arith.constant' op result type is not supported by the SPIR-V emitter

//--- op.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%in: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %v = "kernel.load"(%in, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.output"(%in) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()

//--- type.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%in: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %h = arith.constant 1.0 : bf16
  %s = arith.addf %h, %h : bf16
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()

//--- half.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f16>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%in: !kernel.buffer<f16>):
  %g = "kernel.global_id"() : () -> index
  %v = "kernel.load"(%in, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f16>, index) -> f16
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()

//--- half_value.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k2", work_items = 4 : i64}> ({
^bb0(%in: !kernel.buffer<f32>):
  %h = arith.constant 1.0 : f16
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()
