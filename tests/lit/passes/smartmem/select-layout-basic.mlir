// smartmem-select-layout on a small graph: which tensors get a layout, which
// keep row-major, and that the chosen layouts compute the same outputs.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout{report})' -o %t/s.mlir 2> %t/report.txt
// RUN: FileCheck %s < %t/s.mlir
// RUN: FileCheck %s --check-prefix=REPORT < %t/report.txt
// The interpreter stores tensors in their layouts: same outputs as the graph
// (seeded random inputs), at the layout level and after lowering to kernels.
// RUN: smrun %s --seed 3 --output-dir %t/ref | FileCheck %s --check-prefix=REF
// RUN: smrun %t/s.mlir --test-data %t/ref | FileCheck %s --check-prefix=OUT
// RUN: smc %t/s.mlir --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' -o %t/k.mlir
// RUN: smrun %t/k.mlir --test-data %t/ref | FileCheck %s --check-prefix=OUT
// The exact search agrees with the heuristic here and chooses the same IR.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout{search=exact})' -o %t/x.mlir
// RUN: diff %t/s.mlir %t/x.mlir
// REF: output_0: wrote
// OUT: output_0: 24 elements, {{.*}}: ok
// OUT: output_1: 24 elements, {{.*}}: ok

// %p is read as B of a matmul (reduction over its dim 0): it is written
// with dim 0 innermost, and its reader sees the encoded type.
// CHECK-LABEL: func.func @main
// CHECK: "graph.constant"() <{value = dense<{{.*}}> : tensor<6x4xf32>}> : () -> tensor<6x4xf32>
// CHECK: }) : (tensor<6x8xf32>, tensor<8x8xf32>) -> tensor<6x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 6 + d0)>>>
// CHECK: }) : (tensor<4x6xf32>, tensor<6x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 6 + d0)>>>) -> tensor<4x8xf32>
// Reads that already run along the contiguous dim change nothing: %q (read
// by a transpose whose write order is as good) stays row-major, and so does
// the element-wise-only %s.
// CHECK-NOT: #layout.buffer
// The weight read as B (reduction over its dim 0) is permuted at compile
// time (the 4x6 constant above became 6x4) and read through the swapped map.
// CHECK: indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>]
// CHECK-NOT: #layout.buffer
// CHECK: return
// REPORT: smartmem-select-layout: {{[0-9]+}} tensors, 1 re-laid out, 1 weights permuted, 0 redundant copies (0 bytes); cost heuristic [[C:[0-9]+]], optimal [[C]] (ratio 1.0000

func.func @main(%x: tensor<4x6xf32>, %y: tensor<6x8xf32>, %z: tensor<8x8xf32>) -> (tensor<4x6xf32>, tensor<4x6xf32>) {
  %w = "graph.constant"() <{value = dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [0.5, 0.25, 1.5, -1.0, 2.0, 0.0], [3.0, -2.0, 1.0, 0.0, 1.0, 2.0], [1.0, 1.0, -1.0, 2.0, 0.5, 0.5]]> : tensor<4x6xf32>}> : () -> tensor<4x6xf32>
  %p = "graph.matmul"(%y, %z) : (tensor<6x8xf32>, tensor<8x8xf32>) -> tensor<6x8xf32>
  %a = "graph.matmul"(%x, %p) : (tensor<4x6xf32>, tensor<6x8xf32>) -> tensor<4x8xf32>
  %q = "graph.matmul"(%a, %z) : (tensor<4x8xf32>, tensor<8x8xf32>) -> tensor<4x8xf32>
  %t = "graph.transpose"(%q) <{perm = array<i64: 1, 0>}> : (tensor<4x8xf32>) -> tensor<8x4xf32>
  %r = "graph.relu"(%x) : (tensor<4x6xf32>) -> tensor<4x6xf32>
  %s = "graph.add"(%r, %x) : (tensor<4x6xf32>, tensor<4x6xf32>) -> tensor<4x6xf32>
  %u = "graph.matmul"(%t, %w) : (tensor<8x4xf32>, tensor<4x6xf32>) -> tensor<8x6xf32>
  %v = "graph.reshape"(%u) <{shape = array<i64: 4, 12>}> : (tensor<8x6xf32>) -> tensor<4x12xf32>
  %o = "graph.slice"(%v) <{axes = array<i64: 1>, ends = array<i64: 6>, starts = array<i64: 0>, steps = array<i64: 1>}> : (tensor<4x12xf32>) -> tensor<4x6xf32>
  return %o, %s : tensor<4x6xf32>, tensor<4x6xf32>
}
