#!/usr/bin/env python3
"""Medians over several bench/pocl_vs_ort.sh tables of the same models
(rounds run back to back): each cell is the median over the rounds, each
ratio the median of the per-round ratios, and the per-round ratio ranges
follow the table. Writes a table that bench/pocl_plot.py reads.
usage: pocl_rounds.py ROUND.md... > MEDIAN.md"""
import statistics
import sys

from pocl_table import model_rows

COLS = ["onnxruntime (ms)", "smartmem forward (ms)", "smartmem end to end (ms)", "naive kernels forward (ms)"]


def rows(path):
    """model -> (ort, fwd, e2e, naive, kernels cell) of one round."""
    out = {}
    for cells in model_rows(path, 8):
        try:
            out[cells[0]] = tuple(float(c) for c in cells[1:5]) + (cells[7],)
        except ValueError:
            continue  # a failed run ("?") leaves the model out of this round
    return out


def main():
    rounds = [rows(p) for p in sys.argv[1:]]
    if not rounds:
        sys.exit(__doc__)
    models = sorted({m for r in rounds for m in r})
    print(f"Medians over {len(rounds)} rounds of bench/pocl_vs_ort.sh ({', '.join(sys.argv[1:])}).")
    print()
    print("| model | " + " | ".join(COLS) + " | speedup over naive | smartmem / onnxruntime | kernels (naive → smartmem) |")
    print("|---|---|---|---|---|---|---|---|")
    ranges = []
    for m in models:
        got = [r[m] for r in rounds if m in r]
        med = [statistics.median(g[i] for g in got) for i in range(4)]
        over_naive = [g[3] / g[1] for g in got]
        vs_ort = [g[1] / g[0] for g in got]
        print(f"| {m} | {med[0]:.3f} | {med[1]:.3f} | {med[2]:.3f} | {med[3]:.2f} | "
              f"{statistics.median(over_naive):.2f} | {statistics.median(vs_ort):.2f} | {got[-1][4]} |")
        ranges.append(f"{m}: over naive {min(over_naive):.2f}-{max(over_naive):.2f}, "
                      f"vs onnxruntime {min(vs_ort):.2f}-{max(vs_ort):.2f} ({len(got)} rounds)")
    print()
    print("Per-round ranges: " + "; ".join(ranges) + ".")


if __name__ == "__main__":
    main()
