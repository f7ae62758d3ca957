// The OpenCL path proves every kernel.load / kernel.store of every launch inside
// its buffer before anything runs (backend/opencl/plan_check.c; issue 14): a plan
// the interpreter would stop at "work-item 7 of @k writes outside its buffer" is
// refused by smc and by smrun --backend=opencl with a located error, nothing written.
// Indices read from a model input (token ids) are checked against the actual input
// values when smrun has them.
// RUN: rm -rf %t && split-file %s %t
// RUN: sh -c 'smc %t/store_oob.mlir -o %t/out1; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=STORE
// RUN: not test -e %t/out1
// STORE: store_oob.mlir:6:3: error: 'kernel.store' op OpenCL plan check: @shift writes elements [1, 8] of argument #1, which has 8
// STORE: store_oob.mlir:11:3: error: 'kernel.launch' op OpenCL plan check: launch refused (nothing was run)
// STORE: exit 1
// RUN: sh -c 'smrun %t/store_oob.mlir --backend=opencl --output-dir %t/out2; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=STORE
// RUN: not test -e %t/out2
// The interpreter reports the same plan at run time.
// RUN: not smrun %t/store_oob.mlir 2>&1 | FileCheck %s --check-prefix=INTERP
// INTERP: error: 'kernel.store' op interpreter: work-item 7 of @shift writes outside its buffer
//
// RUN: not smc %t/garbage_index.mlir -o %t/out3 2>&1 | FileCheck %s --check-prefix=GARBAGE
// RUN: not test -e %t/out3
// GARBAGE: error: 'kernel.load' op OpenCL plan check: cannot prove that @g reads inside its buffer (argument #0, 8 elements)
//
// Gather indices held by a weight are bounded by the weight's data.
// RUN: not smc %t/weight_ids.mlir -o %t/out4 2>&1 | FileCheck %s --check-prefix=WEIGHT
// WEIGHT: error: 'kernel.load' op OpenCL plan check: @g reads elements [0, 8] of argument #0, which has 8
//
// Ids from the model input: smc cannot know them, smrun checks the given ones.
// RUN: smc %t/input_ids.mlir -o %t/out5
// RUN: sh -c 'smrun %t/input_ids.mlir --backend=opencl --test-data %sm_src/tests/bad-inputs/gather-ids-oob --output-dir %t/out6; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=IDS
// RUN: not test -e %t/out6
// IDS: error: 'kernel.load' op OpenCL plan check: @g reads elements [0, 8] of argument #0, which has 8 (for these input values)
// IDS: exit 1
// In-range ids run and match the expected gather.
// RUN: smrun %t/input_ids.mlir --backend=opencl --test-data %sm_src/tests/bad-inputs/gather-ids-ok | FileCheck %s --check-prefix=OK
// OK: output_0: 2 elements, max_abs_err=0.000e+00 max_rel_err=0.000e+00: ok

//--- store_oob.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "shift", work_items = 8 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %j = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 + 1)>}> : (index) -> index
  %v = "kernel.load"(%in, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.store"(%v, %out, %j) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %y = "kernel.alloc"() <{type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %y) <{callee = @shift, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- garbage_index.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> (), sym_name = "g", work_items = 2 : i64}> ({
^bb0(%table: !kernel.buffer<f32>, %ids: !kernel.buffer<i64>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %id = "kernel.load"(%ids, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i64>, index) -> i64
  %k = arith.index_cast %id : i64 to index
  %v = "kernel.load"(%table, %k) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %t = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  // Never written: its contents are whatever the memory held.
  %ids = "kernel.alloc"() <{type = tensor<2xi64>}> : () -> !kernel.buffer<i64>
  %y = "kernel.alloc"() <{type = tensor<2xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%t, %ids, %y) <{callee = @g, work_items = 2 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- weight_ids.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> (), sym_name = "g", work_items = 2 : i64}> ({
^bb0(%table: !kernel.buffer<f32>, %ids: !kernel.buffer<i64>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %id = "kernel.load"(%ids, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i64>, index) -> i64
  %k = arith.index_cast %id : i64 to index
  %c2 = arith.constant 2 : index
  %r = arith.muli %k, %c2 : index
  %v = "kernel.load"(%table, %r) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %t = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %ids = "kernel.weight"() <{value = dense<[0, 4]> : tensor<2xi64>}> : () -> !kernel.buffer<i64>
  %y = "kernel.alloc"() <{type = tensor<2xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%t, %ids, %y) <{callee = @g, work_items = 2 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- input_ids.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> (), sym_name = "g", work_items = 2 : i64}> ({
^bb0(%table: !kernel.buffer<f32>, %ids: !kernel.buffer<i64>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %id = "kernel.load"(%ids, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i64>, index) -> i64
  %k = arith.index_cast %id : i64 to index
  %c2 = arith.constant 2 : index
  %r = arith.muli %k, %c2 : index
  %v = "kernel.load"(%table, %r) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %t = "kernel.weight"() <{value = dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]> : tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %ids = "kernel.input"() <{index = 0 : i64, type = tensor<2xi64>}> : () -> !kernel.buffer<i64>
  %y = "kernel.alloc"() <{type = tensor<2xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%t, %ids, %y) <{callee = @g, work_items = 2 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()
