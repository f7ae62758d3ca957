#!/usr/bin/env bash
# Set-up + all tests: installs dependencies, builds build/ and runs the whole
# suite (Criterion unit tests + lit) through ctest, then does the same in
# build-asan/ with AddressSanitizer + UndefinedBehaviorSanitizer (any report
# fails the run). Exits non-zero if any step fails.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)

declare -a results=()
failed=0
# step NAME CMD...: runs CMD, records PASS/FAIL with its time; returns CMD's status.
step() {
  local name=$1; shift
  echo "==> $name"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  if [[ $rc -eq 0 ]]; then
    results+=("PASS  $name ($((SECONDS - t0)) s)")
  else
    results+=("FAIL  $name ($((SECONDS - t0)) s, exit $rc)")
    failed=1
  fi
  return $rc
}

if ! step "install dependencies" scripts/install-deps.sh; then
  printf '%s\n' "${results[@]}"
  exit 1
fi

# ctest's log is kept so the summary can quote lit's counts.
run_ctest() { # run_ctest BUILD_DIR [env...]; CTEST_EXTRA: more ctest arguments
  local dir=$1; shift
  # shellcheck disable=SC2086 # CTEST_EXTRA is a list
  env "$@" ctest --test-dir "$dir" --output-on-failure -j "$jobs" ${CTEST_EXTRA:-} 2>&1 | tee "$dir/ctest.log"
}
lit_counts() {
  grep -E '^ *(Total Discovered Tests|Passed|Failed|Unsupported|Unresolved|Expectedly Failed|Unexpectedly Passed|Timed Out) *:' \
    "$1/ctest.log" 2>/dev/null | sed 's/^ */      lit /' || true
}

if step "build (build/)" env BUILD_DIR=build scripts/build.sh; then
  step "tests (build/)" run_ctest build
  results+=("$(lit_counts build)")
fi

# Sanitizer run. abort_on_error makes every ASan/UBSan/LSan report a crash
# (SIGABRT) rather than exit status 1, so `not smopt ...` tests expecting a
# plain failure cannot hide a sanitizer report.
if step "build (build-asan/, -DSM_SANITIZE=ON)" env BUILD_DIR=build-asan scripts/build.sh \
  -DSM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug; then
  # Tests labelled "slow" (stage-by-stage interpreter runs of the larger
  # models, minutes each under ASan) run in the normal build only.
  CTEST_EXTRA="-LE slow" step "tests (build-asan/, ASan+UBSan, without label slow)" run_ctest build-asan \
    ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
    UBSAN_OPTIONS=abort_on_error=1:print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=abort_on_error=1:suppressions="$PWD/tests/lsan-suppressions.txt"
  results+=("$(lit_counts build-asan)")
fi

echo
echo "==================== summary ===================="
printf '%s\n' "${results[@]}"
if [[ $failed -ne 0 ]]; then
  echo "RESULT: FAILED"
  exit 1
fi
echo "RESULT: all steps passed"
