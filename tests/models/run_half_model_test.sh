#!/bin/sh
# One model with half storage (smartmem pipeline, --storage=f16): smc must
# plan less memory than with f32 storage and emit vload_half/vstore_half,
# and the model run on BACKEND (interp: the kernel-level interpreter, which
# rounds stores as vstore_half does; opencl: the first OpenCL device) must
# match test_data_set_0 within ATOL + RTOL * |reference| (per-model values
# and why: docs/smartmem-layouts.md, "Half storage"). PROFILE (optional): a
# device profile for smc and smrun (adreno-740: tensors in CL_HALF_FLOAT
# images). Exits 77 (ctest SKIP) without the models or, for opencl, without
# a device.
# usage: run_half_model_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR BACKEND ATOL RTOL [PROFILE]
set -u
bin=$1 models=$2 name=$3 work=$4 backend=$5 atol=$6 rtol=$7 profile=${8:-}
popt=
[ -n "$profile" ] && popt="--device-profile=$profile"
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
if [ "$backend" = opencl ] && ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
work=$work/$backend$profile/$name
mkdir -p "$work" || exit 1
peak() { sed -n 's/.*"peak_bytes": \([0-9]*\).*/\1/p'; }
f32=$("$bin/smc" "$dir/model.onnx" $popt --stats | peak) || exit 1
f16=$("$bin/smc" "$dir/model.onnx" $popt --storage=f16 --stats -o "$work" | peak) || exit 1
echo "peak memory: f32 storage $f32 bytes, f16 storage $f16 bytes"
if [ -z "$f32" ] || [ -z "$f16" ] || [ "$f16" -ge "$f32" ]; then
  echo "FAIL: half storage does not reduce the planned peak memory"
  exit 1
fi
# Half buffers, or (with images) CL_HALF_FLOAT image slots.
if ! grep -q vstore_half "$work/kernels.cl" && ! grep -q '^slot .* image .* half$' "$work/plan.txt"; then
  echo "FAIL: neither vstore_half in $work/kernels.cl nor a half image slot in $work/plan.txt"
  exit 1
fi
exec "$bin/smrun" "$dir/model.onnx" $popt --backend="$backend" --storage=f16 --atol="$atol" --rtol="$rtol" \
  --test-data "$dir/test_data_set_0"
