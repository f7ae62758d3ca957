// REQUIRES: opencl-images
// An image wider than the device allows (PoCL: 8192; NVIDIA: 32768) is a
// runtime error at the op that needs it, before anything is created or
// launched. 1 x 140000 -> 35000 x 1 pixels exceeds both; lowered with the
// compile-time limit off so that the runtime check is the one that fires.
// RUN: smc %s --passes='builtin.module(convert-layout-to-kernel{max-image-width=0},kernel-plan-memory)' --mlir-print-debuginfo -o %t.mlir
// RUN: not smrun %t.mlir --backend=opencl 2>&1 | FileCheck %s
// CHECK: image_device_limit.mlir:[[@LINE+4]]:8: error: OpenCL: intermediate buffer 1 needs a 35000 x 1 image (width x height), larger than the device allows (CL_DEVICE_IMAGE2D_MAX_WIDTH {{[0-9]+}}, CL_DEVICE_IMAGE2D_MAX_HEIGHT {{[0-9]+}})
// CHECK-NOT: opencl: {{.*}} launches

func.func @main(%a: tensor<1x140000xf32>) -> tensor<1x140000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>> {
  %r = "layout.generic"(%a) <{domain = array<i64: 1, 140000>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"], kind = "copy"}> ({
  ^bb0(%x: f32, %acc: f32):
    "layout.yield"(%x) : (f32) -> ()
  }, {
  }) : (tensor<1x140000xf32>) -> tensor<1x140000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
  return %r : tensor<1x140000xf32, #layout.image<affine_map<(d0, d1) -> (d0, d1 floordiv 4, d1 mod 4)>>>
}
