#!/usr/bin/env python3
"""Checks the sample PDFs (samples/office-devices/pdf/) against the plain-text drafts they were
made from, and, once redline reads PDF, the clause trees and comparisons read from them.

Usage: check_pdf_samples.py SOURCE_DIR [REDLINE]

With pdftotext (poppler-utils), for each PDF:
  - the cover has no running header and no page number; every other page has the standard
    number as its first line and its page number as its last: I, II, … in the front matter,
    then 1, 2, … from the page where the body begins;
  - the table of contents lists the draft's own entries in order, each with dotted leaders and
    the number of the page its heading is on;
  - every paragraph of the draft is in the PDF's text, in order (whitespace ignored; the
    table of contents' page numbers, which the PDF computes afresh, excepted).
With REDLINE, when it reads PDF (`parse` of a sample succeeds):
  - each PDF's clause tree has the clauses of its text draft: the same kind, label and title in
    the same order;
  - `diff` of the two PDFs reports the same changes as `diff` of the two text drafts.
Prints one line per failed check and a summary; exits 1 when a check fails.
"""
import difflib
import json
import os
import re
import subprocess
import sys

source = sys.argv[1]
redline = sys.argv[2] if len(sys.argv) > 2 else None
samples = os.path.join(source, "samples", "office-devices")
drafts = ["2023-05-draft.zh", "2023-08-draft-for-comments.zh", "2023-05-draft.en", "2023-08-draft-for-comments.en"]
TOC_SOURCE = re.compile(r"^(.*?)\s*(?:…+|\.{3,})\s*([0-9]+|[IVXLC]+)$")
TOC_PDF = re.compile(r"^(.*?)\s*\.{3,}\s*([0-9]+|[IVXLC]+)$")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    pages = []
    for p in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), path, "-"], check=True,
                              capture_output=True, text=True).stdout
        pages.append([line.strip() for line in text.split("\n") if line.strip()])
    return pages


def check_text(draft):
    path = os.path.join(samples, "pdf", draft + ".pdf")
    lines = open(os.path.join(samples, draft + ".txt"), encoding="utf-8").read().split("\n")
    number = next(line.strip() for line in lines if re.match(r"^GB(/T)? \S+—\S+$", line.strip()))
    pages = pdf_pages(path)
    zh = draft.endswith(".zh")
    title = lines[8].strip() if zh else None

    # Running header and page numbers.
    check(pages[0][-1] not in ("I", "1"), f"{draft}: the cover has a page number")
    body_start = next((i for i, page in enumerate(pages) if i > 0 and len(page) > 1 and
                       (page[1] == title if zh else page[1].startswith("Information security technology"))), None)
    check(body_start is not None, f"{draft}: no page begins the body with the document title")
    if body_start is None:
        return len(pages)
    labels = {}
    for i, page in enumerate(pages[1:], start=1):
        expected = ROMAN[i - 1] if i < body_start else str(i - body_start + 1)
        check(page[0] == number, f"{draft}: page {i + 1}: header {page[0]!r}, not {number!r}")
        check(page[-1] == expected, f"{draft}: page {i + 1}: footer {page[-1]!r}, not {expected!r}")
        labels[i] = page[-1]

    # Table of contents: the draft's entries, in order, with the pages their headings are on.
    source_entries = [TOC_SOURCE.match(line.strip()).group(1) for line in lines if TOC_SOURCE.match(line.strip())]
    pdf_entries = [(i, TOC_PDF.match(line)) for i, page in enumerate(pages) for line in page[1:-1] if TOC_PDF.match(line)]
    check([m.group(1) for _, m in pdf_entries] == source_entries,
          f"{draft}: table of contents {[m.group(1) for _, m in pdf_entries]} is not the draft's {source_entries}")
    toc_pages = {i for i, _ in pdf_entries}
    for _, m in pdf_entries:
        entry = squeeze(m.group(1))
        where = [i for i, page in enumerate(pages) if i not in toc_pages and
                 any(squeeze(line) == entry or (entry.startswith(squeeze(line)) and re.match(r"^(附录|Annex) ?[A-Z]$", line))
                     for line in page[1:-1])]
        check(bool(where) and labels.get(where[0]) == m.group(2),
              f"{draft}: table of contents gives {m.group(1)!r} page {m.group(2)}, "
              f"its heading is on {labels.get(where[0]) if where else 'no page'}")

    # The draft's text, in order.
    text = squeeze("".join("".join(page[1:-1]) if i else "".join(page) for i, page in enumerate(pages)))
    at = 0
    for n, line in enumerate(lines, start=1):
        if not line.strip() or TOC_SOURCE.match(line.strip()):
            continue
        found = text.find(squeeze(line), at)
        check(found >= 0, f"{draft}:{n}: not in the PDF's text (after offset {at}): {line.strip()}")
        if found >= 0:
            at = found + len(squeeze(line))
    return len(pages)


def tree(path):
    result = subprocess.run([redline, "parse", path, "--format", "json"], capture_output=True, text=True)
    if result.returncode != 0:
        return None, result.stderr.strip()
    nodes = []

    def walk(node):
        for c in node["children"]:
            nodes.append((c["kind"], c["label"], c["title"]))
            walk(c)
    walk(json.loads(result.stdout)["root"])
    return nodes, ""


def changes(old, new):
    """The clause changes (but the table of contents', whose page numbers the PDFs compute
    afresh) and the provision changes of `redline diff OLD NEW`."""
    report = json.loads(subprocess.run([redline, "diff", old, new, "--format", "json"], capture_output=True,
                                       text=True).stdout)
    def sides(c, key):     # one clause, several (split, merged, reorganised) or none (added, removed)
        value = c.get(key) or []
        return value if isinstance(value, list) else [value]

    def contents(c):
        return any(side.get("title") in ("目次", "Contents") for side in sides(c, "old") + sides(c, "new"))

    clauses = [(c["change"], [s["label"] for s in sides(c, "old")], [s["label"] for s in sides(c, "new")],
                c["editorial"]) for c in report["clauses"] if c["change"] != "unchanged" and not contents(c)]
    provisions = [(p["change"], (p["old"] or {}).get("clause"), (p["new"] or {}).get("clause"), (p["old"] or p["new"])["text"])
                  for p in report["provisions"]]
    return clauses, provisions


summary = []
for draft in drafts:
    summary.append(f"{draft}.pdf: {check_text(draft)} pages")
reader = None
if redline:
    nodes, error = tree(os.path.join(samples, "pdf", drafts[0] + ".pdf"))
    reader = nodes is not None
    if not reader:
        summary.append(f"redline does not read PDF yet ({error}): clause trees not compared")
if reader:
    for draft in drafts:
        pdf_nodes, error = tree(os.path.join(samples, "pdf", draft + ".pdf"))
        text_nodes, _ = tree(os.path.join(samples, draft + ".txt"))
        check(pdf_nodes == text_nodes, f"{draft}: the PDF's clause tree differs from the text's {error}\n" + "\n".join(
            difflib.unified_diff([str(n) for n in text_nodes], [str(n) for n in pdf_nodes or []], "txt", "pdf", lineterm="",
                                 n=1)))
    for language in ("zh", "en"):
        old, new = f"2023-05-draft.{language}", f"2023-08-draft-for-comments.{language}"
        from_pdf = changes(*(os.path.join(samples, "pdf", d + ".pdf") for d in (old, new)))
        from_text = changes(*(os.path.join(samples, d + ".txt") for d in (old, new)))
        for what, a, b in (("clause", from_text[0], from_pdf[0]), ("provision", from_text[1], from_pdf[1])):
            check(a == b, f"{language}: diff of the PDFs reports other {what} changes than diff of the text drafts\n"
                  + "\n".join(difflib.unified_diff([str(x) for x in a], [str(x) for x in b], "txt", "pdf", lineterm="")))
print("\n".join(summary))
print(f"{checks - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
