#!/usr/bin/env python3
"""Bar chart (PNG) of a bench/pocl_vs_ort.sh table: per model, the naive
kernels, smartmem's kernels (device forward) and onnxruntime on the same
CPU, in ms on a log scale. Needs matplotlib (pip); CI does not run it.
usage: pocl_plot.py TABLE.md OUT.png [TITLE]"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from pocl_table import model_rows  # noqa: E402


def rows(path):
    """(model, ort, smartmem forward, naive forward) per table row."""
    out = []
    for cells in model_rows(path, 5):
        try:
            out.append((cells[0], float(cells[1]), float(cells[2]), float(cells[4])))
        except ValueError:
            continue  # a failed run ("?")
    return out


def main():
    table, png = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else "PoCL (CPU) against onnxruntime, same threads"
    data = rows(table)
    if not data:
        sys.exit(f"{table}: no table rows")
    x = range(len(data))
    w = 0.27
    fig, ax = plt.subplots(figsize=(1.6 + 1.5 * len(data), 4))
    series = [("naive kernels", 3, "#bbbbbb"), ("smartmem kernels", 2, "#1f77b4"), ("onnxruntime", 1, "#ff7f0e")]
    for k, (label, col, color) in enumerate(series):
        vals = [r[col] for r in data]
        bars = ax.bar([i + (k - 1) * w for i in x], vals, w, label=label, color=color)
        ax.bar_label(bars, labels=[f"{v:.3g}" for v in vals], fontsize=7, padding=1)
    ax.set_yscale("log")
    ax.set_ylabel("latency (ms, log scale)")
    ax.set_xticks(list(x))
    ax.set_xticklabels([r[0] for r in data])
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    main()
