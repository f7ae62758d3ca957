// smrun --test-data compares like the differential suite
// (sm_tensor_value_close): equal infinities match (the reference here is
// +inf and -inf), and a finite value never matches an infinity, however
// large the relative tolerance makes the bound.
// RUN: rm -rf %t && split-file %s %t && mkdir -p %t/ref
// RUN: smrun %t/inf.mlir --seed 3 --output-dir %t/ref > /dev/null
// RUN: smrun %t/inf.mlir --test-data %t/ref | FileCheck %s --check-prefix=SAME
// RUN: not smrun %t/finite.mlir --test-data %t/ref | FileCheck %s --check-prefix=FINITE
// SAME: output_0: 4 elements, max_abs_err=0.000e+00 max_rel_err=0.000e+00: ok
// FINITE: output_0: 4 elements, max_abs_err=inf {{.*}}: FAIL (2 elements outside atol=0.0001 rtol=0.001)

//--- inf.mlir
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = "graph.constant"() <{value = dense<[0x7F800000, 0xFF800000, 1.0, 2.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %z = "graph.constant"() <{value = dense<0.0> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "graph.mul"(%x, %z) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "graph.add"(%0, %c) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

//--- finite.mlir
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = "graph.constant"() <{value = dense<[3.0e38, -3.0e38, 1.0, 2.0]> : tensor<4xf32>}> : () -> tensor<4xf32>
  %z = "graph.constant"() <{value = dense<0.0> : tensor<4xf32>}> : () -> tensor<4xf32>
  %0 = "graph.mul"(%x, %z) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "graph.add"(%0, %c) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
