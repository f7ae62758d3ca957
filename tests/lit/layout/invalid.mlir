// RUN: not smc %s --passes='builtin.module(smartmem-classify)' 2>&1 | FileCheck %s

func.func @bad(%x: tensor<4x4xf32>) -> tensor<4x4xf32, #layout.buffer<affine_map<(d0, d1) -> (d0 * 4 + d1 * 2)>>> {
  // CHECK: invalid.mlir:[[@LINE+1]]:8: error: 'layout.generic' op requires 'indexing_maps' with 2 entries (inputs, then results)
  %0 = "layout.generic"(%x) <{domain = array<i64: 4, 4>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}> ({
  ^bb0(%a: f32, %acc: f32):
    "layout.yield"(%a) : (f32) -> ()
  }, {
  }) : (tensor<4x4xf32>) -> tensor<4x4xf32>
  // CHECK: invalid.mlir:[[@LINE+1]]:8: error: 'layout.generic' op result #0 of a reduction needs an 'init' value
  %1 = "layout.generic"(%x) <{domain = array<i64: 4, 4>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]}> ({
  ^bb0(%a: f32, %acc: f32):
    "layout.yield"(%a) : (f32) -> ()
  }, {
  }) : (tensor<4x4xf32>) -> tensor<4xf32>
  // CHECK: invalid.mlir:[[@LINE+1]]:8: error: buffer layout is not onto its extent (19 slots for 16 elements)
  %2 = "layout.convert"(%x) : (tensor<4x4xf32>) -> tensor<4x4xf32, #layout.buffer<affine_map<(d0, d1) -> (d0 * 4 + d1 * 2)>>>
  // CHECK: invalid.mlir:[[@LINE+1]]:8: error: 'layout.convert' op tensor encoding is not a #layout.buffer or #layout.image
  %3 = "layout.convert"(%x) : (tensor<4x4xf32>) -> tensor<4x4xf32, "rowmajor">
  return %2 : tensor<4x4xf32, #layout.buffer<affine_map<(d0, d1) -> (d0 * 4 + d1 * 2)>>>
}
