#!/usr/bin/env python3
"""DOT view of one transformer block before and after SmartMem.

Reads two layout-level modules in MLIR generic form (the baseline lowering,
and the smartmem pipeline up to smartmem-fuse), keeps the ops of one block
(from the first LayerNorm mean to the one that starts the next block after
that) and draws them side by side: on the left every baseline kernel, the
data-movement copies (pure re-indexing generics) in red, dashed; on the
right the SmartMem kernels, each edge labelled with the map through which
the consumer reads the tensor (the eliminated copies live there) and the
tensor's layout (row-major until layout selection runs).

usage: smartmem-block-dot.py BASELINE.mlir SMARTMEM.mlir OUT.dot
  e.g. smc M.onnx --passes='builtin.module(convert-graph-to-layout)' -o b.mlir
       smc M.onnx --passes='builtin.module(smartmem-classify,convert-graph-to-layout{fuse=false},smartmem-eliminate,smartmem-fuse)' -o s.mlir
       dot -Tpng OUT.dot -o block.png
"""
import re
import sys

OP = re.compile(r'^\s*(%[\w.]+) = "layout\.generic"\(([^)]*)\) <\{(.*)\}>')
MAP = re.compile(r'affine_map<\(([^)]*)\) -> \((.*?)\)>|\bunit\b')
FIXED = ("reshape", "transpose", "slice", "concat", "split", "gather", "flatten", "squeeze",
         "unsqueeze", "expand", "pad")


def ops_of(path):
    out = []
    for line in open(path):
        m = OP.match(line)
        if not m:
            continue
        props = m.group(3)
        kind = re.search(r'kind = "([^"]*)"', props).group(1)
        maps = [g.group(0) for g in MAP.finditer(props.split("indexing_maps = [", 1)[1])]
        operands = [o.strip() for o in m.group(2).split(",") if o.strip()]
        out.append({"res": m.group(1), "ins": operands, "kind": kind, "maps": maps})
    return out


def block(ops):
    starts = [i for i, o in enumerate(ops) if o["kind"].startswith("layer_norm_mean")]
    return ops[starts[0]:starts[2]] if len(starts) >= 3 else ops[: min(len(ops), 30)]


def short(m):
    g = MAP.match(m)
    if not g or not g.group(1):
        return m
    dims = [d.strip() for d in g.group(1).split(",")]
    res = g.group(2)
    if [r.strip() for r in res.split(",")] == dims:
        return ""
    return "(" + res + ")"


def cluster(ops, name, title, mark_copies):
    lines = ["  subgraph cluster_%s {" % name, '    label = "%s"; fontsize = 18;' % title]
    ids = {o["res"]: "%s_%d" % (name, i) for i, o in enumerate(ops)}
    ext = {}
    for i, o in enumerate(ops):
        copy = mark_copies and o["kind"].split("+")[0] in FIXED
        style = 'color = red, fontcolor = red, style = dashed' if copy else 'style = filled, fillcolor = "#dbe8f6"'
        lines.append('    %s [label = "%s", shape = box, %s];' % (ids[o["res"]], o["kind"], style))
        for k, v in enumerate(o["ins"]):
            if v not in ids:
                if v not in ext:
                    ext[v] = "%s_in%d" % (name, len(ext))
                    lines.append('    %s [label = "%s", shape = plain, fontcolor = gray40];' % (ext[v], v))
                src = ext[v]
            else:
                src = ids[v]
            lab = short(o["maps"][k]) if k < len(o["maps"]) and not mark_copies else ""
            attr = ' [label = "%s", fontsize = 9]' % lab.replace('"', "") if lab else ""
            lines.append("    %s -> %s%s;" % (src, ids[o["res"]], attr))
    lines.append("  }")
    return lines


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    base, sm = block(ops_of(sys.argv[1])), block(ops_of(sys.argv[2]))
    ncopy = sum(1 for o in base if o["kind"].split("+")[0] in FIXED)
    out = ["digraph block {", "  rankdir = TB; node [fontname = Helvetica]; edge [fontname = Helvetica];"]
    out += cluster(base, "base", "baseline: %d kernels (%d copies, red)" % (len(base), ncopy), True)
    out += cluster(sm, "sm", "SmartMem: %d kernels, 0 copies; edges: read map (row-major buffers)" % len(sm), False)
    out.append("}")
    open(sys.argv[3], "w").write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
