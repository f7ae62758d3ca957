// Verifier errors of the work-group kernel ops.
// RUN: smopt %s --split-input-file --verify-diagnostics

"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k", work_items = 1 : i64}> ({
^bb0(%b: !kernel.buffer<f32>):
  // expected-error@+1 {{'kernel.group_id' op is only valid in a kernel.func with a 'group_size'}}
  %0 = "kernel.group_id"() : () -> index
}) : () -> ()

// -----

// expected-error@+1 {{'kernel.func' op 'group_size' must be a power of two in [1, 1024]}}
"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), group_size = 48 : i64, sym_name = "k", work_items = 1 : i64}> ({
^bb0(%b: !kernel.buffer<f32>):
}) : () -> ()

// -----

"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), group_size = 32 : i64, sym_name = "k", work_items = 1 : i64}> ({
^bb0(%b: !kernel.buffer<f32>):
  %z = arith.constant 0.0 : f32
  // expected-error@+1 {{'kernel.group_reduce' op requires a 'kind': arith.addf, arith.mulf, arith.maximumf, arith.minimumf, arith.maxnumf or arith.minnumf}}
  %r = "kernel.group_reduce"(%z) <{kind = "arith.subf", lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %v = "kernel.load"(%b, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    %n = arith.subf %acc, %v : f32
    "kernel.yield"(%n) : (f32) -> ()
  }) : (f32) -> f32
}) : () -> ()

// -----

"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), group_size = 32 : i64, sym_name = "k", work_items = 1 : i64}> ({
^bb0(%b: !kernel.buffer<f32>):
  %z = arith.constant 0.0 : f32
  // expected-error@+1 {{'kernel.group_reduce' op body must yield 'arith.addf' of the carried value (used nowhere else) and the iteration's value}}
  %r = "kernel.group_reduce"(%z) <{kind = "arith.addf", lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({
  ^bb0(%i: index, %acc: f32):
    %v = "kernel.load"(%b, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    %m = arith.mulf %acc, %v : f32
    %n = arith.addf %m, %v : f32
    "kernel.yield"(%n) : (f32) -> ()
  }) : (f32) -> f32
}) : () -> ()

// -----

"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), group_size = 32 : i64, sym_name = "k", work_items = 1 : i64}> ({
^bb0(%b: !kernel.buffer<f32>):
  %z = arith.constant 0.0 : f32
  %r = "kernel.for"(%z) <{lower = 0 : i64, step = 1 : i64, upper = 2 : i64}> ({
  ^bb0(%j: index, %a: f32):
    // expected-error@+1 {{'kernel.group_for' op must be at the top level of its kernel.func (every work-item of the group reaches it)}}
    "kernel.group_for"() <{lower = 0 : i64, step = 1 : i64, upper = 8 : i64}> ({
    ^bb0(%i: index):
      "kernel.store"(%a, %b, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
      "kernel.yield"() : () -> ()
    }) : () -> ()
    "kernel.yield"(%a) : (f32) -> ()
  }) : (f32) -> f32
}) : () -> ()
