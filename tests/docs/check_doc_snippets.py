"""Compiles every ```c snippet of docs/*.md (and README.md).

usage: check_doc_snippets.py SOURCE_ROOT [CC]

The snippets of one page form one translation unit, in page order, after
the public headers. Top-level definitions (functions, tables) stay at file
scope; a run of plain statements is wrapped in its own function whose
parameters are the names it uses without declaring them (ctx, op, loc, ...,
from the table below), so a page may show a statement sequence without
boilerplate, but every name, type and call in it must be real. A name the
table does not know must be declared by the snippet (or an earlier one)."""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = sys.argv[1]
CC = sys.argv[2] if len(sys.argv) > 2 else "cc"

# Names a statement snippet may use as given (the reader's surrounding code).
CONTEXT = {
    "ctx": "SmContext *", "loc": "SmLoc *", "use_loc": "SmLoc *", "def_loc": "SmLoc *",
    "op": "SmOp *", "module": "SmOp *", "region": "SmRegion *", "n": "int",
    "buf": "const char *", "len": "size_t", "run": "SmPassRun *", "pm": "SmPassManager *",
    "cfg": "SmGreedyConfig", "stats": "SmGreedyStats",
}
HEADERS = ["ir/ir.h", "ir/asm.h", "ir/rewrite.h", "ir/conversion.h", "passes/pass.h",
           "passes/passes.h", "passes/pass_output_file.h"]

def blocks(text):
    return re.findall(r"^```c\n(.*?)^```", text, re.S | re.M)

def split_top_level(code):
    """Yields ('top', text) for definitions starting at column 0 with a type
    and ending at a column-0 '}' or ';', and ('stmts', text) otherwise."""
    lines = code.splitlines()
    i, out, stmts = 0, [], []
    top_start = re.compile(r"^(static |const |extern |typedef |struct |enum |SmPassPluginInfo |bool |void |int )")
    while i < len(lines):
        line = lines[i]
        if top_start.match(line):
            if any(x.strip() for x in stmts):
                out.append(("stmts", "\n".join(stmts)))
            stmts = []
            j = i
            depth = 0
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                if depth <= 0 and (lines[j].rstrip().endswith("}") or lines[j].rstrip().endswith(";")):
                    break
                j += 1
            out.append(("top", "\n".join(lines[i:j + 1])))
            i = j + 1
            continue
        stmts.append(line)
        i += 1
    if any(s.strip() for s in stmts):
        out.append(("stmts", "\n".join(stmts)))
    return out

def wrap(stmts, index, declared):
    params = []
    for name, ty in CONTEXT.items():
        if name in declared:
            continue
        if re.search(r"\b%s\b" % name, stmts) and not re.search(
                r"(\w[\w\s]*[\s\*])%s\s*(=|;|\[)" % name, stmts):
            params.append("%s%s%s" % (ty, "" if ty.endswith("*") else " ", name))
    return "bool doc_snippet_%d(%s) {\n%s\nreturn true;\n}\n" % (
        index, ", ".join(params) or "void", stmts)

def main():
    pages = sorted(glob.glob(os.path.join(ROOT, "docs", "*.md"))) + [os.path.join(ROOT, "README.md")]
    failures, count = [], 0
    for page in pages:
        snippets = blocks(open(page).read())
        if not snippets:
            continue
        unit = ["#include <math.h>", "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>"]
        unit += ['#include "%s"' % h for h in HEADERS]
        declared = set()
        for k, snippet in enumerate(snippets):
            count += 1
            unit.append("/* %s, snippet %d */" % (os.path.basename(page), k + 1))
            for kind, text in split_top_level(snippet):
                if kind == "top":
                    unit.append(text)
                    declared.update(re.findall(r"\b(\w+)\s*(?:\[\]\s*)?=", text.split("{")[0]))
                else:
                    unit.append(wrap(text, len(unit), declared))
        with tempfile.NamedTemporaryFile("w", suffix=".c", delete=False) as f:
            f.write("\n".join(unit) + "\n")
            path = f.name
        r = subprocess.run([CC, "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-fsyntax-only",
                            "-Wall", "-Wno-unused-function", "-Wno-unused-variable",
                            "-Werror=implicit-function-declaration", "-Werror=incompatible-pointer-types",
                            "-Werror=int-conversion", "-I", ROOT, path],
                           capture_output=True, text=True)
        if r.returncode != 0 or "warning" in r.stderr:
            failures.append("%s:\n%s\n--- translation unit (%s) ---\n%s" % (
                page, r.stderr, path, "\n".join(unit[10:])))
        else:
            os.unlink(path)
    if failures:
        sys.exit("\n\n".join(failures))
    print("compiled %d C snippets" % count)

main()
