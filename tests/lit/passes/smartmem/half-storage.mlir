// smartmem-half-storage (kernel level, before kernel-plan-memory) stores the
// intermediate f32 activations as half: their kernel.alloc becomes
// !kernel.buffer<f32, f16> and the kernels they are passed to take it; loads
// still yield f32 (all arithmetic stays f32). What it must not touch: model
// inputs, weights, buffers read back as results, non-f32 tensors (the i1 mask).
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,smartmem-half-storage{report},kernel-plan-memory{report})' -o %t.mlir 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: FileCheck %s < %t.mlir
// The printed IR parses back, and storage=f32 (or auto on a profile without
// fp16) changes nothing; auto on a profile with fp16 (adreno-740) applies.
// RUN: smopt %t.mlir -o /dev/null
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,smartmem-half-storage{storage=f32})' | FileCheck %s --check-prefix=NONE
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,smartmem-half-storage{storage=auto device-profile=pocl-cpu})' | FileCheck %s --check-prefix=NONE
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,smartmem-half-storage{storage=auto device-profile=adreno-740})' | FileCheck %s --check-prefix=AUTO
// NONE-NOT: f16
// AUTO: !kernel.buffer<f32, f16>
// Half the bytes for the stored activation (2x4: 32 -> 16), the rest as before.
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,kernel-plan-memory{report})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=F32
// F32: kernel-plan-memory: peak 104 bytes
// REPORT: smartmem-half-storage: f16; 1 buffers and 0 images in half (16 bytes), 64 bytes of results stay f32
// REPORT: kernel-plan-memory: peak 88 bytes
// The interpreter (stores rounded to nearest even) against the f32 graph:
// exp's values round once (relative error <= 2^-11), within smrun's default
// tolerance here; the result read directly from the matmul keeps f32
// precision (errors of order 1e-7, not 1e-4).
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 3 > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// EXEC: output_0: 8 elements
// EXEC-SAME: : ok
// EXEC: output_1: 8 elements, max_abs_err={{[0-9.]+}}e-{{0[5-9]|[1-9][0-9]}} max_rel_err={{[0-9.]+}}e-{{0[5-9]|[1-9][0-9]}}: ok
// The same through smrun --storage=f16 (the model pipeline with the pass).
// RUN: smrun %s --storage=f16 --test-data %t.ref | FileCheck %s --check-prefix=EXEC

// CHECK: function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k0_matmul"
// CHECK: function_type = (!kernel.buffer<f32>, !kernel.buffer<f32, f16>) -> (), sym_name = "k1_exp"
// CHECK: %[[E:.*]] = "math.exp"
// CHECK: "kernel.store"(%[[E]], %arg1, {{.*}}}> : (f32, !kernel.buffer<f32, f16>, index, index) -> ()
// CHECK: function_type = (!kernel.buffer<f32, f16>, !kernel.buffer<f32>, !kernel.buffer<i1>) -> (), sym_name = "k2_greater"
// CHECK: "kernel.load"(%arg0, {{.*}}}> : (!kernel.buffer<f32, f16>, index, index) -> f32
// CHECK: function_type = (!kernel.buffer<i1>, !kernel.buffer<f32, f16>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k3_where"
// CHECK: "kernel.host"
// CHECK-NEXT: "kernel.input"() <{index = 0 : i64, type = tensor<2x4xf32>}> : () -> !kernel.buffer<f32>
// CHECK-NEXT: "kernel.input"() <{index = 1 : i64, type = tensor<4xf32>}> : () -> !kernel.buffer<f32>
// CHECK-NEXT: "kernel.weight"() {{.*}} -> !kernel.buffer<f32>
// The matmul's result is returned: it stays f32.
// CHECK-NEXT: %[[M:.*]] = "kernel.alloc"() <{slot = {{.*}}, type = tensor<2x4xf32>}> : () -> !kernel.buffer<f32>
// CHECK-NEXT: "kernel.launch"
// CHECK-NEXT: "kernel.alloc"() <{slot = {{.*}}, type = tensor<2x4xf32>}> : () -> !kernel.buffer<f32, f16>
// CHECK-NEXT: "kernel.launch"
// CHECK-NEXT: "kernel.alloc"() <{slot = {{.*}}, type = tensor<2x4xi1>}> : () -> !kernel.buffer<i1>
// CHECK-NEXT: "kernel.launch"
// CHECK-NEXT: %[[S:.*]] = "kernel.alloc"() <{slot = {{.*}}, type = tensor<2x4xf32>}> : () -> !kernel.buffer<f32>
// CHECK-NEXT: "kernel.launch"
// CHECK-NEXT: "kernel.output"(%[[S]])
// CHECK-NEXT: "kernel.output"(%[[M]])

func.func @main(%x: tensor<2x4xf32>, %b: tensor<4xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>) {
  %w = "graph.constant"() <{value = dense<[[0.5, -0.25, 0.125, 1.0], [0.75, 0.5, -1.0, 0.25], [-0.5, 0.25, 0.5, 1.5], [1.0, -0.75, 0.25, 0.5]]> : tensor<4x4xf32>}> : () -> tensor<4x4xf32>
  %m = "graph.matmul"(%x, %w) : (tensor<2x4xf32>, tensor<4x4xf32>) -> tensor<2x4xf32>
  %e = "graph.exp"(%m) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %c = "graph.greater"(%e, %b) : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<2x4xi1>
  %s = "graph.where"(%c, %e, %m) : (tensor<2x4xi1>, tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return %s, %m : tensor<2x4xf32>, tensor<2x4xf32>
}
