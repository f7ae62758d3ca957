// The SIMD schedule of a producer that writes through a transpose (what
// smartmem-eliminate makes of MatMul -> Transpose): the last parallel dim
// (n) stores 64 elements apart here, the m dim stores contiguously.
// @short (K = 16: A's rows are 16 floats apart along m, within one 64-byte
// line) vectorizes m: its 16 stores are consecutive; @long (K = 96: A's rows
// 96 floats apart) keeps n, whose reads are the contiguous ones, and stores
// strided (docs/opencl-backend.md, "SIMD default").
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' | FileCheck %s
// CHECK-LABEL: sym_name = "k0_matmul", work_items = 64 : i64
// m (64 = 4 tiles of 16) is the innermost work-item dim, tiled by 16.
// CHECK: %[[M:[0-9]+]] = "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 mod 4)>}>
// CHECK: "kernel.apply"(%[[M]]) <{map = affine_map<(d0) -> (d0 * 16)>}>
// CHECK: "kernel.apply"(%[[M]]) <{map = affine_map<(d0) -> (d0 * 16 + 15)>}>
// CHECK-LABEL: sym_name = "k1_matmul", work_items = 64 : i64
// n (32 = 2 tiles of 16) stays innermost.
// CHECK: %[[N:[0-9]+]] = "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 mod 2)>}>
// CHECK: "kernel.apply"(%[[N]]) <{map = affine_map<(d0) -> (d0 * 16)>}>
// CHECK: "kernel.apply"(%[[N]]) <{map = affine_map<(d0) -> (d0 * 16 + 15)>}>

// Both compute what the layout-level interpreter computes, on the kernel
// interpreter and on PoCL.
// RUN: rm -rf %t.ref && mkdir -p %t.ref
// RUN: smrun %s --output-dir %t.ref
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' -o %t.blk.mlir
// RUN: smrun %t.blk.mlir --test-data %t.ref | FileCheck %s --check-prefix=OK
// RUN: sed 's/^func.func/module attributes {smartmem.device_profile = "pocl-cpu"} {\nfunc.func/; $a }' %s > %t.pocl.mlir
// RUN: smrun %t.pocl.mlir --backend=opencl --test-data %t.ref | FileCheck %s --check-prefix=OK
// OK: output_0: 2048 elements, {{.*}}: ok
// OK: output_1: 2048 elements, {{.*}}: ok
func.func @main(%a: tensor<64x16xf32>, %b: tensor<16x32xf32>, %c: tensor<64x96xf32>, %d: tensor<96x32xf32>) -> (tensor<32x64xf32>, tensor<32x64xf32>) {
  %0 = "layout.generic"(%a, %b) <{domain = array<i64: 64, 32, 16>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d1, d0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "matmul"}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    "layout.yield"(%s) : (f32) -> ()
  }, {
  }) : (tensor<64x16xf32>, tensor<16x32xf32>) -> tensor<32x64xf32>
  %1 = "layout.generic"(%c, %d) <{domain = array<i64: 64, 32, 96>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d1, d0)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "reduction"], kind = "matmul"}> ({
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    "layout.yield"(%s) : (f32) -> ()
  }, {
  }) : (tensor<64x96xf32>, tensor<96x32xf32>) -> tensor<32x64xf32>
  return %0, %1 : tensor<32x64xf32>, tensor<32x64xf32>
}
