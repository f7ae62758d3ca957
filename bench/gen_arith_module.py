#!/usr/bin/env python3
"""Generates an N-op module for the pass benchmark (bench/passes.sh).

Functions of ~100 ops each: mostly arith ops (addi, muli, subi, andi, ori,
xori) on i32 values, with constants, about a quarter of the ops exact
duplicates of earlier ones (so cse has work), a few foldable constant
expressions and dead ops (so canonicalize has work), and an unregistered
side-effecting "test.sink" per function that keeps results alive. Written
in the custom form that both smopt and mlir-opt-22 read. Deterministic for
given N and seed.

usage: bench/gen_arith_module.py N [-o FILE] [--seed S]
"""
import argparse
import random
import sys

BIN = ["arith.addi", "arith.muli", "arith.subi", "arith.andi", "arith.ori", "arith.xori"]


def gen(n, seed, out):
    rnd = random.Random(seed)
    w = out.write
    w("module {\n")
    ops = 1  # the module
    fn = 0
    while ops < n:
        w(f"  func.func @f{fn}(%a: i32, %b: i32) -> i32 {{\n")
        ops += 2  # func + return
        vals = ["%a", "%b"]
        exprs = []  # (op, x, y) defined so far
        k = 0
        body = min(100, max(4, n - ops - 1))
        for _ in range(body):
            r = rnd.random()
            name = f"%v{k}"
            k += 1
            if r < 0.08:
                w(f"    {name} = arith.constant {rnd.randint(0, 7)} : i32\n")
            elif r < 0.33 and exprs:
                op, x, y = rnd.choice(exprs)  # duplicate of an earlier pure op
                w(f"    {name} = {op} {x}, {y} : i32\n")
            else:
                op = rnd.choice(BIN)
                x, y = rnd.choice(vals[-12:]), rnd.choice(vals[-12:])
                exprs.append((op, x, y))
                w(f"    {name} = {op} {x}, {y} : i32\n")
            vals.append(name)
            ops += 1
        w(f"    \"test.sink\"({vals[-1]}, {vals[-2]}) : (i32, i32) -> ()\n")
        ops += 1
        w(f"    return {vals[-3]} : i32\n  }}\n")
        fn += 1
    w("}\n")
    return ops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--output")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = open(a.output, "w") if a.output else sys.stdout
    total = gen(a.n, a.seed, out)
    if a.output:
        out.close()
    print(f"{total} ops", file=sys.stderr)


if __name__ == "__main__":
    main()
