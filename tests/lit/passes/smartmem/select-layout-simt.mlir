// smartmem-select-layout on a SIMT device (profile key `simt: true`, a GPU):
// a read wants contiguous the tensor dim that neighbouring work-items step
// through (coalescing), not the dim of one work-item's reduction loop.
// After smartmem-eliminate the transpose lives in relu's result map, so the
// matmul reads %kt[k, n]: on the built-in profile (per-work-item loops) its reduction wants k (dim 0)
// innermost and the tensor is re-laid out; on the H100 the work-items step
// through n (dim 1), which row-major already serves: nothing changes.
// RUN: smc %s --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-select-layout{report})' 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: smartmem-select-layout: 1 tensors, 1 re-laid out, 0 weights permuted, 0 redundant copies (0 bytes)
// CPU: kind = "relu"
// CPU: }) : (tensor<64x32xf32>)
// CPU-SAME: -> tensor<32x64xf32, #layout.buffer<affine_map<(d0, d1) -> (d1 * 32 + d0)>>>
// RUN: smc %s --device-profile=nvidia-h100 --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-select-layout{report})' 2>&1 | FileCheck %s --check-prefix=GPU
// GPU: smartmem-select-layout: 1 tensors, 0 re-laid out, 0 weights permuted, 0 redundant copies (0 bytes)
// GPU: kind = "relu"
// GPU: }) : (tensor<64x32xf32>)
// GPU-SAME: -> tensor<32x64xf32>{{$}}
// The same choice from a profile file that only says simt: true.
// RUN: rm -rf %t && mkdir -p %t/cpu %t/gpu && printf 'name: "gpu"\nsimt: true\n' > %t/gpu.yaml
// RUN: smc %s --device-profile=%t/gpu.yaml --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-select-layout{report})' 2>&1 | FileCheck %s --check-prefix=GPU
// Results are the same either way (interpreter, after the whole pipeline).
// RUN: smrun %s --output-dir=%t/cpu > /dev/null
// RUN: smrun %s --device-profile=nvidia-h100 --output-dir=%t/gpu > /dev/null
// RUN: cmp %t/cpu/output_0.pb %t/gpu/output_0.pb

func.func @main(%q: tensor<16x32xf32>, %x: tensor<64x32xf32>) -> tensor<16x64xf32> {
  %k = "graph.relu"(%x) : (tensor<64x32xf32>) -> tensor<64x32xf32>
  %kt = "graph.transpose"(%k) {perm = array<i64: 1, 0>} : (tensor<64x32xf32>) -> tensor<32x64xf32>
  %s = "graph.matmul"(%q, %kt) : (tensor<16x32xf32>, tensor<32x64xf32>) -> tensor<16x64xf32>
  return %s : tensor<16x64xf32>
}
