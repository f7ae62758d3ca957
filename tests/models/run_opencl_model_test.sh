#!/bin/sh
# One model through a named pipeline (baseline, the default, or smartmem) to
# OpenCL: import, compile, emit OpenCL C, run on the first OpenCL device (PoCL in CI) and compare
# with test_data_set_0. Also checks that the compiled artifacts are written
# by smc. Exits 77 (ctest SKIP) when the shared models or an OpenCL device
# are absent.
# usage: run_opencl_model_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR [PIPELINE]
set -u
bin=$1 models=$2 name=$3 work=$4 pipeline=${5:-baseline}
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
if ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
work=$work/$pipeline
mkdir -p "$work/$name" || exit 1
"$bin/smc" "$dir/model.onnx" --pipeline="$pipeline" -o "$work/$name" --stats || exit 1
for f in kernels.cl plan.txt weights.bin; do
  [ -s "$work/$name/$f" ] || { echo "FAIL: $work/$name/$f missing or empty"; exit 1; }
done
"$bin/smrun" "$dir/model.onnx" --backend=opencl --pipeline="$pipeline" --test-data "$dir/test_data_set_0" || exit 1
