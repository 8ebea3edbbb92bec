// make_brief(): the engine's ranked findings (engine/findings) worded in Chinese or English.
#include "formats/brief/brief.hpp"

#include "formats/common/clause_names.hpp"
#include "formats/common/utf8_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace redline::formats {

namespace {

bool zh(BriefLanguage l) { return l == BriefLanguage::zh; }

std::string kind_word(ProvisionKind k, BriefLanguage l) {
    if (zh(l)) {
        switch (k) {
        case ProvisionKind::requirement: return "要求";
        case ProvisionKind::recommendation: return "推荐";
        case ProvisionKind::permission: return "允许";
        case ProvisionKind::possibility: return "可能性陈述";
        case ProvisionKind::constraint: return "外部约束";
        case ProvisionKind::statement: return "陈述";
        }
    }
    return std::string(to_string(k));
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string joined(const std::vector<std::string>& v, std::string_view sep) {
    std::string out;
    for (const auto& s : v) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

ClauseId top_of(const Document& d, ClauseId id) {
    while (id != no_clause && d[id].depth > 1) id = d[id].parent;
    return id;
}

std::string lang_code(Language l) { return l == Language::zh ? "zh" : "en"; }

class Maker {
public:
    Maker(const Comparison& c, const BriefOptions& o) : c_(c), o_(o), od_(*c.old_doc), nd_(*c.new_doc) {}

    Brief run() {
        Brief b;
        b.comparison = &c_;
        b.lang = o_.lang;
        b.date = o_.date;
        for (const Finding& f : c_.findings) b.findings.push_back(worded(f));
        watch(b.findings);
        for (const BriefFinding& f : b.findings) ++b.counts[static_cast<int>(f.category)];
        for (const ClauseEntry& e : c_.entries) b.editorial_changes += e.editorial;
        renumbering(b);
        chart(b);
        return b;
    }

private:
    BriefLanguage lang() const { return o_.lang; }

    // "6.2.4 供应链安全", "6.3.3 a） 访问控制"; an unlabelled paragraph or list item is
    // placed by the clause it sits in ("前言", not "前言 paragraph 前言").
    std::string place(const Document& d, ClauseId id) const {
        while (d.label(id).empty() && d.title(id).empty() && d[id].parent != no_clause && d[id].parent != d.root())
            id = d[id].parent;
        std::string name(d.label(id));
        const ClauseKind kind = d[id].kind;
        if (kind == ClauseKind::list_item || kind == ClauseKind::note || kind == ClauseKind::example) name = clause_name(d, id);
        // A numbered clause is its number and its own title: an untitled article (第三条)
        // must not borrow its chapter's title (总则).
        if (!name.empty() && (kind == ClauseKind::clause || kind == ClauseKind::annex || kind == ClauseKind::term_entry))
            return d.title(id).empty() ? name : name + " " + std::string(d.title(id));
        for (ClauseId a = id; a != no_clause && a != d.root(); a = d[a].parent) {
            if (d.title(a).empty()) continue;
            if (name.empty()) return std::string(d.title(a));
            return name + " " + std::string(d.title(a));
        }
        return name;
    }

    BriefFinding worded(const Finding& src) const {
        BriefFinding f;
        f.finding = &src;
        f.category = src.category;
        f.verb = src.verb;
        f.change_number = src.change_number;
        f.position = src.position;
        f.wording = src.quote;
        f.items_removed = src.items_removed;
        f.items_added = src.items_added;
        f.references_removed = src.references_removed;
        f.references_added = src.references_added;
        if (src.provision != Finding::none) f.provisions = {src.provision};
        if (src.old_clause != no_clause) f.old_place = place(od_, src.old_clause);
        if (src.new_clause != no_clause) f.new_place = place(nd_, src.new_clause);
        if (!src.old_clauses.empty()) f.old_label = clause_names(od_, src.old_clauses);
        if (!src.new_clauses.empty()) f.new_label = clause_names(nd_, src.new_clauses);
        if (src.subject != FindingSubject::replaced_standards && src.subject != FindingSubject::title &&
            src.subject != FindingSubject::stage && src.subject != FindingSubject::normative_reference)
            f.quote_lang = lang_code(src.quote_language);
        switch (src.subject) {
        case FindingSubject::provision: provision(src, f); break;
        case FindingSubject::normative_reference: normative_reference(src, f); break;
        case FindingSubject::organisations: organisations(src, f); break;
        case FindingSubject::replaced_standards:
        case FindingSubject::title:
        case FindingSubject::stage: document_info(src, f); break;
        default: entry(src, f); break;
        }
        return f;
    }

    // ---- Provisions ----

    void provision(const Finding& src, BriefFinding& f) const {
        const ProvisionChange& pc = c_.provisions[src.provision];
        const Unit* ou = pc.old_place.present() ? &c_.old_unit(pc) : nullptr;
        const Unit* nu = pc.new_place.present() ? &c_.new_unit(pc) : nullptr;
        const Unit& main = nu ? *nu : *ou;
        const std::string kind = kind_word(main.what.kind, lang());
        const bool z = zh(lang());
        std::string refs_note;
        if (!pc.references_removed.empty())
            refs_note = z ? fmt::format("（引用 {}）", joined(pc.references_removed, "、"))
                          : fmt::format(" citing {}", joined(pc.references_removed, ", "));
        switch (pc.change) {
        case ProvisionChangeKind::removed:
            f.headline = z ? fmt::format("删除了 {} 中的{}{}{}", f.old_place, kind, refs_note, src.clause_removed ? "（该条已删除）" : "")
                           : fmt::format("{}{} removed from {}{}", capitalised(kind), refs_note, f.old_place,
                                         src.clause_removed ? " (clause deleted)" : "");
            break;
        case ProvisionChangeKind::added:
            f.headline = z ? fmt::format("{} 增加了{}{}", f.new_place, kind, src.clause_added ? "（新增条款）" : "")
                           : fmt::format("New {} in {}{}", kind, f.new_place, src.clause_added ? " (new clause)" : "");
            if (!pc.references_added.empty())
                f.headline += z ? fmt::format("（引用 {}）", joined(pc.references_added, "、"))
                                : fmt::format(", citing {}", joined(pc.references_added, ", "));
            break;
        case ProvisionChangeKind::negated:
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened: {
            const std::string where = f.new_place;
            const std::string okind = kind_word(ou->what.kind, lang()), nkind = kind_word(nu->what.kind, lang());
            if (pc.change == ProvisionChangeKind::negated)
                f.headline = z ? fmt::format("{} 中的{}被否定：{} → {}", where, okind, ou->what.form, nu->what.form)
                               : fmt::format("{} negated in {}: {} → {}", capitalised(okind), where, ou->what.form, nu->what.form);
            else if (pc.change == ProvisionChangeKind::weakened)
                f.headline = z ? fmt::format("{} 中的{}减弱为{}：{} → {}", where, okind, nkind, ou->what.form, nu->what.form)
                               : fmt::format("{} weakened to {} in {}: {} → {}", capitalised(okind), nkind, where, ou->what.form,
                                             nu->what.form);
            else
                f.headline = z ? fmt::format("{} 中的{}增强为{}：{} → {}", where, okind, nkind, ou->what.form, nu->what.form)
                               : fmt::format("{} strengthened to {} in {}: {} → {}", capitalised(okind), nkind, where,
                                             ou->what.form, nu->what.form);
            break;
        }
        case ProvisionChangeKind::modified:
            if (src.category == FindingCategory::reference) {
                std::vector<std::string> parts;
                if (!pc.references_removed.empty())
                    parts.push_back(z ? "不再引用 " + joined(pc.references_removed, "、")
                                      : "no longer cites " + joined(pc.references_removed, ", "));
                if (!pc.references_added.empty())
                    parts.push_back(z ? "新增引用 " + joined(pc.references_added, "、") : "now cites " + joined(pc.references_added, ", "));
                f.headline = z ? fmt::format("{} 中的要求{}", f.new_place, joined(parts, "，"))
                               : fmt::format("Requirement in {} {}", f.new_place, joined(parts, " and "));
            } else {
                f.headline = z ? fmt::format("{} 中的{}措辞更改", f.new_place, kind)
                               : fmt::format("{} reworded in {}", capitalised(kind), f.new_place);
            }
            break;
        case ProvisionChangeKind::moved:
            f.headline = z ? fmt::format("{}从 {} 移至 {}{}", kind, f.old_place, f.new_place, src.clause_removed ? "（原条款已删除）" : "")
                           : fmt::format("{} moved from {} to {}{}", capitalised(kind), f.old_place, f.new_place,
                                         src.clause_removed ? " (its clause was deleted)" : "");
            if (pc.also_moved) f.headline += z ? "（位置也已变化）" : " (also moved)";
            break;
        }
        if (pc.also_moved && pc.change != ProvisionChangeKind::moved)
            f.headline += z ? fmt::format("（由 {} 移来）", f.old_place) : fmt::format(" (moved from {})", f.old_label);
        for (std::size_t i = 0; i < src.left_normative_list.size(); ++i)
            f.headline += z ? "；该标准同时移出规范性引用文件" : "; it also left the normative references";
        for (std::size_t i = 0; i < src.joined_normative_list.size(); ++i)
            f.headline += z ? "；该标准同时列入规范性引用文件" : "; it also joined the normative references";
        std::string quoted = excerpt(unit_text(c_.doc_of(pc), c_.unit(pc)), 60);
        // The sentence's own full stop would end the foreword's item too early.
        for (std::string_view end : {"。", "；", ".", ";"})
            if (quoted.size() > end.size() && quoted.compare(quoted.size() - end.size(), end.size(), end) == 0) {
                quoted.resize(quoted.size() - end.size());
                break;
            }
        f.subject = fmt::format("“{}”的{}", quoted, kind_word(main.what.kind, BriefLanguage::zh));
        f.subject_en = fmt::format("the {} “{}”", to_string(main.what.kind), quoted);
    }

    // ---- The normative-references list ----

    void normative_reference(const Finding& src, BriefFinding& f) const {
        const bool removed = src.verb == FindingVerb::deleted;
        const std::string& key = src.reference;
        f.headline = zh(lang()) ? fmt::format("规范性引用文件{}了 {}", removed ? "删除" : "增加", key)
                                : fmt::format("Normative reference {} {}", key, removed ? "removed" : "added");
        f.subject = fmt::format("规范性引用文件 {}", key);
        f.subject_en = fmt::format("the normative reference {}", key);
    }

    // ---- Clause entries ----

    void entry(const Finding& src, BriefFinding& f) const {
        const ClauseEntry& e = c_.entries[src.entry];
        const Document& d = c_.doc_of(e);
        const ClauseId id = c_.clause_of(e);
        const bool z = zh(lang());
        const std::string where = f.new_place.empty() ? f.old_place : f.new_place;
        switch (src.subject) {
        case FindingSubject::front_matter:
            f.headline = z ? fmt::format("{}更改", where) : fmt::format("{} changed", where);
            if (e.change == ClauseChange::removed) f.headline = z ? fmt::format("删除了 {}", where) : fmt::format("{} removed", where);
            if (e.change == ClauseChange::added) f.headline = z ? fmt::format("增加了 {}", where) : fmt::format("{} added", where);
            break;
        case FindingSubject::scope:
            f.headline = z ? fmt::format("范围更改（{}）", where) : fmt::format("Scope changed ({})", where);
            f.subject = "范围";
            f.subject_en = "the scope";
            break;
        case FindingSubject::definition: {
            const std::string term(d.title(id));
            if (e.change == ClauseChange::removed)
                f.headline = z ? fmt::format("删除了术语“{}”（{}）", term, f.old_label) : fmt::format("Definition of “{}” removed ({})", term, f.old_label);
            else if (e.change == ClauseChange::added)
                f.headline = z ? fmt::format("增加了术语“{}”（{}）", term, f.new_label) : fmt::format("Definition of “{}” added ({})", term, f.new_label);
            else
                f.headline = z ? fmt::format("术语“{}”的定义更改（{}）", term, f.new_label)
                               : fmt::format("Definition of “{}” changed ({})", term, f.new_label);
            f.subject = fmt::format("术语“{}”", term);
            f.subject_en = fmt::format("the term “{}”", term);
            break;
        }
        case FindingSubject::clause: {
            const bool removed = e.change == ClauseChange::removed;
            f.headline = z ? fmt::format("{}了{}", removed ? "删除" : "增加", where) : fmt::format("{} {}", where, removed ? "removed" : "added");
            f.subject = where;
            f.subject_en = where;
            break;
        }
        default:
            f.headline = z ? fmt::format("{} 文字更改", where) : fmt::format("Wording changed in {}", where);
            f.subject = where;
            f.subject_en = where;
            break;
        }
    }

    // ---- Cover and foreword facts ----

    void organisations(const Finding& src, BriefFinding& f) const {
        f.headline = zh(lang()) ? fmt::format("起草单位：删除 {} 家，增加 {} 家（{} → {}）", src.items_removed.size(), src.items_added.size(),
                                              src.items_before, src.items_after)
                                : fmt::format("Drafting organisations: {} removed, {} added ({} → {})", src.items_removed.size(),
                                              src.items_added.size(), src.items_before, src.items_after);
    }

    void document_info(const Finding& src, BriefFinding& f) const {
        const bool z = zh(lang());
        const std::string o = src.old_values.empty() ? std::string() : src.old_values.front();
        const std::string n = src.new_values.empty() ? std::string() : src.new_values.front();
        switch (src.subject) {
        case FindingSubject::replaced_standards:
            f.headline = z ? fmt::format("代替的标准：{} → {}", src.old_values.empty() ? "无" : joined(src.old_values, "、"),
                                         src.new_values.empty() ? "无" : joined(src.new_values, "、"))
                           : fmt::format("Replaced standards: {} → {}", src.old_values.empty() ? "none" : joined(src.old_values, ", "),
                                         src.new_values.empty() ? "none" : joined(src.new_values, ", "));
            break;
        case FindingSubject::title:
            f.headline = z ? fmt::format("标准名称：{} → {}", o, n) : fmt::format("Title: {} → {}", o, n);
            break;
        default:
            f.headline = z ? fmt::format("阶段：{} → {}", o.empty() ? "（未标明）" : o, n.empty() ? "（未标明）" : n)
                           : fmt::format("Stage: {} → {}", o.empty() ? "(not stated)" : o, n.empty() ? "(not stated)" : n);
            break;
        }
    }

    // ---- Watch list ----

    // Findings that touch a watched term go first (in rank order), tagged with the terms.
    void watch(std::vector<BriefFinding>& findings) const {
        if (o_.watch.empty()) return;
        for (BriefFinding& f : findings) {
            std::string hay = f.headline + "\n" + f.old_place + "\n" + f.new_place;
            for (const Edit& e : f.wording) hay += "\n" + e.text;
            for (const auto& v : {&f.items_removed, &f.items_added, &f.references_removed, &f.references_added})
                for (const auto& s : *v) hay += "\n" + s;
            f.watched = terms_found(hay, o_.watch);
        }
        std::stable_sort(findings.begin(), findings.end(),
                         [](const BriefFinding& a, const BriefFinding& b) { return !a.watched.empty() && b.watched.empty(); });
    }

    // ---- Appendix and chart ----

    void renumbering(Brief& b) const {
        for (const ClauseEntry& e : c_.entries) {
            if (e.old_ids.empty() || e.new_ids.empty()) continue;
            const bool moved = e.is(ClauseChange::moved);
            const bool renumbered = moved || e.is(ClauseChange::renumbered);
            if (!renumbered) continue;
            const std::string o = clause_names(od_, e.old_ids), n = clause_names(nd_, e.new_ids);
            if (o == n && !moved) continue;
            b.renumbering.push_back({o, n, std::string(nd_.title(e.new_ids.front())), moved});
        }
    }

    void chart(Brief& b) const {
        std::map<std::string, std::size_t> index;  // top-level label → bar
        for (const ClauseEntry& e : c_.entries) {
            if (!e.substantive()) continue;
            const Document& d = c_.doc_of(e);
            const Region region = region_of(d, c_.clause_of(e));
            if (region == Region::cover || region == Region::contents) continue;
            const ClauseId top = top_of(d, c_.clause_of(e));
            std::string label(d.label(top));
            if (label.empty()) label = std::string(d.title(top));
            if (label.empty()) label = zh(lang()) ? "封面" : "Cover";
            const auto [it, fresh] = index.try_emplace(label, b.chart.size());
            if (fresh) b.chart.push_back({label, std::string(d.label(top).empty() ? std::string_view() : d.title(top))});
            ChartBar& bar = b.chart[it->second];
            switch (e.change) {
            case ClauseChange::added: ++bar.added; break;
            case ClauseChange::removed: ++bar.removed; break;
            case ClauseChange::moved: ++bar.moved; break;
            default: ++bar.modified; break;
            }
        }
        cap_chart(b.chart);
    }

    // A chart of more bars than max_chart_bars shows no one where the changes are: the bars of
    // the most changes stay, in document order, and the rest are added up in one last bar
    // that says how many clauses it stands for.
    void cap_chart(std::vector<ChartBar>& bars) const {
        if (bars.size() <= max_chart_bars) return;
        const std::size_t keep = max_chart_bars - 1;
        std::vector<std::size_t> order(bars.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return bars[x].total() > bars[y].total(); });
        std::vector<std::uint8_t> kept(bars.size(), 0);
        for (std::size_t k = 0; k < keep; ++k) kept[order[k]] = 1;
        std::vector<ChartBar> out;
        ChartBar rest;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            if (kept[i]) {
                out.push_back(std::move(bars[i]));
                continue;
            }
            rest.modified += bars[i].modified;
            rest.added += bars[i].added;
            rest.removed += bars[i].removed;
            rest.moved += bars[i].moved;
        }
        const std::size_t others = bars.size() - keep;
        rest.label = zh(lang()) ? fmt::format("其他 {} 章", others) : fmt::format("{} other clauses", others);
        rest.title = zh(lang()) ? fmt::format("图中最多 {} 条，其余合并", max_chart_bars)
                                : fmt::format("the chart shows at most {} bars; the rest together", max_chart_bars);
        out.push_back(std::move(rest));
        bars = std::move(out);
    }

    const Comparison& c_;
    const BriefOptions& o_;
    const Document& od_;
    const Document& nd_;
};

}  // namespace

std::string_view category_heading(FindingCategory c, BriefLanguage l) {
    const bool z = zh(l);
    switch (c) {
    case FindingCategory::requirement_removed: return z ? "删除或否定的要求" : "Requirements removed or negated";
    case FindingCategory::requirement_added: return z ? "新增的要求" : "New requirements";
    case FindingCategory::force_changed: return z ? "减弱或增强的条款" : "Provisions weakened or strengthened";
    case FindingCategory::provision_removed_added: return z ? "删除或增加的其他条款" : "Other provisions removed or added";
    case FindingCategory::provision_reworded: return z ? "措辞更改的条款" : "Provisions reworded";
    case FindingCategory::reference: return z ? "引用文件的变化" : "Mandatory references added or removed";
    case FindingCategory::scope: return z ? "范围" : "Scope";
    case FindingCategory::definition: return z ? "术语和定义" : "Definitions";
    case FindingCategory::clause: return z ? "删除或增加的条款（不含要求）" : "Clauses removed or added (no provisions)";
    case FindingCategory::front_matter: return z ? "前言、封面和起草单位" : "Front matter: drafters, replaced standards, stage";
    case FindingCategory::wording: return z ? "其他文字更改" : "Other wording changes";
    case FindingCategory::provision_moved: return z ? "移动的条款" : "Provisions moved";
    }
    return "";
}

Brief make_brief(const Comparison& comparison, const BriefOptions& options) { return Maker(comparison, options).run(); }

std::vector<std::string> parse_watch_list(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') continue;
        out.emplace_back(line);
    }
    return out;
}

}  // namespace redline::formats
