#!/usr/bin/env python3
"""PyTorch peers on the GPU for the model zoo (tests/models/zoo): eager,
torch.compile, and torch.compile with CUDA graphs ("reduce-overhead"), on the
very PyTorch modules the zoo's ONNX files were exported from (same seed, same
input), so smartmem's figures for those ONNX files and these are the same
computation measured in one run on one device.

    python3 bench/torch_peers.py OUT.json [REPEAT] [NAME...]

Each figure is the median of REPEAT timed forwards after warm-up, timed with
CUDA events around the forward only (inputs resident on the device, like
smartmem's device forward time). Writes a JSON list and prints a table.
"""
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "models", "zoo"))
import export_models as zoo  # noqa: E402


def make(name):
    torch.manual_seed(zoo.SEED)
    model, spec = zoo.MODELS[name]()
    model = zoo.randomize_bn(model).eval()
    g = torch.Generator().manual_seed(zoo.SEED + 2)
    if spec[0] == "tokens":
        x = torch.randint(0, spec[1], spec[2], generator=g, dtype=torch.int64)
    else:
        x = torch.randn(spec, generator=g)
    return model.cuda(), x.cuda()


def time_fn(fn, x, repeat):
    with torch.no_grad():
        for _ in range(5):
            fn(x)
        torch.cuda.synchronize()
        times = []
        for _ in range(repeat):
            a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            a.record()
            fn(x)
            b.record()
            b.synchronize()
            times.append(a.elapsed_time(b))
    return statistics.median(times)


def main():
    out = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    names = sys.argv[3:] or list(zoo.MODELS)
    rows = []
    for name in names:
        row = {"model": name, "device": torch.cuda.get_device_name()}
        try:
            model, x = make(name)
            row["eager_ms"] = time_fn(model, x, repeat)
            t0 = time.time()
            comp = torch.compile(model)
            row["compile_ms"] = time_fn(comp, x, repeat)
            row["compile_s"] = time.time() - t0
            torch._dynamo.reset()
            graphs = torch.compile(model, mode="reduce-overhead")
            row["cudagraphs_ms"] = time_fn(graphs, x, repeat)
            torch._dynamo.reset()
        except Exception as e:  # a peer that fails is reported, not hidden
            row["error"] = f"{type(e).__name__}: {e}"[:300]
        rows.append(row)
        print(json.dumps(row), flush=True)
    with open(out, "w") as f:
        json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
