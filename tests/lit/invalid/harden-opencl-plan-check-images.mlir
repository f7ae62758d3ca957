// The OpenCL plan check (backend/opencl/plan_check.c) proves image accesses as
// it proves buffer accesses: every kernel.image_read / kernel.image_write pixel
// lies inside the width x height image the plan creates for the argument (from
// the bound tensor's #layout.image), and every lane in [0, 4). write_imagef
// outside the image is undefined; read_imagef there silently returns the edge
// pixel (clamp-to-edge sampler), a wrong value. smc and smrun --backend=opencl
// refuse such a plan with a located error, nothing written.
// RUN: rm -rf %t && split-file %s %t
//
// A pixel write one column past a 2 x 2 image.
// RUN: sh -c 'smc %t/write_oob.mlir -o %t/out1; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: not test -e %t/out1
// WRITE: write_oob.mlir:7:3: error: 'kernel.image_write' op OpenCL plan check: @w writes pixels x in [0, 2], y in [0, 1] of image argument #1, which is 2 x 2 (width x height)
// WRITE: write_oob.mlir:13:3: error: 'kernel.launch' op OpenCL plan check: launch refused (nothing was run)
// WRITE: exit 1
// RUN: sh -c 'smrun %t/write_oob.mlir --backend=opencl --output-dir %t/out2; echo "exit $?"' 2>&1 | FileCheck %s --check-prefix=WRITE
// RUN: not test -e %t/out2
//
// A read whose map packs 2 elements per pixel into an image laid out with 4.
// RUN: not smc %t/read_oob.mlir -o %t/out3 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not test -e %t/out3
// READ: read_oob.mlir:5:8: error: 'kernel.image_read' op OpenCL plan check: @r reads pixels x in [0, 3], y in [0, 1] of image argument #0, which is 2 x 2 (width x height)
// READ: error: 'kernel.launch' op OpenCL plan check: launch refused (nothing was run)
//
// A lane beyond the pixel's four.
// RUN: not smc %t/lane_oob.mlir -o %t/out4 2>&1 | FileCheck %s --check-prefix=LANE
// RUN: not test -e %t/out4
// LANE: lane_oob.mlir:5:8: error: 'kernel.image_read' op OpenCL plan check: @l reads lanes [0, 7] of a pixel of image argument #0 (a pixel has 4)
//
// A coordinate computed from image data nothing wrote: unbounded, not provable
// (from a model input's image it is checked when smrun has the input).
// RUN: not smc %t/data_coord.mlir -o %t/out5 2>&1 | FileCheck %s --check-prefix=DATA
// RUN: not test -e %t/out5
// DATA: data_coord.mlir:8:8: error: 'kernel.image_read' op OpenCL plan check: cannot prove that @d reads inside its image (argument #0, 2 x 2 pixels)
//
// What must still pass: a padded read whose coordinates run past the shape
// reads only inside it (the emitted bounds test), and the lowered images
// module of tests/lit/layout/images.mlir (reads and writes in range).
// RUN: smc %t/padded_ok.mlir -o %t/out6
// RUN: test -f %t/out6/kernels.cl
// RUN: smc %S/../layout/images.mlir --passes='builtin.module(convert-layout-to-kernel,kernel-plan-memory)' -o %t/images.mlir
// RUN: smc %t/images.mlir -o %t/out7
// RUN: test -f %t/out7/plan.txt

//--- write_oob.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.image<f32>) -> (), sym_name = "w", work_items = 6 : i64}> ({
^bb0(%in: !kernel.buffer<f32>, %out: !kernel.image<f32>):
  %i = "kernel.global_id"() : () -> index
  %y = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 floordiv 3)>}> : (index) -> index
  %x = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 mod 3)>}> : (index) -> index
  %v = "kernel.load"(%in, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  "kernel.image_write"(%v, %v, %v, %v, %out, %y, %x) : (f32, f32, f32, f32, !kernel.image<f32>, index, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %a = "kernel.input"() <{index = 0 : i64, type = tensor<6xf32>}> : () -> !kernel.buffer<f32>
  // 2 x 8 logical, 4 lanes per pixel along d1: 2 x 2 pixels.
  %img = "kernel.alloc"() <{type = tensor<2x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>}> : () -> !kernel.image<f32>
  "kernel.launch"(%a, %img) <{callee = @w, work_items = 6 : i64}> : (!kernel.buffer<f32>, !kernel.image<f32>) -> ()
  "kernel.output"(%a) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- read_oob.mlir
"kernel.func"() <{function_type = (!kernel.image<f32>, !kernel.buffer<f32>) -> (), sym_name = "r", work_items = 16 : i64}> ({
^bb0(%img: !kernel.image<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %y = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 floordiv 8)>}> : (index) -> index
  %v = "kernel.image_read"(%img, %y, %i) <{map = affine_map<(d0, d1) -> (d0, (d1 mod 8) floordiv 2, d1 mod 2)>}> : (!kernel.image<f32>, index, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %img = "kernel.input"() <{index = 0 : i64, type = tensor<2x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>}> : () -> !kernel.image<f32>
  %y = "kernel.alloc"() <{type = tensor<16xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%img, %y) <{callee = @r, work_items = 16 : i64}> : (!kernel.image<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- lane_oob.mlir
"kernel.func"() <{function_type = (!kernel.image<f32>, !kernel.buffer<f32>) -> (), sym_name = "l", work_items = 16 : i64}> ({
^bb0(%img: !kernel.image<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %y = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 floordiv 8)>}> : (index) -> index
  %v = "kernel.image_read"(%img, %y, %i) <{map = affine_map<(d0, d1) -> (d0, 0, d1 mod 8)>}> : (!kernel.image<f32>, index, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %img = "kernel.input"() <{index = 0 : i64, type = tensor<2x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>}> : () -> !kernel.image<f32>
  %y = "kernel.alloc"() <{type = tensor<16xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%img, %y) <{callee = @l, work_items = 16 : i64}> : (!kernel.image<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- data_coord.mlir
"kernel.func"() <{function_type = (!kernel.image<f32>, !kernel.buffer<f32>) -> (), sym_name = "d", work_items = 2 : i64}> ({
^bb0(%img: !kernel.image<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %c0 = arith.constant 0 : index
  %f = "kernel.image_read"(%img, %i, %c0) <{map = affine_map<(d0, d1) -> (d0, 0, d1)>}> : (!kernel.image<f32>, index, index) -> f32
  %n = arith.fptosi %f : f32 to i64
  %k = arith.index_cast %n : i64 to index
  %v = "kernel.image_read"(%img, %i, %k) <{map = affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>}> : (!kernel.image<f32>, index, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  // Never written: its pixels are whatever the memory held.
  %img = "kernel.alloc"() <{type = tensor<2x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>}> : () -> !kernel.image<f32>
  %y = "kernel.alloc"() <{type = tensor<2xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%img, %y) <{callee = @d, work_items = 2 : i64}> : (!kernel.image<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()

//--- padded_ok.mlir
"kernel.func"() <{function_type = (!kernel.image<f32>, !kernel.buffer<f32>) -> (), sym_name = "p", work_items = 24 : i64}> ({
^bb0(%img: !kernel.image<f32>, %out: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %y = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 floordiv 12)>}> : (index) -> index
  %x = "kernel.apply"(%i) <{map = affine_map<(d0) -> (d0 mod 12 - 2)>}> : (index) -> index
  %v = "kernel.image_read"(%img, %y, %x) <{map = affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>, pad = 0.0 : f32, shape = array<i64: 2, 8>}> : (!kernel.image<f32>, index, index) -> f32
  "kernel.store"(%v, %out, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
  %img = "kernel.input"() <{index = 0 : i64, type = tensor<2x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>}> : () -> !kernel.image<f32>
  %y = "kernel.alloc"() <{type = tensor<24xf32>}> : () -> !kernel.buffer<f32>
  "kernel.launch"(%img, %y) <{callee = @p, work_items = 24 : i64}> : (!kernel.image<f32>, !kernel.buffer<f32>) -> ()
  "kernel.output"(%y) <{index = 0 : i64}> : (!kernel.buffer<f32>) -> ()
}) : () -> ()
