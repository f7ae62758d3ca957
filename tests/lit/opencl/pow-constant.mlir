// OpenCL C for pow with a constant exponent of 2, 3 or 4: the product
// (PoCL's pow costs about 50 multiplies; GPT-2's GELU is pow(x, 3)); other
// exponents, and exponents that are not constants, stay pow.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smc %s -o %t/out
// RUN: FileCheck %s < %t/out/kernels.cl
// CHECK: __kernel void k0_pow(
// CHECK: float [[X:v[0-9]+]] = b0[
// CHECK: float v{{[0-9]+}} = [[X]] * [[X]] * [[X]];
// CHECK-NOT: pow(
// CHECK: __kernel void k1_pow(
// CHECK: = pow(v{{[0-9]+}}, v{{[0-9]+}});
// CHECK: __kernel void k2_pow(
// CHECK: = pow(v{{[0-9]+}}, v{{[0-9]+}});
// The SPIR-V emitter does the same: two OpFMul for the cube, pow for the others.
// RUN: smc %s --kernel-format=spirv -o %t/spv
// RUN: spirv-dis %t/spv/kernels.spv | FileCheck %s --check-prefix=SPV
// SPV: %[[C1:[0-9]+]] = OpFMul %float %[[X:[0-9]+]] %[[X]]
// SPV-NEXT: OpFMul %float %[[C1]] %[[X]]
// SPV-COUNT-2: OpExtInst %float %{{[0-9]+}} pow
// SPV-NOT: pow
// The numbers: PoCL against the interpreter (powf), on special values
// (signed zeros, infinities, NaN, overflow past 3e12 cubed, underflow) in
// the first two and random inputs in the third.
// RUN: smrun %s --output-dir %t/ref
// RUN: smrun %s --backend=opencl --test-data %t/ref | FileCheck %s --check-prefix=OK
// RUN: smrun %s --backend=opencl --kernel-format=spirv --test-data %t/ref | FileCheck %s --check-prefix=OK
// OK: output_0: 12 elements, {{.*}}: ok
// OK: output_1: 12 elements, {{.*}}: ok
// OK: output_2: 12 elements, {{.*}}: ok
func.func @main(%in: tensor<12xf32>, %arg1: tensor<12xf32>) -> (tensor<12xf32>, tensor<12xf32>, tensor<12xf32>) {
  %arg0 = "graph.constant"() <{value = dense<[0.0, -0.0, 1.5, -1.5, 3.0e12, -3.0e12, 0x7F800000, 0xFF800000, 0x7FC00000, 1.0e-20, -2.0, 7.0]> : tensor<12xf32>}> : () -> tensor<12xf32>
  %0 = "layout.generic"(%arg0) <{domain = array<i64: 12>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "pow"}> ({
  ^bb0(%a: f32, %acc: f32):
    %c = arith.constant 3.000000e+00 : f32
    %r = "math.powf"(%a, %c) : (f32, f32) -> f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<12xf32>) -> tensor<12xf32>
  %1 = "layout.generic"(%arg0) <{domain = array<i64: 12>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "pow"}> ({
  ^bb0(%a: f32, %acc: f32):
    %c = arith.constant 2.500000e+00 : f32
    %r = "math.powf"(%a, %c) : (f32, f32) -> f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<12xf32>) -> tensor<12xf32>
  %2 = "layout.generic"(%in, %arg1) <{domain = array<i64: 12>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "pow"}> ({
  ^bb0(%a: f32, %b: f32, %acc: f32):
    %r = "math.powf"(%a, %b) : (f32, f32) -> f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<12xf32>, tensor<12xf32>) -> tensor<12xf32>
  return %0, %1, %2 : tensor<12xf32>, tensor<12xf32>, tensor<12xf32>
}
