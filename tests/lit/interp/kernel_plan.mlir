// The kernel-level interpreter allocates the planned memory slots: buffers
// sharing a slot share memory. A hand-written plan that puts %b in %a's slot
// while %a is still live gives wrong results; kernel-plan-memory's plan
// gives the graph-level ones. A load outside its buffer is a located error.
// RUN: rm -rf %t && split-file %s %t && mkdir -p %t/ref
// RUN: smrun %t/graph.mlir --seed 5 --output-dir %t/ref > /dev/null
// RUN: not smrun %t/plan.mlir --test-data %t/ref | FileCheck %s --check-prefix=WRONG
// RUN: smc %t/plan.mlir --passes='builtin.module(kernel-plan-memory)' -o %t/replanned.mlir
// RUN: smrun %t/replanned.mlir --test-data %t/ref | FileCheck %s --check-prefix=OK
// RUN: not smrun %t/oob.mlir 2>&1 | FileCheck %s --check-prefix=OOB
// WRONG: output_0: 8 elements, {{.*}}: FAIL
// OK: output_0: 8 elements, {{.*}}: ok
// OOB: oob.mlir:5:8: error: 'kernel.load' op interpreter: work-item 7 of @shift reads outside its buffer
// OOB: oob.mlir:11:3: error: 'kernel.launch' op interpreter: launch failed

//--- graph.mlir
func.func @main(%x: tensor<8xf32>) -> tensor<8xf32> {
  %one = "graph.constant"() <{value = dense<1.0> : tensor<8xf32>}> : () -> tensor<8xf32>
  %a = "graph.add"(%x, %one) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %b = "graph.mul"(%a, %a) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  %c = "graph.add"(%a, %b) : (tensor<8xf32>, tensor<8xf32>) -> tensor<8xf32>
  return %c : tensor<8xf32>
}

//--- plan.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "inc", work_items = 8 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %v = "kernel.load"(%in, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %one = arith.constant 1.0 : f32
  %r = arith.addf %v, %one : f32
  "kernel.store"(%r, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "square", work_items = 8 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %v = "kernel.load"(%in, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %r = arith.mulf %v, %v : f32
  "kernel.store"(%r, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "add", work_items = 8 : i64}> ({
^bb0(%x: !kernel.buffer<f32>, %y: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %u = "kernel.load"(%x, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %v = "kernel.load"(%y, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %r = arith.addf %u, %v : f32
  "kernel.store"(%r, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %a = "kernel.alloc"() <{slot = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %a) <{callee = @inc, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  // Wrong: %a is read again by @add, but %b overwrites it.
  %b = "kernel.alloc"() <{slot = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%a, %b) <{callee = @square, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  %c = "kernel.alloc"() <{slot = 1 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%a, %b, %c) <{callee = @add, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%c) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) {peak_bytes = 64 : i64, slot_bytes = array<i64: 32, 32>} : () -> ()

//--- oob.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "shift", work_items = 8 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %j = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 + 1)>}> : (index) -> index
  %v = "kernel.load"(%in, %j) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  %y = "kernel.alloc"() <{type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %y) <{callee = @shift, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()
