// On a SIMT device the lanes of a chain kernel step the row (here the
// softmax axis), so a producer recomputed inside the chain reads its inputs
// once per lane: when those reads step more than one element from lane to
// lane (uncoalesced) its cost, reduction length x reads, is multiplied by the
// profile's coalescing_penalty (4 on nvidia-h100) before the
// chain_inline_macs limit (256) applies.
// Both scores have a 32-long reduction read three times (96 multiply-adds).
// %s reads %b[j, k]: neighbouring lanes (j) are 32 floats apart, 96 x 4 =
// 384 > 256, so it keeps its own kernel. %s2 reads %c[k, j]: neighbouring
// lanes are neighbouring floats, 96 <= 256, so it is recomputed in the
// softmax kernel.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// CHECK: sym_name = "k0_gemm"
// CHECK: sym_name = "k1_softmax_div"
// CHECK: sym_name = "k2_softmax_div"
// CHECK-NOT: sym_name = "k3
// A limit above 384 takes both into their softmax kernels.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel{inline-max-macs=384})' | FileCheck %s --check-prefix=BOTH
// BOTH: sym_name = "k0_softmax_div"
// BOTH: sym_name = "k1_softmax_div"
// BOTH-NOT: sym_name = "k2
// On the CPU profile (not SIMT, no inlining) every generic is its own kernel.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel)' | FileCheck %s --check-prefix=CPU
// CPU: sym_name = "k0_gemm"
// CPU: sym_name = "k1_softmax_div"
// CPU: sym_name = "k2_gemm"
// CPU: sym_name = "k3_softmax_div"
// Results equal the reference interpreter's on the kernel-level interpreter and on OpenCL.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=OUT
// RUN: %if opencl-images %{ smrun %t.mlir --backend=opencl --test-data %t.ref | FileCheck %s --check-prefix=OUT %}
// OUT-COUNT-2: elements, {{.*}}: ok
func.func @main(%a: tensor<8x32xf32>, %b: tensor<8x32xf32>, %c: tensor<32x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>) {
  %s = "graph.gemm"(%a, %b) {transB = 1 : i64} : (tensor<8x32xf32>, tensor<8x32xf32>) -> tensor<8x8xf32>
  %p = "graph.softmax"(%s) {axis = -1 : i64} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %s2 = "graph.gemm"(%a, %c) : (tensor<8x32xf32>, tensor<32x8xf32>) -> tensor<8x8xf32>
  %p2 = "graph.softmax"(%s2) {axis = -1 : i64} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  return %p, %p2 : tensor<8x8xf32>, tensor<8x8xf32>
}
