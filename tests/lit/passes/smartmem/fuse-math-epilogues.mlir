// smartmem-fuse{math-epilogues}: an element-wise op that calls math.* (a
// GELU's erf) runs in a matmul's epilogue with `fuse`, in its own kernel
// with `split`; `auto` splits on SIMD devices (a profile with a preferred
// vector width above 4 and no simt, e.g. pocl-cpu) and fuses elsewhere.
// Math-free epilogues (the bias add) fuse in every mode, and element-wise
// ops fuse with each other in every mode.
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse{math-epilogues=fuse})' | FileCheck %s --check-prefix=FUSE
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse{math-epilogues=split})' | FileCheck %s --check-prefix=SPLIT
// RUN: smopt %s --pass-pipeline='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' | FileCheck %s --check-prefix=FUSE
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' | FileCheck %s --check-prefix=SPLIT
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' | FileCheck %s --check-prefix=FUSE
// RUN: not smopt %s --pass-pipeline='builtin.module(smartmem-fuse{math-epilogues=sometimes})' 2>&1 | FileCheck %s --check-prefix=BAD
// Both forms compute the same values.
// RUN: rm -rf %t.ref && mkdir -p %t.ref && smrun %s --output-dir %t.ref --seed 2 > /dev/null
// RUN: smrun %s --device-profile=pocl-cpu --test-data %t.ref | FileCheck %s --check-prefix=EXEC
// RUN: smrun %s --device-profile=nvidia-h100 --test-data %t.ref | FileCheck %s --check-prefix=EXEC

// FUSE: kind = "matmul+add+gelu"
// FUSE-NOT: kind = "gelu"

// SPLIT: kind = "matmul+add"
// SPLIT: kind = "gelu"
// SPLIT: math.erf

// BAD: error: 'builtin.module' op smartmem-fuse: math-epilogues must be auto, fuse or split, not 'sometimes'
// EXEC: output_0: 128 elements{{.*}}: ok

func.func @main(%x: tensor<4x16xf32>, %w: tensor<16x32xf32>, %b: tensor<32xf32>) -> tensor<4x32xf32> {
  %m = "graph.matmul"(%x, %w) : (tensor<4x16xf32>, tensor<16x32xf32>) -> tensor<4x32xf32>
  %a = "graph.add"(%m, %b) : (tensor<4x32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  %g = "graph.gelu"(%a) : (tensor<4x32xf32>) -> tensor<4x32xf32>
  return %g : tensor<4x32xf32>
}
