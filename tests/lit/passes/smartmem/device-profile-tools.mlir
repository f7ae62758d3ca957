// --device-profile on smc and smrun and smrun --print-device-profile, with the
// smartmem pipeline (which runs smartmem-select-layout and smartmem-map-texture).
// RUN: rm -rf %t && mkdir -p %t
// Without a profile the passes choose what the pocl-cpu profile chooses
// (PoCL is the tools' default device): the same kernels, no images. Only
// their schedules differ: pocl-cpu is a SIMD device (fastest dim blocked,
// normalisation groups of one work-item), the default profile is not.
// RUN: smc %s -o %t/default
// RUN: smc %s --device-profile=pocl-cpu -o %t/pocl
// RUN: grep -o 'void k[0-9a-z_]*(' %t/default/kernels.cl > %t/default.names
// RUN: grep -o 'void k[0-9a-z_]*(' %t/pocl/kernels.cl > %t/pocl.names
// RUN: diff %t/default.names %t/pocl.names
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
