#!/bin/sh
# One call of the GPU machine (through the device tool) that measures what
# docs/benchmarks.md reports, each part under its own time cap so that one
# call of at most 10 minutes always returns what it measured:
#   1. the device's profile (smrun --print-device-profile)
#   2. bench/device_ab.sh on the shared models: baseline, smartmem with the
#      profile read off the device, smartmem with the pocl-cpu profile
#   3. PyTorch peers of the shared models (eager, compile, CUDA graphs)
#   4. bench/device_ab.sh on the zoo: baseline and smartmem
#   5. PyTorch peers of the zoo
#   6. half storage against f32 storage on four models (bench/half_storage.sh)
#   7. per-kernel profiles (JSON) of PROFILE_MODELS (default swin_tv_tiny
#      vit_tv_tiny), both pipelines
# Each part's cap is an environment variable (T_AB, T_TORCH_SHARED, T_ZOO,
# T_TORCH_ZOO, T_HALF, T_PROFILE); a cap of 0 skips that part.
# Expects build-dev/ (a Release build) and .deps/{debs,models} carried (see
# bench/device_models.sh). Writes $OUT/res.tar.gz. usage: sh bench/device_full.sh
set -u
out=${OUT:-/tmp/out}
r=/tmp/res
mkdir -p "$r" /tmp/sm-libs /tmp/vendors
for d in .deps/debs/*.deb; do dpkg -x "$d" /tmp/sm-libs; done
echo /usr/lib/libnvidia-opencl.so > /tmp/vendors/nvidia.icd
[ -e /usr/lib/libnvidia-opencl.so ] || echo /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 > /tmp/vendors/nvidia.icd
export OCL_ICD_VENDORS=/tmp/vendors PYTHONUNBUFFERED=1
export LD_LIBRARY_PATH="$PWD/build-dev/lib:/tmp/sm-libs/usr/lib/x86_64-linux-gnu:/tmp/sm-libs/lib/x86_64-linux-gnu"
export SMARTMEM_CACHE_DIR=/tmp/sm-cl-cache SMARTMEM_TUNING_CACHE=/tmp/sm-tuning.yaml
# step CAP CMD...: runs CMD under a CAP-second limit, or skips it when CAP is 0
# (timeout 0 would mean no limit at all).
step() { cap=$1; shift; [ "$cap" -gt 0 ] || return 0; timeout "$cap" "$@"; }
finish() { (cd /tmp && tar czf "$out/res.tar.gz" res); }
trap finish EXIT
date -u > "$r/started"
nvidia-smi -L > "$r/gpu.txt" 2>&1
build-dev/bin/smrun --backend=opencl --print-device-profile > "$r/device-profile.yaml" 2>&1
step "${T_AB:-120}" sh bench/device_ab.sh build-dev/bin .deps/models "$r/ab-shared.md" 20 \
  ${AB_VARIANTS:-base=baseline smartmem=smartmem cpu-profile=smartmem:--device-profile=pocl-cpu} > "$r/ab-shared.log" 2>&1
step "${T_TORCH_SHARED:-150}" python3 bench/torch_peers.py "$r/torch-shared.json" 30 shared > "$r/torch-shared.log" 2>&1
step "${T_ZOO:-60}" sh bench/device_ab.sh build-dev/bin tests/models/zoo "$r/ab-zoo.md" 20 \
  base=baseline smartmem=smartmem > "$r/ab-zoo.log" 2>&1
step "${T_TORCH_ZOO:-70}" python3 bench/torch_peers.py "$r/torch-zoo.json" 30 zoo > "$r/torch-zoo.log" 2>&1
step "${T_HALF:-30}" sh bench/half_storage.sh build-dev/bin .deps/models 10 1 "" swin_tv_tiny vit_tv_tiny gpt2_tiny \
  segformer_tiny > "$r/half.log" 2>&1
for m in ${PROFILE_MODELS:-swin_tv_tiny vit_tv_tiny}; do
  for p in baseline smartmem; do
    echo "== $m $p" >> "$r/profile.log"
    step "${T_PROFILE:-20}" build-dev/bin/smrun ".deps/models/$m/model.onnx" --backend=opencl --pipeline=$p --profile --repeat 5 \
      --json "$r/profile-$m-$p.json" --test-data ".deps/models/$m/test_data_set_0" >> "$r/profile.log" 2>&1
  done
done
date -u > "$r/finished"
