// The baseline pipeline one pass at a time on a small model covering the
// lowering patterns (padded conv + bias + fused relu, pooling, reshape and
// transpose copies, softmax's reductions, concat, data-dependent gather):
// the interpreter must give the graph-level outputs (seeded random inputs)
// on the layout-, kernel- and planned kernel-level IR.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smrun %s --seed 7 --output-dir %t/ref | FileCheck %s --check-prefix=REF
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout)' -o %t/l.mlir
// RUN: smrun %t/l.mlir --test-data %t/ref | FileCheck %s
// RUN: smc %t/l.mlir --passes='builtin.module(convert-layout-to-kernel)' -o %t/k.mlir
// RUN: smrun %t/k.mlir --test-data %t/ref | FileCheck %s
// RUN: smc %t/k.mlir --passes='builtin.module(kernel-plan-memory)' -o %t/p.mlir
// RUN: smrun %t/p.mlir --test-data %t/ref | FileCheck %s
// Without fusion: more kernels, more buffers sharing slots.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,kernel-plan-memory)' -o %t/nf.mlir
// RUN: smrun %t/nf.mlir --test-data %t/ref | FileCheck %s
// REF: output_0: wrote
// REF: output_1: wrote
// REF: output_2: wrote
// CHECK: output_0: 128 elements, {{.*}}: ok
// CHECK: output_1: 32 elements, {{.*}}: ok
// CHECK: output_2: 120 elements, {{.*}}: ok
func.func @main(%x: tensor<1x3x8x8xf32>, %w: tensor<2x3x3x3xf32>, %b: tensor<2xf32>, %t: tensor<16x8xf32>, %i: tensor<3x5xi64>) -> (tensor<1x2x8x8xf32>, tensor<1x2x4x4xf32>, tensor<3x5x8xf32>) {
  %0 = "graph.conv"(%x, %w, %b) <{dilations = array<i64: 1, 1>, group = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>}> : (tensor<1x3x8x8xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>) -> tensor<1x2x8x8xf32>
  %1 = "graph.relu"(%0) : (tensor<1x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  %2 = "graph.max_pool"(%1) <{kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 0>}> : (tensor<1x2x8x8xf32>) -> tensor<1x2x4x4xf32>
  %3 = "graph.reshape"(%2) <{shape = array<i64: 2, 16>}> : (tensor<1x2x4x4xf32>) -> tensor<2x16xf32>
  %4 = "graph.transpose"(%3) <{perm = array<i64: 1, 0>}> : (tensor<2x16xf32>) -> tensor<16x2xf32>
  %5 = "graph.softmax"(%4) <{axis = 0 : i64}> : (tensor<16x2xf32>) -> tensor<16x2xf32>
  %6 = "graph.reshape"(%5) <{shape = array<i64: 1, 2, 4, 4>}> : (tensor<16x2xf32>) -> tensor<1x2x4x4xf32>
  %7 = "graph.gather"(%t, %i) <{axis = 0 : i64}> : (tensor<16x8xf32>, tensor<3x5xi64>) -> tensor<3x5x8xf32>
  %8 = "graph.concat"(%1, %1) <{axis = 0 : i64}> : (tensor<1x2x8x8xf32>, tensor<1x2x8x8xf32>) -> tensor<2x2x8x8xf32>
  %9 = "graph.slice"(%8) <{axes = array<i64: 0>, ends = array<i64: 2>, starts = array<i64: 1>, steps = array<i64: 1>}> : (tensor<2x2x8x8xf32>) -> tensor<1x2x8x8xf32>
  return %9, %6, %7 : tensor<1x2x8x8xf32>, tensor<1x2x4x4xf32>, tensor<3x5x8xf32>
}
