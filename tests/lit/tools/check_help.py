"""Compares a tool's --help text with the rows of its option table.

usage: check_help.py HELP_TEXT_FILE TOOL_SOURCE.c
Every `{"--name", alias, SM_TOOL_...` row of the source's table must appear in
the help text (with its alias), and every option the help lists must be a row
(or --help/--version, which the parser handles itself)."""
import re
import sys

help_text = open(sys.argv[1]).read()
source = open(sys.argv[2]).read()
rows = re.findall(r'\{"(-[-\w]+)",\s*(NULL|"(-[-\w]+)"),\s*SM_TOOL_', source)
if not rows:
    sys.exit("no option rows found in " + sys.argv[2])
table = set()
bad = []
for name, _, alias in rows:
    table.add(name)
    line = next((l for l in help_text.splitlines() if re.match(r"\s+" + re.escape(name) + r"[ =]", l)), None)
    if line is None:
        bad.append("not in --help: " + name)
    elif alias and ("alias: " + alias) not in line:
        bad.append("alias not in --help: %s (%s)" % (alias, name))
listed = set(re.findall(r"^\s+(-[-\w]+)", help_text, re.M))
for name in sorted(listed - table - {"-h", "--version"}):
    bad.append("in --help but not in the table: " + name)
if bad:
    sys.exit("\n".join(bad))
print("help matches the table: %d options" % len(table))
