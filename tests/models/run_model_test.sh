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
"$bin/smrun" "$out" --backend=interp --test-data "$dir/test_data_set_0"
