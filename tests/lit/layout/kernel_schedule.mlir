// Register tiling and unrolling in convert-layout-to-kernel (the kernel's
// schedule). Default: the two parallel dims that most body loads do not
// use (here j: A is shared, then i: B is shared) get power-of-two tiles
// <= max-tile dividing their extent while >= min-work-items remain; each
// point carries its own accumulator through the shared loop and A / B are
// loaded once per row / column of the tile.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=DEF
// DEF: sym_name = "k0_matmul", work_items = 320 : i64
// The fastest dim (j, extent 40, tile 4) is cyclic (j, j + 10, ..); i is blocked (2 i, 2 i + 1).
// DEF: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> (d0 * 2)>}>
// DEF: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> (d0 * 2 + 1)>}>
// DEF: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> (d0 + 10)>}>
// DEF: "kernel.apply"(%{{.*}}) <{map = affine_map<(d0) -> (d0 + 30)>}>
// DEF: = "kernel.for"(%[[Z:[a-z0-9_]+]], %[[Z]], %[[Z]], %[[Z]], %[[Z]], %[[Z]], %[[Z]], %[[Z]]) <{lower = 0 : i64, step = 1 : i64, upper = 24 : i64}>
// DEF-COUNT-2: "kernel.load"(%arg0,
// DEF-NOT: "kernel.load"(%arg0,
// DEF: "kernel.yield"
// DEF-COUNT-8: "kernel.store"
// DEF-NOT: "kernel.store"
// DEF: sym_name = "k1_relu"
// DEF: "kernel.launch"(%{{.*}}, %{{.*}}, %{{.*}}) <{callee = @k0_matmul, work_items = 320 : i64}>
// The B loads: 4 per iteration (one per tile column), not 8.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel)' | grep -c '"kernel.load"(%%arg1' | FileCheck %s --check-prefix=BLOADS
// BLOADS: 4

// max-tile=1: one point per work-item, as the baseline did.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{max-tile=1})' | FileCheck %s --check-prefix=ONE
// ONE: work_items = 2560 : i64
// ONE: = "kernel.for"(%{{[a-z0-9_]+}}) <{lower = 0 : i64, step = 1 : i64, upper = 24 : i64}>
// ONE-COUNT-1: "kernel.store"
// ONE-NOT: "kernel.store"
// ONE: sym_name = "k1_relu"
// A lower min-work-items lets the default take 4 x 4.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{min-work-items=1})' | FileCheck %s --check-prefix=BIG
// BIG: work_items = 160 : i64
// BIG-COUNT-16: "kernel.store"

// An explicit schedule (what the tuner writes): tile the batch dim by 2 and
// j by 5, unroll the reduction by 3 (step 3, body three times).
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 2, 1, 5, 1>, unroll = 3}} : (tensor<2x32x24xf32>/' %s > %t.sched.mlir
// RUN: grep -q 'kernel.schedule' %t.sched.mlir
// RUN: smc %t.sched.mlir --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=SCHED
// SCHED: work_items = 256 : i64
// SCHED: = "kernel.for"({{.*}}) <{lower = 0 : i64, step = 3 : i64, upper = 24 : i64}>
// SCHED-COUNT-2: "kernel.apply"(%arg3) <{map = affine_map<(d0) -> (d0 + {{[12]}})>}>
// SCHED-COUNT-10: "kernel.store"
// SCHED-NOT: "kernel.store"
// SCHED: sym_name = "k1_relu"

// Schedules that do not fit are located errors; nothing is printed.
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 1, 1, 3, 1>}} : (tensor<2x32x24xf32>/' %s > %t.bad1.mlir
// RUN: not smc %t.bad1.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=BAD1
// BAD1: kernel_schedule.mlir.tmp.bad1.mlir:{{[0-9]+}}:{{[0-9]+}}: error: 'layout.generic' op 'kernel.schedule' tile 3 of dim 2 must be at most 16 and the extent 40 of a parallel dim (and divide it for the fastest dim, tiled cyclically)
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 1, 1, 1, 2>}} : (tensor<2x32x24xf32>/' %s > %t.bad2.mlir
// RUN: not smc %t.bad2.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=BAD2
// BAD2: error: 'layout.generic' op 'kernel.schedule' tile 2 of dim 3 must be at most 16 and the extent 24 of a parallel dim
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 2, 8, 8, 1>}} : (tensor<2x32x24xf32>/' %s > %t.bad3.mlir
// RUN: not smc %t.bad3.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=BAD3
// BAD3: error: 'layout.generic' op 'kernel.schedule' tile has 128 points, more than 64
// RUN: sed 's/}) : (tensor<2x32x24xf32>/}) {kernel.schedule = {tile = array<i64: 1>}} : (tensor<2x32x24xf32>/' %s > %t.bad4.mlir
// RUN: not smc %t.bad4.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=BAD4
// BAD4: error: 'layout.generic' op 'kernel.schedule' must be {tile = array<i64: one per domain dim>, unroll = N}
// RUN: not smc %s --passes='builtin.module(convert-layout-to-kernel{max-tile=17})' 2>&1 | FileCheck %s --check-prefix=BADOPT
// BADOPT: error: max-tile must be in [1, 16]

// Element-wise generics are not tiled.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=EW
// EW: sym_name = "k1_relu", work_items = 2560 : i64
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
