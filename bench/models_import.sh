#!/usr/bin/env bash
# Model import benchmark: for each ONNX model in ../shared/models, the ONNX
# node count, graph ops after import, graph ops after import + canonicalize,
# and the in-process import + canonicalize time (median of RUNS runs; from
# sm-translate --timing, so text printing is not included). Prints a
# Markdown table.
#
#   bench/models_import.sh [MODEL...]
#   BUILD=build-rel RUNS=5 bench/models_import.sh swin_tv_tiny
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD:-$root/build}
models_dir=${MODELS:-$root/../shared/models}
runs=${RUNS:-5}
python=${PYTHON:-python3}
translate=$build/bin/sm-translate
[[ -x $translate ]] || { echo "sm-translate not found in $build/bin (set BUILD=...)" >&2; exit 1; }
models=("$@")
if [[ ${#models[@]} -eq 0 ]]; then
  for d in "$models_dir"/*/; do [[ -f $d/model.onnx ]] && models+=("$(basename "$d")"); done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ONNX node count (main graph) with the onnx package if present.
onnx_nodes() {
  "$python" -c 'import onnx, sys; print(len(onnx.load(sys.argv[1], load_external_data=False).graph.node))' "$1" 2>/dev/null || echo "?"
}
# graph-dialect ops in a printed module
graph_ops() { grep -o '"graph\.[a-z_]*"' "$1" | wc -l; }
# "a b": median import ms and median import+verify+canonicalize ms
timing() {
  local i line imp=() tot=()
  for ((i = 0; i < runs; i++)); do
    line=$("$translate" --import-onnx "$1" --canonicalize --timing -o /dev/null 2>&1 >/dev/null | tail -1)
    imp+=("$(sed -E 's/.*import: ([0-9.]+) ms.*/\1/' <<<"$line")")
    tot+=("$(awk -F'[:,]' '{s=0; for (i=2;i<=NF;i+=2) if ($(i-1) !~ /print/) {v=$i; sub(/ ms/,"",v); s+=v}; print s}' <<<"$line")")
  done
  med() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]}'; }
  echo "$(med "${imp[@]}") $(med "${tot[@]}")"
}

echo "| model | ONNX nodes | graph ops (import) | graph ops (+ canonicalize) | import ms | import + canonicalize ms |"
echo "|---|---:|---:|---:|---:|---:|"
for m in "${models[@]}"; do
  onnx=$models_dir/$m/model.onnx
  "$translate" --import-onnx "$onnx" -o "$work/$m.mlir"
  "$translate" --import-onnx "$onnx" --canonicalize -o "$work/$m.canon.mlir"
  read -r imp tot < <(timing "$onnx")
  echo "| $m | $(onnx_nodes "$onnx") | $(graph_ops "$work/$m.mlir") | $(graph_ops "$work/$m.canon.mlir") | $imp | $tot |"
done
