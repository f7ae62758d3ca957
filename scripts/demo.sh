#!/usr/bin/env bash
# Set-up + main job: installs the dependencies, builds smartmem, then compiles
# the shipped model examples/swin_tv_tiny (a Swin transformer from
# torchvision at small width, exported to ONNX, 4,009 nodes) and runs it on
# the default OpenCL device (PoCL on the CPU unless another platform is
# first), comparing with the reference outputs that ship with it.
#
# The pipeline run here is `baseline`: ONNX -> graph dialect (shape
# subgraphs folded at import) -> layout dialect (row-major buffers, every
# reshape/transpose/slice a copy kernel, element-wise ops fused into their
# producer) -> kernel dialect (memory planned by liveness) -> OpenCL C.
# SmartMem's layout-transformation elimination and 2.5D mapping are the
# next issues; they will become `--pipeline=smartmem` here.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-deps.sh"
echo "==> building smartmem (build/)"
BUILD_DIR=build NINJA_TARGETS="smc smrun smopt" "$root/scripts/build.sh"

model=examples/swin_tv_tiny/model.onnx
data=examples/swin_tv_tiny/test_data_set_0
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo
echo "==> 1. compile: smc $model --pipeline=baseline -o OUT --stats"
stats=$(build/bin/smc "$model" --pipeline=baseline -o "$out" --stats)
get() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p" <<<"$stats"; }
echo "    graph ops after import (shape arithmetic folded): $(get graph_ops)"
echo "    kernels: $(get kernels), of which layout copies (reshape/transpose/slice/...): $(get conversion_kernels)"
echo "    planned device memory: $(awk -v b="$(get peak_bytes)" 'BEGIN{printf "%.2f MB", b/1e6}')" \
     "(without reuse: $(awk -v b="$(get unplanned_bytes)" 'BEGIN{printf "%.2f MB", b/1e6}'))"
echo "    import $(get import_ms) ms, compile $(get compile_ms) ms"
echo "    wrote: $(cd "$out" && ls | tr '\n' ' ')"
echo "    first kernel of kernels.cl:"
awk '/^__kernel/ {p=1} p {print "      " $0} p && /^}/ {exit}' "$out/kernels.cl"

echo
echo "==> 2. run on the default OpenCL device, compare with $data"
build/bin/smrun "$model" --backend=opencl --pipeline=baseline --test-data "$data" --repeat 5 \
  2>&1 | sed 's/^/    /'

echo
echo "Done: swin_tv_tiny compiled through the baseline pipeline and ran on OpenCL within"
echo "tolerance of onnxruntime's outputs. See docs/benchmarks.md for all models and H100 figures."
