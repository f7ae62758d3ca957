#!/usr/bin/env python3
"""Median onnxruntime latency of one model on the CPU (inputs from
test_data_set_0), with a given intra-op thread count.
usage: ort_latency.py MODEL_DIR THREADS REPEAT  -> prints the median in ms"""
import os
import statistics
import sys
import time

import onnx
import onnxruntime as ort
from onnx import numpy_helper


def main():
    d, threads, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(os.path.join(d, "model.onnx"), so, providers=["CPUExecutionProvider"])
    feeds = {}
    for i, inp in enumerate(sess.get_inputs()):
        t = onnx.TensorProto()
        with open(os.path.join(d, "test_data_set_0", f"input_{i}.pb"), "rb") as f:
            t.ParseFromString(f.read())
        feeds[inp.name] = numpy_helper.to_array(t)
    sess.run(None, feeds)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        sess.run(None, feeds)
        times.append((time.perf_counter() - t0) * 1e3)
    print(f"{statistics.median(times):.3f}")


if __name__ == "__main__":
    main()
