// Half storage is for intermediate buffers only: a model input, a weight or
// a buffer read back as a result with half storage is a verifier error (the
// runtime uploads and reads back f32), and so is a kernel launched with a
// half buffer where it takes an f32 one.
// RUN: smopt --split-input-file --verify-diagnostics %s
// Bad --storage values and --storage with --passes are refused by the tools.
// RUN: not smc %s --storage=f8 --stats 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not smrun %s --storage=bf16 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: --storage must be f32, f16 or auto
// RUN: not smc %s --storage=f16 --passes='builtin.module(cse)' 2>&1 | FileCheck %s --check-prefix=PASSES
// PASSES: smc: --storage applies to the model pipeline, not to --passes
// RUN: not smopt %S/half-storage.mlir --pass-pipeline='builtin.module(smartmem-half-storage{storage=f8})' 2>&1 | FileCheck %s --check-prefix=OPT
// OPT: storage must be f32, f16 or auto, not 'f8'

"kernel.host"() <{sym_name = "main"}> ({
  // expected-error@+1 {{half storage is for intermediate buffers (kernel.alloc) only}}
  %0 = "kernel.input"() <{index = 0 : i64, type = tensor<4xf32>}> : () -> !kernel.buffer<f32, f16>
}) : () -> ()

// -----

"kernel.host"() <{sym_name = "main"}> ({
  %0 = "kernel.alloc"() <{type = tensor<4xf32>}> : () -> !kernel.buffer<f32, f16>
  // expected-error@+1 {{an output is read back as f32: its buffer cannot have half storage}}
  "kernel.output"(%0) <{index = 0 : i64}> : (!kernel.buffer<f32, f16>) -> ()
}) : () -> ()

// -----

"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%arg0: !kernel.buffer<f32>):
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %0 = "kernel.alloc"() <{type = tensor<4xf32>}> : () -> !kernel.buffer<f32, f16>
  // expected-error@+1 {{buffer #0 has the wrong type}}
  "kernel.launch"(%0) <{callee = @k, work_items = 4 : i64}> : (!kernel.buffer<f32, f16>) -> ()
}) : () -> ()
