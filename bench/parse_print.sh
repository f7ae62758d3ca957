#!/usr/bin/env bash
# Parse + verify + print benchmark: smopt against mlir-opt-22 on generated
# generic-form modules (bench/gen_module.py), N = 50k, 200k, 800k ops by
# default. Each tool runs 3 times per size, the two alternating; the table
# shows the median wall time and the median peak RSS (from /usr/bin/time -v),
# and the ratio mlir-opt-22 / smopt (higher is better for smopt).
#
#   bench/parse_print.sh [N...]
#   SMOPT=path/to/smopt MLIR_OPT=mlir-opt-22 RUNS=3 bench/parse_print.sh 50000
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
smopt=${SMOPT:-$root/build/bin/smopt}
mlir_opt=${MLIR_OPT:-mlir-opt-22}
runs=${RUNS:-3}
work=${BENCH_DIR:-$root/build/bench}
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(50000 200000 800000)

[[ -x $smopt ]] || { echo "smopt not found at $smopt (build first: scripts/build.sh)" >&2; exit 1; }
command -v "$mlir_opt" >/dev/null || { echo "$mlir_opt not found" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time not found (Debian package 'time')" >&2; exit 1; }
mkdir -p "$work"

# run1 CMD...: runs CMD once (output discarded), prints "seconds peak_kb".
run1() {
  local log
  log=$(mktemp)
  if ! /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$log.err"; then
    echo "failed: $*" >&2; cat "$log.err" >&2; rm -f "$log" "$log.err"; return 1
  fi
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
      for (j = 1; j <= n; j++) s = s * 60 + p[j]; t = s }
    /Maximum resident set size/ { m = $2 } END { print t, m }' "$log"
  rm -f "$log" "$log.err"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| ops | input MB | smopt s | mlir-opt-22 s | speedup | smopt peak MB | mlir-opt-22 peak MB | memory ratio |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  f=$work/module_$n.mlir
  [[ -s $f ]] || python3 "$root/bench/gen_module.py" "$n" -o "$f"
  mb=$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1e6 }')
  # The two tools alternate run by run, so that a change in the machine's
  # load hits both alike.
  sts=() sms=() mts=() mms=()
  for ((i = 0; i < runs; i++)); do
    read -r t m < <(run1 "$smopt" --allow-unregistered-dialect --print-op-generic "$f")
    sts+=("$t"); sms+=("$m")
    read -r t m < <(run1 "$mlir_opt" --allow-unregistered-dialect --mlir-print-op-generic "$f")
    mts+=("$t"); mms+=("$m")
  done
  st=$(printf '%s\n' "${sts[@]}" | median); sm=$(printf '%s\n' "${sms[@]}" | median)
  mt=$(printf '%s\n' "${mts[@]}" | median); mm=$(printf '%s\n' "${mms[@]}" | median)
  awk -v n="$n" -v mb="$mb" -v st="$st" -v sm="$sm" -v mt="$mt" -v mm="$mm" 'BEGIN {
    printf "| %d | %s | %.3f | %.3f | %.1fx | %.1f | %.1f | %.2f |\n",
      n, mb, st, mt, (st > 0 ? mt / st : 0), sm / 1024, mm / 1024, (mm > 0 ? sm / mm : 0) }'
done
echo
echo "smopt: $smopt; mlir-opt: $("$mlir_opt" --version | awk '/version/ {print $NF; exit}'); $runs runs each, medians; $(nproc) cores"
