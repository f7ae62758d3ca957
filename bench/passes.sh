#!/usr/bin/env bash
# Pass benchmark: `smopt --canonicalize --cse` on generated arith modules
# (bench/gen_arith_module.py) of 50k, 200k and 800k ops, to show that the
# greedy driver and cse grow linearly; and, on the 200k module, `smopt --cse`
# against a bare parse+verify+print (target: at most 2x). Median of RUNS
# runs; prints a Markdown table.
#
#   bench/passes.sh [N...]
#   SMOPT=build-rel/bin/smopt RUNS=3 bench/passes.sh 50000 200000
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
smopt=${SMOPT:-$root/build/bin/smopt}
runs=${RUNS:-3}
work=${BENCH_DIR:-$root/build/bench}
python=${PYTHON:-python3}
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(50000 200000 800000)
[[ -x $smopt ]] || { echo "smopt not found at $smopt (set SMOPT=...)" >&2; exit 1; }
mkdir -p "$work"

# median wall seconds of running "$@" $runs times (stdout discarded)
measure() {
  local i t0 t1 ts=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s.%N)
    "$@" >/dev/null
    t1=$(date +%s.%N)
    ts+=("$(echo "$t1 - $t0" | bc -l)")
  done
  printf '%s\n' "${ts[@]}" | sort -g | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]}'
}

echo "| ops | parse+print (s) | --cse (s) | --canonicalize --cse (s) | canon+cse per 1k ops (ms) | cse / parse+print |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  f=$work/arith_$n.mlir
  [[ -f $f ]] || "$python" "$root/bench/gen_arith_module.py" "$n" -o "$f" 2>/dev/null
  base=$(measure "$smopt" --allow-unregistered-dialect "$f")
  cse=$(measure "$smopt" --allow-unregistered-dialect --cse "$f")
  both=$(measure "$smopt" --allow-unregistered-dialect --canonicalize --cse "$f")
  per=$(echo "1000 * 1000 * $both / $n" | bc -l)
  ratio=$(echo "$cse / $base" | bc -l)
  printf '| %d | %.3f | %.3f | %.3f | %.4f | %.2f |\n' "$n" "$base" "$cse" "$both" "$per" "$ratio"
done
