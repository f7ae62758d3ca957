#!/bin/sh
# Half storage (smartmem-half-storage, smc/smrun --storage=f16) against f32
# storage, per model, on the first OpenCL device (PoCL here; the coordinator
# runs the same script on the H100): planned peak memory of intermediate
# buffers (smc --stats peak_bytes) both ways, the smartmem pipeline's latency
# both ways (smrun --repeat: the best median over ROUNDS alternated rounds,
# no profiling during the timed runs) and the largest absolute error of each
# against test_data_set_0 (the error of f32 storage is what the kernels add
# by themselves; the f16 column adds one half rounding per stored activation).
# PROFILE (optional): a device profile for both (e.g. nvidia-h100).
# usage: bench/half_storage.sh [BUILD_BIN] [MODELS_DIR] [REPEAT] [ROUNDS] [PROFILE] [MODEL...]
set -u
bin=${1:-build/bin}
models=${2:-../shared/models}
repeat=${3:-5}
rounds=${4:-2}
profile=${5:-}
if [ $# -ge 5 ]; then shift 5; else shift $#; fi
list=${*:-"swin_tv_tiny vit_tv_tiny segformer_tiny gpt2_tiny convnext_tv_tiny mobilenetv2_half squeezenet bert_tiny"}
popt=
[ -n "$profile" ] && popt="--device-profile=$profile"
best() { awk '{m=$1; for(i=2;i<=NF;i++) if($i<m) m=$i; print m}'; }
printf "%-18s %12s %12s %6s %10s %10s %8s %10s %10s\n" model "peak f32 B" "peak f16 B" ratio "f32 ms" "f16 ms" speedup \
  "f32 err" "f16 err"
for name in $list; do
  dir=$models/$name
  [ -f "$dir/model.onnx" ] || continue
  p32=$("$bin/smc" "$dir/model.onnx" $popt --stats | sed -n 's/.*"peak_bytes": \([0-9]*\).*/\1/p')
  p16=$("$bin/smc" "$dir/model.onnx" $popt --storage=f16 --stats | sed -n 's/.*"peak_bytes": \([0-9]*\).*/\1/p')
  t32= t16= e32= e16=
  r=0
  while [ $r -lt "$rounds" ]; do
    for st in f32 f16; do
      out=$("$bin/smrun" "$dir/model.onnx" $popt --backend=opencl --storage=$st --repeat "$repeat" --rtol=1 --atol=1 \
        --test-data "$dir/test_data_set_0" 2>&1) || { echo "$name ($st): run failed" >&2; echo "$out" | tail -3 >&2; exit 1; }
      ms=$(echo "$out" | sed -n 's/^opencl: device forward median \([0-9.]*\) ms.*/\1/p')
      err=$(echo "$out" | sed -n 's/.*max_abs_err=\([0-9.e+-]*\).*/\1/p' | sort -g | tail -1)
      if [ $st = f32 ]; then t32=$(echo "$t32 $ms" | best) e32=$err; else t16=$(echo "$t16 $ms" | best) e16=$err; fi
    done
    r=$((r + 1))
  done
  printf "%-18s %12s %12s %6s %10s %10s %8s %10s %10s\n" "$name" "$p32" "$p16" \
    "$(awk -v a="$p16" -v b="$p32" 'BEGIN { printf "%.2f", a / b }')" "$t32" "$t16" \
    "$(awk -v a="$t32" -v b="$t16" 'BEGIN { printf "%.2fx", a / b }')" "$e32" "$e16"
done
