#include "formats/brief/brief_text.hpp"

#include "formats/common/hidden_warnings.hpp"
#include "formats/common/reader_notes.hpp"

#include <fmt/format.h>

#include <algorithm>

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

namespace {

std::string name_line(const Document& d) {
    std::string out = d.info.identifier;
    if (!d.info.title.empty()) out += (out.empty() ? "" : " ") + d.info.title;
    return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The latest year the front matter names ("2023年12月29日 …第二次修订"): the version of a law.
std::string front_matter_year(const Document& d) {
    std::string latest;
    for (ClauseId id = 1; id < d.size(); ++id) {
        if (d[id].kind != ClauseKind::front_matter && d[id].depth <= 1) break;
        if (d[id].kind != ClauseKind::front_matter) continue;
        for (const Block* bl = d.blocks_begin(id); bl != d.blocks_end(id); ++bl) {
            const std::string_view t = d.str(bl->text);
            for (std::size_t at = t.find("年"); at != std::string_view::npos; at = t.find("年", at + 1)) {
                if (at < 4 || !std::all_of(t.begin() + static_cast<std::ptrdiff_t>(at - 4), t.begin() + static_cast<std::ptrdiff_t>(at), is_digit))
                    continue;
                if (at > 4 && is_digit(t[at - 5])) continue;
                const std::string year(t.substr(at - 4, 4));
                latest = std::max(latest, year);
            }
        }
    }
    return latest;
}

// The first run of digits in a file's name where the two names differ: "company-law-2018.md"
// against "company-law-2023.md" gives 2018 and 2023.
std::pair<std::string, std::string> differing_numbers(std::string_view a, std::string_view b) {
    auto stem = [](std::string_view p) {
        const std::size_t slash = p.find_last_of('/');
        return slash == std::string_view::npos ? p : p.substr(slash + 1);
    };
    a = stem(a);
    b = stem(b);
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::size_t start = i;
    while (start > 0 && is_digit(a[start - 1])) --start;
    std::size_t ea = start, eb = start;
    while (ea < a.size() && is_digit(a[ea])) ++ea;
    while (eb < b.size() && is_digit(b[eb])) ++eb;
    if (ea == start || eb == start || start > b.size()) return {};
    return {std::string(a.substr(start, ea - start)), std::string(b.substr(start, eb - start))};
}

}  // namespace

std::string title_line(const Brief& b) {
    const Comparison& c = *b.comparison;
    const Document& o = *c.old_doc;
    const Document& n = *c.new_doc;
    const std::string prefix = word(b, "Brief: ", "变化摘要：");
    // The same document in two versions is named once, then its versions: by stage, by the
    // latest year in its front matter, or by the numbers in the file names.
    const std::string name = name_line(n);
    if (!name.empty() && name == name_line(o)) {
        std::pair<std::string, std::string> versions;
        if (o.info.stage != n.info.stage && !o.info.stage.empty() && !n.info.stage.empty())
            return prefix + name + word(b, " (", "（") + o.info.stage + " → " + n.info.stage + word(b, ")", "）");
        if (versions.first.empty()) {
            const std::string oy = front_matter_year(o), ny = front_matter_year(n);
            if (!oy.empty() && !ny.empty() && oy != ny) versions = {oy, ny};
        }
        if (versions.first.empty()) versions = differing_numbers(o.info.path, n.info.path);
        if (!versions.first.empty()) return prefix + name + " " + versions.first + " → " + versions.second;
    }
    return prefix + document_line(o) + " → " + document_line(n);
}

std::string location(const Brief& b, const BriefFinding& f) {
    std::string out(category_heading(f.category, b.lang));
    if (f.change_number) out += fmt::format(" · C{}", f.change_number);
    // The arrow names the new number already.
    if (!f.old_place.empty() && !f.new_place.empty() && f.old_place_then != f.new_place)
        out += " · " + f.old_place_then + " → " + f.new_place;
    else if (!f.new_place.empty())
        out += " · " + f.new_place;
    else if (!f.old_place.empty())
        out += " · " + f.old_place + (f.old_label_now.empty() ? word(b, " (old)", "（旧版）") : "");
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
            const std::string place = source_place(n.old_draft ? *b.comparison->old_doc : *b.comparison->new_doc, at, Language::zh);
            lines.push_back(fmt::format("{}（{}）{}：{}", n.old_draft ? "旧稿" : "新稿", n.path, place, n.warning->worded(Language::zh)));
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

std::string chart_name(const Brief& b, const ChartBar& bar) {
    const bool digits = !bar.label.empty() && std::all_of(bar.label.begin(), bar.label.end(), is_digit);
    std::string name = digits ? word(b, "Clause " + bar.label, "第" + bar.label + "章") : bar.label;
    if (!bar.title.empty()) name += " " + bar.title;
    return name;
}

std::string distribution_line(const Brief& b) {
    if (b.chart.empty()) return {};
    std::string out = word(b, "Where the changes are (substantive clause changes per top-level clause): ",
                           "变化分布（各章的实质性变化条数）：");
    for (std::size_t i = 0; i < b.chart.size(); ++i) {
        const ChartBar& bar = b.chart[i];
        if (i) out += word(b, "; ", "；");
        out += zh(b) ? fmt::format("{}：{} 处", chart_name(b, bar), bar.total()) : fmt::format("{}: {}", chart_name(b, bar), bar.total());
    }
    return out + word(b, ".", "。");
}

std::string other_findings_heading(const Brief& b) {
    return zh(b) ? fmt::format("附：其他 {} 项变化", b.order.size() - shown(b))
                 : fmt::format("Appendix: {} further findings", b.order.size() - shown(b));
}

std::size_t shown(const Brief& b) { return std::min(b.shown, b.findings.size()); }

std::vector<std::string> other_findings_header(const Brief& b) {
    return {word(b, "No.", "序号"), word(b, "Category", "类别"), word(b, "Finding", "变化")};
}

std::vector<std::string> other_findings_row(const Brief& b, std::size_t k) {
    const BriefFinding f = worded(b, k);
    return {std::to_string(k + 1), std::string(category_heading(f.category, b.lang)), f.headline};
}

std::vector<std::vector<std::string>> renumbering_rows(const Brief& b) {
    std::vector<std::vector<std::string>> rows = {{word(b, "Old", "原编号"), word(b, "New", "新编号"), word(b, "Title", "标题"), ""}};
    for (const RenumberedClause& r : b.renumbering)
        rows.push_back({r.old_label, r.new_label, r.title, r.moved ? word(b, "moved", "移动") : ""});
    return rows;
}

}  // namespace redline::formats::brief_text
