// A fused epilogue: matmul + bias + relu + erf is one kernel; the bias,
// relu (OpenCL.std fmax) and erf run once per output element after the
// reduction loop's merge block, on the loop's result (its header phi).
// The whole pipeline runs inside sm-translate from the graph level.
// run_small.test runs this module.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: [[STD:%[0-9]+]] = OpExtInstImport "OpenCL.std"
// CHECK: OpEntryPoint Kernel %k0_matmul_add_relu_erf "k0_matmul_add_relu_erf"
// CHECK-NOT: OpEntryPoint
// CHECK: %k0_matmul_add_relu_erf = OpFunction
// CHECK-NEXT: [[A:%[0-9]+]] = OpFunctionParameter
// CHECK-NEXT: [[W:%[0-9]+]] = OpFunctionParameter
// CHECK-NEXT: [[BIAS:%[0-9]+]] = OpFunctionParameter
// CHECK-NEXT: [[OUT:%[0-9]+]] = OpFunctionParameter
// CHECK: [[ACC:%[0-9]+]] = OpPhi %float %float_0
// CHECK: OpLoopMerge [[MERGE:%[0-9]+]]
// CHECK: OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[A]]
// CHECK: OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[W]]
// CHECK-NOT: [[BIAS]]
// CHECK: [[MERGE]] = OpLabel
// CHECK-NEXT: [[BP:%[0-9]+]] = OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[BIAS]]
// CHECK-NEXT: [[B:%[0-9]+]] = OpLoad %float [[BP]] Aligned 4
// CHECK-NEXT: [[S:%[0-9]+]] = OpFAdd %float [[ACC]] [[B]]
// CHECK-NEXT: [[FM:%[0-9]+]] = OpExtInst %float [[STD]] fmax [[S]] %float_0
// The relu's maximumf is NaN when S is (fmax alone gives 0).
// CHECK-NEXT: [[NS:%[0-9]+]] = OpIsNan %bool [[S]]
// CHECK-NEXT: [[NZ:%[0-9]+]] = OpIsNan %bool %float_0
// CHECK-NEXT: [[NAN:%[0-9]+]] = OpLogicalOr %bool [[NS]] [[NZ]]
// CHECK-NEXT: [[SN:%[0-9]+]] = OpFAdd %float [[S]] %float_0
// CHECK-NEXT: [[R:%[0-9]+]] = OpSelect %float [[NAN]] [[SN]] [[FM]]
// CHECK-NEXT: [[E:%[0-9]+]] = OpExtInst %float [[STD]] erf [[R]]
// CHECK: [[OP:%[0-9]+]] = OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[OUT]]
// CHECK-NEXT: OpStore [[OP]] [[E]] Aligned 4

func.func @main(%a: tensor<2x4xf32>, %bias: tensor<3xf32>) -> tensor<2x3xf32> {
  %b = "graph.constant"() <{value = dense<0.5> : tensor<4x3xf32>}> : () -> tensor<4x3xf32>
  %0 = "graph.matmul"(%a, %b) : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  %1 = "graph.add"(%0, %bias) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = "graph.relu"(%1) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %3 = "graph.erf"(%2) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %3 : tensor<2x3xf32>
}
