#!/bin/sh
# Runs bench/models.sh on the GPU machine (NVIDIA's OpenCL driver, DESIGN §10).
# Expects, carried from the build machine: build-dev/{bin,lib} (a Release
# build), .deps/debs/*.deb (ocl-icd-libopencl1, libprotobuf-c1, libyaml-0-2)
# and .deps/models/ (a copy of ../shared/models). For each pipeline that
# the build knows (baseline, smartmem) writes a table with the device
# forward time (inputs resident) and end-to-end time per model to
# $OUT/benchmarks-h100-<pipeline>.md (+ .json), and the device list to
# $OUT/devices.txt. TUNE=SECONDS first runs `smrun --tune` per model and
# pipeline with that budget (the tuning cache lands in $OUT/tuning.yaml).
# MODELS=DIR runs another models directory (e.g. tests/models/zoo) and
# TAG=NAME names its tables benchmarks-NAME-<pipeline>.md (default h100).
# usage (from the repository root, on the device): sh bench/device_models.sh [REPEAT]
set -eu
repeat=${1:-20}
out=${OUT:-/tmp/out}
models=${MODELS:-.deps/models}
tag=${TAG:-h100}
mkdir -p "$out" /tmp/sm-libs /tmp/vendors
for deb in .deps/debs/*.deb; do dpkg -x "$deb" /tmp/sm-libs; done
echo /usr/lib/libnvidia-opencl.so > /tmp/vendors/nvidia.icd
[ -e /usr/lib/libnvidia-opencl.so ] || echo /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 > /tmp/vendors/nvidia.icd
export OCL_ICD_VENDORS=/tmp/vendors
export LD_LIBRARY_PATH="$PWD/build-dev/lib:/tmp/sm-libs/usr/lib/x86_64-linux-gnu:/tmp/sm-libs/lib/x86_64-linux-gnu"
export SMARTMEM_CACHE_DIR=/tmp/sm-cl-cache SMARTMEM_TUNING_CACHE="$out/tuning.yaml"
build-dev/bin/smrun --backend=opencl --list-devices | tee "$out/devices.txt"
first=$(ls -d "$models"/*/ | head -1)
for p in baseline smartmem; do
  if build-dev/bin/smc "$first/model.onnx" --pipeline=$p -o /tmp/sm-probe 2>&1 | grep -q "unknown pipeline"; then
    echo "pipeline $p: not in this build, skipped"
    continue
  fi
  if [ -n "${TUNE:-}" ]; then
    for d in "$models"/*/; do
      build-dev/bin/smrun "$d/model.onnx" --backend=opencl --pipeline=$p --tune --tune-budget "$TUNE" \
        --test-data "$d/test_data_set_0" 2>&1 | tail -2
    done
  fi
  PIPELINE=$p sh bench/models.sh build-dev/bin "$models" "$out/benchmarks-$tag-$p.md" "$repeat"
  cat "$out/benchmarks-$tag-$p.md"
done
