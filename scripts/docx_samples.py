#!/usr/bin/env python3
"""Writes a plain-text GB/T or ISO draft as the FODT a drafting template would make of it.

Usage: docx_samples.py REDLINE DRAFT.txt OUT.fodt

The clause headings become headings of custom styles with outline levels (章标题, 一级条标题 …)
numbered by the outline numbering; the annex heading and its clauses are numbered by a list
style (附录A / Annex A, A.1); lists a) › 1) are automatically numbered lists restarting per
list. The document title is repeated above clause 1, as on a GB/T's first body page.
Everything else (cover, 目次, 前言, terms, notes, dash items, references) stays typed
text, as templates leave it: the DOCX reader must read both kinds. `soffice --convert-to docx`
then makes the Word file (scripts/docx_samples.sh). REDLINE parses the draft to say which line
is what; only the structure the text reader recognised is carried over.
"""
import json
import re
import subprocess
import sys
from xml.sax.saxutils import escape

redline, draft, out = sys.argv[1:4]
doc = json.loads(subprocess.run([redline, "parse", draft, "--format", "json"], check=True,
                                capture_output=True, text=True).stdout)
zh = doc["language"] == "zh"
lines = open(draft, encoding="utf-8").read().split("\n")

heading_at, annex_at, item_at = {}, {}, {}


def walk(node):
    for c in node["children"]:
        label, kind = c["label"], c["kind"]
        if kind == "clause" and re.fullmatch(r"\d+(\.\d+)*", label) and c["title"]:
            heading_at[c["line"]] = (label.count(".") + 1, c["title"])
        elif kind == "annex":
            annex_at[c["line"]] = (0, c["title"], c.get("alt_title", ""))
        elif kind == "clause" and re.fullmatch(r"[A-Z](\.\d+)+", label) and c["title"]:
            annex_at[c["line"]] = (label.count("."), c["title"], "")
        elif kind == "list-item" and re.fullmatch(r"([a-z]|\d+)[)）]", label):
            item_at[c["line"]] = 1 if label[0].isalpha() else 2
        walk(c)


walk(doc["root"])

heading_styles = ["章标题", "一级条标题", "二级条标题", "三级条标题", "四级条标题"]
body = []
open_list = None   # "items" or "annex" while a text:list is open
depth = 0          # open nested lists inside it
skip = set()


def close_list():
    global open_list, depth
    if open_list:
        body.append("</text:list-item></text:list>" * (depth + 1))
    open_list, depth = None, 0


def list_item(name, level, paragraph):
    """An item at `level` (0 = top) of list style `name`, nesting as ODF wants it."""
    global open_list, depth
    if open_list != name:
        close_list()
        body.append(f'<text:list text:style-name="{name}"><text:list-item>')
        open_list, depth = name, 0
        while depth < level:
            body.append("<text:list><text:list-item>")
            depth += 1
    else:
        while depth > level:
            body.append("</text:list-item></text:list>")
            depth -= 1
        if depth == level:
            body.append("</text:list-item><text:list-item>")
        while depth < level:
            body.append("<text:list><text:list-item>")
            depth += 1
    body.append(paragraph)


body_title_written = False
for n, raw in enumerate(lines, start=1):
    text = raw.strip()
    if n in skip or not text:
        continue
    if n in heading_at:
        close_list()
        level, title = heading_at[n]
        if not body_title_written:
            # The template repeats the document title above clause 1, on the first page of
            # the body, as GB/T lays it out (and as the PDF samples have it).
            body.append(f'<text:p text:style-name="Standard">{escape(doc["info"]["title"])}</text:p>')
            body_title_written = True
        body.append(f'<text:h text:style-name="{heading_styles[level - 1]}" text:outline-level="{level}">'
                    f"{escape(title)}</text:h>")
    elif n in annex_at:
        level, title, kind = annex_at[n]
        if level == 0:
            # "附录 A" / "Annex A (informative) Title": the kind and title follow on lines of
            # their own in the paragraph; the text lines that held them are consumed.
            for m in range(n + 1, min(n + 6, len(lines) + 1)):
                if lines[m - 1].strip() in (kind, title):
                    skip.add(m)
            para = (f'<text:p text:style-name="附录标识"><text:line-break/>{escape(kind)}'
                    f"<text:line-break/>{escape(title)}</text:p>")
        else:
            para = f'<text:p text:style-name="附录条">{escape(title)}</text:p>'
        list_item("AnnexList", level, para)
    elif n in item_at:
        rest = re.sub(r"^([a-z]|\d+)[)）]\s*", "", text)
        list_item("ItemList", item_at[n] - 1, f'<text:p text:style-name="列项">{escape(rest)}</text:p>')
    else:
        if open_list == "ItemList":
            close_list()
        body.append(f'<text:p text:style-name="Standard">{escape(text)}</text:p>')
close_list()

suffix = "）" if zh else ")"
annex_prefix = "附录" if zh else "Annex "
print(f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="章标题" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"/>
  <style:style style:name="一级条标题" style:family="paragraph" style:parent-style-name="章标题" style:default-outline-level="2"/>
  <style:style style:name="二级条标题" style:family="paragraph" style:parent-style-name="一级条标题" style:default-outline-level="3"/>
  <style:style style:name="三级条标题" style:family="paragraph" style:parent-style-name="二级条标题" style:default-outline-level="4"/>
  <style:style style:name="四级条标题" style:family="paragraph" style:parent-style-name="三级条标题" style:default-outline-level="5"/>
  <style:style style:name="附录标识" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:list-style-name="AnnexList"/>
  <style:style style:name="附录条" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:list-style-name="AnnexList"/>
  <style:style style:name="列项" style:family="paragraph" style:parent-style-name="Standard" style:list-style-name="ItemList"/>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format="1"/>
   <text:outline-level-style text:level="2" style:num-format="1" text:display-levels="2"/>
   <text:outline-level-style text:level="3" style:num-format="1" text:display-levels="3"/>
   <text:outline-level-style text:level="4" style:num-format="1" text:display-levels="4"/>
   <text:outline-level-style text:level="5" style:num-format="1" text:display-levels="5"/>
  </text:outline-style>
  <text:list-style style:name="AnnexList">
   <text:list-level-style-number text:level="1" style:num-prefix="{annex_prefix}" style:num-format="A"/>
   <text:list-level-style-number text:level="2" style:num-format="1" text:display-levels="2"/>
   <text:list-level-style-number text:level="3" style:num-format="1" text:display-levels="3"/>
  </text:list-style>
  <text:list-style style:name="ItemList">
   <text:list-level-style-number text:level="1" style:num-format="a" style:num-suffix="{suffix}"/>
   <text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="{suffix}"/>
  </text:list-style>
 </office:styles>
 <office:body>
  <office:text>
{chr(10).join(body)}
  </office:text>
 </office:body>
</office:document>""", file=open(out, "w", encoding="utf-8"))
