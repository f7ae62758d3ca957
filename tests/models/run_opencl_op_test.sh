#!/bin/sh
# One single-op model (tests/models/ops) through the baseline OpenCL
# pipeline on the first OpenCL device, compared with its onnxruntime
# reference: the per-op check of the kernel generator (tiled schedules,
# work-group kernels) on a real OpenCL compiler. Exits 77 (ctest SKIP) when
# no OpenCL device is available or the op has no layout lowering yet (the
# message says which).
# usage: run_opencl_op_test.sh BIN_DIR OP_DIR [PROFILE]
# PROFILE: a device profile (pocl-cpu: the SIMD schedule).
set -u
bin=$1 dir=$2
prof=
[ -n "${3:-}" ] && prof=--device-profile=$3
if ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
err=$("$bin/smc" "$dir/model.onnx" $prof --pipeline=baseline 2>&1 >/dev/null)
if [ $? -ne 0 ]; then
  case "$err" in
    *"has no lowering"* | *"op lowering supports"* | *"op lowering of"*) echo "SKIP: not lowered to kernels yet: $err"; exit 77 ;;
  esac
  echo "$err"
  exit 1
fi
exec "$bin/smrun" "$dir/model.onnx" $prof --backend=opencl --pipeline=baseline --test-data "$dir/test_data_set_0"
