// The SIMD (CPU) schedule of convert-layout-to-kernel: with
// fastest-dim=blocked (auto picks it when the module's device profile has a
// preferred vector width above 4, e.g. pocl-cpu) a work-item takes W
// consecutive elements of the fastest parallel dim (j, extent 40: W = 8)
// instead of every N/W-th, so that its loads and stores are adjacent
// (vectorizable); another dim is blocked as before.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' | FileCheck %s --check-prefix=BLK
// BLK: sym_name = "k0_matmul", work_items = 160 : i64
// BLK: %[[J:[0-9]+]] = "kernel.apply"(%0) <{map = affine_map<(d0) -> (d0 mod 5)>}>
// BLK: "kernel.apply"(%[[J]]) <{map = affine_map<(d0) -> (d0 * 8)>}>
// BLK: "kernel.apply"(%[[J]]) <{map = affine_map<(d0) -> (d0 * 8 + 1)>}>
// BLK: "kernel.apply"(%[[J]]) <{map = affine_map<(d0) -> (d0 * 8 + 7)>}>
// BLK-NOT: arith.minsi
// BLK-COUNT-16: "kernel.store"
// BLK-NOT: "kernel.store"
// BLK: sym_name = "k1_relu", work_items = 2560 : i64

// auto follows the device profile: pocl-cpu (vector width 16) is blocked,
// nvidia-h100 (1) and no profile (the built-in one, 4) keep the cyclic
// tiles (j, j + 10, ..) that neighbouring GPU work-items coalesce.
// RUN: sed 's/^func.func/module attributes {smartmem.device_profile = "pocl-cpu"} {\nfunc.func/; $a }' %s > %t.pocl.mlir
// RUN: smc %t.pocl.mlir --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=BLK
// RUN: sed 's/^func.func/module attributes {smartmem.device_profile = "nvidia-h100"} {\nfunc.func/; $a }' %s > %t.h100.mlir
// (nvidia-h100 asks for 33,792 work-items: min-work-items=256 gives the
// default's tile, cyclic all the same.)
// RUN: smc %t.h100.mlir --passes='builtin.module(convert-layout-to-kernel{min-work-items=256})' | FileCheck %s --check-prefix=CYC
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=CYC
// RUN: smc %t.pocl.mlir --passes='builtin.module(convert-layout-to-kernel{fastest-dim=cyclic})' | FileCheck %s --check-prefix=CYC
// CYC: sym_name = "k0_matmul", work_items = 320 : i64
// CYC: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> (d0 + 10)>}>
// CYC-NOT: affine_map<(d0) -> (d0 * 8 + 1)>
// CYC: sym_name = "k1_relu"

// A tile that does not divide the fastest dim (16 of 40: the tuner's space
// has it) is ragged: the last tile is shifted back to end at the extent
// (base = min(16 w, 24)), so its points stay consecutive; cyclic tiling
// refuses it.
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 1, 2, 16, 1>}} : (tensor<2x32x24xf32>/' %s > %t.s16.mlir
// RUN: smc %t.s16.mlir --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' | FileCheck %s --check-prefix=RAG
// RAG: sym_name = "k0_matmul", work_items = 96 : i64
// RAG: %[[W:[0-9]+]] = "kernel.apply"(%{{[0-9]+}}) <{map = affine_map<(d0) -> (d0 * 16)>}>
// RAG: %[[B:[0-9]+]] = arith.minsi %[[W]], %c24 : index
// RAG: "kernel.apply"(%[[B]]) <{map = affine_map<(d0) -> (d0 + 1)>}>
// RAG: "kernel.apply"(%[[B]]) <{map = affine_map<(d0) -> (d0 + 15)>}>
// RAG-COUNT-32: "kernel.store"
// RAG-NOT: "kernel.store"
// RAG: sym_name = "k1_relu"
// RUN: not smc %t.s16.mlir --passes='builtin.module(convert-layout-to-kernel{fastest-dim=cyclic})' 2>&1 | FileCheck %s --check-prefix=RAGC
// RAGC: error: 'layout.generic' op 'kernel.schedule' tile 16 of dim 2 must be at most 16 and the extent 40 of a parallel dim (and divide it for the fastest dim, tiled cyclically)

// Bad option values are errors.
// RUN: not smc %s --passes='builtin.module(convert-layout-to-kernel{fastest-dim=diagonal})' 2>&1 | FileCheck %s --check-prefix=BADFD
// BADFD: error: fastest-dim must be auto, cyclic or blocked, not 'diagonal'
// RUN: not smc %s --passes='builtin.module(convert-layout-to-kernel{vector-tile=12})' 2>&1 | FileCheck %s --check-prefix=BADVT
// BADVT: error: vector-tile must be a power of two in [4, 16]

// The schedules compute the same numbers: the interpreter at kernel level
// and PoCL (pocl-cpu profile: blocked, and the ragged 16-wide schedule)
// against the interpreter's layout-level reference.
// RUN: rm -rf %t.ref && mkdir -p %t.ref
// RUN: smrun %s --output-dir %t.ref
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' -o %t.blk.mlir
// RUN: smrun %t.blk.mlir --test-data %t.ref | FileCheck %s --check-prefix=OK
// RUN: smc %t.s16.mlir --passes='builtin.module(convert-layout-to-kernel{fastest-dim=blocked})' -o %t.rag.mlir
// RUN: smrun %t.rag.mlir --test-data %t.ref | FileCheck %s --check-prefix=OK
// OK: output_0: 2560 elements, {{.*}}: ok
func.func @main(%arg0: tensor<2x32x24xf32>, %arg1: tensor<24x40xf32>) -> tensor<2x32x40xf32> {
  %0 = "layout.generic"(%arg0, %arg1) <{domain = array<i64: 2, 32, 40, 24>, indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], init = [0.000000e+00 : f32], iterator_types = ["parallel", "parallel", "parallel", "reduction"], kind = "matmul"}> ({
  ^bb0(%arg2: f32, %arg3: f32, %arg4: f32):
    %1 = arith.mulf %arg2, %arg3 : f32
    %2 = arith.addf %arg4, %1 : f32
    "layout.yield"(%2) : (f32) -> ()
  }, {
  }) : (tensor<2x32x24xf32>, tensor<24x40xf32>) -> tensor<2x32x40xf32>
  %3 = "layout.generic"(%0) <{domain = array<i64: 2, 32, 40>, indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"], kind = "relu"}> ({
  ^bb0(%a: f32, %acc: f32):
    %z = arith.constant 0.000000e+00 : f32
    %r = arith.maximumf %a, %z : f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<2x32x40xf32>) -> tensor<2x32x40xf32>
  return %3 : tensor<2x32x40xf32>
}
