// An f64 Softmax as one work-group kernel: its reductions use a Workgroup
// array of doubles (the C kernels' __local double sm_red_double[G]), which
// needs the Float64 capability; group_tiled_run.test runs it on PoCL.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)' -o %t.mlir
// RUN: sm-translate --emit-spirv %t.mlir -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpCapability Float64
// CHECK: OpExecutionMode %k0_softmax_div LocalSize 32 1 1
// CHECK: %sm_red_double = OpVariable %_ptr_Workgroup__arr_double_uint_32 Workgroup
// CHECK-NOT: %sm_red_float
// CHECK: OpInBoundsAccessChain %_ptr_Workgroup_double %sm_red_double
// CHECK: OpExtInst %double {{%[0-9]+}} fmax
// CHECK: OpControlBarrier
// CHECK: OpFAdd %double
func.func @main(%y: tensor<3x70xf64>) -> tensor<3x70xf64> {
  %1 = "graph.softmax"(%y) <{axis = 1 : i64}> : (tensor<3x70xf64>) -> tensor<3x70xf64>
  return %1 : tensor<3x70xf64>
}
