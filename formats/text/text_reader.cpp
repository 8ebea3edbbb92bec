// read_text: a plain-text draft. Lines end at "\n", "\r\n" or a lone "\r" (text::for_each_line,
// as the Markdown reader and the alignment scorer count them); a form feed is a page break
// wherever it appears in a line. Everything else is the structure recogniser's job.
#include "formats/reader.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/structure.hpp"

#include "engine/text.hpp"

#include <utility>
#include <vector>

namespace redline::formats {

namespace {

void add_line(std::vector<SourceLine>& out, std::string_view text, std::uint32_t n) {
    SourceLine l;
    l.line = n;
    l.text = text;
    l.hint = scan::is_blank(text) ? LineHint::blank : LineHint::none;
    out.push_back(l);
}

}  // namespace

Document read_text(std::string_view utf8, const ReadOptions& options) {
    // Reserved exactly (one line per terminator, one more for a last unterminated line, one
    // page break per form feed): a draft of short paragraphs has a line every few bytes, and
    // growing the array by doubling held up to three times its 24 bytes a line at once.
    std::size_t terminators = 0, form_feeds = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (c == '\n' || (c == '\r' && (i + 1 == utf8.size() || utf8[i + 1] != '\n'))) ++terminators;
        else if (c == '\f') ++form_feeds;
    }
    std::vector<SourceLine> lines;
    lines.reserve(terminators + 2 * form_feeds + 1);
    std::uint32_t n = 0;
    text::for_each_line(utf8, [&](std::string_view line) {
        ++n;
        for (std::size_t ff = line.find('\f'); ff != std::string_view::npos; ff = line.find('\f')) {
            if (!scan::is_blank(line.substr(0, ff))) add_line(lines, line.substr(0, ff), n);
            SourceLine brk;
            brk.line = n;
            brk.hint = LineHint::page_break;
            lines.push_back(brk);
            line = line.substr(ff + 1);
        }
        add_line(lines, line, n);
    });
    DocumentBuilder b;
    b.reserve_text(utf8.size());
    // A block is at most one per line with text (a paragraph of several lines is one).
    std::size_t with_text = 0;
    for (const SourceLine& l : lines) with_text += !scan::is_blank(l.text);
    b.reserve_blocks(with_text);
    StructureOptions so;
    so.language = options.language;
    build_structure(std::move(lines), b, so);
    return b.finish();
}

}  // namespace redline::formats
