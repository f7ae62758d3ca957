#!/usr/bin/env bash
# Set-up + main job: installs the dependencies, builds smartmem, then compiles
# the shipped model examples/swin_tv_tiny (a Swin transformer from
# torchvision at small width, exported to ONNX, 4,009 nodes) and runs it on
# the default OpenCL device (PoCL on the CPU unless another platform is
# first), comparing with the reference outputs that ship with it.
#
# Both pipelines run, side by side: `baseline` (ONNX -> graph dialect ->
# layout dialect with row-major buffers, every reshape/transpose/slice a copy
# kernel -> kernel dialect -> OpenCL C) and `smartmem`, the default (the same
# with SmartMem's passes: Fixed ops eliminated by composing their index maps,
# element-wise ops fused into producers and consumers; docs/smartmem.md).
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
echo "==> 1. compile: smc $model --pipeline=baseline|smartmem -o OUT --stats"
printf '    %-34s %12s %12s\n' "" baseline smartmem
for p in baseline smartmem; do
  mkdir -p "$out/$p"
  build/bin/smc "$model" --pipeline=$p -o "$out/$p" --stats > "$out/$p.stats"
done
get() { sed -n "s/.*\"$2\": \([0-9.]*\).*/\1/p" "$out/$1.stats"; }
mb() { awk -v b="$1" 'BEGIN{printf "%.2f MB", b/1e6}'; }
row() { printf '    %-34s %12s %12s\n' "$1" "$2" "$3"; }
row "graph ops after import" "$(get baseline graph_ops)" "$(get smartmem graph_ops)"
row "kernels" "$(get baseline kernels)" "$(get smartmem kernels)"
row "layout copies (reshape/transpose/...)" "$(get baseline conversion_kernels)" "$(get smartmem conversion_kernels)"
row "planned device memory" "$(mb "$(get baseline peak_bytes)")" "$(mb "$(get smartmem peak_bytes)")"
row "compile (ms, import excluded)" "$(get baseline compile_ms)" "$(get smartmem compile_ms)"
echo "    wrote: $(cd "$out/smartmem" && ls | tr '\n' ' ')"
echo "    first kernel of the smartmem kernels.cl:"
awk '/^__kernel/ {p=1} p {print "      " $0} p && /^}/ {exit}' "$out/smartmem/kernels.cl"

echo
echo "==> 2. run both on the default OpenCL device, compare with $data"
for p in baseline smartmem; do
  echo "    -- $p"
  build/bin/smrun "$model" --backend=opencl --pipeline=$p --test-data "$data" --repeat 5 \
    2>&1 | sed 's/^/    /'
done

echo
echo "Done: swin_tv_tiny compiled through the baseline and smartmem pipelines and ran on OpenCL"
echo "within tolerance of onnxruntime's outputs. See docs/benchmarks-models.md for all models."
