// kernel-unroll: kernel.for loops with a constant trip count of at most
// max-trip-count (default 3) become straight-line code (the induction
// variable a constant, the iteration values chained); longer loops stay.
// RUN: smopt %s --kernel-unroll | FileCheck %s
// RUN: smopt %s --kernel-unroll='max-trip-count=0' | FileCheck %s --check-prefix=NONE
// RUN: smopt %s --kernel-unroll='max-trip-count=8' | FileCheck %s --check-prefix=ALL
// NONE-COUNT-2: "kernel.for"
// ALL-NOT: "kernel.for"

// The outer loop (4 trips) stays; the inner one (3 trips, step 2 over [0, 5)) is unrolled.
// CHECK: "kernel.for"(%{{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 4 : i64}>
// CHECK-NEXT: ^bb0(%[[I:arg[0-9]+]]: index, %[[ACC:arg[0-9]+]]: f32):
// CHECK-NEXT: %[[C0:[a-z0-9_]+]] = arith.constant 0 : index
// CHECK-NEXT: %[[O0:[a-z0-9_]+]] = "kernel.apply"(%[[I]], %[[C0]])
// CHECK-NEXT: %[[V0:[a-z0-9_]+]] = "kernel.load"(%arg0, %[[O0]])
// CHECK-NEXT: %[[S0:[a-z0-9_]+]] = arith.addf %[[ACC]], %[[V0]]
// CHECK-NEXT: %[[C2:[a-z0-9_]+]] = arith.constant 2 : index
// CHECK-NEXT: "kernel.apply"(%[[I]], %[[C2]])
// CHECK-NEXT: "kernel.load"
// CHECK-NEXT: %[[S1:[a-z0-9_]+]] = arith.addf %[[S0]],
// CHECK-NEXT: arith.constant 4 : index
// CHECK-NEXT: "kernel.apply"
// CHECK-NEXT: "kernel.load"
// CHECK-NEXT: %[[S2:[a-z0-9_]+]] = arith.addf %[[S1]],
// CHECK-NEXT: "kernel.yield"(%[[S2]])
// CHECK-NOT: "kernel.for"
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k", work_items = 1 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %z = arith.constant 0.0 : f32
  %r = "kernel.for"(%z) <{lower = 0 : i64, step = 1 : i64, upper = 4 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %s = "kernel.for"(%acc) <{lower = 0 : i64, step = 2 : i64, upper = 5 : i64}> ({
    ^bb0(%j: index, %acc2: f32):
      %o = "kernel.apply"(%i, %j) <{map = affine_map<(d0, d1) -> (d0 * 5 + d1)>}> : (index, index) -> index
      %v = "kernel.load"(%in, %o) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
      %n = arith.addf %acc2, %v : f32
      "kernel.yield"(%n) : (f32) -> ()
    }) : (f32) -> f32
    "kernel.yield"(%s) : (f32) -> ()
  }) : (f32) -> f32
  "kernel.store"(%r, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
