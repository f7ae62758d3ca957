// Device profiles: every shipped profile loads by name and by file, its
// costs drive smartmem-select-layout, and bad profiles are located errors.
// RUN: rm -rf %t && mkdir -p %t
// RUN: for p in adreno-740 mali-g57; do smc %s --device-profile=$p --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout{report})' -o /dev/null || echo FAILED $p; done 2>&1 | FileCheck %s --check-prefix=SHIPPED
// SHIPPED-COUNT-2: smartmem-select-layout: 1 tensors, 0 re-laid out, 0 weights permuted, 1 redundant copies (16384 bytes)
// SHIPPED-NOT: FAILED
// The H100 is SIMT (simt: true): %t's two readers both want its rows
// contiguous for coalescing (%a reads it as a broadcast A, %b as B along the
// work-items), so no copy, where a per-work-item-loop device wants %t's
// columns contiguous for %b's reduction.
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout{report})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=SIMT
// SIMT: smartmem-select-layout: 1 tensors, 0 re-laid out, 0 weights permuted, 0 redundant copies (0 bytes)
// pocl-cpu says select_layouts: false (its SIMD kernels vectorize row-major
// tensors): nothing is re-laid out or copied.
// RUN: smc %s --device-profile=pocl-cpu --passes='builtin.module(convert-graph-to-layout,smartmem-select-layout{report})' -o /dev/null 2>&1 | FileCheck %s --check-prefix=POCL
// POCL: smartmem-select-layout: 0 tensors, 0 re-laid out, 0 weights permuted, 0 redundant copies (0 bytes)
// By file, through the pass option (which wins over the module's profile):
// a device where a copy costs more than the reads it saves gets none.
// RUN: printf 'name: "no-copies"\ncopy_cost_per_element: 1000\n' > %t/nocopy.yaml
// RUN: smc %s --device-profile=pocl-cpu --passes="builtin.module(convert-graph-to-layout,smartmem-select-layout{report device-profile=%t/nocopy.yaml})" -o %t/n.mlir 2>&1 | FileCheck %s --check-prefix=NOCOPY
// NOCOPY: 0 redundant copies (0 bytes)
// The module records the profile smc was given.
// RUN: smc %s --device-profile=adreno-740 --passes='builtin.module(convert-graph-to-layout)' | FileCheck %s --check-prefix=ATTR
// ATTR: module attributes {smartmem.device_profile = "adreno-740"}
// Errors: unknown name, unknown key, bad value, malformed YAML, not a mapping.
// RUN: not smc %s --device-profile=no-such-gpu --passes='builtin.module(convert-graph-to-layout)' 2>&1 | FileCheck %s --check-prefix=NONAME
// NONAME: error: device profile 'no-such-gpu' not found
// RUN: printf 'name: "x"\nmax_image_widht: 4\n' > %t/key.yaml
// RUN: not smc %s --device-profile=%t/key.yaml 2>&1 | FileCheck %s --check-prefix=KEY
// KEY: key.yaml:2:1: error: device profile: unknown key 'max_image_widht'
// RUN: printf 'fp16: maybe\n' > %t/bool.yaml
// RUN: not smc %s --device-profile=%t/bool.yaml 2>&1 | FileCheck %s --check-prefix=BOOL
// BOOL: bool.yaml:1:7: error: device profile: 'fp16' must be true or false, not 'maybe'
// RUN: printf 'max_image_width: -3\n' > %t/int.yaml
// RUN: not smc %s --device-profile=%t/int.yaml 2>&1 | FileCheck %s --check-prefix=INT
// INT: int.yaml:1:18: error: device profile: 'max_image_width' must be a non-negative integer, not '-3'
// RUN: printf 'name: [unclosed\n' > %t/bad.yaml
// RUN: not smc %s --device-profile=%t/bad.yaml 2>&1 | FileCheck %s --check-prefix=YAML
// YAML: bad.yaml:2:1: error: device profile:
// RUN: printf -- '- a\n- b\n' > %t/list.yaml
// RUN: not smc %s --device-profile=%t/list.yaml 2>&1 | FileCheck %s --check-prefix=LIST
// LIST: list.yaml:1:1: error: device profile: expected a mapping of keys to values
// RUN: not smc %s --passes="builtin.module(convert-graph-to-layout,smartmem-select-layout{device-profile=%t/key.yaml})" 2>&1 | FileCheck %s --check-prefix=KEY

func.func @main(%x: tensor<64x64xf32>, %y: tensor<64x64xf32>) -> (tensor<64x64xf32>, tensor<64x64xf32>) {
  %t = "graph.matmul"(%x, %y) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %a = "graph.matmul"(%t, %y) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  %b = "graph.matmul"(%y, %t) : (tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32>
  return %a, %b : tensor<64x64xf32>, tensor<64x64xf32>
}
