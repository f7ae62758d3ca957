// canonicalize after convert-graph-to-layout (issue 14): the greedy driver keeps a
// constant inside the layout.generic body that uses it (a pure op's region), so the
// IR stays runnable by the interpreter and smc; constants of the function body
// itself are still hoisted and deduplicated.
// RUN: smopt %s --canonicalize | FileCheck %s
// RUN: smc %sm_src/tests/models/ops/clip/model.onnx --passes='builtin.module(convert-graph-to-layout,canonicalize)' -o %t.mlir
// RUN: smrun %t.mlir --test-data %sm_src/tests/models/ops/clip/test_data_set_0 | FileCheck %s --check-prefix=EXEC
// RUN: FileCheck %s --check-prefix=CLIP < %t.mlir
// EXEC-LABEL: output_0: 16 elements
// EXEC-SAME: : ok
// CLIP: func.func @main
// CLIP-NEXT: "layout.generic"
// CLIP-NEXT: ^bb0
// CLIP-DAG: arith.constant 0.699999988 : f32
// CLIP-DAG: arith.constant -5.000000e-01 : f32

// CHECK-LABEL: func.func @two_bodies
// CHECK-NEXT: %[[C:.*]] = arith.constant 2.000000e+00 : f32
// CHECK-NEXT: "layout.generic"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[K:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: arith.addf %{{.*}}, %[[K]] : f32
// CHECK: "layout.generic"
// CHECK-NEXT: ^bb0
// CHECK-NEXT: %[[K2:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: arith.addf %{{.*}}, %[[K2]] : f32
func.func @two_bodies(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, f32) {
  %a = "layout.generic"(%x) <{domain = array<i64: 4>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "add"}> ({
  ^bb0(%in: f32, %out: f32):
    %one = arith.constant 1.0 : f32
    %r = arith.addf %in, %one : f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<4xf32>) -> tensor<4xf32>
  %b = "layout.generic"(%x) <{domain = array<i64: 4>, indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"], kind = "add"}> ({
  ^bb0(%in: f32, %out: f32):
    %one = arith.constant 1.0 : f32
    %r = arith.addf %in, %one : f32
    "layout.yield"(%r) : (f32) -> ()
  }, {
  }) : (tensor<4xf32>) -> tensor<4xf32>
  %two = arith.constant 2.0 : f32
  return %a, %b, %two : tensor<4xf32>, tensor<4xf32>, f32
}
