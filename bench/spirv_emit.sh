#!/bin/sh
# SPIR-V emission against OpenCL C emission (the target: SPIR-V takes at
# most as long). The model is lowered once to the kernel dialect (baseline
# pipeline); then `sm-translate --emit-opencl` and `--emit-spirv` run on
# that module alternately, RUNS times each, and the median of the emission
# time each reports (--timing: kernels + host plan + weights blob, no
# parsing, no file writing) is compared. Exits 1 when the target is missed.
# The tools also validate every module in-process (SPIRV-Tools, not part of
# the emission time); spirv-val's CPU time on the module is shown for scale.
# usage: sh bench/spirv_emit.sh [BIN_DIR] [MODEL.onnx] [RUNS]
set -eu
bin=${1:-build/bin}
model=${2:-../shared/models/swin_tv_tiny/model.onnx}
runs=${3:-11}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin/smc" "$model" --passes='builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)' \
  -o "$tmp/kernel.mlir"
i=0
while [ "$i" -lt "$runs" ]; do
  for fmt in opencl spirv; do
    "$bin/sm-translate" --emit-$fmt "$tmp/kernel.mlir" -o "$tmp/$fmt" --timing 2>&1 >/dev/null |
      sed -n 's/^compile ([a-z-]*): \([0-9.]*\) ms$/\1/p' >> "$tmp/$fmt.ms"
  done
  i=$((i + 1))
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
cl=$(median "$tmp/opencl.ms")
spv=$(median "$tmp/spirv.ms")
kernels=$(grep -c '^launch ' "$tmp/spirv/plan.txt" || true)
echo "model: $model ($kernels launches), $runs runs each, median emission time"
echo "  OpenCL C: $cl ms ($(wc -c < "$tmp/opencl/kernels.cl") bytes of source)"
echo "  SPIR-V:   $spv ms ($(wc -c < "$tmp/spirv/kernels.spv") bytes of module)"
if command -v spirv-val >/dev/null 2>&1; then
  /usr/bin/time -f '%U %S' -o "$tmp/val.t" spirv-val --target-env opencl1.2 "$tmp/spirv/kernels.spv"
  echo "  (spirv-val on the module: $(awk '{ printf "%.0f", ($1 + $2) * 1000 }' "$tmp/val.t") ms CPU)"
fi
awk -v a="$spv" -v b="$cl" 'BEGIN { printf "  SPIR-V / OpenCL C = %.2f: %s\n", a / b, a <= b ? "target met" : "TARGET MISSED"; exit !(a <= b) }'
