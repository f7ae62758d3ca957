#!/usr/bin/env python3
"""Summarises per-kernel profiles written by `smrun --profile --json FILE`.

usage: python3 bench/kernel_profile.py A.json [B.json] [TOP]

For each report: total profiled kernel time, the TOP slowest kernels, and the
time per kernel kind (the kernel's name without its `kN_` index: `matmul_add`,
`layer_norm`, `conv_clip`, ...). With two reports (say baseline and smartmem
of one model on one device) the kinds are shown side by side, which is where
a pipeline gains or loses time.
"""
import json
import re
import sys
from collections import defaultdict


def load(path):
    with open(path) as f:
        rep = json.load(f)
    kernels = rep.get("kernel_median_ms") or []
    return rep, [(k["name"], float(k["ms"])) for k in kernels]


def kind(name):
    return re.sub(r"^k\d+_", "", name)


def by_kind(kernels):
    acc = defaultdict(lambda: [0, 0.0])
    for name, ms in kernels:
        acc[kind(name)][0] += 1
        acc[kind(name)][1] += ms
    return acc


def main(argv):
    paths = [a for a in argv if a.endswith(".json")]
    top = int(next((a for a in argv if a.isdigit()), "10"))
    if not 1 <= len(paths) <= 2:
        sys.exit(__doc__)
    reports = [load(p) for p in paths]
    for path, (rep, kernels) in zip(paths, reports):
        total = sum(ms for _, ms in kernels)
        print(f"== {path}: {rep.get('device', '?')}, pipeline {rep.get('pipeline', '?')}, "
              f"{len(kernels)} kernels, profiled sum {total:.3f} ms, "
              f"forward median {rep.get('forward_median_ms', float('nan')):.3f} ms")
        for name, ms in sorted(kernels, key=lambda k: -k[1])[:top]:
            print(f"  {ms:9.4f} ms  {name}")
    kinds = [by_kind(k) for _, k in reports]
    names = sorted(set().union(*[k.keys() for k in kinds]),
                   key=lambda n: -max(k.get(n, [0, 0.0])[1] for k in kinds))
    print("== time per kernel kind (count, ms)" + (": " + " | ".join(paths) if len(paths) > 1 else ""))
    for n in names:
        cols = "  ".join(f"{k.get(n, [0, 0.0])[0]:3d} {k.get(n, [0, 0.0])[1]:9.4f}" for k in kinds)
        print(f"  {cols}  {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
