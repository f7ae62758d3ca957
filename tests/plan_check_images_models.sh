#!/bin/sh
# Every shared model and every zoo model compiled by smc for a device whose
# images pay (adreno-740: smartmem-map-texture maps tensors to 2D images)
# passes the OpenCL plan check, image accesses included (backend/opencl/
# plan_check.c; the refusals are in tests/lit/invalid/harden-opencl-plan-check-images.mlir):
# smc exits 0 and its plan has image slots. Nothing runs on a device.
# usage: plan_check_images_models.sh BIN_DIR SHARED_MODELS_DIR ZOO_DIR WORK_DIR
# Exits 77 (ctest SKIP) when the shared models are absent.
set -u
bin=$1 shared=$2 zoo=$3 work=$4
[ -d "$shared" ] || { echo "SKIP: $shared not found (../shared/models is absent)"; exit 77; }
rm -rf "$work" && mkdir -p "$work" || exit 1
fail=0
for d in "$shared"/*/ "$zoo"/*/; do
  [ -f "$d/model.onnx" ] || continue
  m=$(basename "$d")
  if ! "$bin/smc" "$d/model.onnx" --device-profile=adreno-740 -o "$work/$m"; then
    echo "FAIL: $m: smc refused it"; fail=1
  elif ! grep -q ' image ' "$work/$m/plan.txt"; then
    echo "FAIL: $m: no image in its plan (the check saw no image access)"; fail=1
  else
    echo "ok: $m ($(grep -c ' image ' "$work/$m/plan.txt") image lines in the plan)"
  fi
done
exit $fail
