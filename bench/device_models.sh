#!/bin/sh
# Runs bench/models.sh on the GPU machine (NVIDIA's OpenCL driver, DESIGN §10).
# Expects, carried from the build machine: build-dev/{bin,lib} (a Release
# build), .deps/debs/*.deb (ocl-icd-libopencl1, libprotobuf-c1, libyaml-0-2)
# and .deps/models/ (a copy of ../shared/models). Writes the table to
# $OUT/benchmarks-h100.md (+ .json) and the device list to $OUT/devices.txt.
# usage (from the repository root, on the device): sh bench/device_models.sh [REPEAT]
set -eu
repeat=${1:-20}
out=${OUT:-/tmp/out}
mkdir -p "$out" /tmp/sm-libs /tmp/vendors
for deb in .deps/debs/*.deb; do dpkg -x "$deb" /tmp/sm-libs; done
echo /usr/lib/libnvidia-opencl.so > /tmp/vendors/nvidia.icd
[ -e /usr/lib/libnvidia-opencl.so ] || echo /usr/lib/x86_64-linux-gnu/libnvidia-opencl.so.1 > /tmp/vendors/nvidia.icd
export OCL_ICD_VENDORS=/tmp/vendors
export LD_LIBRARY_PATH="$PWD/build-dev/lib:/tmp/sm-libs/usr/lib/x86_64-linux-gnu:/tmp/sm-libs/lib/x86_64-linux-gnu"
build-dev/bin/smrun --backend=opencl --list-devices | tee "$out/devices.txt"
sh bench/models.sh build-dev/bin .deps/models "$out/benchmarks-h100.md" "$repeat"
cat "$out/benchmarks-h100.md"
