// Normalisation chains become one work-group kernel: LayerNorm (mean,
// variance, normalise) and Softmax (max, sum of exp, divide; here with a
// fused multiply) are one kernel.func each with a group_size; the row
// reductions are kernel.group_reduce ops (never stored), the element-wise
// part a kernel.group_for that stores the row.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: sm-translate --emit-opencl %t.mlir -o - | FileCheck %s --check-prefix=CL
// group-kernels=false keeps the three kernels of each.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel{group-kernels=false})' | grep -c '"kernel.func"' | FileCheck %s --check-prefix=OFF
// OFF: 8

// CHECK: "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), group_size = 32 : i64, sym_name = "k0_layer_norm", work_items = 4 : i64}>
// CHECK: %[[G:[a-z0-9_]+]] = "kernel.group_id"()
// CHECK: "kernel.group_reduce"(%{{[a-z0-9_]+}}) <{kind = "arith.addf", lower = 0 : i64, step = 1 : i64, upper = 30 : i64}>
// CHECK: "kernel.apply"(%arg4) <{map = affine_map<(d0) -> (d0 mod 6)>}>
// CHECK: "kernel.apply"(%arg4) <{map = affine_map<(d0) -> (d0 floordiv 6)>}>
// CHECK: "kernel.load"(%arg0,
// CHECK: arith.addf %arg5,
// The mean's epilogue (divide by 30) runs once, after the reduction.
// CHECK: arith.divf
// CHECK: "kernel.group_reduce"({{.*}}) <{kind = "arith.addf", lower = 0 : i64, step = 1 : i64, upper = 30 : i64}>
// CHECK: arith.subf
// CHECK: arith.mulf
// The row's denominator is loop-invariant: hoisted out of the group_for.
// CHECK: math.sqrt
// CHECK: "kernel.group_for"() <{lower = 0 : i64, step = 1 : i64, upper = 30 : i64}>
// CHECK-NOT: math.sqrt
// CHECK: "kernel.store"(%{{.*}}, %arg3,
// CHECK: "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), group_size = 32 : i64, sym_name = "k1_softmax_div_mul", work_items = 3 : i64}>
// CHECK: "kernel.group_reduce"({{.*}}) <{kind = "arith.maximumf", lower = 0 : i64, step = 1 : i64, upper = 70 : i64}>
// CHECK: "kernel.group_reduce"({{.*}}) <{kind = "arith.addf", lower = 0 : i64, step = 1 : i64, upper = 70 : i64}>
// CHECK: math.exp
// CHECK: "kernel.group_for"() <{lower = 0 : i64, step = 1 : i64, upper = 70 : i64}>
// CHECK: arith.divf
// CHECK: arith.mulf
// A reduction whose result is also returned is not absorbed: it keeps its kernel and buffer.
// CHECK: sym_name = "k2_reduce_sum"
// CHECK-NOT: group_size
// CHECK: sym_name = "k3_add"
// CHECK: "kernel.host"
// CHECK-COUNT-4: "kernel.launch"
// CHECK-NOT: "kernel.launch"
// CHECK: "kernel.output"

// CL: __kernel __attribute__((reqd_work_group_size(32, 1, 1))) void k0_layer_norm(
// CL-NEXT: const long sm_lid = get_local_id(0);
// CL-NEXT: __local float sm_red_float[32];
// CL: get_group_id(0);
// CL: for (long [[I:v[0-9]+]] = 0 + sm_lid * 1; [[I]] < 30; [[I]] += 32) {
// CL: sm_red_float[sm_lid] =
// CL-NEXT: barrier(CLK_LOCAL_MEM_FENCE);
// CL-NEXT: for (long sm_s = 16; sm_s > 0; sm_s >>= 1) {
// CL-NEXT: if (sm_lid < sm_s) sm_red_float[sm_lid] = sm_red_float[sm_lid] + sm_red_float[sm_lid + sm_s];
// CL-NEXT: barrier(CLK_LOCAL_MEM_FENCE);
// CL-NEXT: }
// CL-NEXT: = sm_red_float[0];
// CL-NEXT: barrier(CLK_LOCAL_MEM_FENCE);
// CL-NOT: get_global_id(0) >=
// CL: void k1_softmax_div_mul(
// CL: fmax(sm_red_float[sm_lid], sm_red_float[sm_lid + sm_s])
// CL: smartmem-plan 1
// CL: launch k0_layer_norm 4 4 {{[0-9 ]+}} grid 128 local 32
// CL: launch k1_softmax_div_mul 3 2 {{[0-9 ]+}} grid 96 local 32
// CL: launch k2_reduce_sum 2 2
// CL-NOT: grid
func.func @main(%x: tensor<4x5x6xf32>, %y: tensor<3x70xf32>, %z: tensor<2x9xf32>) -> (tensor<4x5x6xf32>, tensor<3x70xf32>, tensor<2x1xf32>, tensor<2x9xf32>) {
  %s = "graph.constant"() <{value = dense<1.5> : tensor<5x6xf32>}> : () -> tensor<5x6xf32>
  %b = "graph.constant"() <{value = dense<0.25> : tensor<5x6xf32>}> : () -> tensor<5x6xf32>
  %0 = "graph.layer_normalization"(%x, %s, %b) <{axis = 1 : i64, epsilon = 1.0e-5 : f32}> : (tensor<4x5x6xf32>, tensor<5x6xf32>, tensor<5x6xf32>) -> tensor<4x5x6xf32>
  %c = "graph.constant"() <{value = dense<2.0> : tensor<f32>}> : () -> tensor<f32>
  %1 = "graph.softmax"(%y) <{axis = 1 : i64}> : (tensor<3x70xf32>) -> tensor<3x70xf32>
  %2 = "graph.mul"(%1, %c) : (tensor<3x70xf32>, tensor<f32>) -> tensor<3x70xf32>
  %3 = "graph.reduce_sum"(%z) <{axes = array<i64: 1>, keepdims = 1 : i64}> : (tensor<2x9xf32>) -> tensor<2x1xf32>
  %4 = "graph.add"(%z, %3) : (tensor<2x9xf32>, tensor<2x1xf32>) -> tensor<2x9xf32>
  return %0, %2, %3, %4 : tensor<4x5x6xf32>, tensor<3x70xf32>, tensor<2x1xf32>, tensor<2x9xf32>
}
