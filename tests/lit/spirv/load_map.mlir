// Loads through layout maps: a transposed read (coordinates known >= 0:
// plain OpSDiv/OpSRem, no floor fix-up), a padded read of a shifted
// coordinate (bounds test, the address clamped to element 0 when out of
// range so no access leaves the buffer, then the pad value selected), and
// a floordiv of a possibly negative index (floor semantics via OpSMod).
// run_small.test runs this module on the OpenCL device.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpCapability Addresses
// CHECK-NEXT: OpCapability Kernel
// CHECK-NEXT: OpCapability Int64
// CHECK-NOT: OpCapability
// CHECK: OpMemoryModel Physical64 OpenCL
// CHECK-NEXT: OpEntryPoint Kernel %blocked "blocked" %gl_GlobalInvocationID
// CHECK: OpDecorate %gl_GlobalInvocationID BuiltIn GlobalInvocationId
// CHECK: OpDecorate [[IN:%[0-9]+]] FuncParamAttr NoAlias
// CHECK-NEXT: OpDecorate [[IN]] FuncParamAttr NoWrite
// CHECK-NEXT: OpDecorate [[OUT:%[0-9]+]] FuncParamAttr NoAlias
// CHECK-NOT: OpDecorate [[OUT]] FuncParamAttr NoWrite
// CHECK: %blocked = OpFunction %void None
// CHECK-NEXT: [[IN]] = OpFunctionParameter %_ptr_CrossWorkgroup_float
// CHECK-NEXT: [[OUT]] = OpFunctionParameter %_ptr_CrossWorkgroup_float
// The work_items guard.
// CHECK: OpULessThan %bool {{%[0-9]+}} %ulong_12
// CHECK-NEXT: OpSelectionMerge [[END:%[0-9]+]] None
// CHECK: [[G:%[0-9]+]] = OpCompositeExtract %ulong {{%[0-9]+}} 0
// CHECK-NOT: OpSMod
// CHECK: [[R:%[0-9]+]] = OpSDiv %ulong [[G]] %ulong_4
// CHECK-NEXT: [[C:%[0-9]+]] = OpSRem %ulong [[G]] %ulong_4
// CHECK-NEXT: [[M:%[0-9]+]] = OpIMul %ulong [[C]] %ulong_3
// CHECK-NEXT: [[O:%[0-9]+]] = OpIAdd %ulong [[M]] [[R]]
// CHECK-NEXT: [[P:%[0-9]+]] = OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[IN]] [[O]]
// CHECK-NEXT: [[X:%[0-9]+]] = OpLoad %float [[P]] Aligned 4
// Padded: c - 1 may be negative.
// CHECK-NEXT: [[CM:%[0-9]+]] = OpIAdd %ulong [[C]] %ulong_18446744073709551615
// CHECK-NEXT: [[LT:%[0-9]+]] = OpSLessThan %bool [[CM]] %ulong_4
// CHECK-NEXT: [[GE:%[0-9]+]] = OpSGreaterThanEqual %bool [[CM]] %ulong_0
// CHECK-NEXT: [[OK0:%[0-9]+]] = OpLogicalAnd %bool [[LT]] [[GE]]
// CHECK-NEXT: [[LT2:%[0-9]+]] = OpSLessThan %bool [[R]] %ulong_3
// CHECK-NEXT: [[OK:%[0-9]+]] = OpLogicalAnd %bool [[OK0]] [[LT2]]
// CHECK: [[SAFE:%[0-9]+]] = OpSelect %ulong [[OK]] {{%[0-9]+}} %ulong_0
// CHECK-NEXT: [[PP:%[0-9]+]] = OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[IN]] [[SAFE]]
// CHECK-NEXT: [[PV:%[0-9]+]] = OpLoad %float [[PP]] Aligned 4
// CHECK-NEXT: [[PAD:%[0-9]+]] = OpSelect %float [[OK]] [[PV]] %float_0_5
// floor((c - 1) / 2) = (a - a mod 2) / 2 with the divisor's sign.
// CHECK-NEXT: [[MOD:%[0-9]+]] = OpSMod %ulong [[CM]] %ulong_2
// CHECK-NEXT: [[SUB:%[0-9]+]] = OpISub %ulong [[CM]] [[MOD]]
// CHECK-NEXT: [[Q:%[0-9]+]] = OpSDiv %ulong [[SUB]] %ulong_2
// CHECK-NEXT: [[QF:%[0-9]+]] = OpConvertSToF %float [[Q]]
// CHECK: OpFAdd %float [[X]] [[PAD]]
// CHECK: OpInBoundsPtrAccessChain %_ptr_CrossWorkgroup_float [[OUT]]
// CHECK: OpStore {{%[0-9]+}} {{%[0-9]+}} Aligned 4
// CHECK: OpBranch [[END]]
// CHECK-NEXT: [[END]] = OpLabel
// CHECK-NEXT: OpReturn
// CHECK-NEXT: OpFunctionEnd

"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "blocked", work_items = 12 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %r = "kernel.apply"(%g) <{map = affine_map<(d0) -> (d0 floordiv 4)>}> : (index) -> index
  %c = "kernel.apply"(%g) <{map = affine_map<(d0) -> (d0 mod 4)>}> : (index) -> index
  %x = "kernel.load"(%in, %c, %r) <{map = affine_map<(d0, d1) -> (d0 * 3 + d1)>}> : (!kernel.buffer<f32>, index, index) -> f32
  %cm = "kernel.apply"(%c) <{map = affine_map<(d0) -> (d0 - 1)>}> : (index) -> index
  %p = "kernel.load"(%in, %cm, %r) <{map = affine_map<(d0, d1) -> (d0 * 3 + d1)>, pad = 5.000000e-01 : f32, shape = array<i64: 4, 3>}> : (!kernel.buffer<f32>, index, index) -> f32
  %q = "kernel.apply"(%cm) <{map = affine_map<(d0) -> (d0 floordiv 2)>}> : (index) -> index
  %qi = arith.index_cast %q : index to i64
  %qf = arith.sitofp %qi : i64 to f32
  %s = arith.addf %x, %p : f32
  %t = arith.addf %s, %qf : f32
  "kernel.store"(%t, %out, %r, %c) <{map = affine_map<(d0, d1) -> (d0 * 4 + d1)>}> : (f32, !kernel.buffer<f32>, index, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<4x3xf32>}> : () -> !kernel.buffer<f32>
  %y = "kernel.alloc"() <{slot = 0 : i64, type = tensor<3x4xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %y) <{callee = @blocked, work_items = 12 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) {peak_bytes = 48 : i64, slot_bytes = array<i64: 48>} : () -> ()
