// A cast to f16/bf16 of f32-held tensors (arith.truncf whose users all extf
// back) is a float rounded by sm_round_f16 / sm_round_bf16, helpers the
// program gets only when it uses them (OpenCL C 1.2 has no half arithmetic
// without cl_khr_fp16). f16/bf16 arithmetic is a located error.
// RUN: rm -rf %t && split-file %s %t
// RUN: sm-translate --emit-opencl %t/round.mlir -o - | FileCheck %s
// RUN: sm-translate --emit-opencl %t/none.mlir -o - | FileCheck %s --check-prefix=NONE
// RUN: not sm-translate --emit-opencl %t/arith.mlir -o %t/out 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: test ! -e %t/out

// CHECK: static inline float sm_round_f16(float x) {
// CHECK-NEXT:   float a = fabs(x);
// CHECK-NEXT:   uint e = max(as_uint(a) >> 23, 113u);
// CHECK-NEXT:   float r = rint(a * as_float((264u - e) << 23)) * as_float((e - 10u) << 23);
// CHECK-NEXT:   return isnan(x) ? x : copysign(a < 65520.0f ? r : INFINITY, x);
// CHECK: static inline float sm_round_bf16(float x) {
// CHECK: __kernel void k
// CHECK: float [[X:v[0-9]+]] = {{.*}}b{{[0-9]+}}[
// CHECK-NEXT: float [[H:v[0-9]+]] = sm_round_f16([[X]]);
// CHECK-NEXT: float [[HW:v[0-9]+]] = (float)[[H]];
// CHECK-NEXT: float [[B:v[0-9]+]] = sm_round_bf16([[X]]);
// CHECK-NEXT: float [[BW:v[0-9]+]] = (float)[[B]];
// CHECK-NOT: half
// NONE-NOT: sm_round_
// ERR: arith.mlir:5:8: error: 'arith.truncf' op f16/bf16 arithmetic is not supported by the OpenCL emitter
// ERR-NOT: error

//--- round.mlir
module {
  "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
  ^bb0(%a: !kernel.buffer<f32>, %o: !kernel.buffer<f32>, %p: !kernel.buffer<f32>):
    %i = "kernel.global_id"() : () -> index
    %x = "kernel.load"(%a, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    %h = arith.truncf %x : f32 to f16
    %hw = arith.extf %h : f16 to f32
    %b = arith.truncf %x : f32 to bf16
    %bw = arith.extf %b : bf16 to f32
    "kernel.store"(%hw, %o, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
    "kernel.store"(%bw, %p, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  }) : () -> ()
  "kernel.host"() <{sym_name = "main"}> ({
  }) : () -> ()
}

//--- none.mlir
module {
  "kernel.func"() <{function_type = (!kernel.buffer<f32>, !kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
  ^bb0(%a: !kernel.buffer<f32>, %o: !kernel.buffer<f32>):
    %i = "kernel.global_id"() : () -> index
    %x = "kernel.load"(%a, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
    "kernel.store"(%x, %o, %i) <{map = affine_map<(d0) -> (d0)>}> : (f32, !kernel.buffer<f32>, index) -> ()
  }) : () -> ()
  "kernel.host"() <{sym_name = "main"}> ({
  }) : () -> ()
}

//--- arith.mlir
"kernel.func"() <{function_type = (!kernel.buffer<f32>) -> (), sym_name = "k", work_items = 4 : i64}> ({
^bb0(%a: !kernel.buffer<f32>):
  %i = "kernel.global_id"() : () -> index
  %x = "kernel.load"(%a, %i) <{map = affine_map<(d0) -> (d0)>}> : (!kernel.buffer<f32>, index) -> f32
  %h = arith.truncf %x : f32 to f16
  %s = arith.addf %h, %h : f16
}) : () -> ()
"kernel.host"() <{sym_name = "main"}> ({
}) : () -> ()
