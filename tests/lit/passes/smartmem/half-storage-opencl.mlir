// Half storage on OpenCL (PoCL here): half buffers are `__global half *`
// read with vload_half and written with vstore_half (core OpenCL C 1.2, no
// cl_khr_fp16), CL_HALF_FLOAT images are read with read_imagef and written
// with write_imagef as f32 images are; the plan marks half image slots.
// REQUIRES: opencl-images
// RUN: rm -rf %t && mkdir -p %t/ref %t/same
// RUN: smrun %s --output-dir %t/ref --seed 5 > /dev/null
// RUN: smc %s --storage=f16 -o %t/buf
// RUN: FileCheck %s --check-prefix=CL < %t/buf/kernels.cl
// CL: __global half *restrict
// CL: vstore_half(
// CL: __global const half *restrict
// CL: vload_half(
// CL-NOT: cl_khr_fp16
// The returned matmul writes f32.
// CL: __kernel void k{{[0-9]+}}_matmul({{.*}}__global float *restrict
// RUN: smrun %s --backend=opencl --storage=f16 --test-data %t/ref --rtol=1e-2 --atol=1e-3 | FileCheck %s --check-prefix=OK
// OK: output_0: 96 elements{{.*}}: ok
// The interpreter rounds stores exactly as vstore_half: both give the same
// outputs (to f32 rounding of the arithmetic) from the same inputs, when
// both compile for the same device profile (the profile decides which
// element-wise ops fuse, and so which intermediates are stored in half).
// RUN: smrun %s --storage=f16 --device-profile=pocl-cpu --output-dir %t/same --seed 5 > /dev/null
// RUN: smrun %s --backend=opencl --storage=f16 --device-profile=pocl-cpu --test-data %t/same --rtol=1e-5 --atol=1e-6 | FileCheck %s --check-prefix=OK
// Images (2.5D mapping forced on): the slots are CL_HALF_FLOAT images.
// RUN: smc %s --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,smartmem-select-layout,smartmem-map-texture{force},convert-layout-to-kernel,smartmem-half-storage,kernel-plan-memory)' -o %t/img.mlir
// RUN: FileCheck %s --check-prefix=IMGIR < %t/img.mlir
// IMGIR: "kernel.alloc"() {{.*}}#layout.image{{.*}} -> !kernel.image<f32, f16>
// RUN: smc %t/img.mlir -o %t/img
// RUN: FileCheck %s --check-prefix=PLAN < %t/img/plan.txt
// PLAN: slot 0 {{[0-9]+}} image {{[0-9]+}} {{[0-9]+}} half
// RUN: FileCheck %s --check-prefix=IMGCL < %t/img/kernels.cl
// IMGCL: __write_only image2d_t
// IMGCL: write_imagef(
// RUN: smrun %t/img.mlir --backend=opencl --test-data %t/ref --rtol=1e-2 --atol=1e-3 | FileCheck %s --check-prefix=OK

func.func @main(%x: tensor<8x16xf32>, %w: tensor<16x16xf32>, %v: tensor<16x12xf32>) -> tensor<8x12xf32> {
  %m = "graph.matmul"(%x, %w) : (tensor<8x16xf32>, tensor<16x16xf32>) -> tensor<8x16xf32>
  %e = "graph.exp"(%m) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %s = "graph.softmax"(%e) <{axis = -1 : i64}> : (tensor<8x16xf32>) -> tensor<8x16xf32>
  %o = "graph.matmul"(%s, %v) : (tensor<8x16xf32>, tensor<16x12xf32>) -> tensor<8x12xf32>
  return %o : tensor<8x12xf32>
}
