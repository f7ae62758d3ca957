"""Parse -> print -> parse -> print must be a fixed point on every test file.

For every .mlir file under tests/lit (each `// -----` chunk separately), if
smopt accepts the chunk, printing it again must reproduce the same text, in
custom form, generic form and with locations. Chunks smopt rejects (invalid
inputs, files for other tools) are skipped and counted. Exits 1 listing each
file whose output is not a fixed point.

usage: fixpoint_all.py SMOPT LIT_DIR
"""
import os
import subprocess
import sys

MODES = [[], ["--print-op-generic"], ["--mlir-print-debuginfo"]]


def smopt(tool, args, text):
    p = subprocess.run([tool, "--allow-unregistered-dialect", *args, "-"], input=text,
                       capture_output=True)
    return p.returncode, p.stdout


def chunks(data):
    cur = []
    for line in data.split(b"\n"):
        if line.strip().startswith(b"// -----"):
            yield b"\n".join(cur)
            cur = []
        else:
            cur.append(line)
    yield b"\n".join(cur)


def main():
    tool, root = sys.argv[1], sys.argv[2]
    checked = skipped = 0
    bad = []
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("Output", "Inputs")]
        for f in sorted(files):
            if not f.endswith(".mlir"):
                continue
            path = os.path.join(dirpath, f)
            with open(path, "rb") as fh:
                data = fh.read()
            for i, chunk in enumerate(chunks(data)):
                for mode in MODES:
                    rc, first = smopt(tool, mode, chunk)
                    if rc != 0:
                        skipped += 1
                        break
                    rc2, second = smopt(tool, mode, first)
                    checked += 1
                    if rc2 != 0 or first != second:
                        bad.append(f"{os.path.relpath(path, root)} chunk {i} mode {mode or ['custom']}")
    print(f"fixpoint: {checked} prints checked, {skipped} chunks not accepted by smopt (skipped)")
    for b in bad:
        print("NOT A FIXED POINT:", b)
    if checked == 0:
        print("error: no file was checked")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
