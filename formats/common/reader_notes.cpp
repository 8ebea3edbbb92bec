#include "formats/common/reader_notes.hpp"

#include <fmt/format.h>

namespace redline::formats {

std::string source_place(const Document& doc, const SourceLocation& at, Language lang) {
    const bool zh = lang == Language::zh;
    if (at.part) return zh ? fmt::format("{} 第 {} 段", doc.parts[at.part - 1], at.paragraph)
                           : fmt::format("{} ¶{}", doc.parts[at.part - 1], at.paragraph);
    // PDF: the line of the text read, and its page; a remark about whole pages has no line.
    if (at.page && at.line)
        return zh ? fmt::format("第 {} 行（第 {} 页）", at.line, at.page) : fmt::format("line {} (page {})", at.line, at.page);
    if (at.page) return zh ? fmt::format("第 {} 页", at.page) : fmt::format("page {}", at.page);
    return zh ? fmt::format("第 {} 行", at.line) : fmt::format("line {}", at.line);
}

std::vector<ReaderNote> reader_notes(const Comparison& c) {
    std::vector<ReaderNote> notes;
    for (const bool old_draft : {true, false}) {
        const Document& d = old_draft ? *c.old_doc : *c.new_doc;
        for (const Warning& w : d.warnings) notes.push_back({old_draft, d.info.path, source_place(d, w.where), &w});
    }
    for (const Warning& w : c.warnings) notes.push_back({false, c.new_doc->info.path, source_place(*c.new_doc, w.where), &w});
    return notes;
}

}  // namespace redline::formats
