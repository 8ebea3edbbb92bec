// read_text: a plain-text draft. Lines end at "\n", "\r\n" or a lone "\r" (as the Markdown
// reader and the alignment scorer count them); a form feed is a page break wherever it
// appears in a line. Everything else is the structure recogniser's job.
#include "formats/reader.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/structure.hpp"

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
    std::vector<SourceLine> lines;
    lines.reserve(utf8.size() / 40 + 1);
    std::uint32_t n = 0;
    std::size_t pos = 0;
    const std::size_t size = utf8.size();
    while (pos < size) {
        std::size_t e = pos;
        while (e < size && utf8[e] != '\n' && utf8[e] != '\r') ++e;
        std::string_view text = utf8.substr(pos, e - pos);
        ++n;
        for (std::size_t ff = text.find('\f'); ff != std::string_view::npos; ff = text.find('\f')) {
            if (!scan::is_blank(text.substr(0, ff))) add_line(lines, text.substr(0, ff), n);
            SourceLine brk;
            brk.line = n;
            brk.hint = LineHint::page_break;
            lines.push_back(brk);
            text = text.substr(ff + 1);
        }
        add_line(lines, text, n);
        if (e < size && utf8[e] == '\r' && e + 1 < size && utf8[e + 1] == '\n') ++e;
        pos = e + 1;
    }
    DocumentBuilder b;
    b.reserve_text(size);
    StructureOptions so;
    so.language = options.language;
    build_structure(lines, b, so);
    return b.finish();
}

}  // namespace redline::formats
