#!/usr/bin/env bash
# Configures and builds smartmem with Ninja.
#   scripts/build.sh                                   -> build/ (RelWithDebInfo)
#   BUILD_DIR=build-asan scripts/build.sh -DSM_SANITIZE=ON
#   NINJA_TARGETS="smopt" scripts/build.sh            -> only those targets
# Extra arguments go to cmake's configure step. Prints only compiler output
# (warnings, errors), not progress lines.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-build}
case "$build_dir" in /*) ;; *) build_dir="$root/$build_dir" ;; esac

cmake -S "$root" -B "$build_dir" -G Ninja "$@" >/dev/null
# shellcheck disable=SC2086 # NINJA_TARGETS is a list
ninja -C "$build_dir" --quiet ${NINJA_TARGETS:-}
