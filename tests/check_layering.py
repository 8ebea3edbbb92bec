#!/usr/bin/env python3
"""The layering rules of docs/architecture.md, checked on the sources:

- the engine includes nothing of formats/ or cli/, and its headers include each other
  without a cycle;
- formats/ includes nothing of cli/;
- writers (every formats/ folder but the readers') include none of the engine's internals:
  engine/text.hpp, engine/diff.hpp, engine/match.hpp, engine/tokens.hpp, engine/pipeline.hpp,
  engine/entries.hpp, engine/provision_changes.hpp.

Usage: check_layering.py SOURCE_DIR. Prints every violation; exit status 1 when there is one.
"""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1])
include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
readers = {"text", "markdown", "xml", "docx", "pdf", "html"}
internals = {"engine/" + h for h in ("text.hpp", "diff.hpp", "match.hpp", "tokens.hpp", "pipeline.hpp",
                                     "entries.hpp", "provision_changes.hpp")}
problems = []


def includes(path):
    return include.findall(path.read_text(encoding="utf-8"))


for path in sorted(root.glob("engine/*.[ch]pp")):
    for inc in includes(path):
        if inc.startswith(("formats/", "cli/")):
            problems.append(f"{path.relative_to(root)}: the engine includes {inc}")

for path in sorted(root.glob("formats/**/*.[ch]pp")):
    rel = path.relative_to(root)
    folder = rel.parts[1] if len(rel.parts) > 2 else ""
    is_reader = folder in readers or rel.name in ("read.cpp", "reader.hpp")
    for inc in includes(path):
        if inc.startswith("cli/"):
            problems.append(f"{rel}: formats includes {inc}")
        if not is_reader and inc in internals:
            problems.append(f"{rel}: a writer includes the engine's internal {inc}")

# Cycles among the engine's headers.
graph = {}
for path in root.glob("engine/*.hpp"):
    name = "engine/" + path.name
    graph[name] = [inc for inc in includes(path) if inc.startswith("engine/")]
state = {}


def visit(node, trail):
    state[node] = "open"
    for nxt in graph.get(node, []):
        if state.get(nxt) == "open":
            problems.append("include cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt]))
        elif nxt not in state:
            visit(nxt, trail + [nxt])
    state[node] = "done"


for node in sorted(graph):
    if node not in state:
        visit(node, [node])

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
