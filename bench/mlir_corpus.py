#!/usr/bin/env python3
"""Measures smopt against a directory of MLIR test files (for example chunks
of MLIR's upstream tests kept outside the repository).

Each .mlir file is split on `// -----` lines. A chunk counts only if
mlir-opt-22 accepts it (with --allow-unregistered-dialect). For those:
  accepted:   smopt parses mlir-opt-22's generic print of the chunk;
  round trip: mlir-opt-22 parses smopt's generic output and prints the same
              text as it prints for the original chunk (same meaning).

  python3 bench/mlir_corpus.py DIR [--smopt PATH] [--mlir-opt PATH] [-v]

Prints one line per failing chunk (file:chunk and the first error line) and
the totals; exits 0 (it measures, it does not judge)."""
import argparse
import os
import re
import subprocess
import sys

SPLIT = re.compile(r"^// -----\s*$", re.M)


def run(cmd, text):
    try:
        p = subprocess.run(cmd, input=text.encode(), capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return 124, "", "timeout"
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def first_error(err):
    for line in err.splitlines():
        if "error:" in line:
            return line.split("error:", 1)[1].strip()
    return err.strip().splitlines()[0] if err.strip() else "(no message)"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir")
    ap.add_argument("--smopt", default=os.path.join(here, "..", "build", "bin", "smopt"))
    ap.add_argument("--mlir-opt", default="mlir-opt-22")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing chunks")
    a = ap.parse_args()
    mlir = [a.mlir_opt, "--allow-unregistered-dialect"]
    smopt = [a.smopt, "--allow-unregistered-dialect"]
    files = sorted(f for f in os.listdir(a.dir) if f.endswith(".mlir"))
    total = valid = accepted = same = 0
    per_file = []
    for name in files:
        text = open(os.path.join(a.dir, name), encoding="utf-8").read()
        chunks = SPLIT.split(text)
        fv = fa = fs = 0
        for i, chunk in enumerate(chunks):
            total += 1
            where = "%s:%d" % (name, i + 1)
            rc, generic, _ = run(mlir + ["--mlir-print-op-generic", "-"], chunk)
            if rc != 0:
                continue  # not valid MLIR for mlir-opt-22 (e.g. an error test): not counted
            rc, expect, _ = run(mlir + ["-"], chunk)
            if rc != 0:
                continue
            fv += 1
            rc, ours, err = run(smopt + ["--print-op-generic", "-"], generic)
            if rc != 0:
                print("%s: smopt rejects: %s" % (where, first_error(err)))
                continue
            fa += 1
            rc, back, err = run(mlir + ["-"], ours)
            if rc != 0:
                print("%s: mlir-opt-22 rejects smopt's output: %s" % (where, first_error(err)))
                continue
            if back != expect:
                print("%s: meaning changed (mlir-opt-22 prints something else for smopt's output)" % where)
                continue
            fs += 1
            if a.verbose:
                print("%s: ok" % where)
        valid += fv
        accepted += fa
        same += fs
        per_file.append((name, len(chunks), fv, fa, fs))
    print()
    print("%-40s %7s %7s %7s %7s" % ("file", "chunks", "valid", "smopt", "same"))
    for name, n, fv, fa, fs in per_file:
        print("%-40s %7d %7d %7d %7d" % (name, n, fv, fa, fs))
    print("%-40s %7d %7d %7d %7d" % ("total", total, valid, accepted, same))
    print("\nchunks: %d; mlir-opt-22 accepts %d; smopt accepts %d of those; "
          "round-trips meaning-preserving: %d" % (total, valid, accepted, same))
    return 0


if __name__ == "__main__":
    sys.exit(main())
