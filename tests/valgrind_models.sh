#!/usr/bin/env bash
# Runs the whole pipeline of every model under valgrind (memcheck), one model
# and one command at a time:
#   sm-translate --import-onnx            (ONNX -> graph-dialect MLIR)
#   smc --pipeline=baseline -o DIR         (graph -> layout -> kernel -> OpenCL C + plan)
#   smc --pipeline=smartmem -o DIR
#   smrun --backend=interp --test-data     (interpreter, checked against output_0.pb)
# under `valgrind --error-exitcode=1 --leak-check=full`; then (unless
# VG_BAD_INPUTS=0) the error paths: smc on every crafted input of
# tests/bad-inputs, which must exit 1 with valgrind clean. The OpenCL backend
# stays out: PoCL's JIT (LLVM) is noisy under valgrind.
#
#   tests/valgrind_models.sh [BUILD_DIR] [MODEL_DIR...]
# BUILD_DIR defaults to build; the models default to ../shared/models/* and
# tests/models/zoo/*. Prints one line per command (model, step, PASS/FAIL,
# seconds) and a summary; logs in $VG_LOG_DIR (default BUILD_DIR/valgrind-models).
# A step fails when the tool exits non-zero or valgrind reports any error or a
# definite/possible leak. Exit status: 0 when every step passes, 1 otherwise.
# Slow (minutes per model on a shared 2-core machine): run it under nice.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
[ $# -gt 0 ] && shift
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
bin=$build/bin
for t in sm-translate smc smrun; do
  [ -x "$bin/$t" ] || { echo "valgrind_models: $bin/$t not built" >&2; exit 2; }
done
command -v valgrind >/dev/null || { echo "valgrind_models: valgrind not installed" >&2; exit 2; }

if [ $# -gt 0 ]; then
  models=("$@")
else
  models=()
  for d in "$root"/../shared/models/*/ "$root"/tests/models/zoo/*/; do
    [ -f "$d/model.onnx" ] && models+=("${d%/}")
  done
  [ ${#models[@]} -gt 0 ] || { echo "valgrind_models: no models found (../shared absent?)" >&2; exit 2; }
fi

logs=${VG_LOG_DIR:-$build/valgrind-models}
mkdir -p "$logs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# (no --track-origins: it doubles the time; rerun a failing step with it)
# valgrind-pocl.supp: glibc's dynamic loader and PoCL's worker threads, loaded
# when smc names the OpenCL device for its tuning cache (not smartmem's code).
vg=(valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,possible -q
    --suppressions="$root/tests/valgrind-pocl.supp")
failed=0
total=0
step() { # step MODEL NAME CMD...   (the command must exit with $want, default 0)
  local m=$1 name=$2; shift 2
  local log="$logs/$m.$name.log" t0 t1 rc
  t0=$(date +%s.%N)
  "${vg[@]}" --log-file="$log.vg" "$@" >"$log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  # valgrind's own report goes to $log.vg; a tool that fails without a
  # valgrind error still fails the step.
  cat "$log.vg" >>"$log" && rm -f "$log.vg"
  total=$((total + 1))
  local verdict=PASS
  if [ $rc -ne "${want:-0}" ] || grep -q '^==[0-9]*==' "$log"; then verdict=FAIL; failed=$((failed + 1)); fi
  printf '%-24s %-16s %s %8.1f s\n' "$m" "$name" "$verdict" "$(echo "$t1 - $t0" | bc)"
}

for d in "${models[@]}"; do
  m=$(basename "$d")
  step "$m" import "$bin/sm-translate" --import-onnx "$d/model.onnx" -o "$work/$m.mlir"
  step "$m" smc-baseline "$bin/smc" "$d/model.onnx" --pipeline=baseline -o "$work/$m-baseline"
  step "$m" smc-smartmem "$bin/smc" "$d/model.onnx" --pipeline=smartmem -o "$work/$m-smartmem"
  step "$m" smrun-interp "$bin/smrun" "$d/model.onnx" --backend=interp --test-data "$d/test_data_set_0"
  rm -rf "$work/$m.mlir" "$work/$m-baseline" "$work/$m-smartmem"
done
if [ "${VG_BAD_INPUTS:-1}" != 0 ]; then
  for f in "$root"/tests/bad-inputs/*.onnx "$root"/tests/bad-inputs/*.yaml; do
    # (the zero-sized models are valid, but smc refuses them too)
    want=1 step "bad-$(basename "$f")" smc-error "$bin/smc" "$f" -o "$work/bad-out"
    rm -rf "$work/bad-out"
  done
fi
echo "valgrind_models: $((total - failed)) of $total steps pass ($(valgrind --version), build $build)"
[ $failed -eq 0 ]
