// A cheap producer that feeds only a normalisation chain is recomputed
// inside the chain's work-group kernel instead of being stored and loaded:
// attention scores (a matmul with a 16-long reduction, read three times by
// Softmax: 48 multiply-adds per score, under the 256 limit) become a
// kernel.for inside each group loop, and the scores never reach memory.
// The limit comes from the device profile (chain_inline_macs: 256 on the
// GPU profiles, 0 on pocl-cpu and the built-in default) or the option.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)' > %t.mlir
// RUN: FileCheck %s < %t.mlir
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel{inline-max-macs=256},kernel-plan-memory)' | FileCheck %s
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel)' | grep -c '"kernel.func"' | FileCheck %s --check-prefix=CPU
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel{inline-max-macs=0})' | grep -c '"kernel.func"' | FileCheck %s --check-prefix=CPU
// CPU: 7
// Results equal the reference interpreter's, on the kernel-level
// interpreter, on OpenCL C and on SPIR-V.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=OUT
// RUN: smrun %t.mlir --backend=opencl --test-data %t.ref | FileCheck %s --check-prefix=OUT
// RUN: smrun %t.mlir --backend=opencl --kernel-format=spirv --test-data %t.ref | FileCheck %s --check-prefix=OUT
// group-kernels=false: no chains, so nothing is inlined (one kernel per generic).
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel{group-kernels=false})' | grep -c '"kernel.func"' | FileCheck %s --check-prefix=OFF
// OFF: 13

// @main: the scores' matmul is inside the first softmax kernel (the
// transpose stays a copy kernel here: smartmem-eliminate is not run).
// CHECK: sym_name = "k0_transpose"
// CHECK: sym_name = "k1_softmax_div"
// CHECK: "kernel.group_reduce"({{.*}}) <{kind = "arith.maximumf", lower = 0 : i64, step = 1 : i64, upper = 8 : i64}>
// CHECK: "kernel.for"({{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 16 : i64}>
// CHECK: "kernel.group_reduce"({{.*}}) <{kind = "arith.addf"
// CHECK: "kernel.for"({{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 16 : i64}>
// CHECK: "kernel.group_for"()
// CHECK: "kernel.for"({{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 16 : i64}>
// What it must not inline: a producer with another user (%s2 is also
// returned), and one too expensive to recompute (a 128-long reduction read
// three times: 384 > 256). Each keeps its own kernel and buffer.
// CHECK: sym_name = "k2_matmul"
// CHECK: sym_name = "k3_softmax_div"
// CHECK: sym_name = "k4_matmul"
// CHECK: sym_name = "k5_softmax_div"
// CHECK: "kernel.host"
// CHECK-COUNT-6: "kernel.launch"
// CHECK-NOT: "kernel.launch"


// OUT-COUNT-4: elements, {{.*}}: ok
func.func @main(%q: tensor<4x8x16xf32>, %k: tensor<4x8x16xf32>, %a: tensor<8x128xf32>, %b: tensor<128x8xf32>)
    -> (tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<8x8xf32>) {
  %kt = "graph.transpose"(%k) {perm = array<i64: 0, 2, 1>} : (tensor<4x8x16xf32>) -> tensor<4x16x8xf32>
  %s = "graph.matmul"(%q, %kt) : (tensor<4x8x16xf32>, tensor<4x16x8xf32>) -> tensor<4x8x8xf32>
  %p = "graph.softmax"(%s) {axis = -1 : i64} : (tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  %s2 = "graph.matmul"(%q, %kt) : (tensor<4x8x16xf32>, tensor<4x16x8xf32>) -> tensor<4x8x8xf32>
  %p2 = "graph.softmax"(%s2) {axis = -1 : i64} : (tensor<4x8x8xf32>) -> tensor<4x8x8xf32>
  %s3 = "graph.matmul"(%a, %b) : (tensor<8x128xf32>, tensor<128x8xf32>) -> tensor<8x8xf32>
  %p3 = "graph.softmax"(%s3) {axis = -1 : i64} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  return %p, %p2, %s2, %p3 : tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<4x8x8xf32>, tensor<8x8xf32>
}
