// REQUIRES: opencl-images
// OpenCL C for a CPU driver (PoCL): float erf is an inline rational
// approximation (sm_erff: no library call, so PoCL vectorizes the kernel
// across work-items), element-wise addresses are the global id again
// (the delinearisation into (d0, d1) and the row-major address undo each
// other: no 64-bit divisions), and the bounds guard is left out where the
// launch (work_items rounded up to 64) adds no work-item; it stays for
// 100 work-items.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smc %s -o %t/out
// RUN: FileCheck %s < %t/out/kernels.cl
// CHECK: static inline float sm_erff(float x) {
// CHECK: return isnan(x) ? x : c * p / q;
// CHECK: __kernel void k0_erf(
// CHECK-NOT: return;
// CHECK: long [[ID:v[0-9]+]] = get_global_id(0);
// CHECK: = b0[[[ID]]];
// CHECK: = sm_erff(
// CHECK-NOT: erf(
// CHECK: b1[[[ID]]] =
// CHECK: __kernel void k1_erf(
// CHECK-NEXT: if (get_global_id(0) >= 100) return;
// The numbers: PoCL against the interpreter (erff).
// RUN: smrun %s --output-dir %t/ref
// RUN: smrun %s --backend=opencl --test-data %t/ref | FileCheck %s --check-prefix=OK
// OK: output_0: 128 elements, {{.*}}: ok
// OK: output_1: 100 elements, {{.*}}: ok
func.func @main(%arg0: tensor<2x64xf32>, %arg1: tensor<100xf32>) -> (tensor<2x64xf32>, tensor<100xf32>) {
  %0 = "layout.generic"(%arg0) <{domain = array<i64: 2, 64>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "erf"}> ({
  ^bb0(%a: f32, %acc: f32):
    %r = "math.erf"(%a) : (f32) -> f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<2x64xf32>) -> tensor<2x64xf32>
  %1 = "layout.generic"(%arg1) <{domain = array<i64: 100>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "erf"}> ({
  ^bb0(%a: f32, %acc: f32):
    %r = "math.erf"(%a) : (f32) -> f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<100xf32>) -> tensor<100xf32>
  return %0, %1 : tensor<2x64xf32>, tensor<100xf32>
}
