// OpenCL plan check (backend/opencl/plan_check.c) on loops and on buffers whose
// values index other buffers, as the scatter_nd lowering emits them: a search
// loop carries -1 or the matching row, so its result lies in [-1, rows - 1]
// (fixpoint of the loop-carried range); a launch whose store writes every
// element of its buffer replaces what the buffer's memory slot held before.
// Variants of one plan are made with sed: ROWS (search loop trip count), FILL
// and MATCH (work items of the launches writing slot 0), LOC (a location).
// RUN: rm -rf %t && split-file --no-leading-lines %s %t
// Proved: the search loop's result indexes the 3 updates.
// RUN: sed 's/ROWS/3/;s/FILL/4/;s/MATCH/4/;s/ LOC//' %t/search.mlir > %t/ok.mlir
// RUN: smc %t/ok.mlir -o %t/out-ok
// RUN: test -f %t/out-ok/kernels.cl
// The loop itself reads past the 3 ids.
// RUN: sed 's/ROWS/4/;s/FILL/4/;s/MATCH/4/;s/ LOC//' %t/search.mlir > %t/rows.mlir
// RUN: not smc %t/rows.mlir -o %t/out-rows 2>&1 | FileCheck %s --check-prefix=ROWS
// RUN: not test -e %t/out-rows
// ROWS: rows.mlir:18:11: error: 'kernel.load' op OpenCL plan check: @match reads elements [0, 3] of argument #0, which has 3
// ROWS: rows.mlir:47:3: error: 'kernel.launch' op OpenCL plan check: launch refused (nothing was run)
// The match launch writes only half of slot 0: @fill's values (up to 30) may still be there.
// RUN: sed 's/ROWS/3/;s/FILL/4/;s/MATCH/2/;s/ LOC//' %t/search.mlir > %t/partial.mlir
// RUN: not smc %t/partial.mlir -o %t/out-partial 2>&1 | FileCheck %s --check-prefix=PARTIAL
// PARTIAL: partial.mlir:35:8: error: 'kernel.load' op OpenCL plan check: @scatter reads elements [0, 30] of argument #2, which has 3
// A load without a location is reported at its kernel.func.
// RUN: sed 's/ROWS/3/;s/FILL/4/;s/MATCH/2/;s/ LOC/ loc(unknown)/' %t/search.mlir > %t/noloc.mlir
// RUN: not smc %t/noloc.mlir -o %t/out-noloc 2>&1 | FileCheck %s --check-prefix=NOLOC
// NOLOC: noloc.mlir:26:1: error: 'kernel.load' op OpenCL plan check: @scatter reads elements [0, 30] of argument #2, which has 3
// Fewer updates than the search loop's rows: refused.
// RUN: sed 's/ROWS/3/;s/FILL/4/;s/MATCH/4/;s/ LOC//;s/dense<\[1.0, 2.0, 3.0\]> : tensor<3xf32>/dense<[1.0, 2.0]> : tensor<2xf32>/' %t/search.mlir > %t/few.mlir
// RUN: not smc %t/few.mlir -o %t/out-few 2>&1 | FileCheck %s --check-prefix=FEW
// FEW: few.mlir:35:8: error: 'kernel.load' op OpenCL plan check: @scatter reads elements [0, 2] of argument #2, which has 2

//--- search.mlir
// A scatter's search loop: row r of the updates whose id equals the work item, else -1.
"kernel.func"() <{function_type = (!kernel.buffer<i64>, !kernel.buffer<i64>) -> (), sym_name = "fill", work_items = 4 : i64}> ({
^bb0(%ids: !kernel.buffer<i64>, %out: !kernel.buffer<i64>):
  %i = "kernel.global_id"() : () -> index
  %v = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 * 10)>}> : (index) -> index
  %w = arith.index_cast %v : index to i64
  "kernel.store"(%w, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (i64, !kernel.buffer<i64>, index) -> ()
}) : () -> ()
"kernel.func"() <{function_type = (!kernel.buffer<i64>, !kernel.buffer<i64>) -> (), sym_name = "match", work_items = 4 : i64}> ({
^bb0(%ids: !kernel.buffer<i64>, %out: !kernel.buffer<i64>):
  %i = "kernel.global_id"() : () -> index
  %p = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 mod 2)>}> : (index) -> index
  %q = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 floordiv 2)>}> : (index) -> index
  %none = arith.constant -1 : i64
  %gi = arith.index_cast %i : index to i64
  %m = "kernel.for"(%none) <{lower = 0 : i64, step = 1 : i64, upper = ROWS : i64}> ({
  ^bb0(%r: index, %acc: i64):
    %id = "kernel.load"(%ids, %r) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i64>, index) -> i64
    %hit = arith.cmpi eq, %id, %gi : i64
    %ri = arith.index_cast %r : index to i64
    %n = arith.select %hit, %ri, %acc : i64
    "kernel.yield"(%n) : (i64) -> ()
  }) : (i64) -> i64
  "kernel.store"(%m, %out, %q, %p) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (i64, !kernel.buffer<i64>, index, index) -> ()
}) : () -> ()
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "scatter", work_items = 4 : i64}> ({
^bb0(%data: !kernel.buffer<f32>, %match: !kernel.buffer<i64>, %upd: !kernel.buffer<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %d = "kernel.load"(%data, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %m = "kernel.load"(%match, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<i64>, index) -> i64
  %z = arith.constant 0 : i64
  %neg = arith.cmpi slt, %m, %z : i64
  %c = arith.select %neg, %z, %m : i64
  %k = arith.index_cast %c : i64 to index
  %u = "kernel.load"(%upd, %k) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32 LOC
  %has = arith.cmpi sge, %m, %z : i64
  %v = arith.select %has, %u, %d : f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %x = "kernel.input"() <{index = 0 : i64, type = tensor<4xf32>}> : () -> !kernel.buffer<f32>
  %ids = "kernel.weight"() <{value = dense<[3, 0, 2]> : tensor<3xi64>}> : () -> !kernel.buffer<i64>
  %upd = "kernel.weight"() <{value = dense<[1.0, 2.0, 3.0]> : tensor<3xf32>}> : () -> !kernel.buffer<f32>
  %junk = "kernel.alloc"() <{slot = 0 : i64, type = tensor<4xi64>}> : () -> !kernel.buffer<i64>
  "kernel.launch"(%ids, %junk) <{callee = @fill, work_items = FILL : i64}> : (!kernel.buffer<i64>, !kernel.buffer<i64>) -> ()
  %match = "kernel.alloc"() <{slot = 0 : i64, type = tensor<4xi64>}> : () -> !kernel.buffer<i64>
  "kernel.launch"(%ids, %match) <{callee = @match, work_items = MATCH : i64}> : (!kernel.buffer<i64>, !kernel.buffer<i64>) -> ()
  %y = "kernel.alloc"() <{slot = 1 : i64, type = tensor<4xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%x, %match, %upd, %y) <{callee = @scatter, work_items = 4 : i64}> : (!kernel.buffer<f32>, !kernel.buffer<i64>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()
