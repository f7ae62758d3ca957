// 2.5D images: an image argument is an OpTypeImage 2D (ReadOnly when read,
// WriteOnly when written; ImageBasic capability), kernel.image_read is
// OpImageRead at int2(x, y) then the lane (OpVectorExtractDynamic), and
// kernel.image_write one OpImageWrite of a whole float4 pixel. Vectors are
// built by OpCompositeInsert into undef: llvm-spirv-15 -r crashes on an
// OpCompositeConstruct image coordinate. run_small.test runs this module.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' -o %t.mlir
// RUN: sm-translate --emit-spirv %t.mlir -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK: OpCapability ImageBasic
// CHECK: OpEntryPoint Kernel %k0_add1 "k0_add1"
// CHECK: OpEntryPoint Kernel %k1_matmul "k1_matmul"
// CHECK-DAG: [[RO:%[0-9]+]] = OpTypeImage %void 2D 0 0 0 0 Unknown ReadOnly
// CHECK-DAG: [[WO:%[0-9]+]] = OpTypeImage %void 2D 0 0 0 0 Unknown WriteOnly
// CHECK-DAG: [[INT2U:%[0-9]+]] = OpUndef %v2uint
// CHECK-DAG: [[F4U:%[0-9]+]] = OpUndef %v4float
// CHECK: %k0_add1 = OpFunction %void None
// CHECK-NEXT: [[A:%[0-9]+]] = OpFunctionParameter [[RO]]
// CHECK-NEXT: [[B:%[0-9]+]] = OpFunctionParameter [[WO]]
// y = d0, x = d1 floordiv 4, lane = d1 mod 4
// CHECK: [[Y:%[0-9]+]] = OpSDiv %ulong {{%[0-9]+}} %ulong_3
// CHECK: [[X:%[0-9]+]] = OpSDiv %ulong [[D1:%[0-9]+]] %ulong_4
// CHECK-NEXT: [[L:%[0-9]+]] = OpSRem %ulong [[D1]] %ulong_4
// CHECK-NEXT: [[X32:%[0-9]+]] = OpSConvert %uint [[X]]
// CHECK-NEXT: [[Y32:%[0-9]+]] = OpSConvert %uint [[Y]]
// CHECK-NEXT: [[C0:%[0-9]+]] = OpCompositeInsert %v2uint [[X32]] [[INT2U]] 0
// CHECK-NEXT: [[C1:%[0-9]+]] = OpCompositeInsert %v2uint [[Y32]] [[C0]] 1
// CHECK-NEXT: [[PX:%[0-9]+]] = OpImageRead %v4float [[A]] [[C1]]
// CHECK-NEXT: OpVectorExtractDynamic %float [[PX]] [[L]]
// The written pixel: four lanes, masked past d1's extent 10.
// CHECK: OpSelect %float
// CHECK: [[T0:%[0-9]+]] = OpCompositeInsert %v4float {{%[0-9]+}} [[F4U]] 0
// CHECK: [[T3:%[0-9]+]] = OpCompositeInsert %v4float {{%[0-9]+}} {{%[0-9]+}} 3
// CHECK: OpImageWrite [[B]] {{%[0-9]+}} [[T3]]
// CHECK: %k1_matmul = OpFunction %void None
// CHECK-NEXT: OpFunctionParameter [[RO]]
// CHECK-NEXT: OpFunctionParameter %_ptr_CrossWorkgroup_float
// CHECK-NEXT: OpFunctionParameter %_ptr_CrossWorkgroup_float
// CHECK: OpLoopMerge
// CHECK: OpImageRead %v4float
// CHECK-NOT: OpImageWrite
// CHECK: OpFunctionEnd

func.func @main(%a: tensor<3x10xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>, %w: tensor<10x5xf32>) -> tensor<3x5xf32> {
  %r = "layout.generic"(%a) <{domain = array<i64: 3, 10>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "add1"}> ({
  ^bb0(%x: f32, %acc: f32):
    %one = arith.constant 1.0 : f32
    %y = arith.addf %x, %one : f32
    "layout.yield"(%y) : (f32) -> ()
  }, {
  }) : (tensor<3x10xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>) -> tensor<3x10xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
  %m = "layout.generic"(%r, %w) <{domain = array<i64: 3, 5, 10>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"], init = [0.0 : f32], kind = "matmul"}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %p = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %p : f32
    "layout.yield"(%s) : (f32) -> ()
  }, {
  }) : (tensor<3x10xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>, tensor<10x5xf32>) -> tensor<3x5xf32>
  return %m : tensor<3x5xf32>
}
