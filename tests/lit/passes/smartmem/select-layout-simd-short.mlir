// smartmem-select-layout on a SIMD device (pocl-cpu) for reductions whose
// last parallel dim is too short for the vector schedule (a 7x7 feature map:
// 7 pixels wide): the schedule vectorizes the output channels instead, so a
// convolution weight read only there gets its output channels innermost
// (permuted at compile time, counted as a permuted weight). Not touched: a
// depthwise convolution (its input steps 49 floats along the channels), a
// convolution on a 16-wide map (its width vectorizes), a GPU profile.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,smartmem-select-layout{report})' 2>&1 | FileCheck %s
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,smartmem-select-layout)' | FileCheck %s --check-prefix=GPU
// The kernels: 8 output channels per work-item (16 halved to keep 64
// work-items), read as consecutive weights.
// RUN: rm -rf %t && smc %s --device-profile=pocl-cpu -o %t
// RUN: FileCheck %s --check-prefix=CL < %t/kernels.cl
// Same values as the interpreter's reference, on the interpreter and on PoCL.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 5 > /dev/null
// RUN: smrun %s --device-profile=pocl-cpu --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// RUN: smrun %s --backend=opencl --device-profile=pocl-cpu --test-data %t.ref | FileCheck %s --check-prefix=EXEC

// CHECK: smartmem-select-layout: 0 tensors, 0 re-laid out, 2 weights permuted, 0 redundant copies
// CHECK-DAG: "graph.constant"() {{.*}} : () -> tensor<4x1x1x16xf32>
// CHECK-DAG: "graph.constant"() {{.*}} : () -> tensor<2x3x3x16xf32>
// CHECK-DAG: "graph.constant"() {{.*}} : () -> tensor<4x1x3x3xf32>
// CHECK-DAG: "graph.constant"() {{.*}} : () -> tensor<16x4x1x1xf32>
// GPU-NOT: tensor<4x1x1x16xf32>
// GPU-NOT: tensor<2x3x3x16xf32>
// CL-LABEL: __kernel void k0_conv(
// CL: for (long
// CL: = b1[{{.*}} + ((long)((uint)v{{[0-9]+}} % 2u) * 8))];
// CL: = b1[{{.*}} + ((long)((uint)v{{[0-9]+}} % 2u) * 8)) + 1)];
// EXEC: output_0: 784 elements, {{.*}}: ok
// EXEC: output_1: 784 elements, {{.*}}: ok
// EXEC: output_2: 196 elements, {{.*}}: ok
// EXEC: output_3: 4096 elements, {{.*}}: ok
func.func @main(%x: tensor<1x4x7x7xf32>, %y: tensor<1x2x7x7xf32>, %z: tensor<1x4x16x16xf32>)
    -> (tensor<1x16x7x7xf32>, tensor<1x16x7x7xf32>, tensor<1x4x7x7xf32>, tensor<1x16x16x16xf32>) {
  %w1 = "graph.constant"() <{value = dense<[[[[-0.5]], [[0.125]], [[-0.25]], [[0.25]]], [[[0.25]], [[-0.875]], [[-1.0]], [[0.625]]], [[[-0.5]], [[-0.5]], [[1.0]], [[0.0]]], [[[0.625]], [[0.0]], [[0.25]], [[-0.75]]], [[[0.25]], [[0.75]], [[0.0]], [[0.5]]], [[[0.375]], [[-0.875]], [[0.5]], [[0.125]]], [[[-0.375]], [[-1.0]], [[0.75]], [[0.0]]], [[[0.5]], [[0.75]], [[0.375]], [[0.875]]], [[[-0.25]], [[0.625]], [[-0.125]], [[0.875]]], [[[0.75]], [[-0.75]], [[-0.75]], [[-0.625]]], [[[0.875]], [[-0.125]], [[0.25]], [[-0.375]]], [[[0.0]], [[-0.25]], [[-0.25]], [[0.125]]], [[[0.125]], [[0.75]], [[0.375]], [[0.875]]], [[[0.75]], [[1.0]], [[0.375]], [[-0.625]]], [[[0.75]], [[0.875]], [[0.75]], [[0.125]]], [[[0.375]], [[-0.625]], [[0.625]], [[0.125]]]]> : tensor<16x4x1x1xf32>}> : () -> tensor<16x4x1x1xf32>
  %c1 = "graph.conv"(%x, %w1) : (tensor<1x4x7x7xf32>, tensor<16x4x1x1xf32>) -> tensor<1x16x7x7xf32>
  %w3 = "graph.constant"() <{value = dense<[[[[-0.375, -0.875, 0.75], [1.0, -0.875, 0.625], [-0.125, -0.75, -0.375]], [[0.5, 0.75, -0.875], [0.25, -0.875, 0.375], [-0.375, 0.75, 1.0]]], [[[0.0, 1.0, -0.375], [-0.875, 0.25, -0.875], [-0.625, -0.125, 0.25]], [[-0.75, -0.875, 0.75], [-0.375, 0.875, 0.75], [-0.25, -0.125, 0.0]]], [[[0.25, 0.25, 0.125], [0.25, 0.875, 0.0], [-0.125, 0.5, -0.5]], [[-0.375, 1.0, 0.0], [0.125, -1.0, -0.125], [0.125, -1.0, 0.25]]], [[[0.25, -0.875, 0.25], [-0.125, 0.375, -0.25], [0.375, 0.5, -1.0]], [[-0.875, 0.375, 0.875], [-0.5, -0.125, 0.125], [-0.375, -0.25, -0.375]]], [[[-0.25, 0.25, -0.375], [-0.25, 0.5, -1.0], [0.125, 0.5, -0.375]], [[-0.5, 0.625, -0.5], [-0.625, -0.125, 0.375], [-0.75, -0.375, -0.375]]], [[[0.625, -0.125, 0.75], [-0.625, -0.375, 0.25], [0.75, -0.125, -0.5]], [[-0.75, 0.0, -0.625], [0.625, 0.625, -0.625], [-0.5, 0.625, 0.25]]], [[[0.625, -0.25, -0.75], [-0.375, 0.625, -0.5], [-0.25, -0.125, -0.125]], [[-0.125, 0.875, -0.75], [-1.0, 0.875, 0.75], [1.0, -0.125, 0.875]]], [[[0.875, -0.5, 0.5], [0.625, 0.375, 0.0], [-0.375, -0.375, -0.5]], [[-0.875, 0.125, -0.375], [0.625, -0.875, 0.75], [0.375, 0.875, 0.75]]], [[[0.75, 0.125, -1.0], [0.5, -0.625, -0.375], [0.375, 0.0, -0.125]], [[0.875, 0.25, -0.375], [-0.5, 0.75, 0.0], [0.625, -0.25, -0.625]]], [[[0.125, 0.625, -0.625], [0.625, 0.875, 0.625], [0.625, -1.0, 0.25]], [[0.75, -0.875, -0.5], [-0.5, 0.0, -0.125], [0.0, 0.5, -1.0]]], [[[-0.875, -0.75, -0.75], [-0.875, 1.0, 0.75], [-0.875, 0.0, -0.375]], [[-0.375, -0.25, 0.25], [0.125, -0.25, -0.625], [-0.375, -0.75, 0.125]]], [[[0.375, -0.25, -0.875], [-0.625, -0.25, 0.25], [0.625, -0.25, 0.625]], [[0.25, -0.125, -0.25], [0.0, 0.375, -0.125], [0.375, -0.125, -0.5]]], [[[0.125, 0.375, -0.875], [-0.125, -0.125, 0.75], [0.875, -0.25, 0.75]], [[0.625, -0.5, -0.125], [-0.75, 0.625, 0.375], [0.75, 0.625, 0.375]]], [[[0.5, 0.125, -0.75], [0.125, -1.0, -0.75], [0.5, -0.875, -0.875]], [[-0.75, 0.75, -0.625], [-1.0, 0.625, -0.75], [0.75, 0.375, 0.625]]], [[[0.875, 0.125, 0.625], [-0.875, 0.5, 0.0], [0.375, -0.75, 0.5]], [[0.875, -0.875, -0.375], [0.125, 0.625, -0.5], [-0.625, -0.5, 0.25]]], [[[0.5, -0.25, -0.25], [-0.25, -0.25, -0.125], [-0.875, 0.0, 1.0]], [[-0.125, 0.5, -0.625], [0.375, 0.5, 0.375], [0.0, 0.0, 0.25]]]]> : tensor<16x2x3x3xf32>}> : () -> tensor<16x2x3x3xf32>
  %c3 = "graph.conv"(%y, %w3) <{pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x2x7x7xf32>, tensor<16x2x3x3xf32>) -> tensor<1x16x7x7xf32>
  %wd = "graph.constant"() <{value = dense<[[[[0.75, -0.75, -0.75], [0.5, 0.875, 0.0], [-0.125, 0.5, -0.625]]], [[[-0.5, -0.625, 0.125], [-0.375, -0.5, 0.375], [0.875, -0.375, 0.375]]], [[[-0.125, 0.75, 0.125], [-0.5, -0.625, -1.0], [0.0, -0.25, -0.625]]], [[[-0.25, -0.375, 0.5], [-0.75, 1.0, 0.0], [0.25, -0.125, 0.625]]]]> : tensor<4x1x3x3xf32>}> : () -> tensor<4x1x3x3xf32>
  %cd = "graph.conv"(%x, %wd) <{group = 4 : i64, pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x4x7x7xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x7x7xf32>
  %wl = "graph.constant"() <{value = dense<[[[[0.625]], [[0.125]], [[0.0]], [[0.5]]], [[[0.75]], [[-0.25]], [[0.5]], [[0.875]]], [[[-0.125]], [[-0.5]], [[-0.5]], [[0.375]]], [[[0.375]], [[0.875]], [[0.75]], [[-0.5]]], [[[-0.625]], [[-0.5]], [[-0.625]], [[0.375]]], [[[0.75]], [[0.75]], [[-0.5]], [[0.75]]], [[[-0.375]], [[-0.125]], [[0.5]], [[-0.875]]], [[[-0.875]], [[0.625]], [[-0.375]], [[-0.25]]], [[[0.125]], [[0.375]], [[-1.0]], [[-0.375]]], [[[-0.125]], [[0.0]], [[-0.625]], [[0.125]]], [[[0.875]], [[-0.25]], [[0.125]], [[-0.75]]], [[[-0.5]], [[0.375]], [[-0.75]], [[0.75]]], [[[0.875]], [[-0.75]], [[0.875]], [[-0.25]]], [[[0.5]], [[0.5]], [[-0.375]], [[0.375]]], [[[0.25]], [[0.625]], [[-0.5]], [[0.5]]], [[[0.875]], [[0.375]], [[0.125]], [[-0.75]]]]> : tensor<16x4x1x1xf32>}> : () -> tensor<16x4x1x1xf32>
  %cl = "graph.conv"(%z, %wl) : (tensor<1x4x16x16xf32>, tensor<16x4x1x1xf32>) -> tensor<1x16x16x16xf32>
  return %c1, %c3, %cd, %cl : tensor<1x16x7x7xf32>, tensor<1x16x7x7xf32>, tensor<1x4x7x7xf32>, tensor<1x16x16x16xf32>
}
