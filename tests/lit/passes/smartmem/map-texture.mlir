// smartmem-map-texture: tensors with a reduction reader go into images,
// the reduction dim in the lanes and the next-innermost dim along x, when
// the device profile makes images worth it; never function results, tensors
// read through a data-dependent gather, or images larger than the device's.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smc %s --device-profile=adreno-740 --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout,smartmem-map-texture{report})' -o %t/m.mlir 2> %t/report.txt
// RUN: FileCheck %s < %t/m.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t/report.txt
// REPORT: smartmem-map-texture: profile adreno-740: images; 2 tensors in images, 0 element-wise partners, 0 too large
// Same outputs as the graph, on the interpreter (layout level: it stores
// tensors in their image layouts) ...
// RUN: smrun %s --seed 11 --output-dir %t/ref > /dev/null
// RUN: smrun %t/m.mlir --test-data %t/ref | FileCheck %s --check-prefix=OUT
// ... and on OpenCL after lowering (image outputs written a pixel at a time).
// RUN: smc %t/m.mlir --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' -o %t/k.mlir
// RUN: %if opencl-images %{ smrun %t/k.mlir --backend=opencl --test-data %t/ref | FileCheck %s --check-prefix=OUT %}
// OUT: output_0: 32 elements, {{.*}}: ok
// OUT: output_1: 120 elements, {{.*}}: ok
// OUT: output_2: 128 elements, {{.*}}: ok
//
// %p is read as B (reduction over dim 0): dim 0 in the lanes, dim 1 along x.
// CHECK-LABEL: func.func @main
// CHECK: }) : (tensor<6x8xf32>, tensor<8x8xf32>) -> tensor<6x8xf32, #layout.image<affine_map<(d0, d1) -> (0, (d0 floordiv 4) * 8 + d1, d0 mod 4)>>>
// %a is read as A (reduction over dim 1): dim 1 in the lanes, dim 0 along x.
// CHECK: -> tensor<4x8xf32, #layout.image<affine_map<(d0, d1) -> (0, (d1 floordiv 4) * 4 + d0, d1 mod 4)>>>
// %q is returned; %u is read through a data-dependent gather: buffers.
// CHECK: -> tensor<4x8xf32>{{$}}
// CHECK-NOT: #layout.image
// CHECK: return
//
// On PoCL images are emulated and slower than buffers: nothing is mapped.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout,smartmem-map-texture{report})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=POCL
// POCL: smartmem-map-texture: profile pocl-cpu: buffers only (images not cheaper); 0 tensors in images
// Images larger than the device allows stay buffers.
// RUN: printf 'max_image_width: 4\nmax_image_height: 1\nimage_read_cost: 0.5\n' > %t/tiny.yaml
// RUN: smc %s --passes="builtin.module(convert-graph-to-layout,smartmem-select-layout,smartmem-map-texture{report device-profile=%t/tiny.yaml})" -o %t/tiny.mlir 2>&1 | FileCheck %s --check-prefix=TINY
// RUN: FileCheck %s --check-prefix=NOIMG < %t/tiny.mlir
// TINY: 0 tensors in images, 0 element-wise partners, 2 too large
// NOIMG-NOT: #layout.image
func.func @main(%x: tensor<4x6xf32>, %y: tensor<6x8xf32>, %z: tensor<8x8xf32>, %i: tensor<3x5xi64>, %s: tensor<16x8xf32>) -> (tensor<4x8xf32>, tensor<3x5x8xf32>, tensor<16x8xf32>) {
  %p = "graph.matmul"(%y, %z) : (tensor<6x8xf32>, tensor<8x8xf32>) -> tensor<6x8xf32>
  %a = "graph.matmul"(%x, %p) : (tensor<4x6xf32>, tensor<6x8xf32>) -> tensor<4x8xf32>
  %q = "graph.matmul"(%a, %z) : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %u = "graph.matmul"(%s, %z) : (tensor<16x8xf32>, tensor<8x8xf32>) -> tensor<16x8xf32>
  %v = "graph.matmul"(%u, %z) : (tensor<16x8xf32>, tensor<8x8xf32>) -> tensor<16x8xf32>
  %g = "graph.gather"(%u, %i) <{axis = 0 : i64}> : (tensor<16x8xf32>, tensor<3x5xi64>) -> tensor<3x5x8xf32>
  return %q, %g, %v : tensor<4x8xf32>, tensor<3x5x8xf32>, tensor<16x8xf32>
}
