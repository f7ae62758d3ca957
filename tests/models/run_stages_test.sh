#!/bin/sh
# Stage-by-stage check of a pipeline (baseline or smartmem) on one model: import the
# ONNX model, then apply the pipeline one pass at a time. After each pass the
# IR is verified (by the pass manager and again when it is parsed back),
# printed to text, parsed back and run by the interpreter on
# test_data_set_0; every stage must match the reference outputs (smrun's
# default tolerances). Prints one line per stage with its time.
# Exits 77 (ctest SKIP) when the shared models directory is absent.
# usage: run_stages_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR [baseline|smartmem]
set -u
bin=$1 models=$2 name=$3 work=$4 pipeline=${5:-baseline}
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
data=$dir/test_data_set_0
work=$work/$pipeline/$name
mkdir -p "$work" || exit 1
# The named pipelines of passes/smartmem/register.c, one pass per stage.
case $pipeline in
baseline) passes="convert-graph-to-layout convert-layout-to-kernel kernel-plan-memory" ;;
smartmem)
  passes="smartmem-classify convert-graph-to-layout{fuse=false} smartmem-eliminate smartmem-fuse
          convert-layout-to-kernel kernel-plan-memory" ;;
*) echo "FAIL: unknown pipeline '$pipeline'"; exit 1 ;;
esac

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# run_stage N LABEL FILE: interpret FILE and compare with the reference.
run_stage() {
  t0=$(now)
  if ! "$bin/smrun" "$3" --backend=interp --test-data "$data" > "$work/stage$1.out" 2>&1; then
    cat "$work/stage$1.out"
    echo "FAIL: stage $1 ($2): interpreter outputs differ from the reference or it failed ($3)"
    exit 1
  fi
  t1=$(now)
  echo "stage $1 ($2): verified, outputs match [$(grep -c ': ok' "$work/stage$1.out") outputs, interp $(elapsed "$t0" "$t1") s]"
  sed 's/^/    /' "$work/stage$1.out"
}

cur=$work/stage0.mlir
rm -f "$work"/stage*.mlir
t0=$(now)
"$bin/sm-translate" --import-onnx "$dir/model.onnx" -o "$cur" || { echo "FAIL: import"; exit 1; }
echo "import: $(elapsed "$t0" "$(now)") s"
run_stage 0 import "$cur"
n=0
for p in $passes; do
  n=$((n + 1))
  next=$work/stage$n.mlir
  t0=$(now)
  if ! "$bin/smc" "$cur" --passes="builtin.module($p)" -o "$next"; then
    echo "FAIL: stage $n ($p): the pass failed or its output does not verify"
    exit 1
  fi
  echo "pass $p: $(elapsed "$t0" "$(now)") s"
  run_stage "$n" "$p" "$next"
  cur=$next
done
echo "PASS: $name ($pipeline), $n passes, every stage matches the reference"
