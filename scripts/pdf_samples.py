#!/usr/bin/env python3
"""Makes a GB/T-style PDF of a plain-text sample draft with LibreOffice, deterministically.

Usage: pdf_samples.py REDLINE DRAFT.txt OUTDIR

Writes OUTDIR/NAME.fodt and OUTDIR/NAME.pdf (NAME = the draft's file name without .txt).
The layout is the one GB/T drafts are published in: a cover without header or footer; the
front matter (目次, 前言, 引言) each on a new page, numbered I, II, … in the footer; the body
restarting at page 1 in Arabic numerals after the document title repeated above clause 1; the
annex and the bibliography on new pages; the standard number as running header on every page
after the cover; headers and footers mirrored (outer corner: right on odd pages, left on even
ones). Clause numbers stay typed text in the headings, as the published drafts have them; the
table of contents keeps the draft's own entries, with dotted leaders and the real page numbers.
Text in Noto Serif CJK SC, headings in Noto Sans CJK SC (Debian's fonts-noto-cjk), for the
Chinese and the English drafts alike; no automatic spacing between CJK and Latin text, so the
PDF's text is the draft's text.

How: REDLINE parses the draft (`parse --format json`) to say which line is a heading, a term
entry, a list item, a note …; the lines become FODT paragraphs (English drafts, hard-wrapped,
are joined back into paragraphs: see paragraphs()). LibreOffice converts it twice: body pages
in the table of contents are layout-computed page references; the front matter's Roman page
numbers are read from the first PDF and written as text. Last the bytes that differ between
runs are fixed (fix_dates_and_id()) and every table-of-contents number is checked against the
page its heading is on. Needs libreoffice-writer-nogui, poppler-utils and fonts-noto-cjk.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

redline, draft, outdir = sys.argv[1:4]
name = os.path.basename(draft)[:-len(".txt")]
fodt_path = os.path.join(outdir, name + ".fodt")
pdf_path = os.path.join(outdir, name + ".pdf")

doc = json.loads(subprocess.run([redline, "parse", draft, "--format", "json"], check=True,
                                capture_output=True, text=True).stdout)
zh = doc["language"] == "zh"
info = doc["info"]
lines = open(draft, encoding="utf-8").read().split("\n")

# What each line is, from the clause tree.
node_at = {}          # line -> node
starts = set()        # lines where a node or a block begins: paragraph boundaries
regions = []          # (first line, region) for the top-level nodes


def walk(node, depth):
    for c in node["children"]:
        node_at.setdefault(c["line"], c)
        starts.add(c["line"])
        for b in c.get("blocks", []):
            starts.add(b["line"])
        if depth == 0:
            regions.append((c["line"], c.get("role") or c["kind"]))
        walk(c, depth + 1)


walk(doc["root"], 0)


def region_of(n):
    current = "cover"
    for first, role in regions:
        if first <= n:
            current = role
    return current


COLUMNS = re.compile(r"\S(?:\S| (?! ))*")   # cells of a row separated by two or more spaces
TOC_ENTRY = re.compile(r"^(.*?)\s*(?:…+|\.{3,})\s*([0-9]+|[IVXLC]+)$")


def cells(text):
    return COLUMNS.findall(text)


def is_heading(node):
    return node["kind"] in ("clause", "annex") and node["title"] != ""


# Lines that are a paragraph of their own even in a hard-wrapped draft: headings, term numbers
# and names, and the annex heading's lines (its label, kind and title).
alone = set()
for line, node in node_at.items():
    if is_heading(node) or node["kind"] in ("term-entry", "annex", "front-matter"):
        alone.add(line)
    if node["kind"] in ("term-entry", "annex"):
        following = [m for m in range(line + 1, min(line + 6, len(lines) + 1)) if lines[m - 1].strip()]
        alone.update(following[:1 if node["kind"] == "term-entry" else 2])


def paragraphs():
    """(first line, text) of each paragraph. Chinese drafts hold one paragraph per line. English
    ones are hard-wrapped at 72 columns: a line joins the one before it when that one is long
    enough to have been wrapped (50 characters or more) and the line starts no node or block,
    reference or column row (on the cover, where every line is a block, length alone decides)."""
    out = []
    n = 0
    while n < len(lines):
        text = lines[n].strip()
        n += 1
        if not text:
            continue
        first = n
        last = text
        while (not zh and first not in alone and "  " not in text and region_of(first) != "contents"
               and n < len(lines) and len(last) >= 50):
            following = lines[n].strip()
            if (not following or following.startswith("[") or "  " in following
                    or (region_of(first) != "cover" and (n + 1) in starts)):
                break
            text += " " + following
            last = following
            n += 1
        out.append((first, text))
    return out


body = []
toc = []              # (paragraph index in body, entry title, line of the heading it points at)
bookmarks = {}        # heading line -> bookmark name
table_rows = []
automatic_extra = []  # column styles of the table
annex_pending = 0     # lines of the annex heading still to come (its kind and title)
cover_seen = []


def odf(text):
    """Escaped text with its runs of spaces kept (ODF collapses them otherwise)."""
    return re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>', escape(text))


def para(style, text, first=None):
    mark = ""
    if first is not None and first in bookmarks:
        mark = f'<text:bookmark text:name="{bookmarks[first]}"/>'
    body.append(f'<text:p text:style-name="{style}">{mark}{odf(text)}</text:p>')


def heading(style, level, text, first):
    mark = f'<text:bookmark text:name="{bookmarks[first]}"/>' if first in bookmarks else ""
    body.append(f'<text:h text:style-name="{style}" text:outline-level="{level}">{mark}{escape(text)}</text:h>')


def flush_table():
    if not table_rows:
        return
    width = max(len(r) for r in table_rows)
    # Columns as wide as their longest cell (East Asian characters count twice), so that no
    # row wraps: a table's row is one line of text, as in the draft.
    chars = [max(sum(2 if ord(ch) > 0x2E80 else 1 for ch in row[i]) if i < len(row) else 0 for row in table_rows)
             for i in range(width)]
    body.append('<table:table table:name="Table1" table:style-name="Table">')
    for i, count in enumerate(chars):
        share = 16.5 * (count + 4) / sum(c + 4 for c in chars)
        automatic_extra.append(f'<style:style style:name="Column{i + 1}" style:family="table-column">'
                               f'<style:table-column-properties style:column-width="{share:.2f}cm"/></style:style>')
        body.append(f'<table:table-column table:style-name="Column{i + 1}"/>')
    for i, row in enumerate(table_rows):
        body.append("<table:table-row>")
        for cell in row + [""] * (width - len(row)):
            style = "TableHead" if i == 0 else "TableText"
            body.append(f'<table:table-cell table:style-name="Cell" office:value-type="string">'
                        f'<text:p text:style-name="{style}">{escape(cell)}</text:p></table:table-cell>')
        body.append("</table:table-row>")
    body.append("</table:table>")
    table_rows.clear()


paras = paragraphs()
# Bookmarks for every heading the table of contents can point at.
for first, text in paras:
    node = node_at.get(first)
    if node and (is_heading(node) or node["kind"] == "front-matter" and node["title"]):
        bookmarks[first] = f"h{first}"
heading_lines = {text: first for first, text in paras if first in bookmarks}

def cover_style(text, previous):
    """The cover's lines in GB/T order: codes, the national-standard line, the number, what it
    replaces, the titles, the stage, the patent notice, the dates, the issuers."""
    if re.match(r"^(ICS|CCS) ", text):
        return "CoverCode"
    if text == info["identifier"]:
        return "CoverNumber"
    if text.startswith(("代替", "Replaces")):
        return "CoverReplaces"
    if text == info["title"]:
        return "CoverTitle"
    if text == info.get("alt_title"):
        return "CoverAltTitle"
    if info.get("stage", "\0") in text and len(text) < 40:
        return "CoverStage"
    if re.search(r"XXXX ?- ?XX ?- ?XX", text):
        return "CoverDates"
    if previous in ("CoverDates", "CoverIssuer"):
        return "CoverIssuer"
    if previous == "CoverStage":
        return "CoverNotice"
    return "CoverNational"


body_title_written = False
for first, text in paras:
    region = region_of(first)
    node = node_at.get(first)
    if table_rows and not (len(cells(text)) >= 3 and "  " in text):
        flush_table()
    if region == "cover":
        style = cover_style(text, cover_seen[-1] if cover_seen else None)
        cover_seen.append(style)
        para("CoverFirst" if len(cover_seen) == 1 else style, text)
        continue
    if node and node["kind"] == "front-matter" and node["title"]:
        style = "ContentsTitle" if region == "contents" else "FrontTitle"
        heading(style, 1, text, first)
        continue
    if region == "contents":
        m = TOC_ENTRY.match(text)
        if not m:
            sys.exit(f"{draft}:{first}: not a table-of-contents entry: {text}")
        title = m.group(1)
        target = heading_lines.get(title)
        if target is None:
            squeezed = re.sub(r"\s+", "", title)
            for candidate, line in heading_lines.items():
                if node_at[line]["kind"] == "annex" and squeezed.startswith(re.sub(r"\s+", "", candidate)):
                    target = line
        if target is None:
            sys.exit(f"{draft}:{first}: no heading for the table-of-contents entry {title!r}")
        toc.append((len(body), title, target))
        body.append(None)        # written once the page numbers are known
        continue
    if not body_title_written and region not in ("foreword", "introduction"):
        # GB/T repeats the document title above clause 1, on the first page of the body.
        para("BodyTitle", info["title"])
        body_title_written = True
    if node and node["kind"] == "annex":
        para("AnnexLabel", text, first)
        annex_pending = 2
        continue
    if annex_pending:
        annex_pending -= 1
        para("AnnexKind" if annex_pending else "AnnexTitle", text)
        continue
    if node and node["kind"] == "clause" and node.get("role") == "bibliography":
        heading("FrontTitle", 1, text, first)
        continue
    if node and is_heading(node):
        level = node["label"].count(".") + 1 if node["label"] else 1
        heading("Heading1" if level == 1 else "Heading2", level, text, first)
        continue
    if node and node["kind"] == "clause" and node["label"]:
        number = node["label"]
        rest = text[len(number):]
        body.append(f'<text:p text:style-name="Clause"><text:span text:style-name="Number">'
                    f'{escape(number)}</text:span>{odf(rest)}</text:p>')
        continue
    if node and node["kind"] == "term-entry":
        para("TermNumber", text)
        continue
    if first - 1 in node_at and node_at[first - 1]["kind"] == "term-entry":
        para("TermName", text)
        continue
    if node and node["kind"] in ("note", "example"):
        para("Note", text)
        continue
    if node and node["kind"] == "list-item" and node["label"]:
        nested = re.match(r"^[0-9]", node["label"]) is not None
        para("ListItem2" if nested else "ListItem", text)
        continue
    if len(cells(text)) >= 3 and "  " in text:
        table_rows.append(cells(text))
        continue
    if re.match(r"^(表|Table )[A-Z]?\.?[0-9]", text):
        para("TableCaption", text)
        continue
    if text.startswith("["):
        para("Reference", text)
        continue
    para("Text", text)
flush_table()


def toc_entry(title, target, number):
    """A table-of-contents line: the entry, a tab with dotted leaders, and `number` or, for the
    body (number None), a reference to the page of the heading's bookmark."""
    style = "Contents2" if re.match(r"^[0-9A-Z]+\.[0-9]", title) else "Contents1"
    if number is None:
        number = f'<text:bookmark-ref text:reference-format="page" text:ref-name="{bookmarks[target]}">0</text:bookmark-ref>'
    else:
        number = escape(number)
    return f'<text:p text:style-name="{style}">{escape(title)}<text:tab/>{number}</text:p>'


def write_fodt(front_numbers):
    """The FODT, with the front matter's page numbers from `front_numbers` (heading line ->
    number; "?" where not known yet)."""
    for index, title, target in toc:
        front = node_at[target]["kind"] == "front-matter"
        body[index] = toc_entry(title, target, front_numbers.get(target, "?") if front else None)
    open(fodt_path, "w", encoding="utf-8").write(FODT.format(body="\n".join(body)))


def convert(profile):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(["timeout", "300", "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", out, fodt_path], check=True, capture_output=True)
        shutil.move(os.path.join(out, name + ".pdf"), pdf_path)


def page_texts():
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf_path], check=True, capture_output=True,
                                                               text=True).stdout, re.M).group(1))
    out = []
    for p in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf_path, "-"], check=True,
                              capture_output=True, text=True).stdout
        out.append([line.strip() for line in text.split("\n") if line.strip()])
    return out


def heading_pages(pages):
    """Heading line -> the page label (footer) of the page it is on, outside the table of contents."""
    found = {}
    for page in pages:
        label = page[-1] if len(page) > 1 else ""
        for line in page[1:-1]:
            squeezed = re.sub(r"\s+", " ", line)
            for target in {t for _, _, t in toc}:
                heading_text = re.sub(r"\s+", " ", lines[target - 1].strip())
                if squeezed == heading_text and target not in found:
                    found[target] = label
    return found


def fix_dates_and_id():
    """The creation date, the trailer's /ID and LibreOffice's /DocChecksum (which hashes the
    date in) are the only bytes that differ between runs: the date becomes the first of the
    draft's month, the other two an MD5 of the rest of the file. Lengths are kept, so the
    cross-reference offsets stay right."""
    data = open(pdf_path, "rb").read()
    year, month = re.match(r"^(\d{4})-(\d{2})", name).groups()
    data, count = re.subn(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:" + f"{year}{month}01000000".encode(), data)
    if count != 1:
        sys.exit(f"{pdf_path}: expected one /CreationDate, found {count}")
    varying = re.compile(rb"/ID\s*\[\s*<[0-9A-F]{32}>\s*<[0-9A-F]{32}>\s*\]\s*/DocChecksum /[0-9A-F]{32}")
    if len(varying.findall(data)) != 1:
        sys.exit(f"{pdf_path}: expected one trailer /ID and /DocChecksum")
    digest = hashlib.md5(varying.sub(b"", data)).hexdigest().upper().encode()
    data = varying.sub(lambda m: re.sub(rb"[0-9A-F]{32}", digest, m.group(0)), data)
    open(pdf_path, "wb").write(data)


def main():
    profile = tempfile.mkdtemp()
    try:
        # Pass 1: the front matter's page numbers are not known yet ("?").
        write_fodt({})
        convert(profile)
        pages = page_texts()
        found = heading_pages(pages)
        front = {}
        for _, title, target in toc:
            if node_at[target]["kind"] == "front-matter":
                if target not in found:
                    sys.exit(f"{pdf_path}: the front-matter heading {title!r} is on no page")
                front[target] = found[target]
        # Pass 2: the final PDF.
        write_fodt(front)
        convert(profile)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    fix_dates_and_id()
    pages = page_texts()
    found = heading_pages(pages)
    toc_lines = [line for page in pages for line in page if TOC_ENTRY.match(line)]
    if len(toc_lines) != len(toc):
        sys.exit(f"{pdf_path}: {len(toc)} table-of-contents entries written, {len(toc_lines)} read back")
    for (_, title, target), line in zip(toc, toc_lines):
        printed = TOC_ENTRY.match(line).group(2)
        if found.get(target) != printed:
            sys.exit(f"{pdf_path}: the table of contents gives {title!r} page {printed}, "
                     f"its heading is on page {found.get(target)}")
    print(f"{pdf_path}: {len(pages)} pages, {os.path.getsize(pdf_path)} bytes, "
          f"{len(toc)} table-of-contents entries checked")


SERIF, SANS = "Noto Serif CJK SC", "Noto Sans CJK SC"
# Latin text in the Chinese drafts is marked English, as Chinese Word templates have it: with
# Chinese as its language LibreOffice breaks lines inside numbers ("2020" as "202" / "0").
LANG = 'fo:language="en" fo:country="GB" style:language-asian="zh" style:country-asian="CN"'
INDENT = "0.74cm" if zh else "0cm"     # two characters of 10.5 pt in Chinese drafts


def text_style(name, parent, para="", text="", master=None, tabs=""):
    """A paragraph style; `master` starts a page of that master page numbered from 1."""
    attributes = f' style:master-page-name="{master}"' if master else ""
    if master:
        para += ' style:page-number="1"'
    tabs = f"<style:tab-stops>{tabs}</style:tab-stops>" if tabs else ""
    return (f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="{parent}"'
            f'{attributes}><style:paragraph-properties {para}>{tabs}</style:paragraph-properties>'
            f'<style:text-properties {text}/></style:style>')


def sans(size, bold=True):
    weight = 'fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
    return (f'style:font-name="{SANS}" style:font-name-asian="{SANS}" fo:font-size="{size}" '
            f'style:font-size-asian="{size}" {weight}')


def size(pt):
    return f'fo:font-size="{pt}" style:font-size-asian="{pt}"'


def header_footer(content_right, content_left):
    return (f'<style:header><text:p text:style-name="HeaderRight">{content_right[0]}</text:p></style:header>'
            f'<style:header-left><text:p text:style-name="HeaderLeft">{content_left[0]}</text:p></style:header-left>'
            f'<style:footer><text:p text:style-name="FooterRight">{content_right[1]}</text:p></style:footer>'
            f'<style:footer-left><text:p text:style-name="FooterLeft">{content_left[1]}</text:p></style:footer-left>')


def page_layout(name, num_format, mirrored=True):
    usage = ' style:page-usage="mirrored"' if mirrored else ""
    hf = ('<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/>'
          '</style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" '
          'fo:margin-top="0.6cm"/></style:footer-style>') if mirrored else ""
    return (f'<style:page-layout style:name="{name}"{usage}><style:page-layout-properties fo:page-width="21cm" '
            f'fo:page-height="29.7cm" fo:margin-top="1.8cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" '
            f'fo:margin-right="2cm" style:num-format="{num_format}" style:writing-mode="lr-tb"/>{hf}'
            f'</style:page-layout>')


number = escape(info["identifier"])
page_i = '<text:page-number text:select-page="current" style:num-format="I">I</text:page-number>'
page_1 = '<text:page-number text:select-page="current" style:num-format="1">1</text:page-number>'
keep = 'fo:keep-with-next="always"'
title_para = 'fo:text-align="center" fo:margin-top="0.4cm" fo:margin-bottom="0.6cm" ' + keep
styles = "\n".join([
    f'<style:default-style style:family="paragraph"><style:paragraph-properties style:text-autospace="none"/>'
    f'<style:text-properties style:font-name="{SERIF}" style:font-name-asian="{SERIF}" '
    f'style:font-name-complex="{SERIF}" {size("10.5pt")} {LANG} fo:hyphenate="false"/></style:default-style>',
    '<style:style style:name="Standard" style:family="paragraph"/>',
    text_style("Text", "Standard", f'fo:text-align="justify" fo:text-indent="{INDENT}" fo:line-height="150%"'),
    text_style("Clause", "Text", 'fo:text-indent="0cm"'),
    text_style("Reference", "Text", 'fo:text-indent="0cm"'),
    text_style("Note", "Text", 'fo:line-height="130%"', size("9pt")),
    text_style("ListItem", "Text", 'fo:margin-left="1.48cm" fo:text-indent="-0.74cm"'),
    text_style("ListItem2", "Text", 'fo:margin-left="2.22cm" fo:text-indent="-0.74cm"'),
    text_style("TermNumber", "Standard", f'fo:margin-top="0.2cm" {keep}', sans("10.5pt")),
    text_style("TermName", "Standard", keep, sans("10.5pt")),
    text_style("Heading1", "Standard", f'fo:margin-top="0.5cm" fo:margin-bottom="0.3cm" {keep}', sans("10.5pt")),
    text_style("Heading2", "Standard", f'fo:margin-top="0.3cm" fo:margin-bottom="0.2cm" {keep}', sans("10.5pt")),
    text_style("FrontTitle", "Standard", title_para + ' fo:break-before="page"', sans("16pt")),
    text_style("ContentsTitle", "FrontTitle", master="Front"),
    text_style("BodyTitle", "Standard", 'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.8cm" ' + keep,
               sans("16pt"), master="Body"),
    text_style("AnnexLabel", "Standard", 'fo:text-align="center" fo:break-before="page" ' + keep, sans("12pt")),
    text_style("AnnexKind", "Standard", 'fo:text-align="center" ' + keep, sans("12pt", bold=False)),
    text_style("AnnexTitle", "Standard", 'fo:text-align="center" fo:margin-bottom="0.6cm" ' + keep, sans("12pt")),
    text_style("TableCaption", "Standard", f'fo:text-align="center" fo:margin-top="0.2cm" fo:margin-bottom="0.2cm" {keep}',
               sans("10.5pt")),
    text_style("TableHead", "Standard", 'fo:text-align="center"', sans("9pt")),
    text_style("TableText", "Standard", 'fo:text-align="start"', size("9pt")),
    text_style("Contents1", "Standard", 'fo:line-height="150%"',
               tabs='<style:tab-stop style:position="16.5cm" style:type="right" style:leader-style="dotted" '
                    'style:leader-text="."/>'),
    text_style("Contents2", "Contents1", 'fo:margin-left="0.74cm"'),
    text_style("HeaderRight", "Standard", 'fo:text-align="end"', sans("10.5pt")),
    text_style("HeaderLeft", "Standard", 'fo:text-align="start"', sans("10.5pt")),
    text_style("FooterRight", "Standard", 'fo:text-align="end"', sans("9pt", bold=False)),
    text_style("FooterLeft", "Standard", 'fo:text-align="start"', sans("9pt", bold=False)),
    text_style("CoverFirst", "Standard", "", sans("10.5pt"), master="Cover"),
    text_style("CoverCode", "Standard", "", sans("10.5pt")),
    text_style("CoverNational", "Standard", 'fo:text-align="center" fo:margin-top="1.2cm" fo:margin-bottom="0.6cm"',
               sans("22pt" if zh else "14pt")),
    text_style("CoverNumber", "Standard", 'fo:text-align="end"', sans("14pt")),
    text_style("CoverReplaces", "Standard", 'fo:text-align="end" fo:margin-bottom="3cm"', sans("10.5pt", bold=False)),
    text_style("CoverTitle", "Standard", 'fo:text-align="center" fo:margin-bottom="0.4cm"', sans("22pt" if zh else "16pt")),
    text_style("CoverAltTitle", "Standard", 'fo:text-align="center" fo:margin-bottom="0.8cm"', sans("13pt", bold=False)),
    text_style("CoverStage", "Standard", 'fo:text-align="center" fo:margin-bottom="0.4cm"', sans("12pt", bold=False)),
    text_style("CoverNotice", "Standard", 'fo:text-align="center" fo:margin-bottom="5cm"', size("9pt")),
    text_style("CoverDates", "Standard", 'fo:text-align="center" fo:margin-bottom="0.8cm"', sans("14pt")),
    text_style("CoverIssuer", "Standard", 'fo:text-align="center"', sans("14pt")),
    f'<style:style style:name="Number" style:family="text"><style:text-properties {sans("10.5pt")}/></style:style>',
])
automatic = "\n".join([
    page_layout("CoverLayout", "1", mirrored=False),
    page_layout("FrontLayout", "I"),
    page_layout("BodyLayout", "1"),
    '<style:style style:name="Table" style:family="table"><style:table-properties style:width="16.5cm" '
    'table:align="center"/></style:style>',
    '<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" '
    'fo:border="0.5pt solid #000000"/></style:style>',
] + automatic_extra)
masters = "\n".join([
    '<style:master-page style:name="Standard" style:page-layout-name="BodyLayout"/>',
    '<style:master-page style:name="Cover" style:page-layout-name="CoverLayout"/>',
    f'<style:master-page style:name="Front" style:page-layout-name="FrontLayout">'
    f'{header_footer((number, page_i), (number, page_i))}</style:master-page>',
    f'<style:master-page style:name="Body" style:page-layout-name="BodyLayout">'
    f'{header_footer((number, page_1), (number, page_1))}</style:master-page>',
])
title = escape(info["title"])
FODT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{escape(info["identifier"])} {title}</dc:title><dc:language>{"zh-CN" if zh else "en-GB"}</dc:language></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="{SERIF}" svg:font-family="'{SERIF}'" style:font-family-generic="roman"/>
  <style:font-face style:name="{SANS}" svg:font-family="'{SANS}'" style:font-family-generic="swiss"/>
 </office:font-face-decls>
 <office:styles>
{styles}
 </office:styles>
 <office:automatic-styles>
{automatic}
 </office:automatic-styles>
 <office:master-styles>
{masters}
 </office:master-styles>
 <office:body>
  <office:text>
{{body}}
  </office:text>
 </office:body>
</office:document>
"""

main()
