"""Updates the SSA names in a lit test's FileCheck lines to what smopt prints now
(for example after a result-name hook such as arith.constant's %c7_i32 was
added): each check line is matched against smopt's output for its prefix
(SSA names as wildcards, in order, -NEXT on the next line) and its names are
replaced by the ones printed there. Review the diff; lines that match nothing
are reported and left alone.

  python3 scripts/update_check_names.py TEST.mlir [...]   (SMOPT_BIN=build/bin)
"""
import re, subprocess, sys, os
BIN = os.environ.get("SMOPT_BIN", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "bin"))
NAME = r"%[A-Za-z0-9_.$-]+"
def pat_for(check):
    # check text -> regex with names as groups
    out = ""; i = 0; names = []
    while i < len(check):
        if check.startswith("{{", i):
            j = check.index("}}", i)
            out += "(?:" + check[i+2:j] + ")"; i = j + 2
        elif check.startswith("[[", i):
            j = check.index("]]", i); out += ".*?"; i = j + 2
        else:
            m = re.match(NAME, check[i:])
            if m:
                out += "(" + NAME + ")"; names.append((i, m.group(0))); i += len(m.group(0))
            elif check[i].isspace():
                while i < len(check) and check[i].isspace(): i += 1
                out += r"\s+"
            else:
                out += re.escape(check[i]); i += 1
    return out, names
def run(cmd, src):
    cmd = re.sub(r"(?<![\w/.-])smopt\b", BIN + "/smopt", cmd).replace("%s", src)
    cmd = cmd.split("|")[0] if "FileCheck" in cmd else cmd
    p = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    return (p.stdout + p.stderr).split("\n")
def update(path):
    text = open(path).read().split("\n")
    runs = [l.split("RUN:",1)[1].strip() for l in text if "RUN:" in l]
    prefix_cmd = {}
    for r in runs:
        if "FileCheck" not in r: continue
        m = re.search(r"--check-prefix(?:es)?[= ](\S+)", r)
        pre = m.group(1) if m else "CHECK"
        parts = r.split("|")
        cmd = "|".join(p for p in parts if "FileCheck" not in p)
        prefix_cmd.setdefault(pre, cmd)
    changed = 0
    for pre, cmd in prefix_cmd.items():
        out = run(cmd, path)
        pos = -1
        rx = re.compile(r"^(\s*//\s*" + re.escape(pre) + r"(?:-NEXT|-LABEL|-SAME|-DAG|-NOT|-EMPTY)?:\s?)(.*)$")
        for k, line in enumerate(text):
            m = rx.match(line)
            if not m or "-NOT:" in line or "-DAG:" in line: continue
            body = m.group(2)
            pat, names = pat_for(body)
            if "-NEXT:" in line: cands = [pos + 1]
            elif "-SAME:" in line: cands = [pos]
            elif "-EMPTY:" in line: cands = [pos + 1]
            else: cands = range(pos + 1, len(out))
            found = None
            for j in cands:
                if 0 <= j < len(out):
                    mm = re.search(pat, out[j])
                    if mm: found = (j, mm); break
            if not found: print("nomatch", pre, k+1, body[:80]); continue
            j, mm = found; pos = j
            new = body
            for (off, old), g in sorted(zip(names, mm.groups()[-len(names):] if names else []), reverse=True):
                new = new[:off] + g + new[off+len(old):]
            if new != body:
                text[k] = m.group(1) + new; changed += 1
    open(path, "w").write("\n".join(text))
    print(path, "changed", changed)


for path in sys.argv[1:]:
    update(path)
