// kernel-hoist-invariants: loop-invariant index arithmetic, constants and
// float math leave kernel loops (innermost first, so a chain climbs as far as
// its operands allow); loads, stores, integer division and anything using the
// induction variable stay.
// RUN: smopt %s --kernel-hoist-invariants | FileCheck %s
// Without loop-invariant ops nothing changes.
// RUN: smopt %s --kernel-hoist-invariants | smopt --kernel-hoist-invariants | FileCheck %s

// CHECK-LABEL: sym_name = "k"
// CHECK: %[[G:[a-z0-9_]+]] = "kernel.global_id"()
// CHECK-NEXT: %[[C:[a-z0-9_]+]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: %{{[a-z0-9_]+}} = arith.constant 0.000000e+00 : f32
// The apply of the global id and the constant's square climb out of both loops.
// CHECK-NEXT: %[[A:[a-z0-9_]+]] = "kernel.apply"(%[[G]]) <{map = affine_map<(d0) -> (d0 * 8)>}>
// CHECK-NEXT: %[[SQ:[a-z0-9_]+]] = arith.mulf %[[C]], %[[C]] : f32
// CHECK-NEXT: "kernel.for"
// CHECK-NEXT: ^bb0(%[[I:arg[0-9]+]]: index, %{{.*}}: f32):
// Integer division stays; the apply of i leaves only the inner loop.
// CHECK-NEXT: arith.divsi
// CHECK-NEXT: %[[AI:[a-z0-9_]+]] = "kernel.apply"(%[[A]], %[[I]]) <{map = affine_map<(d0, d1) -> (d0 + d1)>}>
// CHECK-NEXT: "kernel.for"
// CHECK-NEXT: ^bb0(%[[J:arg[0-9]+]]: index, %{{.*}}: f32):
// CHECK-NEXT: "kernel.apply"(%[[AI]], %[[J]])
// CHECK-NEXT: "kernel.load"
// CHECK-NEXT: arith.mulf %{{[a-z0-9_]+}}, %[[SQ]]
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %c = arith.constant 2.0 : f32
  %z = arith.constant 0.0 : f32
  %r = "kernel.for"(%z) <{lower = 0 : i64, step = 1 : i64, upper = 4 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %q = arith.divsi %g, %g : index
    %s = "kernel.for"(%acc) <{lower = 0 : i64, step = 1 : i64, upper = 2 : i64}> ({
    ^bb0(%j: index, %acc2: f32):
      %a = "kernel.apply"(%g) <{map = affine_map<(d0) -> (d0 * 8)>}> : (index) -> index
      %ai = "kernel.apply"(%a, %i) <{map = affine_map<(d0, d1) -> (d0 + d1)>}> : (index, index) -> index
      %sq = arith.mulf %c, %c : f32
      %o = "kernel.apply"(%ai, %j) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (index, index) -> index
      %v = "kernel.load"(%in, %o) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
      %m = arith.mulf %v, %sq : f32
      %n = arith.addf %acc2, %m : f32
      "kernel.yield"(%n) : (f32) -> ()
    }) : (f32) -> f32
    "kernel.yield"(%s) : (f32) -> ()
  }) : (f32) -> f32
  "kernel.store"(%r, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
