// RUN: split-file --leading-lines %s %t
// An image larger than max-image-width/height is a located compile-time error.
// RUN: not smc %t/limit.mlir --passes='builtin.module(convert-layout-to-kernel{max-image-width=1024})' 2>&1 | FileCheck %s --check-prefix=LIMIT
// The default limit is 16384.
// RUN: not smc %t/limit.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=DEFAULT
// Without the options the limit is the device profile's, the one
// smartmem-map-texture planned with: mali-g57 allows 65536.
// RUN: smc %t/limit.mlir --device-profile=mali-g57 --passes='builtin.module(convert-layout-to-kernel)' | FileCheck %s --check-prefix=MALI
// MALI: "kernel.func"() <{{.*}}sym_name = "k0_generic", work_items = 17500
// A kernel output whose image layout cannot be written pixel by pixel.
// RUN: not smc %t/lane.mlir --passes='builtin.module(convert-layout-to-kernel)' 2>&1 | FileCheck %s --check-prefix=LANE

//--- limit.mlir
func.func @main(%a: tensor<1x70000xf32>) -> tensor<1x70000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>> {
  // LIMIT: limit.mlir:[[@LINE+2]]:8: error: 'layout.generic' op result needs a 17500 x 1 image (width x height), larger than the limit 1024 x 16384 (options max-image-width / max-image-height)
  // DEFAULT: limit.mlir:[[@LINE+1]]:8: error: 'layout.generic' op result needs a 17500 x 1 image (width x height), larger than the limit 16384 x 16384
  %r = "layout.generic"(%a) <{domain = array<i64: 1, 70000>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}> ({
  ^bb0(%x: f32, %acc: f32):
    "layout.yield"(%x) : (f32) -> ()
  }, {
  }) : (tensor<1x70000xf32>) -> tensor<1x70000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
  return %r : tensor<1x70000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
}

//--- lane.mlir
func.func @main(%a: tensor<4x8xf32>) -> tensor<4x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1, 0)>>> {
  // LANE: lane.mlir:[[@LINE+1]]:8: error: 'layout.generic' op unsupported image layout for a kernel output
  %r = "layout.generic"(%a) <{domain = array<i64: 4, 8>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}> ({
  ^bb0(%x: f32, %acc: f32):
    "layout.yield"(%x) : (f32) -> ()
  }, {
  }) : (tensor<4x8xf32>) -> tensor<4x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1, 0)>>>
  return %r : tensor<4x8xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1, 0)>>>
}
