#!/usr/bin/env python3
"""PyTorch peers on the GPU: eager, torch.compile, and torch.compile with
CUDA graphs ("reduce-overhead"), for

- the shared models (../shared/models), rebuilt as the torchvision and
  transformers modules their ONNX files were exported from
  (bench/shared_torch_modules.py, which also verifies that each rebuilt module
  computes what the ONNX file computes), and
- the model zoo (tests/models/zoo), on the very PyTorch modules its ONNX
  files were exported from (same seed, same input),

so smartmem's figures for those ONNX files and these are the same computation
measured in one run on one device.

    python3 bench/torch_peers.py OUT.json [REPEAT] [NAME...]

NAME is a model of either set, or `shared` or `zoo` for a whole set; the
default is both sets, shared first. Each figure is the median of REPEAT timed
forwards after warm-up, timed with CUDA events around the forward only (inputs
resident on the device, like smartmem's device forward time). compile_s and
cudagraphs_s are the wall time of compiling plus warm-up and timing in that
mode. OUT.json is rewritten after every model (a run cut short keeps what it
measured), and each row is printed as it comes.

Without a GPU (a smoke test), the forwards are timed with the wall clock on
the CPU with THREADS (default 1) intra-op threads and the CUDA-graph mode is
skipped.
"""
import json
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "models", "zoo"))
sys.path.insert(0, HERE)
import export_models as zoo  # noqa: E402
import shared_torch_modules as shared  # noqa: E402

CUDA = torch.cuda.is_available()
DEVICE = "cuda" if CUDA else "cpu"
if not CUDA:  # the thread count bench/ort_latency.py is given, one by default
    torch.set_num_threads(int(os.environ.get("THREADS", "1")))


def make_zoo(name):
    torch.manual_seed(zoo.SEED)
    model, spec = zoo.MODELS[name]()
    model = zoo.randomize_bn(model).eval()
    g = torch.Generator().manual_seed(zoo.SEED + 2)
    if spec[0] == "tokens":
        x = torch.randint(0, spec[1], spec[2], generator=g, dtype=torch.int64)
    else:
        x = torch.randn(spec, generator=g)
    return model, x


def make(name):
    model, x = shared.build(name) if name in shared.MODELS else make_zoo(name)
    return model.to(DEVICE), x.to(DEVICE)


def time_fn(fn, x, repeat):
    with torch.no_grad():
        for _ in range(5):
            fn(x)
        times = []
        if not CUDA:
            for _ in range(repeat):
                t0 = time.perf_counter()
                fn(x)
                times.append((time.perf_counter() - t0) * 1e3)
            return statistics.median(times)
        torch.cuda.synchronize()
        for _ in range(repeat):
            a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            a.record()
            fn(x)
            b.record()
            b.synchronize()
            times.append(a.elapsed_time(b))
    return statistics.median(times)


def names_from(args):
    groups = {"shared": list(shared.MODELS), "zoo": list(zoo.MODELS)}
    names = []
    for a in args or ["shared", "zoo"]:
        names += groups.get(a, [a])
    unknown = [n for n in names if n not in shared.MODELS and n not in zoo.MODELS]
    if unknown:
        sys.exit(f"unknown model(s): {' '.join(unknown)}; known: shared, zoo, "
                 f"{' '.join(list(shared.MODELS) + list(zoo.MODELS))}")
    return names


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    names = names_from(sys.argv[3:])
    rows = []
    for name in names:
        row = {"model": name, "set": "shared" if name in shared.MODELS else "zoo",
               "device": torch.cuda.get_device_name() if CUDA else "cpu"}
        try:
            model, x = make(name)
            row["eager_ms"] = time_fn(model, x, repeat)
            t0 = time.time()
            comp = torch.compile(model)
            row["compile_ms"] = time_fn(comp, x, repeat)
            row["compile_s"] = time.time() - t0
            torch._dynamo.reset()
            if CUDA:
                t0 = time.time()
                graphs = torch.compile(model, mode="reduce-overhead")
                row["cudagraphs_ms"] = time_fn(graphs, x, repeat)
                row["cudagraphs_s"] = time.time() - t0
                torch._dynamo.reset()
        except Exception as e:  # a peer that fails is reported, not hidden
            row["error"] = f"{type(e).__name__}: {e}"[:300]
        rows.append(row)
        print(json.dumps(row), flush=True)
        with open(out, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
