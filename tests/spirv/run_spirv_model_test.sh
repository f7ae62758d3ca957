#!/bin/sh
# One model with --kernel-format=spirv: smc writes kernels.spv, spirv-val
# (--target-env opencl1.2) accepts it, spirv-dis disassembles it, every
# launched kernel is an OpEntryPoint Kernel; then, unless "validate" is the
# last argument, smrun runs it on the first OpenCL device (PoCL: through
# llvm-spirv-15 -r) and compares with test_data_set_0. Exits 77 (ctest
# SKIP) when the shared models, spirv-tools, an OpenCL device or
# llvm-spirv-15 are absent.
# usage: run_spirv_model_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR [validate]
set -u
bin=$1 models=$2 name=$3 work=$4 mode=${5:-run}
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
for t in spirv-val spirv-dis; do
  command -v $t >/dev/null 2>&1 || { echo "SKIP: $t not found (Debian spirv-tools)"; exit 77; }
done
out=$work/$name
rm -rf "$out" && mkdir -p "$out" || exit 1
"$bin/smc" "$dir/model.onnx" --kernel-format=spirv -o "$out" --stats || exit 1
[ -s "$out/kernels.spv" ] || { echo "FAIL: $out/kernels.spv missing or empty"; exit 1; }
[ ! -e "$out/kernels.cl" ] || { echo "FAIL: $out/kernels.cl written for --kernel-format=spirv"; exit 1; }
spirv-val --target-env opencl1.2 "$out/kernels.spv" || { echo "FAIL: spirv-val rejects $out/kernels.spv"; exit 1; }
spirv-dis "$out/kernels.spv" -o "$out/kernels.spvasm" || { echo "FAIL: spirv-dis"; exit 1; }
# Every kernel the plan launches is an entry point of the module.
for k in $(awk '$1 == "launch" { print $2 }' "$out/plan.txt" | sort -u); do
  grep -q "OpEntryPoint Kernel %[^ ]* \"$k\"" "$out/kernels.spvasm" || { echo "FAIL: no entry point for $k"; exit 1; }
done
echo "spirv-val: ok ($(grep -c 'OpEntryPoint Kernel' "$out/kernels.spvasm") entry points, $(wc -c < "$out/kernels.spv") bytes)"
[ "$mode" = validate ] && exit 0
if ! "$bin/smrun" --backend=opencl --list-devices >/dev/null 2>&1; then
  echo "SKIP: no OpenCL platform/device available"
  exit 77
fi
"$bin/smrun" "$dir/model.onnx" --backend=opencl --kernel-format=spirv --test-data "$dir/test_data_set_0" || exit 1
