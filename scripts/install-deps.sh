#!/usr/bin/env bash
# Installs the Debian packages smartmem needs (README.md says why each is
# there). Idempotent and silent when everything is already installed: apt is
# only touched when dpkg reports a package missing. Works as root (CI) or
# through sudo.
set -euo pipefail

PACKAGES=(
  cmake ninja-build gcc clang pkg-config python3
  libcriterion-dev llvm-15-tools libclang-rt-14-dev
  mlir-22-tools
  libyaml-dev protobuf-c-compiler libprotobuf-c-dev python3-onnx
  ocl-icd-opencl-dev opencl-headers pocl-opencl-icd clinfo
  spirv-headers spirv-tools llvm-spirv-15
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root, no sudo" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
