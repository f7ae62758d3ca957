// The OpenCL C bounds check of a padded read leaves out the comparisons that
// the coordinates' ranges show cannot fail (sm_kernel_index_range): a 3x3
// convolution with padding 1 checks its window's spatial coordinates only
// where they can leave the 6x6 map (the window's first tap: >= 0 on both),
// never the batch index (always 0) or the input channel its loop walks.
// RUN: rm -rf %t && mkdir -p %t/ref
// RUN: smc %s --pipeline=baseline -o %t/out
// RUN: FileCheck %s < %t/out/kernels.cl
// CHECK: __kernel void k0_conv(
// CHECK: = (v{{[0-9]+}} >= 0 && v{{[0-9]+}} >= 0) ? b0[
// CHECK-NOT: < 1 &&
// CHECK-NOT: < 3 &&
// CHECK: ? b0[
// The numbers: PoCL against the interpreter.
// RUN: smrun %s --pipeline=baseline --output-dir %t/ref
// RUN: smrun %s --pipeline=baseline --backend=opencl --test-data %t/ref | FileCheck %s --check-prefix=OK
// OK: output_0: 144 elements, {{.*}}: ok
func.func @main(%x: tensor<1x3x6x6xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = "graph.conv"(%x, %w) <{pads = array<i64: 1, 1, 1, 1>}> : (tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}
