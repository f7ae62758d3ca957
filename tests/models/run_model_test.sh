#!/bin/sh
# One model test: import the ONNX model, verify, print to text, parse the
# text back, run it in the interpreter and compare with test_data_set_0.
# Exits 77 (ctest SKIP) when the shared models directory is absent.
# usage: run_model_test.sh BIN_DIR MODELS_DIR NAME WORK_DIR
set -u
bin=$1 models=$2 name=$3 work=$4
dir=$models/$name
if [ ! -f "$dir/model.onnx" ]; then
  echo "SKIP: $dir/model.onnx not found (../shared/models is absent)"
  exit 77
fi
mkdir -p "$work" || exit 1
out=$work/$name.mlir
rm -f "$out"
"$bin/sm-translate" --import-onnx "$dir/model.onnx" -o "$out" || exit 1
# Shape computations must have folded away at import.
if grep -q -E '"graph\.(shape|constant_of_shape|range)"' "$out"; then
  echo "FAIL: shape-computing ops remain in $out"
  exit 1
fi
"$bin/smrun" "$out" --backend=interp --test-data "$dir/test_data_set_0" || exit 1
# Canonicalized: no shape arithmetic left (shape, constant_of_shape, range,
# casts of constants), and the result still matches the reference.
canon=$work/$name.canon.mlir
rm -f "$canon"
"$bin/smopt" --canonicalize "$out" -o "$canon" || exit 1
if grep -q -E '"graph\.(shape|constant_of_shape|range)"' "$canon"; then
  echo "FAIL: shape-computing ops remain in $canon"
  exit 1
fi
if awk '/"graph\.constant"/ { c[$1] = 1 }
        /"graph\.cast"\(/ { split($0, a, /[()]/); if (a[2] in c) bad = 1 }
        END { exit bad ? 0 : 1 }' "$canon"; then
  echo "FAIL: a cast of a constant remains in $canon"
  exit 1
fi
"$bin/smrun" "$canon" --backend=interp --test-data "$dir/test_data_set_0"
