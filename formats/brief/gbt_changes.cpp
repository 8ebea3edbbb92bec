// The change list of a GB/T foreword (GB/T 1.1—2020, 8.6): "与 GB/T xxxx—yyyy 相比，除结构调整
// 和编辑性改动外，主要技术变化如下：——删除了……（见 yyyy 年版的 6.1.3）；……", drafted from the
// findings for a drafting group to paste and edit, with its English equivalent.
#include "formats/brief/brief.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redline::formats {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A chapter number becomes 第 6 章 / Clause 6; other numbers keep the space that sets
// digits off from Han text ("见 6.1.3", "2012 年版的 6.3").
std::string zh_where(const std::string& label) {
    if (all_digits(label)) return "第 " + label + " 章";
    const bool latin = !label.empty() && static_cast<unsigned char>(label[0]) < 0x80;
    return latin ? " " + label : label;  // "见 6.1.3", "见 A.2", but "见第三条"
}
std::string en_where(const std::string& label) { return all_digits(label) ? "Clause " + label : label; }

// The year of an edition in an identifier such as "GB/T 29244—2012".
std::string year_of(std::string_view id) {
    for (std::size_t i = id.size(); i >= 4; --i) {
        const std::string_view y = id.substr(i - 4, 4);
        if (all_digits(y) && (i - 4 == 0 || !(id[i - 5] >= '0' && id[i - 5] <= '9'))) return std::string(y);
    }
    return {};
}

}  // namespace

std::string write_gbt_changes(const Brief& b) {
    const Document& od = *b.comparison->old_doc;
    const std::string year = year_of(od.info.identifier);
    std::string old_zh, old_en, against_zh, against_en;
    if (!year.empty()) {
        old_zh = year + " 年版";
        old_en = "the " + year + " edition";
        against_zh = od.info.identifier;
        against_en = od.info.identifier;
    } else {
        old_zh = od.info.stage.empty() ? std::string("上一稿") : od.info.stage;
        old_en = "the previous draft";
        against_zh = od.info.stage.empty() ? std::string("上一稿") : od.info.stage;
        against_en = "the previous draft";
    }
    std::vector<const BriefFinding*> items;
    for (const BriefFinding& f : b.findings)
        if (f.category < FindingCategory::front_matter) items.push_back(&f);
    std::stable_sort(items.begin(), items.end(), [](const BriefFinding* x, const BriefFinding* y) { return x->position < y->position; });

    std::string zh = fmt::format("与{}相比，除结构调整和编辑性改动外，主要技术变化如下：\n", against_zh);
    std::string en = fmt::format("Compared with {}, apart from structural and editorial changes, the main technical changes are as follows:\n",
                                 against_en);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const BriefFinding& f = *items[i];
        const bool last = i + 1 == items.size();
        std::string see_zh, see_en;
        switch (f.verb) {
        case FindingVerb::deleted:
            see_zh = f.old_label.empty() ? "" : fmt::format("（见{}的{}）", old_zh, zh_where(f.old_label));
            see_en = f.old_label.empty() ? "" : fmt::format(" (see {} of {})", en_where(f.old_label), old_en);
            break;
        case FindingVerb::added:
            see_zh = f.new_label.empty() ? "" : fmt::format("（见{}）", zh_where(f.new_label));
            see_en = f.new_label.empty() ? "" : fmt::format(" (see {})", en_where(f.new_label));
            break;
        case FindingVerb::changed:
            if (!f.new_label.empty() && !f.old_label.empty()) {
                see_zh = fmt::format("（见{}，{}的{}）", zh_where(f.new_label), old_zh, zh_where(f.old_label));
                see_en = fmt::format(" (see {}; {} of {})", en_where(f.new_label), en_where(f.old_label), old_en);
            } else if (!f.new_label.empty()) {
                see_zh = fmt::format("（见{}）", zh_where(f.new_label));
                see_en = fmt::format(" (see {})", en_where(f.new_label));
            }
            break;
        }
        const char* verb_zh = f.verb == FindingVerb::deleted ? "删除了" : f.verb == FindingVerb::added ? "增加了" : "更改了";
        const char* verb_en = f.verb == FindingVerb::deleted ? "deleted" : f.verb == FindingVerb::added ? "added" : "changed";
        const std::string subject_zh = f.subject.empty() ? f.headline : f.subject;
        const std::string subject_en = f.subject_en.empty() ? f.headline : f.subject_en;
        zh += fmt::format("——{}{}{}{}\n", verb_zh, subject_zh, see_zh, last ? "。" : "；");
        en += fmt::format("— {} {}{}{}\n", verb_en, subject_en, see_en, last ? "." : ";");
    }
    if (items.empty()) {
        zh += "——无技术变化。\n";
        en += "— no technical changes.\n";
    }
    return visible_text(zh + "\n" + en);
}

}  // namespace redline::formats
