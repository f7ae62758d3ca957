#!/bin/sh
# One model through a named pipeline (baseline, the default, or smartmem) to
# OpenCL: import, compile, emit OpenCL C, run on the first OpenCL device (PoCL in CI) and compare
# with test_data_set_0. Also checks that the compiled artifacts are written
# by smc. Exits 77 (ctest SKIP) when the shared models or an OpenCL device
# are absent.
# usage: run_opencl_model_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR [PIPELINE [PROFILE]]
# PIPELINE: a named pipeline (baseline, the default, or smartmem), or a pass
# pipeline 'builtin.module(...)' ending in kernel IR, run by smc --passes; its
# kernel-level output is what runs.
# PROFILE: a device profile for smc/smrun (pocl-cpu: the SIMD schedule).
set -u
bin=$1 models=$2 name=$3 work=$4 pipeline=${5:-baseline} profile=${6:-}
prof=
[ -n "$profile" ] && prof=--device-profile=$profile
case $pipeline in
builtin.module\(*) passes=$pipeline label=passes ;;
*) passes= label=$pipeline ;;
esac
[ -n "$profile" ] && label=$label-$profile
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
if ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
work=$work/$label
mkdir -p "$work/$name" || exit 1
if [ -n "$passes" ]; then
  "$bin/smc" "$dir/model.onnx" $prof --passes="$passes" -o "$work/$name/kernels.mlir" || exit 1
  exec "$bin/smrun" "$work/$name/kernels.mlir" --backend=opencl --test-data "$dir/test_data_set_0"
fi
"$bin/smc" "$dir/model.onnx" $prof --pipeline="$pipeline" -o "$work/$name" --stats || exit 1
for f in kernels.cl plan.txt weights.bin; do
  [ -s "$work/$name/$f" ] || { echo "FAIL: $work/$name/$f missing or empty"; exit 1; }
done
"$bin/smrun" "$dir/model.onnx" $prof --backend=opencl --pipeline="$pipeline" --test-data "$dir/test_data_set_0" || exit 1
