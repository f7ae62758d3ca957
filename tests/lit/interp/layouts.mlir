// Layout encodings in the interpreter: tensors are held in their physical
// form and every access goes through the layout map. A transposing relu
// written at the layout level over a column-major buffer and a 2.5D image
// must match the graph-level transpose + relu; the buffer-only version must
// still match after lowering to kernels (layout.convert becomes a copy
// kernel storing through the encoded layout).
// RUN: rm -rf %t && split-file %s %t && mkdir -p %t/ref
// RUN: smrun %t/graph.mlir --seed 11 --output-dir %t/ref > /dev/null
// RUN: smrun %t/image.mlir --test-data %t/ref | FileCheck %s
// RUN: smrun %t/buffer.mlir --test-data %t/ref | FileCheck %s
// RUN: smc %t/buffer.mlir --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' -o %t/k.mlir
// RUN: FileCheck %s --check-prefix=KERNEL < %t/k.mlir
// RUN: smrun %t/k.mlir --test-data %t/ref | FileCheck %s
// CHECK: output_0: 12 elements, {{.*}}: ok
// KERNEL: "kernel.store"{{.*}}affine_map<(d0, d1) -> (d1 * 2 + d0)>
// KERNEL: "kernel.alloc"() <{slot = {{[0-9]+}} : i64, type = tensor<2x6xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 2 + d0)>>>}>

//--- graph.mlir
func.func @main(%x: tensor<2x6xf32>) -> tensor<6x2xf32> {
  %0 = "graph.transpose"(%x) <{perm = array<i64: 1, 0>}> : (tensor<2x6xf32>) -> tensor<6x2xf32>
  %1 = "graph.relu"(%0) : (tensor<6x2xf32>) -> tensor<6x2xf32>
  return %1 : tensor<6x2xf32>
}

//--- image.mlir
func.func @main(%x: tensor<2x6xf32>) -> tensor<6x2xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 6 + d0)>>> {
  %0 = "layout.convert"(%x) : (tensor<2x6xf32>) -> tensor<2x6xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 2 + d0)>>>
  %1 = "layout.convert"(%0) : (tensor<2x6xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 2 + d0)>>>) -> tensor<2x6xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
  %2 = "layout.generic"(%1) <{domain = array<i64: 6, 2>, indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "transpose_relu"}> ({
  ^bb0(%a: f32, %acc: f32):
    %z = arith.constant 0.0 : f32
    %r = arith.maximumf %a, %z : f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<2x6xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>) -> tensor<6x2xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 6 + d0)>>>
  return %2 : tensor<6x2xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 6 + d0)>>>
}

//--- buffer.mlir
func.func @main(%x: tensor<2x6xf32>) -> tensor<6x2xf32> {
  %0 = "layout.convert"(%x) : (tensor<2x6xf32>) -> tensor<2x6xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 2 + d0)>>>
  %1 = "layout.generic"(%0) <{domain = array<i64: 6, 2>, indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "transpose_relu"}> ({
  ^bb0(%a: f32, %acc: f32):
    %z = arith.constant 0.0 : f32
    %r = arith.maximumf %a, %z : f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<2x6xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 2 + d0)>>>) -> tensor<6x2xf32>
  return %1 : tensor<6x2xf32>
}
