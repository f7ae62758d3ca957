#!/usr/bin/env bash
# Regenerates the pass list in docs/passes.md from `smopt --list-passes`.
#   scripts/update-passes-doc.sh build/bin/smopt
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
smopt=${1:-$root/build/bin/smopt}
list=$("$smopt" --list-passes)
python3 - "$root/docs/passes.md" "$list" <<'PY'
import re, sys
path, text = sys.argv[1], sys.argv[2]
doc = open(path).read()
new = re.sub(r"(<!-- BEGIN list-passes -->\n```\n).*?(\n```\n<!-- END list-passes -->)",
             lambda m: m.group(1) + text + m.group(2), doc, flags=re.S)
open(path, "w").write(new)
PY
