// Image (2.5D) layouts through the kernel lowering and OpenCL emission: an
// element-wise op whose input and output are images (one work-item per
// pixel, four lanes computed, lanes past d1's extent 10 masked to 0, one
// write_imagef), and a matmul reading that image with read_imagef.
// images_run.test runs it on the OpenCL device.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' --mlir-print-debuginfo > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: sm-translate --emit-opencl %t.mlir -o - | FileCheck %s --check-prefix=CL

// CHECK: "kernel.func"() <{function_type = (!kernel.image<f32>, !kernel.image<f32>) -> (), sym_name = "k0_add1", work_items = 9 : i64}>
// CHECK: "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 floordiv 3)>}>
// CHECK: "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 mod 3)>}>
// CHECK: "kernel.image_read"(%arg0, %{{.*}}, %{{.*}}) <{map = affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>}>
// CHECK: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> ((d0 * 4 + 1) mod 10)>}>
// CHECK: arith.cmpi slt
// CHECK: arith.select
// CHECK: "kernel.image_write"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %arg1, %{{.*}}, %{{.*}}) : (f32, f32, f32, f32, !kernel.image<f32>, index, index) -> ()
// CHECK: sym_name = "k1_matmul", work_items = 15 : i64
// CHECK: "kernel.for"
// CHECK: "kernel.image_read"(%arg0,
// CHECK: "kernel.load"(%arg1,
// CHECK: "kernel.store"
// Images get their own slot: 3 x 3 pixels of 16 bytes.
// CHECK: "kernel.input"() <{index = 0 : i64, type = tensor<3x10xf32, #layout.image<{{.*}}>>}> : () -> !kernel.image<f32>
// CHECK: "kernel.alloc"() <{slot = 0 : i64, type = tensor<3x10xf32, #layout.image<{{.*}}>>}> : () -> !kernel.image<f32>
// CHECK: "kernel.alloc"() <{slot = 1 : i64, type = tensor<3x5xf32>}> : () -> !kernel.buffer<f32>
// CHECK: peak_bytes = 204 : i64, slot_bytes = array<i64: 144, 60>

// CL: __constant sampler_t sm_sampler = CLK_NORMALIZED_COORDS_FALSE | CLK_ADDRESS_CLAMP_TO_EDGE | CLK_FILTER_NEAREST;
// CL: __kernel void k0_add1(__read_only image2d_t b0, __write_only image2d_t b1) {
// CL: sm_lane(read_imagef(b0, sm_sampler, (int2)((int)(long)((uint){{v[0-9]+}} / 4u), (int){{v[0-9]+}})), (long)((uint){{v[0-9]+}} % 4u));
// CL: write_imagef(b1, (int2)((int)v{{[0-9]+}}, (int)v{{[0-9]+}}), (float4)(v{{[0-9]+}}, v{{[0-9]+}}, v{{[0-9]+}}, v{{[0-9]+}}));
// CL: __kernel void k1_matmul(__read_only image2d_t b0, __global const float *restrict b1, __global float *restrict b2) {
// CL: for (long
// CL: sm_lane(read_imagef(b0,
// CL: smartmem-plan 1
// CL-NEXT: slot 0 144 image 3 3
// CL-NEXT: slot 1 60
// CL-NEXT: input 0 0 f32 2 3 10 image 3 3 {{.*}}images.mlir:[[@LINE+4]]:1 affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>
// CL-NEXT: input 1 1 f32 2 10 5
// CL-NEXT: alloc 2 0 144 image 3 3 {{.*}}images.mlir:[[@LINE+3]]:{{[0-9]+}} affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>
// CL-NEXT: launch k0_add1 9 2 0 2
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
