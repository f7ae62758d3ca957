"""Compares a tool's --help text with the rows of its option tables.

usage: check_help.py HELP_TEXT_FILE SOURCE.c [SOURCE.c ...]
The tables are the `{"--name", alias, SM_TOOL_...}` rows of the model tools
(tools/tool_options.h), the pass layer's `{"--name", alias, CLI_...}` rows
(passes/pass_cli.c) and smopt's `smopt_options[]` spellings. Every row must
appear in the help text (with its alias), and every option the help lists
must be a row (or -h/--help/--version/-o, which the parsers handle
themselves). The list of registered passes after "Passes (" is not options."""
import re
import sys

help_text = open(sys.argv[1]).read().split("\nPasses (")[0]
table, aliases = set(), {}
for src in sys.argv[2:]:
    source = open(src).read()
    for name, _, alias in re.findall(r'\{"(-[-\w]+)",\s*(NULL|"(-[-\w]+)"),\s*(?:SM_TOOL_|CLI_)', source):
        table.add(name)
        if alias:
            aliases[name] = alias
    m = re.search(r"smopt_options\[\] = \{(.*?)\};", source, re.S)
    if m:
        table.update(re.findall(r'"(-[-\w]+)"', m.group(1)))
if not table:
    sys.exit("no option rows found in " + " ".join(sys.argv[2:]))
bad = []
lines = help_text.splitlines()
for name in sorted(table):
    line = next((l for l in lines if re.match(r"\s+(-h, )?" + re.escape(name) + r"(\[|[ =]|$)", l)), None)
    if line is None:
        bad.append("not in --help: " + name)
    elif name in aliases and "alias: " + aliases[name] not in line:
        bad.append("alias not in --help: %s (%s)" % (aliases[name], name))
listed = set(re.findall(r"^\s+(?:-h, )?(-{1,2}[a-z][-\w]*)", help_text, re.M))
for name in sorted(listed - table - {"-h", "--help", "--version", "-o"}):
    bad.append("in --help but not in a table: " + name)
if bad:
    sys.exit("\n".join(bad))
print("help matches the tables: %d options" % len(table))
