#include "formats/brief/brief_text.hpp"

#include "formats/common/hidden_warnings.hpp"
#include "formats/common/reader_notes.hpp"

#include <fmt/format.h>

namespace redline::formats::brief_text {

bool zh(const Brief& b) { return b.lang == BriefLanguage::zh; }

std::string word(const Brief& b, std::string_view en, std::string_view zh_word) {
    return std::string(zh(b) ? zh_word : en);
}

std::string document_line(const Document& d) {
    std::string out = d.info.identifier;
    if (!d.info.title.empty()) out += (out.empty() ? "" : " ") + d.info.title;
    if (out.empty()) out = d.info.path;
    if (!d.info.stage.empty()) out += " (" + d.info.stage + ")";
    return out;
}

std::string title_line(const Brief& b) {
    const Comparison& c = *b.comparison;
    return word(b, "Brief: ", "变化摘要：") + document_line(*c.old_doc) + " → " + document_line(*c.new_doc);
}

std::string location(const Brief& b, const BriefFinding& f) {
    std::string out(category_heading(f.category, b.lang));
    if (f.change_number) out += fmt::format(" · C{}", f.change_number);
    if (!f.old_place.empty() && !f.new_place.empty() && f.old_place != f.new_place)
        out += " · " + f.old_place + " → " + f.new_place;
    else if (!f.new_place.empty())
        out += " · " + f.new_place;
    else if (!f.old_place.empty())
        out += " · " + f.old_place + word(b, " (old)", "（旧版）");
    return out;
}

std::string hidden_note(const Brief& b, const BriefFinding& f) {
    std::string quoted;
    for (const Edit& e : f.wording) quoted += e.text;
    const std::string list = list_hidden_characters(quoted);
    if (list.empty()) return {};
    return zh(b) ? "所引文字含不可见的控制字符（以名称或图形符号标出）：" + list + "。"
                 : "The quoted wording contains invisible control characters, shown by name or picture: " + list + ".";
}

std::string reader_notes_heading(const Brief& b) { return word(b, "Reader notes", "读取说明"); }

std::vector<std::string> reader_note_lines(const Brief& b) {
    std::vector<std::string> lines;
    for (const ReaderNote& n : reader_notes(*b.comparison)) {
        const SourceLocation& at = n.warning->where;
        if (zh(b)) {
            const std::string place = at.part ? source_place(n.old_draft ? *b.comparison->old_doc : *b.comparison->new_doc, at)
                                              : fmt::format("第 {} 行", at.line);
            lines.push_back(fmt::format("{}（{}）{}：{}", n.old_draft ? "旧稿" : "新稿", n.path, place, n.warning->message));
        } else {
            lines.push_back(fmt::format("{} draft ({}), {}: {}", n.old_draft ? "Old" : "New", n.path, n.where, n.warning->message));
        }
    }
    return lines;
}

std::vector<std::pair<std::string, std::uint32_t>> summary_rows(const Brief& b) {
    std::vector<std::pair<std::string, std::uint32_t>> rows;
    for (int k = 0; k < finding_categories; ++k)
        if (b.counts[k]) rows.emplace_back(category_heading(static_cast<FindingCategory>(k), b.lang), b.counts[k]);
    rows.emplace_back(word(b, "Editorial changes (not listed)", "编辑性改动（不列出）"), b.editorial_changes);
    return rows;
}

std::vector<std::vector<std::string>> renumbering_rows(const Brief& b) {
    std::vector<std::vector<std::string>> rows = {{word(b, "Old", "原编号"), word(b, "New", "新编号"), word(b, "Title", "标题"), ""}};
    for (const RenumberedClause& r : b.renumbering)
        rows.push_back({r.old_label, r.new_label, r.title, r.moved ? word(b, "moved", "移动") : ""});
    return rows;
}

}  // namespace redline::formats::brief_text
