#!/usr/bin/env bash
# Set-up + main job. The project's main job -- compiling a model through the
# SmartMem pipeline and running it on OpenCL -- does not exist yet (later
# issues). What this does today, for real: installs the dependencies, builds
# smartmem, and runs smopt on examples/attention_block.mlir (an attention
# block in graph-level ops with affine-map layouts, a dense_resource weight
# blob and source locations):
#   1. parse + verify + print in custom form,
#   2. print in generic form with locations,
#   3. check interop with MLIR: mlir-opt-22 parses smopt's generic output, and
#      smopt parses mlir-opt-22's generic output back to the same module,
#   4. show a located diagnostic for a broken copy of the example.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/scripts/install-deps.sh"
echo "==> building smopt (build/)"
BUILD_DIR=build NINJA_TARGETS=smopt "$root/scripts/build.sh"

smopt=(build/bin/smopt --allow-unregistered-dialect)
example=examples/attention_block.mlir
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The weight blob is one long hex line; shorten long lines for display only.
show() { sed -E 's/^(.{140}).+$/\1 ...(cut)/'; }

echo
echo "==> 1. smopt $example   (parse, verify, print in custom form)"
"${smopt[@]}" "$example" | show

echo
echo "==> 2. smopt --print-op-generic --mlir-print-debuginfo   (generic form with locations)"
"${smopt[@]}" --print-op-generic --mlir-print-debuginfo "$example" > "$tmp/smopt-generic.mlir"
show < "$tmp/smopt-generic.mlir"

echo
echo "==> 3. interop with MLIR (mlir-opt-22)"
if command -v mlir-opt-22 >/dev/null; then
  mlir-opt-22 --allow-unregistered-dialect "$tmp/smopt-generic.mlir" > "$tmp/via-smopt.mlir"
  mlir-opt-22 --allow-unregistered-dialect "$example" > "$tmp/direct.mlir"
  if cmp -s "$tmp/via-smopt.mlir" "$tmp/direct.mlir"; then
    echo "    mlir-opt-22 accepts smopt's generic output and sees the same module as in $example"
  else
    echo "    MISMATCH: mlir-opt-22 reads smopt's generic output differently:" >&2
    diff -u "$tmp/direct.mlir" "$tmp/via-smopt.mlir" | show >&2
    exit 1
  fi
  mlir-opt-22 --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo \
    "$example" > "$tmp/mlir-generic.mlir"
  "${smopt[@]}" --mlir-print-debuginfo "$tmp/mlir-generic.mlir" > "$tmp/back.mlir"
  "${smopt[@]}" --mlir-print-debuginfo "$example" > "$tmp/ours.mlir"
  if cmp -s "$tmp/back.mlir" "$tmp/ours.mlir"; then
    echo "    smopt parses mlir-opt-22's generic output and prints the same module (locations included)"
  else
    echo "    MISMATCH: smopt reads mlir-opt-22's generic output differently:" >&2
    diff -u "$tmp/ours.mlir" "$tmp/back.mlir" | show >&2
    exit 1
  fi
else
  echo "    skipped: mlir-opt-22 is not installed"
fi

echo
echo "==> 4. a broken copy (the scaling reads %inv before it is defined): smopt's diagnostic"
awk '/%inv = arith.divf/ { held = $0; next } { print } /%ss = "nn.mul_scalar"/ { print held }' \
  "$example" > "$tmp/broken.mlir"
if "${smopt[@]}" "$tmp/broken.mlir" > /dev/null 2> "$tmp/err.txt"; then
  echo "    unexpected: smopt accepted the broken module" >&2
  exit 1
fi
sed "s|$tmp/||" "$tmp/err.txt"

echo
echo "Done. This demo shows the IR toolkit (parser, printer, verifier, MLIR interop);"
echo "the SmartMem compiler and OpenCL runtime are not built yet."
