// On a SIMT device the lanes of a chain kernel step the row (here the
// softmax axis), so a producer recomputed inside the chain reads its inputs
// once per lane: when a read that moves with the row (the work-group) also
// steps more than one element from lane to lane (uncoalesced), the
// producer's cost, reduction length x reads, is multiplied by the profile's
// coalescing_penalty (4 on nvidia-h100) before the chain_inline_macs limit
// (256) applies. Inputs read alike by every work-group (weights) do not count.
// All three scores have a 32-long reduction read three times (96 multiply-adds).
// %s reads %k[b, j, d] (the transpose folded into the read by
// smartmem-eliminate): neighbouring lanes (j) are 32 floats apart and the
// address moves with b, so 96 x 4 = 384 > 256 and the scores keep their own
// kernel. %s2 reads %kt[b, d, j]: neighbouring lanes read neighbouring
// floats, 96 <= 256, recomputed in the softmax kernel. %s3 reads the weight
// %w[j, d]: 32 floats apart across lanes but the same for every row, so it
// is recomputed too.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,convert-layout-to-kernel,kernel-plan-memory)' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// CHECK: sym_name = "k0_matmul"
// CHECK: sym_name = "k1_softmax_div"
// CHECK: sym_name = "k2_softmax_div"
// CHECK: sym_name = "k3_softmax_div"
// CHECK-NOT: sym_name = "k4
// A limit of 384 takes all three into their softmax kernels.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,convert-layout-to-kernel{inline-max-macs=384})' | FileCheck %s --check-prefix=ALL
// ALL: sym_name = "k0_softmax_div"
// ALL: sym_name = "k1_softmax_div"
// ALL: sym_name = "k2_softmax_div"
// ALL-NOT: sym_name = "k3
// On the CPU profile (not SIMT, no inlining) every generic is its own kernel.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,convert-layout-to-kernel)' | grep -c 'sym_name = "k' | FileCheck %s --check-prefix=CPU
// CPU: {{^6$}}
// Results equal the reference interpreter's on the kernel-level interpreter and on OpenCL.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=OUT
// RUN: %if opencl-images %{ smrun %t.mlir --backend=opencl --test-data %t.ref | FileCheck %s --check-prefix=OUT %}
// OUT-COUNT-3: elements, {{.*}}: ok
func.func @main(%q: tensor<4x8x32xf32>, %k: tensor<4x8x32xf32>, %kt: tensor<4x32x8xf32>, %w: tensor<8x32xf32>)
    -> (tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>) {
  %t = "graph.transpose"(%k) {perm = array<i64: 0, 2, 1>} : (tensor<4x8x32xf32>) -> tensor<4x32x8xf32>
  %s = "graph.matmul"(%q, %t) : (tensor<4x8x32xf32>, tensor<4x32x8xf32>) -> tensor<4x8x8xf32>
  %p = "graph.softmax"(%s) {axis = -1 : i64} : (tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  %s2 = "graph.matmul"(%q, %kt) : (tensor<4x8x32xf32>, tensor<4x32x8xf32>) -> tensor<4x8x8xf32>
  %p2 = "graph.softmax"(%s2) {axis = -1 : i64} : (tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  %wt = "graph.transpose"(%w) {perm = array<i64: 1, 0>} : (tensor<8x32xf32>) -> tensor<32x8xf32>
  %s3 = "graph.matmul"(%q, %wt) : (tensor<4x8x32xf32>, tensor<32x8xf32>) -> tensor<4x8x8xf32>
  %p3 = "graph.softmax"(%s3) {axis = -1 : i64} : (tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  return %p, %p2, %p3 : tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>
}
