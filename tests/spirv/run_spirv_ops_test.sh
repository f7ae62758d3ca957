#!/bin/sh
# The single-op models of tests/models/ops with --kernel-format=spirv on
# the first OpenCL device, against their onnxruntime references. Ops the
# baseline pipeline does not lower yet (smc fails for OpenCL C too) are
# listed, not counted; every other op must validate and match. Exits 77
# without spirv-tools or an OpenCL device.
# usage: run_spirv_ops_test.sh BIN_DIR OPS_DIR WORK_DIR
set -u
bin=$1 ops=$2 work=$3
command -v spirv-val >/dev/null 2>&1 || { echo "SKIP: spirv-val not found (Debian spirv-tools)"; exit 77; }
if ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
ran=0 failed=0
for d in "$ops"/*/; do
  op=$(basename "$d")
  [ -f "$d/model.onnx" ] || continue
  out=$work/$op
  rm -rf "$out" && mkdir -p "$out" || exit 1
  if ! "$bin/smc" "$d/model.onnx" --kernel-format=opencl-c -o "$out" >/dev/null 2>&1; then
    echo "not lowered by the pipeline (OpenCL C neither): $op"
    continue
  fi
  ran=$((ran + 1))
  if ! "$bin/smc" "$d/model.onnx" --kernel-format=spirv -o "$out" ||
     ! spirv-val --target-env opencl1.2 "$out/kernels.spv" ||
     ! "$bin/smrun" "$d/model.onnx" --backend=opencl --kernel-format=spirv --test-data "$d/test_data_set_0"; then
    echo "FAIL: $op"
    failed=$((failed + 1))
  fi
done
echo "$ran ops run as SPIR-V, $failed failed"
[ "$ran" -gt 0 ] && [ "$failed" -eq 0 ]
