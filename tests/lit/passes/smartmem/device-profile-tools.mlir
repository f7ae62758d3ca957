// --device-profile on smc and smrun and smrun --print-device-profile, with the
// smartmem pipeline (which runs smartmem-select-layout and smartmem-map-texture).
// RUN: rm -rf %t && mkdir -p %t
// Without a profile: no images. The default profile selects layouts (a
// redundant copy of %t here, which the kernel computing %t stores beside %t:
// one more buffer argument, no more kernels); pocl-cpu does not
// (select_layouts: false, its SIMD kernels vectorize row-major tensors).
// RUN: smc %s -o %t/default
// RUN: smc %s --device-profile=pocl-cpu -o %t/pocl
// RUN: grep -c 'void k[0-9a-z_]*(' %t/default/kernels.cl | FileCheck %s --check-prefix=THREE
// RUN: grep -c 'void k[0-9a-z_]*(' %t/pocl/kernels.cl | FileCheck %s --check-prefix=THREE
// THREE: 3
// RUN: FileCheck %s --check-prefix=COPY < %t/default/kernels.cl
// RUN: FileCheck %s --check-prefix=NOCOPY < %t/pocl/kernels.cl
// COPY: void k0_matmul({{[^,]*}} b0, {{[^,]*}} b1, __global float *restrict b2, __global float *restrict b3)
// NOCOPY: void k0_matmul({{[^,]*}} b0, {{[^,]*}} b1, __global float *restrict b2)
// RUN: not grep image2d_t %t/default/kernels.cl
// A profile where images are cheaper maps the matmul chain's tensor to an image.
// RUN: smc %s --device-profile=adreno-740 -o %t/adreno
// RUN: FileCheck %s --check-prefix=ADRENO < %t/adreno/kernels.cl
// ADRENO: image2d_t
// smrun takes the option too (the interpreter runs the graph; the bad name is still an error).
// RUN: smrun %s --device-profile=mali-g57 --output-dir %t
// RUN: not smrun %s --device-profile=no-such-gpu --output-dir %t 2>&1 | FileCheck %s --check-prefix=NONAME
// NONAME: error: device profile 'no-such-gpu' not found

func.func @main(%x: tensor<64x64xf32>, %y: tensor<64x64xf32>) -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %t = "graph.matmul"(%x, %y) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %a = "graph.matmul"(%t, %y) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %b = "graph.matmul"(%y, %t) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  return %a, %b : tensor<64x64xf32>, tensor<64x64xf32>
}
