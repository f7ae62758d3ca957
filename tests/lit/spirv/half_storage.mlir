// Half storage (smartmem-half-storage) in SPIR-V: a half buffer argument is
// a CrossWorkgroup pointer to a 16-bit float (Float16Buffer: allowed on
// OpenCL 1.2 without cl_khr_fp16, unlike Float16), read with the OpenCL.std
// vload_half and written with vstore_half, both on f32 values; f32 buffers
// keep plain OpLoad/OpStore. half_storage_run.test runs it on PoCL.
// RUN: smc %s --storage=f16 --kernel-format=spirv -o %t
// RUN: spirv-val --target-env opencl1.2 %t/kernels.spv
// RUN: spirv-dis %t/kernels.spv | FileCheck %s

// CHECK: OpCapability Float16Buffer
// CHECK-NOT: OpCapability Float16{{$}}
// CHECK-DAG: %half = OpTypeFloat 16
// CHECK-DAG: %_ptr_CrossWorkgroup_half = OpTypePointer CrossWorkgroup %half
// CHECK: OpFunctionParameter %_ptr_CrossWorkgroup_half
// CHECK: OpExtInst %void {{%[0-9]+}} vstore_half {{%[0-9]+}} {{%[0-9]+}}
// CHECK: OpFunctionParameter %_ptr_CrossWorkgroup_half
// CHECK: OpExtInst %float {{%[0-9]+}} vload_half {{%[0-9]+}} {{%[0-9]+}}

func.func @main(%x: tensor<4x8xf32>, %y: tensor<8x4xf32>) -> tensor<4x4xf32> {
  %s = "graph.softmax"(%x) <{axis = -1 : i64}> : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %m = "graph.matmul"(%s, %y) : (tensor<4x8xf32>, tensor<8x4xf32>) -> tensor<4x4xf32>
  return %m : tensor<4x4xf32>
}
