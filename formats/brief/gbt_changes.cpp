// The change list of a GB/T foreword (GB/T 1.1—2020, 8.6): "与 GB/T xxxx—yyyy 相比，除结构调整
// 和编辑性改动外，主要技术变化如下：——删除了……（见 yyyy 年版的 6.1.3）；……", drafted from the
// findings for a drafting group to paste and edit, with its English equivalent.
#include "formats/brief/brief.hpp"
#include "formats/common/visible_text.hpp"

#include <algorithm>

namespace redline::formats {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A chapter number becomes 第6章 / Clause 6; other numbers stand as they are ("见6.1.3",
// "2012年版的6.3", "见第三条"), as published forewords print them.
std::string zh_where(const std::string& label) { return all_digits(label) ? "第" + label + "章" : label; }
std::string en_where(const std::string& label) { return all_digits(label) ? "Clause " + label : label; }

// An old clause that has another number in the new draft is cited by both.
std::string zh_old(const BriefFinding& f) {
    const bool latin = !f.old_label_now.empty() && static_cast<unsigned char>(f.old_label_now[0]) < 0x80;
    return zh_where(f.old_label) + (f.old_label_now.empty() ? "" : "（现" + std::string(latin ? " " : "") + zh_where(f.old_label_now) + "）");
}
std::string en_old(const BriefFinding& f) {
    return en_where(f.old_label) + (f.old_label_now.empty() ? "" : " (now " + en_where(f.old_label_now) + ")");
}

// The year of an edition in an identifier such as "GB/T 29244—2012".
std::string year_of(std::string_view id) {
    for (std::size_t i = id.size(); i >= 4; --i) {
        const std::string_view y = id.substr(i - 4, 4);
        if (all_digits(y) && (i - 4 == 0 || !(id[i - 5] >= '0' && id[i - 5] <= '9'))) return std::string(y);
    }
    return {};
}

struct Against {
    std::string zh, en;            // what the list compares with: "GB/T 29244—2012", "讨论稿"
    std::string old_zh, old_en;    // how it cites the old text's clauses: "2012年版", "the 2012 edition"
};

Against against(const Brief& b) {
    const Document& od = *b.comparison->old_doc;
    const Document& nd = *b.comparison->new_doc;
    // The old text is a published edition: its identifier has a year ("GB/T 29244—2012"), or
    // it is no draft (it has no stage) and the new draft's foreword names the standard it
    // replaces (代替 GB/T 29244—2012). Between two drafts the list compares with the earlier.
    std::string edition = od.info.identifier;
    if (year_of(edition).empty() && od.info.stage.empty() && !nd.info.replaces.empty()) edition = nd.info.replaces.front();
    if (const std::string year = year_of(edition); !year.empty())
        return {edition, edition, year + "年版", "the " + year + " edition"};
    const bool zh_stage = !od.info.stage.empty() && od.language == Language::zh;
    const std::string stage = zh_stage ? od.info.stage : std::string("上一稿");
    return {stage, "the previous draft", stage, "the previous draft"};
}

std::string see_zh(const BriefFinding& f, const Against& a) {
    switch (f.verb) {
    case FindingVerb::deleted: return f.old_label.empty() ? "" : "（见" + a.old_zh + "的" + zh_old(f) + "）";
    case FindingVerb::added: return f.new_label.empty() ? "" : "（见" + zh_where(f.new_label) + "）";
    case FindingVerb::changed:
        // The new number is cited first already.
        if (!f.new_label.empty() && !f.old_label.empty()) return "（见" + zh_where(f.new_label) + "，" + a.old_zh + "的" + zh_where(f.old_label) + "）";
        if (!f.new_label.empty()) return "（见" + zh_where(f.new_label) + "）";
        return "";
    }
    return "";
}

std::string see_en(const BriefFinding& f, const Against& a) {
    switch (f.verb) {
    case FindingVerb::deleted: return f.old_label.empty() ? "" : " (see " + en_old(f) + " of " + a.old_en + ")";
    case FindingVerb::added: return f.new_label.empty() ? "" : " (see " + en_where(f.new_label) + ")";
    case FindingVerb::changed:
        if (!f.new_label.empty() && !f.old_label.empty()) return " (see " + en_where(f.new_label) + "; " + en_where(f.old_label) + " of " + a.old_en + ")";
        if (!f.new_label.empty()) return " (see " + en_where(f.new_label) + ")";
        return "";
    }
    return "";
}

// One item: "更改了范围（见第1章，讨论稿的第1章）"; a systematic edit "将“必须”改为“应当”（186 处，见第十条、…等）".
std::string item_zh(const BriefFinding& f, const Against& a) {
    if (f.count) {
        const std::string where = "（" + std::to_string(f.count) + " 处，见" + f.new_label + "等）";
        const std::string& removed = f.finding->facts().old_values.front();
        const std::string& inserted = f.finding->facts().new_values.front();
        if (removed.empty()) return "增加了“" + inserted + "”" + where;
        if (inserted.empty()) return "删除了“" + removed + "”" + where;
        return "将“" + removed + "”改为“" + inserted + "”" + where;
    }
    const char* verb = f.verb == FindingVerb::deleted ? "删除了" : f.verb == FindingVerb::added ? "增加了" : "更改了";
    return verb + (f.subject.empty() ? f.headline : f.subject) + see_zh(f, a);
}

std::string item_en(const BriefFinding& f, const Against& a) {
    if (f.count) {
        const std::string examples = f.examples.empty() ? "" : ", e.g. " + [&] {
            std::string out;
            for (const std::string& e : f.examples) out += (out.empty() ? "" : ", ") + e;
            return out;
        }();
        return "changed " + f.subject_en + examples;
    }
    const char* verb = f.verb == FindingVerb::deleted ? "deleted" : f.verb == FindingVerb::added ? "added" : "changed";
    return std::string(verb) + " " + (f.subject_en.empty() ? f.headline : f.subject_en) + see_en(f, a);
}

}  // namespace

void write_gbt_changes(const Brief& b, OutputSink& out) {
    const Against a = against(b);
    // The brief's findings (k into b.order) of technical changes, in document order; each
    // worded as its item is written.
    const std::vector<Finding>& all = b.comparison->findings;
    std::vector<std::uint32_t> items;
    for (std::size_t k = 0; k < b.order.size(); ++k)
        if (all[b.order[k]].category < FindingCategory::front_matter) items.push_back(static_cast<std::uint32_t>(k));
    std::stable_sort(items.begin(), items.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return all[b.order[x]].position < all[b.order[y]].position; });

    // Each line as it is made, controls and invisible characters shown.
    auto line = [&](const std::string& text) {
        append_visible(out.text(), text);
        out.written();
    };
    auto list = [&](bool in_zh) {
        line(in_zh ? "与" + a.zh + "相比，除结构调整和编辑性改动外，主要技术变化如下：\n"
                   : "Compared with " + a.en + ", apart from structural and editorial changes, the main technical changes are as follows:\n");
        for (std::size_t i = 0; i < items.size(); ++i) {
            const bool last = i + 1 == items.size();
            const BriefFinding f = worded(b, items[i]);
            line(in_zh ? "——" + item_zh(f, a) + (last ? "。" : "；") + "\n" : "— " + item_en(f, a) + (last ? "." : ";") + "\n");
        }
        if (items.empty()) line(in_zh ? "——无技术变化。\n" : "— no technical changes.\n");
    };
    // One language per block: a Chinese draft gets the Chinese list and its English
    // equivalent; an English draft, whose words a Chinese list could only quote, the English.
    const bool chinese = b.comparison->new_doc->language == Language::zh || b.comparison->old_doc->language == Language::zh;
    if (chinese) {
        list(true);
        line("\n");
    }
    list(false);
    out.flush();
}

std::string write_gbt_changes(const Brief& b) {
    StringSink sink;
    write_gbt_changes(b, sink);
    return sink.release();
}

}  // namespace redline::formats
