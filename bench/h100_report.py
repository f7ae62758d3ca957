#!/usr/bin/env python3
"""Table (markdown, stdout) and bar chart (PNG) of one GPU run: rounds of
bench/device_ab.sh with the variants base=baseline smartmem=smartmem, and
bench/torch_peers.py's JSON for the same models, measured in the same device
call. smartmem/baseline figures are the median over the rounds of each
round's median device forward time; the range over rounds is shown beside.
The PNG needs matplotlib (pip); CI does not run this.
usage: h100_report.py OUT.png TORCH.json ROUND.md [ROUND.md ...]"""
import json
import statistics
import sys


def ab_rows(path):
    """model -> (base kernels, base ms, smartmem kernels, smartmem ms)."""
    out = {}
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 5 or cells[0] in ("model", "") or cells[0].startswith("---"):
                continue
            try:
                out[cells[0]] = (int(cells[1]), float(cells[2]), int(cells[3]), float(cells[4]))
            except ValueError:
                continue  # a failed run
    return out


def main():
    png, torch_json, rounds = sys.argv[1], sys.argv[2], sys.argv[3:]
    tables = [ab_rows(p) for p in rounds]
    with open(torch_json) as f:
        torch = {r["model"]: r for r in json.load(f)}
    models = sorted(set.intersection(*(set(t) for t in tables)))
    print("| model | baseline kernels | smartmem kernels | baseline forward (ms) | smartmem forward (ms) "
          "| smartmem speedup | PyTorch eager (ms) | torch.compile (ms) | torch.compile + CUDA graphs (ms) "
          "| smartmem vs compile | smartmem vs CUDA graphs |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    plot = []
    for m in models:
        base = [t[m][1] for t in tables]
        sm = [t[m][3] for t in tables]
        b, s = statistics.median(base), statistics.median(sm)
        t = torch.get(m)
        cells = [m, str(tables[0][m][0]), str(tables[0][m][2]),
                 f"{b:.3f} ({min(base):.3f}-{max(base):.3f})", f"{s:.3f} ({min(sm):.3f}-{max(sm):.3f})",
                 f"{b / s:.2f}x"]
        if t:
            cells += [f"{t['eager_ms']:.3f}", f"{t['compile_ms']:.3f}", f"{t['cudagraphs_ms']:.3f}",
                      f"{t['compile_ms'] / s:.2f}x", f"{t['cudagraphs_ms'] / s:.2f}x"]
            plot.append((m, b, s, t["eager_ms"], t["compile_ms"], t["cudagraphs_ms"]))
        else:
            cells += ["-"] * 5
        print("| " + " | ".join(cells) + " |")
    if not plot:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = ["smartmem baseline", "smartmem", "PyTorch eager", "torch.compile", "torch.compile + CUDA graphs"]
    fig, ax = plt.subplots(figsize=(11, 4.5))
    w = 0.16
    for i, lab in enumerate(labels):
        ax.bar([x + (i - 2) * w for x in range(len(plot))], [r[i + 1] for r in plot], w, label=lab)
    ax.set_xticks(range(len(plot)))
    ax.set_xticklabels([r[0] for r in plot], rotation=20)
    ax.set_yscale("log")
    ax.set_ylabel("device forward time (ms, log scale)")
    ax.set_title("NVIDIA H100: smartmem (OpenCL) against PyTorch, one run")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(png, dpi=110)


if __name__ == "__main__":
    main()
