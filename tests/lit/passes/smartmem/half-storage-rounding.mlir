// Half storage rounds like vstore_half: to nearest, ties to even, overflow to
// inf, subnormals kept, in every backend. The kernels store f32 weights into
// a half buffer and read them back: 1 + 2^-11 and 1 + 3 * 2^-11 are ties
// (to 1 and 1 + 2^-9), 65519 rounds down to 65504 and 65520 up to inf, 2^-24
// is the smallest subnormal and 2^-25 a tie to 0. The interpreter's results
// (ir/fp16.h, unit-tested bit for bit in tests/unit/test_core_ir.c) are the
// reference that OpenCL C on the device must reproduce exactly
// (tests/lit/spirv/half_storage_run.test does the same for SPIR-V).
// REQUIRES: opencl-images
// RUN: rm -rf %t && mkdir -p %t
// RUN: smrun %s --output-dir %t > /dev/null
// RUN: smrun %s --backend=opencl --test-data %t --rtol=0 --atol=0 | FileCheck %s
// CHECK: output_0: 8 elements, max_abs_err=0.000e+00 max_rel_err=0.000e+00: ok

module {
  "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32, f16>) -> (), sym_name = "k0_to_half", work_items = 8 : i64}> ({
  ^bb0(%w: !kernel.buffer<f32>, %h: !kernel.buffer<f32, f16>):
    %i = "kernel.global_id"() : () -> index
    %a = "kernel.load"(%w, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    "kernel.store"(%a, %h, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32, f16>, index) -> ()
  }) : () -> ()
  "kernel.func"() <{function_type = (!kernel.buffer<f32, f16>, !kernel.buffer<f32>) -> (), sym_name = "k1_from_half", work_items = 8 : i64}> ({
  ^bb0(%h: !kernel.buffer<f32, f16>, %o: !kernel.buffer<f32>):
    %i = "kernel.global_id"() : () -> index
    %a = "kernel.load"(%h, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32, f16>, index) -> f32
    "kernel.store"(%a, %o, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  }) : () -> ()
  "kernel.host"() <{sym_name = "main"}> ({
    %w = "kernel.weight"() <{value = dense<[1.00048828125, 1.00146484375, 65504.0, 65519.0, 65520.0, 5.9604644775390625e-8, 2.98023223876953125e-8, -0.333333343]> : tensor<8xf32>}> : () -> !kernel.buffer<f32>
    %h = "kernel.alloc"() <{type = tensor<8xf32>}> : () -> !kernel.buffer<f32, f16>
    "kernel.launch"(%w, %h) <{callee = @k0_to_half, work_items = 8 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<f32, f16>) -> ()
    %o = "kernel.alloc"() <{type = tensor<8xf32>}> : () -> !kernel.buffer<f32>
    "kernel.launch"(%h, %o) <{callee = @k1_from_half, work_items = 8 : i64}> : (!kernel.buffer<f32, f16>, !kernel.buffer<f32>) -> ()
    "kernel.output"(%o) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
  }) : () -> ()
}
