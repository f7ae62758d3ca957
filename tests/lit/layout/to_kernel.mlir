// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,kernel-plan-memory)' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: sm-translate --emit-opencl %t.mlir | FileCheck %s --check-prefix=CL
// With fusion (the baseline pipeline) the chain is one kernel.
// RUN: sm-translate --emit-opencl %s | FileCheck %s --check-prefix=FUSED
// FUSED: __kernel void k0_matmul_relu_tanh(
// FUSED-NOT: __kernel

// One kernel per generic; parallel dims come from the global id, the
// reduction is a kernel.for carrying the accumulator, loads go through the
// row-major layout maps.
// CHECK: "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k0_matmul", work_items = 6 : i64}>
// CHECK: "kernel.global_id"()
// CHECK: "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 mod 3)>}>
// CHECK: "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 floordiv 3)>}>
// CHECK: "kernel.for"(%{{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 4 : i64}>
// CHECK: "kernel.load"(%arg0, %{{.*}}, %{{.*}}) <{map = affine_map<(d0, d1) -> (d0 * 4 + d1)>}>
// CHECK: "kernel.yield"
// CHECK: "kernel.store"
// CHECK: sym_name = "k1_relu"
// CHECK: sym_name = "k2_tanh"
// The host plan: the three intermediates, with k2's output reusing k0's
// slot (k0's result is dead once k1 has read it).
// CHECK: "kernel.host"() <{sym_name = "main"}>
// CHECK: "kernel.input"() <{index = 0 : i64, type = tensor<2x4xf32>}>
// CHECK: "kernel.weight"() <{value = dense<1.000000e+00> : tensor<4x3xf32>}>
// CHECK: "kernel.alloc"() <{slot = 0 : i64, type = tensor<2x3xf32>}>
// CHECK: "kernel.launch"(%{{.*}}, %{{.*}}, %{{.*}}) <{callee = @k0_matmul, work_items = 6 : i64}>
// CHECK: "kernel.alloc"() <{slot = 1 : i64, type = tensor<2x3xf32>}>
// CHECK: "kernel.alloc"() <{slot = 0 : i64, type = tensor<2x3xf32>}>
// CHECK: "kernel.output"(%{{.*}}) <{index = 0 : i64}>
// CHECK: peak_bytes = 48 : i64, slot_bytes = array<i64: 24, 24>

// CL: __kernel void k0_matmul(__global const float *restrict b0, __global const float *restrict b1, __global float *restrict b2) {
// CL-NEXT: if (get_global_id(0) >= 6) return;
// CL: for (long [[IV:v[0-9]+]] = 0; [[IV]] < 4; [[IV]] += 1) {
// The work-item index is below 2^32: its split divides as a uint (a 64-bit
// division by a constant has no vector form on x86).
// CL: b0[(((long)((uint)v{{[0-9]+}} / 3u) * 4) + [[IV]])]
// CL: __kernel void k1_relu(
// maximumf propagates NaN through two selects (no fmax library call).
// CL: = isnan([[A:v[0-9]+]]) ? [[A]] : (!([[B:v[0-9]+]] <= [[A]]) ? [[B]] : [[A]]);
// CL: __kernel void k2_tanh(
// CL: tanh(
// CL: smartmem-plan 1
// CL-NEXT: slot 0 24
// CL-NEXT: slot 1 24
// CL-NEXT: input 0 0 f32 2 2 4
// CL-NEXT: weight 1 0 48
// CL-NEXT: alloc 2 0 24
// CL-NEXT: launch k0_matmul 6 3 0 1 2
// CL-NEXT: alloc 3 1 24
// CL-NEXT: launch k1_relu 6 2 2 3
// CL-NEXT: alloc 4 0 24
// CL-NEXT: launch k2_tanh 6 2 3 4
// CL-NEXT: output 4 0 f32 2 2 3
func.func @main(%a: tensor<2x4xf32>) -> tensor<2x3xf32> {
  %b = "graph.constant"() <{value = dense<1.0> : tensor<4x3xf32>}> : () -> tensor<4x3xf32>
  %0 = "graph.matmul"(%a, %b) : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  %1 = "graph.relu"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "graph.tanh"(%1) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}
