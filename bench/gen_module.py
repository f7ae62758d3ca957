#!/usr/bin/env python3
"""Generates an N-op generic-form MLIR module for the parse/print benchmark.

The ops are unregistered graph-level ops ("nn.conv", "nn.add", ...)
with 0-3 operands, 1-2 results and attributes of several kinds: integers,
floats, strings, arrays, dense arrays, affine maps, dense elements, type
attributes and units. Every 40th op carries a region with a block argument
and a few nested ops, and most ops carry a source location. Values are used
only after they are defined, inside their own scope, so the module is valid
for `mlir-opt-22 --allow-unregistered-dialect` too. 200,000 ops give about
25 MB. The output is deterministic for a given N and seed.

usage: bench/gen_module.py N [-o FILE] [--seed S]
"""
import argparse
import random
import sys

TYPES = [
    "tensor<1x64x56x56xf32>",
    "tensor<64x64xf32>",
    "tensor<8xf16>",
    "f32",
    "i32",
    "tensor<?x256xf32>",
]
OPS = ["nn.conv", "nn.add", "nn.mul", "nn.relu", "nn.matmul",
       "nn.transpose", "nn.reshape", "nn.softmax", "nn.concat"]
MAPS = [
    "affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, d1)>",
    "affine_map<(d0, d1) -> (d1 floordiv 4, d0, d1 mod 4)>",
    "affine_map<(d0, d1)[s0] -> (d0 * s0 + d1, d1 ceildiv 2)>",
]


class Gen:
    def __init__(self, rng, out):
        self.rng = rng
        self.out = out
        self.next_id = 0
        self.line = 1

    def attr(self):
        r = self.rng
        k = r.randrange(9)
        if k == 0:
            return "axis = %d : i64" % r.randrange(-4, 4)
        if k == 1:
            return "alpha = %s : f32" % r.choice(["1.000000e+00", "5.000000e-01", "-2.500000e-01", "1.000000e-03"])
        if k == 2:
            return 'name = "layer_%d"' % r.randrange(100000)
        if k == 3:
            return "pads = [%d, %d, %d, %d]" % tuple(r.randrange(4) for _ in range(4))
        if k == 4:
            return "perm = array<i64: %s>" % ", ".join(str(x) for x in r.sample(range(4), 4))
        if k == 5:
            return "map = " + r.choice(MAPS)
        if k == 6:
            return "bias = dense<[%s]> : tensor<2xf32>" % ", ".join(r.choice(["1.000000e+00", "0.000000e+00", "-5.000000e-01"]) for _ in range(2))
        if k == 7:
            return "dtype = " + r.choice(["f16", "f32", "i8"])
        return "fused"

    def op(self, indent, scope, depth):
        """Emits one op (plus its nested ops); returns how many ops it emitted."""
        r = self.rng
        nres = 2 if r.random() < 0.1 else 1
        nopd = min(len(scope), r.choice([0, 1, 1, 1, 2, 2, 3]))
        operands = [r.choice(scope[-64:]) for _ in range(nopd)]
        res_types = [r.choice(TYPES) for _ in range(nres)]
        name = "%" + str(self.next_id)
        self.next_id += 1
        lhs = "%s:2 = " % name if nres == 2 else name + " = "
        attrs = sorted({a.split(" = ")[0]: a for a in (self.attr() for _ in range(r.randrange(3)))}.items())
        attr_text = " {" + ", ".join(a for _, a in attrs) + "}" if attrs else ""
        loc = ""
        if r.random() < 0.6:
            loc = ' loc("model.onnx":%d:%d)' % (self.line, r.randrange(1, 80))
        count = 1
        region = ""
        if depth == 0 and r.random() < 0.025:
            # A region with one block argument and a few nested ops.
            body = []
            arg = "%%arg%d" % self.next_id
            self.next_id += 1
            inner_scope = list(scope[-8:]) + [(arg, "f32")]
            saved = self.out
            self.out = body
            for _ in range(r.randrange(2, 5)):
                count += self.op(indent + "  ", inner_scope, depth + 1)
            self.out = saved
            region = " ({\n%s^bb0(%s: f32):\n%s%s}) " % (indent, arg, "".join(body), indent)
        opd_text = ", ".join(v for v, _ in operands)
        opd_types = ", ".join(t for _, t in operands)
        res_text = res_types[0] if nres == 1 else "(" + ", ".join(res_types) + ")"
        sep = "" if region else " "
        self.out.append('%s%s"%s"(%s)%s%s%s: (%s) -> %s%s\n' % (
            indent, lhs, r.choice(OPS), opd_text, region, attr_text.lstrip() if region else attr_text,
            " " if (attr_text and region) or not region else "", opd_types, res_text, loc))
        self.line += 1
        if nres == 1:
            scope.append((name, res_types[0]))
        else:
            scope.append((name + "#0", res_types[0]))
            scope.append((name + "#1", res_types[1]))
        return count


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="number of ops (nested ops included)")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines = ['"builtin.module"() ({\n']
    g = Gen(rng, lines)
    scope = []
    emitted = 0
    while emitted < a.n:
        emitted += g.op("  ", scope, 0)
        if len(scope) > 4096:
            del scope[:2048]
    lines.append("}) : () -> ()\n")
    out = sys.stdout if a.output == "-" else open(a.output, "w")
    out.writelines(lines)


if __name__ == "__main__":
    main()
