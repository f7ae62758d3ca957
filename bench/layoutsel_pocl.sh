#!/bin/sh
# Layout selection on the first OpenCL device (PoCL here): per model, the
# baseline pipeline against the same pipeline with smartmem-select-layout,
# compiled to kernel IR with smc and timed with smrun --repeat, the two runs
# alternated ROUNDS times (the machine is shared; the best median of each
# is reported). Also prints what the pass did (its report line: tensors
# re-laid out, weights permuted, redundant copies and bytes, heuristic and
# optimal cost).
# usage: bench/layoutsel_pocl.sh [BUILD_BIN] [MODELS_DIR] [REPEAT] [ROUNDS] [MODEL...]
set -u
bin=${1:-build/bin}
models=${2:-../shared/models}
repeat=${3:-5}
rounds=${4:-2}
shift 4 2>/dev/null || shift $#
list=${*:-"swin_tv_tiny vit_tv_tiny segformer_tiny gpt2_tiny convnext_tv_tiny mobilenetv2_half squeezenet bert_tiny"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base="builtin.module(convert-graph-to-layout,convert-layout-to-kernel,kernel-plan-memory)"
sel="builtin.module(convert-graph-to-layout,smartmem-select-layout{report},convert-layout-to-kernel,kernel-plan-memory)"
printf "%-18s %12s %12s %8s\n" model "baseline ms" "select ms" speedup
for name in $list; do
  dir=$models/$name
  [ -f "$dir/model.onnx" ] || continue
  "$bin/smc" "$dir/model.onnx" --passes="$base" -o "$tmp/b.mlir" || exit 1
  "$bin/smc" "$dir/model.onnx" --passes="$sel" -o "$tmp/s.mlir" 2> "$tmp/report" || exit 1
  bb= sb=
  r=0
  while [ $r -lt "$rounds" ]; do
    for v in b s; do
      out=$("$bin/smrun" "$tmp/$v.mlir" --backend=opencl --repeat "$repeat" --test-data "$dir/test_data_set_0" 2>&1) ||
        { echo "$name ($v): run failed or outputs differ" >&2; echo "$out" | tail -3 >&2; exit 1; }
      ms=$(echo "$out" | sed -n 's/^opencl: median \([0-9.]*\) ms.*/\1/p')
      if [ $v = b ]; then bb=$(echo "$bb $ms" | awk '{m=$1; for(i=2;i<=NF;i++) if($i<m) m=$i; print m}')
      else sb=$(echo "$sb $ms" | awk '{m=$1; for(i=2;i<=NF;i++) if($i<m) m=$i; print m}'); fi
    done
    r=$((r + 1))
  done
  printf "%-18s %12s %12s %8s   %s\n" "$name" "$bb" "$sb" "$(awk -v a="$bb" -v b="$sb" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(sed -n 's/^smartmem-select-layout: //p' "$tmp/report" | sed 's/; cost.*//')"
done
