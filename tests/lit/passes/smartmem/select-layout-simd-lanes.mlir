// smartmem-select-layout on a SIMD device (select_layouts: false, e.g.
// pocl-cpu): no tensor is re-laid out, but an operand that a reduction
// re-reads for every row and whose vector lanes (the fastest parallel dim)
// step through a dim that is not innermost is made lane-contiguous: a weight
// by permuting its data (free), an activation by a copy kernel ("convert",
// counted) of just the elements read. A row-major B operand, an element-wise
// read and a GPU profile get none of this.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,smartmem-select-layout{report})' 2>&1 | FileCheck %s
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse,smartmem-select-layout)' | FileCheck %s --check-prefix=GPU
// RUN: smc %s --device-profile=pocl-cpu --stats | FileCheck %s --check-prefix=STATS
// Same values as the interpreter's reference, on the interpreter and on OpenCL.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 4 > /dev/null
// RUN: smrun %s --device-profile=pocl-cpu --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// RUN: smrun %s --backend=opencl --device-profile=pocl-cpu --test-data %t.ref | FileCheck %s --check-prefix=EXEC

// CHECK: smartmem-select-layout: 0 tensors, 0 re-laid out, 1 weights permuted, 1 redundant copies (1024 bytes)
// K^T is gathered into [2, 16, 8] (lanes along the last dim) before the scores.
// CHECK: %[[KT:[0-9]+]] = "layout.generic"(%arg1) {{.*}}affine_map<(d0, d1, d2) -> (d0, d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>{{.*}}kind = "convert"
// CHECK: {smartmem.lane_copy} : (tensor<2x8x16xf32>) -> tensor<2x16x8xf32>
// CHECK: "layout.generic"(%arg0, %[[KT]]) {{.*}}affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>{{.*}}kind = "matmul"
// The Gemm's transB weight [8, 16] is stored transposed as [16, 8].
// CHECK: "graph.constant"() {{.*}} : () -> tensor<16x8xf32>
// CHECK: kind = "gemm"
// CHECK: }) : (tensor<8x16xf32>, tensor<16x8xf32>, tensor<8xf32>) -> tensor<8x8xf32>
// Not touched: the row-major B of a plain matmul, the element-wise relu.
// CHECK: "layout.generic"(%arg2, %arg3) {{.*}}affine_map<(d0, d1, d2) -> (d2, d1)>{{.*}}kind = "matmul"
// CHECK: "layout.generic"(%arg1) {{.*}}kind = "relu"
// CHECK-NOT: lane_copy

// GPU-NOT: lane_copy

// STATS: "conversion_kernels": 1

// EXEC-COUNT-4: : ok

func.func @main(%q: tensor<2x8x16xf32>, %k: tensor<2x8x16xf32>, %x: tensor<8x16xf32>, %y: tensor<16x8xf32>)
    -> (tensor<2x8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<2x16x8xf32>) {
  %kt = "graph.transpose"(%k) <{perm = array<i64: 0, 2, 1>}> : (tensor<2x8x16xf32>) -> tensor<2x16x8xf32>
  %s = "graph.matmul"(%q, %kt) : (tensor<2x8x16xf32>, tensor<2x16x8xf32>) -> tensor<2x8x8xf32>
  %w = "graph.constant"() <{value = dense<[[-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25], [0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25], [0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75], [1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5], [-0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0], [0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5], [0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1], [-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, -0.5, -0.25]]> : tensor<8x16xf32>}> : () -> tensor<8x16xf32>
  %b = "graph.constant"() <{value = dense<1.0> : tensor<8xf32>}> : () -> tensor<8xf32>
  %g = "graph.gemm"(%x, %w, %b) <{transB = 1 : i64}> : (tensor<8x16xf32>, tensor<8x16xf32>, tensor<8xf32>) -> tensor<8x8xf32>
  %m = "graph.matmul"(%x, %y) : (tensor<8x16xf32>, tensor<16x8xf32>) -> tensor<8x8xf32>
  %e = "graph.relu"(%kt) : (tensor<2x16x8xf32>) -> tensor<2x16x8xf32>
  return %s, %g, %m, %e : tensor<2x8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<2x16x8xf32>
}
