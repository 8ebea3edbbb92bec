// read_pdf: a PDF's words (poppler) → lines → page furniture removed → paragraphs → the
// structure recogniser the plain-text reader uses.
//
// The text extracted is one paragraph per line, paragraphs separated by a blank line (a bare
// clause number is followed directly by its term or title, as in a plain-text draft): what
// `redline parse FILE.pdf --format text` prints, and what every node's `line` counts. Each
// node also keeps its `page`. Font size and weight are extra evidence for headings: a
// paragraph set larger than the body text, or a bold one that opens with a clause number, is
// a heading line (level by its size among the heading sizes), so a number the sequence leaves
// in doubt is still read as the heading it looks like.
#include "formats/common/hidden_warnings.hpp"
#include "formats/pdf/extract.hpp"
#include "formats/pdf/furniture.hpp"
#include "formats/pdf/layout.hpp"
#include "formats/pdf/pdf_reader.hpp"
#include "formats/reader.hpp"
#include "formats/text/numbering.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/structure.hpp"

#include "engine/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace redline::formats {

namespace pdf {

bool looks_like_pdf(std::string_view bytes) {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

namespace {

std::string percent(std::size_t part, std::size_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

// The heading level of each font size larger than the body's: the largest is level 1.
std::map<long, std::uint8_t> heading_levels(const std::vector<Paragraph>& paragraphs, float body) {
    std::set<long, std::greater<>> sizes;
    for (const Paragraph& p : paragraphs)
        if (p.size >= body + 1) sizes.insert(std::lround(p.size * 2));
    std::map<long, std::uint8_t> levels;
    std::uint8_t level = 1;
    for (long s : sizes) levels[s] = std::min<std::uint8_t>(level++, 6);
    return levels;
}

}  // namespace

Extracted extract_text(std::string_view bytes, const Limits& limits) {
    if (!looks_like_pdf(bytes)) throw InputError("", "not a PDF (no %PDF- header in its first 1024 bytes)");
    Extraction e = extract(bytes, limits);
    std::vector<Line> lines;
    for (std::uint32_t p = 0; p < e.pages.size(); ++p) {
        page_lines(e.pages[p], e.fonts, p + 1, lines);
        // Released, not just emptied (`= {}` assigns an empty list and keeps the capacity): a
        // page's words are no longer needed once its lines are made.
        decltype(e.pages[p].words)().swap(e.pages[p].words);
    }
    const float body = body_size(lines);
    Extracted out;
    out.pages = static_cast<std::uint32_t>(e.pages.size());
    remove_furniture(lines, e.pages, body, out.warnings);
    if (e.unmapped > 0) {
        std::string fonts;
        std::size_t listed = 0;
        for (const Font& f : e.fonts)
            if (f.unmapped > 0 && listed++ < 5) fonts += (fonts.empty() ? "" : ", ") + f.name + " ×" + std::to_string(f.unmapped);
        out.warnings.push_back({{}, std::to_string(e.unmapped) + " of " + std::to_string(e.glyphs) + " glyphs (" +
                                        percent(e.unmapped, e.glyphs) + ") have no Unicode mapping and are left out (" +
                                        fonts + ")",
                                "在 " + std::to_string(e.glyphs) + " 个字形中有 " + std::to_string(e.unmapped) + " 个（" +
                                        percent(e.unmapped, e.glyphs) + "）没有 Unicode 映射，已略去（" + fonts + "）"});
    }
    if (e.problem_count > 0)
        out.warnings.push_back({{}, "poppler reported " + std::to_string(e.problem_count) +
                                        (e.problem_count == 1 ? " problem" : " problems") +
                                        " reading the file; the first: " + e.problems.front(),
                                "poppler 读取文件时报告了 " + std::to_string(e.problem_count) + " 个问题，第一个：" +
                                        e.problems.front()});
    const std::vector<Paragraph> paras = paragraphs(lines);
    const std::map<long, std::uint8_t> levels = heading_levels(paras, body);
    for (const Paragraph& p : paras) {
        ExtractedLine l;
        l.page = p.page;
        l.list_item = p.list_item;
        const std::string_view t = scan::trim(p.text);
        if (!p.toc_entry && !scan::ends_sentence(t) && scan::width(t) <= 160) {
            if (auto it = levels.find(std::lround(p.size * 2)); it != levels.end()) {
                l.heading_level = it->second;
            } else if (p.bold && std::fabs(p.size - body) < 1) {
                if (auto n = numbering::parse_number(t); n && n->spaced)
                    l.heading_level = static_cast<std::uint8_t>(std::min<std::uint32_t>(n->number.depth, 6));
            }
        }
        if (auto n = numbering::parse_number(t); n && scan::is_blank(n->rest)) {
            // A term entry's number: the recogniser reads the term from the next line.
            l.blank_after = false;
            l.heading_level = 0;
        }
        // A heading by its face is no list item, whatever its number looks like ("1.  Scope").
        if (l.heading_level > 0) l.list_item = false;
        out.text += p.text;
        out.text += l.blank_after ? "\n\n" : "\n";
        out.lines.push_back(l);
    }
    return out;
}

}  // namespace pdf

Document read_pdf(std::string_view bytes, const ReadOptions& options) {
    pdf::Extracted e = pdf::extract_text(bytes);
    std::vector<SourceLine> lines;
    std::vector<SourceLocation> places;
    lines.reserve(e.lines.size() * 2);
    places.reserve(e.lines.size() * 2);
    std::string_view rest = e.text;
    for (const pdf::ExtractedLine& x : e.lines) {
        const std::size_t end = rest.find('\n');
        SourceLine l;
        l.text = rest.substr(0, end);
        l.line = static_cast<std::uint32_t>(lines.size() + 1);
        // A marker the layout set apart from its text ("o" for Word's second-level bullet) is
        // a list item's, as the source drew it.
        l.list_item = x.list_item;
        l.list_marker_drawn = x.list_item;
        if (x.heading_level > 0) {
            l.hint = LineHint::heading;
            l.level = x.heading_level;
            // A number opening a line set as a heading is the clause's label, even where the
            // words after it read like running text ("3.3 artifactContent object").
            if (auto n = numbering::parse_number(l.text); n && n->spaced) l.numbered = true;
        }
        lines.push_back(l);
        places.push_back({l.line, 0, 0, x.page});
        rest.remove_prefix(end + 1);
        if (!x.blank_after) continue;
        SourceLine blank;
        blank.line = l.line + 1;
        blank.hint = LineHint::blank;
        lines.push_back(blank);
        places.push_back({blank.line, 0, 0, x.page});
        rest.remove_prefix(1);
    }
    DocumentBuilder b;
    b.reserve_text(e.text.size());
    StructureOptions so;
    so.language = options.language;
    build_structure(std::move(lines), b, so);
    b.relocate(places);
    for (Warning& w : e.warnings) b.document().warnings.push_back(std::move(w));
    Document doc = b.finish();
    if (doc.size() <= 1) throw InputError("", "empty document (no text)");
    if (options.keep_text) doc.source_text = std::move(e.text);
    warn_hidden_characters(doc);
    return doc;
}

}  // namespace redline::formats
