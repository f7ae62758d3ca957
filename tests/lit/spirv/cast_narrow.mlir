// A cast to f16/bf16 of f32-held tensors (arith.truncf whose users all extf
// back) stays an f32: the rounding of the OpenCL C emitter's sm_round_f16 /
// sm_round_bf16 in plain f32/u32 instructions, so no Float16 capability
// (invalid in OpenCL 1.2 SPIR-V) and the module validates. The numbers:
// tests/ops group cast_f16_bf16 through diffsuite_spirv.
// RUN: sm-translate --emit-spirv %s -o - > %t.spv
// RUN: spirv-val --target-env opencl1.2 %t.spv
// RUN: spirv-dis %t.spv | FileCheck %s

// CHECK-NOT: OpCapability Float16
// CHECK-NOT: OpTypeFloat 16
// CHECK: [[X:%[0-9]+]] = OpLoad %float
// CHECK-NEXT: [[A:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} fabs [[X]]
// CHECK: [[E:%[0-9]+]] = OpExtInst %uint {{%[0-9]+}} u_max {{%[0-9]+}} %uint_113
// CHECK: OpExtInst %float {{%[0-9]+}} rint
// CHECK: [[FIN:%[0-9]+]] = OpFOrdLessThan %bool [[A]] %float_65520
// CHECK-NEXT: [[M:%[0-9]+]] = OpSelect %float [[FIN]] {{%[0-9]+}} %float_0x1p_128
// CHECK-NEXT: [[S:%[0-9]+]] = OpExtInst %float {{%[0-9]+}} copysign [[M]] [[X]]
// CHECK-NEXT: [[N:%[0-9]+]] = OpIsNan %bool [[X]]
// CHECK-NEXT: [[H:%[0-9]+]] = OpSelect %float [[N]] [[X]] [[S]]
// CHECK-NEXT: [[XB:%[0-9]+]] = OpBitcast %uint [[X]]
// CHECK-NEXT: [[HI:%[0-9]+]] = OpShiftRightLogical %uint [[XB]] %uint_16
// CHECK-NEXT: [[LSB:%[0-9]+]] = OpBitwiseAnd %uint [[HI]] %uint_1
// CHECK-NEXT: [[T:%[0-9]+]] = OpIAdd %uint [[XB]] %uint_32767
// CHECK-NEXT: [[U:%[0-9]+]] = OpIAdd %uint [[T]] [[LSB]]
// CHECK-NEXT: [[K:%[0-9]+]] = OpBitwiseAnd %uint [[U]] %uint_4294901760
// CHECK-NEXT: [[BF:%[0-9]+]] = OpBitcast %float [[K]]
// CHECK-NEXT: [[N2:%[0-9]+]] = OpIsNan %bool [[X]]
// CHECK-NEXT: [[B:%[0-9]+]] = OpSelect %float [[N2]] [[X]] [[BF]]
// CHECK: OpStore {{%[0-9]+}} [[H]] Aligned 4
// CHECK: OpStore {{%[0-9]+}} [[B]] Aligned 4
module {
  "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
  ^bb0(%a: !kernel.buffer<f32>, %o: !kernel.buffer<f32>, %p: !kernel.buffer<f32>):
    %i = "kernel.global_id"() : () -> index
    %x = "kernel.load"(%a, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    %h = arith.truncf %x : f32 to f16
    %hw = arith.extf %h : f16 to f32
    %b = arith.truncf %x : f32 to bf16
    %bw = arith.extf %b : bf16 to f32
    "kernel.store"(%hw, %o, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
    "kernel.store"(%bw, %p, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  }) : () -> ()
  "kernel.host"() <{sym_name = "main"}> ({
  }) : () -> ()
}

