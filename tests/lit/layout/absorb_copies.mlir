// convert-layout-to-kernel stores a layout.convert between buffer layouts of
// a kernel's result in that kernel: a second kernel.store of the same value
// at the same logical index through the copy's layout, the copy a further
// kernel argument and a kernel.alloc beside the result's. No copy kernel.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel,kernel-plan-memory)' -o %t.mlir
// RUN: FileCheck %s < %t.mlir
// With absorb-copies=false every layout.convert is a k<N>_convert kernel.
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false},convert-layout-to-kernel{absorb-copies=false},kernel-plan-memory)' -o %t.off.mlir
// RUN: FileCheck %s --check-prefix=OFF < %t.off.mlir
// Same values as the interpreter on the layout-level module, on the
// kernel-level interpreter and on PoCL (seeded random inputs written by the
// first run).
// RUN: smc %s --passes='builtin.module(convert-graph-to-layout{fuse=false})' -o %t.layout.mlir
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %t.layout.mlir --output-dir %t.ref --seed 3 > /dev/null
// RUN: smrun %t.mlir --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// RUN: smrun %t.mlir --backend=opencl --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// RUN: smrun %t.mlir --backend=opencl --kernel-format=spirv --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// EXEC: output_0: 64 elements, max_abs_err=0.000e+00 {{.*}}: ok
// EXEC: output_1: 128 elements, max_abs_err=0.000e+00 {{.*}}: ok
// EXEC: output_2: 64 elements, {{.*}}: ok
// EXEC: output_3: 64 elements, max_abs_err=0.000e+00 {{.*}}: ok

// The matmul's kernel writes %t row-major and its transposed copy %tc.
// CHECK: "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k0_matmul"
// CHECK: "kernel.store"(%[[V:[0-9]+]], %arg2, %[[I:[0-9]+]], %[[J:[0-9]+]]) <{map = affine_map<(d0, d1) -> (d0 * 8 + d1)>}>
// CHECK-NEXT: "kernel.store"(%[[V]], %arg3, %[[I]], %[[J]]) <{map = affine_map<(d0, d1) -> (d1 * 8 + d0)>}>
// CHECK: sym_name = "k1_add"
// Not absorbed: a function argument's copy (no kernel computes %x) ...
// CHECK: sym_name = "k2_convert"
// CHECK: sym_name = "k3_relu"
// ... and a copy of a work-group kernel's result (Softmax's one kernel).
// CHECK: sym_name = "k4_softmax_div"
// CHECK: sym_name = "k5_convert"
// CHECK: sym_name = "k6_tanh"
// CHECK-NOT: sym_name = "k7
// The host plan: both buffers allocated before the one launch that writes them.
// CHECK: %[[T:[0-9]+]] = "kernel.alloc"() <{slot = {{[0-9]+}} : i64, type = tensor<8x8xf32>}>
// CHECK-NEXT: %[[TC:[0-9]+]] = "kernel.alloc"() <{slot = {{[0-9]+}} : i64, type = tensor<8x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>}>
// CHECK-NEXT: "kernel.launch"(%{{[0-9]+}}, %{{[0-9]+}}, %[[T]], %[[TC]]) <{callee = @k0_matmul
// CHECK-NEXT: kernel.alloc
// CHECK-NEXT: "kernel.launch"(%[[TC]], %[[T]], %{{[0-9]+}}) <{callee = @k1_add

// OFF: sym_name = "k0_matmul"
// OFF: sym_name = "k1_convert"
// OFF: sym_name = "k2_add"
// OFF: sym_name = "k3_convert"
// OFF: sym_name = "k5_softmax_div"
// OFF: sym_name = "k6_convert"

func.func @main(%x: tensor<8x16xf32>, %y: tensor<16x8xf32>) -> (tensor<8x8xf32>, tensor<8x16xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %t = "graph.matmul"(%x, %y) : (tensor<8x16xf32>, tensor<16x8xf32>) -> tensor<8x8xf32>
  %tc = "layout.convert"(%t) : (tensor<8x8xf32>) -> tensor<8x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>
  %a = "graph.add"(%tc, %t) : (tensor<8x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>, tensor<8x8xf32>) -> tensor<8x8xf32>
  %xc = "layout.convert"(%x) : (tensor<8x16xf32>) -> tensor<8x16xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>
  %b = "graph.relu"(%xc) : (tensor<8x16xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>) -> tensor<8x16xf32>
  %n = "graph.softmax"(%t) <{axis = 1 : i64}> : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %nc = "layout.convert"(%n) : (tensor<8x8xf32>) -> tensor<8x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>
  %c = "graph.tanh"(%nc) : (tensor<8x8xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 8 + d0)>>>) -> tensor<8x8xf32>
  return %a, %b, %c, %t : tensor<8x8xf32>, tensor<8x16xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}
