// kernel-split-padded-loops: a reduction loop over a concatenated axis (each
// input read through a padded map, one in bounds at a time) is cut into one
// loop per input with no bounds checks; reads that ranges prove in bounds
// lose their check, reads never in bounds become their pad (a zero pad drops
// out of its sum); what ranges cannot decide keeps its check.
// RUN: smopt %s --kernel-split-padded-loops | FileCheck %s
// RUN: smopt %s --kernel-split-padded-loops | smopt --kernel-split-padded-loops | FileCheck %s

// CHECK-LABEL: sym_name = "concat_reduce"
// Two pieces, [0, 4) and [4, 8), chained through the accumulator.
// CHECK: %[[A:[0-9]+]] = "kernel.for"(%{{.*}}) <{lower = 0 : i64, step = 1 : i64, upper = 4 : i64}>
// CHECK-NEXT: ^bb0(%[[I:arg[0-9]+]]: index, %[[ACC:arg[0-9]+]]: f32):
// CHECK-NEXT: %[[X:[0-9]+]] = "kernel.load"(%arg0, %{{[0-9]+}}, %[[I]]) <{map = {{.*}}, shape = array<i64: 2, 4>}>
// CHECK-NEXT: "kernel.apply"(%[[I]]) <{map = affine_map<(d0) -> (d0 - 4)>}>
// CHECK-NEXT: %[[W:[0-9]+]] = "kernel.load"(%arg2, %[[I]])
// CHECK-NEXT: %[[P:[0-9]+]] = arith.mulf %[[X]], %[[W]] : f32
// CHECK-NEXT: arith.addf %[[ACC]], %[[P]] : f32
// CHECK: "kernel.for"(%[[A]]) <{lower = 4 : i64, step = 1 : i64, upper = 8 : i64}>
// CHECK-NEXT: ^bb0(%[[J:arg[0-9]+]]: index, %{{arg[0-9]+}}: f32):
// CHECK-NEXT: %[[J4:[0-9]+]] = "kernel.apply"(%[[J]]) <{map = affine_map<(d0) -> (d0 - 4)>}>
// CHECK-NEXT: %[[Y:[0-9]+]] = "kernel.load"(%arg1, %{{[0-9]+}}, %[[J4]]) <{map = {{.*}}, shape = array<i64: 2, 4>}>
// CHECK-NEXT: "kernel.load"(%arg2, %[[J]])
// CHECK-NEXT: arith.mulf %[[Y]],
// CHECK-NOT: pad =
// CHECK-LABEL: sym_name = "keeps"
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "concat_reduce", work_items = 2 : i64}> ({
^bb0(%a: !kernel.buffer<f32>, %b: !kernel.buffer<f32>, %w: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %z = arith.constant 0.0 : f32
  %r = "kernel.for"(%z) <{lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %x = "kernel.load"(%a, %g, %i) <{map = affine_map<(d0, d1) -> (d0 * 4 + d1)>, pad = 0.0 : f32, shape = array<i64: 2, 4>}> : (!kernel.buffer<f32>, index, index) -> f32
    %i4 = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 - 4)>}> : (index) -> index
    %y = "kernel.load"(%b, %g, %i4) <{map = affine_map<(d0, d1) -> (d0 * 4 + d1)>, pad = 0.0 : f32, shape = array<i64: 2, 4>}> : (!kernel.buffer<f32>, index, index) -> f32
    %s = arith.addf %x, %y : f32
    %wv = "kernel.load"(%w, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    %p = arith.mulf %s, %wv : f32
    %n = arith.addf %acc, %p : f32
    "kernel.yield"(%n) : (f32) -> ()
  }) : (f32) -> f32
  "kernel.store"(%r, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()

// What must stay: a loop with step 2 is not cut (its padded read keeps its
// check), a read whose coordinate ranges cannot bound (a loaded value) keeps
// its check, a read with a window past the edge keeps its check; a read one
// work-item past a 4-element shape never reads in bounds and becomes -1.0
// (not dropped from the product it feeds).
// CHECK: "kernel.for"(%{{.*}}) <{lower = 0 : i64, step = 2 : i64, upper = 8 : i64}>
// CHECK: "kernel.load"(%arg0, %{{.*}}) <{map = {{.*}}, pad = 0.000000e+00 : f32, shape = array<i64: 4>}>
// CHECK: "kernel.load"(%arg0, %{{.*}}) <{map = {{.*}}, pad = 0.000000e+00 : f32, shape = array<i64: 4>}>
// CHECK: "kernel.load"(%arg0, %{{.*}}) <{map = {{.*}}, pad = 0.000000e+00 : f32, shape = array<i64: 4>}>
// CHECK: %[[M:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: arith.mulf %{{.*}}, %[[M]] : f32
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "keeps", work_items = 4 : i64}> ({
^bb0(%a: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %g = "kernel.global_id"() : () -> index
  %z = arith.constant 0.0 : f32
  %r = "kernel.for"(%z) <{lower = 0 : i64, step = 2 : i64, upper = 8 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %i4 = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 - 4)>}> : (index) -> index
    %x = "kernel.load"(%a, %i4) <{map = affine_map<(d0) -> (d0)>, pad = 0.0 : f32, shape = array<i64: 4>}> : (!kernel.buffer<f32>, index) -> f32
    %n = arith.addf %acc, %x : f32
    "kernel.yield"(%n) : (f32) -> ()
  }) : (f32) -> f32
  %f = "kernel.load"(%a, %g) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %fi = arith.fptosi %f : f32 to i64
  %k = arith.index_cast %fi : i64 to index
  %u = "kernel.load"(%a, %k) <{map = affine_map<(d0) -> (d0)>, pad = 0.0 : f32, shape = array<i64: 4>}> : (!kernel.buffer<f32>, index) -> f32
  %gm = "kernel.apply"(%g) <{map = affine_map<(d0) -> (d0 - 1)>}> : (index) -> index
  %e = "kernel.load"(%a, %gm) <{map = affine_map<(d0) -> (d0)>, pad = 0.0 : f32, shape = array<i64: 4>}> : (!kernel.buffer<f32>, index) -> f32
  %gp = "kernel.apply"(%g) <{map = affine_map<(d0) -> (d0 + 4)>}> : (index) -> index
  %o = "kernel.load"(%a, %gp) <{map = affine_map<(d0) -> (d0)>, pad = -1.0 : f32, shape = array<i64: 4>}> : (!kernel.buffer<f32>, index) -> f32
  %s1 = arith.addf %r, %u : f32
  %s2 = arith.addf %s1, %e : f32
  %s3 = arith.mulf %s2, %o : f32
  "kernel.store"(%s3, %out, %g) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
