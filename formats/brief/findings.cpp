// make_brief(): the Comparison's changes turned into ranked findings.
#include "formats/brief/brief.hpp"

#include "engine/text.hpp"
#include "formats/common/clause_names.hpp"
#include "formats/common/utf8_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redline::formats {

namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

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

std::string title_key(std::string_view title) { return text::comparison_key(title); }

bool is_scope_title(std::string_view t) {
    const std::string k = title_key(t);
    return k == "范围" || k == "scope";
}
bool is_foreword_title(std::string_view t) {
    const std::string k = title_key(t);
    return k == "前言" || k == "foreword";
}
bool is_contents_title(std::string_view t) {
    const std::string k = title_key(t);
    return k == "目次" || k == "contents" || k == "table of contents";
}

ClauseId top_of(const Document& d, ClauseId id) {
    while (id != no_clause && d[id].depth > 1) id = d[id].parent;
    return id;
}

// The text reader makes one unlabelled list item of the foreword per drafting organisation.
bool is_drafting_organisation(const Document& d, ClauseId id) {
    const ClauseId top = top_of(d, id);
    return d[id].kind == ClauseKind::list_item && d.label(id).empty() && top != no_clause &&
           d[top].kind == ClauseKind::front_matter && is_foreword_title(d.title(top));
}

class Maker {
public:
    Maker(const Comparison& c, const BriefOptions& o) : c_(c), o_(o), od_(*c.old_doc), nd_(*c.new_doc), index_(c) {
        old_has_provision_.assign(od_.size(), 0);
        new_has_provision_.assign(nd_.size(), 0);
        for (const Unit& u : c.old_analysis.units)
            if (u.what.kind != ProvisionKind::statement) old_has_provision_[u.clause] = 1;
        for (const Unit& u : c.new_analysis.units)
            if (u.what.kind != ProvisionKind::statement) new_has_provision_[u.clause] = 1;
        entry_has_provision_change_.assign(c.entries.size(), 0);
        for (std::size_t i = 0; i < c.entries.size() && normative_entry_ == none; ++i) {
            const ClauseEntry& e = c.entries[i];
            if (is_normative_references_title(e.new_ids.empty() ? od_.title(e.old_ids.front()) : nd_.title(e.new_ids.front())))
                normative_entry_ = i;
        }
    }

    Brief run() {
        Brief b;
        b.comparison = &c_;
        b.lang = o_.lang;
        b.date = o_.date;
        for (std::size_t p = 0; p < c_.provisions.size(); ++p) provision(p);
        normative_references();
        for (std::size_t i = 0; i < c_.entries.size(); ++i) entry(i);
        document_info();
        watch();
        std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
            if (a.watched.empty() != b.watched.empty()) return !a.watched.empty();
            if (a.category != b.category) return a.category < b.category;
            return a.position < b.position;
        });
        b.findings = std::move(findings_);
        for (const Finding& f : b.findings) ++b.counts[static_cast<int>(f.category)];
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

    std::string_view doc_lang(const Document& d) const { return d.language == Language::zh ? "zh" : "en"; }

    std::uint32_t number_of(std::size_t entry) const { return entry == none ? 0 : c_.entries[entry].number; }

    // ---- Provisions ----

    void provision(std::size_t p) {
        const ProvisionChange& pc = c_.provisions[p];
        const Unit* ou = pc.old_unit != ProvisionChange::none ? &c_.old_analysis.units[pc.old_unit] : nullptr;
        const Unit* nu = pc.new_unit != ProvisionChange::none ? &c_.new_analysis.units[pc.new_unit] : nullptr;
        Finding f;
        f.provisions = {p};
        f.references_removed = pc.references_removed;
        f.references_added = pc.references_added;
        const std::size_t in_old = ou ? index_.of_old[ou->clause] : none;
        const std::size_t in_new = nu ? index_.of_new[nu->clause] : none;
        if (in_old != none) entry_has_provision_change_[in_old] = 1;
        if (in_new != none) entry_has_provision_change_[in_new] = 1;
        f.position = in_new != none ? in_new : in_old;
        f.change_number = number_of(in_new != none ? in_new : in_old);
        if (ou) {
            f.old_place = place(od_, ou->clause);
            f.old_label = clause_name(od_, ou->clause);
        }
        if (nu) {
            f.new_place = place(nd_, nu->clause);
            f.new_label = clause_name(nd_, nu->clause);
        }
        const std::string old_text = ou ? std::string(unit_text(od_, *ou)) : std::string();
        const std::string new_text = nu ? std::string(unit_text(nd_, *nu)) : std::string();
        f.quote_lang = std::string(doc_lang(nu ? nd_ : od_));
        const bool old_clause_gone = in_old != none && c_.entries[in_old].change == ClauseChange::removed;
        const bool new_clause_new = in_new != none && c_.entries[in_new].change == ClauseChange::added;
        const Unit& main = nu ? *nu : *ou;
        const std::string kind = kind_word(main.what.kind, lang());
        const bool z = zh(lang());
        std::string refs_note;
        if (!pc.references_removed.empty())
            refs_note = z ? fmt::format("（引用 {}）", joined(pc.references_removed, "、"))
                          : fmt::format(" citing {}", joined(pc.references_removed, ", "));
        switch (pc.change) {
        case ProvisionChangeKind::removed:
            f.category = main.what.kind == ProvisionKind::requirement ? FindingCategory::requirement_removed
                                                                       : FindingCategory::provision_removed_added;
            f.headline = z ? fmt::format("删除了 {} 中的{}{}{}", f.old_place, kind, refs_note, old_clause_gone ? "（该条已删除）" : "")
                           : fmt::format("{}{} removed from {}{}", capitalised(kind), refs_note, f.old_place,
                                         old_clause_gone ? " (clause deleted)" : "");
            f.wording = {{EditOp::remove, old_text, false}};
            f.verb = Finding::Verb::deleted;
            break;
        case ProvisionChangeKind::added:
            f.category = main.what.kind == ProvisionKind::requirement ? FindingCategory::requirement_added
                                                                       : FindingCategory::provision_removed_added;
            f.headline = z ? fmt::format("{} 增加了{}{}", f.new_place, kind, new_clause_new ? "（新增条款）" : "")
                           : fmt::format("New {} in {}{}", kind, f.new_place, new_clause_new ? " (new clause)" : "");
            if (!pc.references_added.empty())
                f.headline += z ? fmt::format("（引用 {}）", joined(pc.references_added, "、"))
                                : fmt::format(", citing {}", joined(pc.references_added, ", "));
            f.wording = {{EditOp::insert, new_text, false}};
            f.verb = Finding::Verb::added;
            break;
        case ProvisionChangeKind::negated:
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened: {
            const bool requirement = ou->what.kind == ProvisionKind::requirement || nu->what.kind == ProvisionKind::requirement;
            f.category = pc.change == ProvisionChangeKind::negated && requirement ? FindingCategory::requirement_removed
                                                                                  : FindingCategory::force_changed;
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
            f.wording = diff_text(old_text, new_text);
            f.verb = Finding::Verb::changed;
            break;
        }
        case ProvisionChangeKind::modified:
            if (main.what.kind == ProvisionKind::requirement && (!pc.references_removed.empty() || !pc.references_added.empty())) {
                f.category = FindingCategory::reference;
                std::vector<std::string> parts;
                if (!pc.references_removed.empty())
                    parts.push_back(z ? "不再引用 " + joined(pc.references_removed, "、")
                                      : "no longer cites " + joined(pc.references_removed, ", "));
                if (!pc.references_added.empty())
                    parts.push_back(z ? "新增引用 " + joined(pc.references_added, "、") : "now cites " + joined(pc.references_added, ", "));
                f.headline = z ? fmt::format("{} 中的要求{}", f.new_place, joined(parts, "，"))
                               : fmt::format("Requirement in {} {}", f.new_place, joined(parts, " and "));
            } else {
                f.category = FindingCategory::provision_reworded;
                f.headline = z ? fmt::format("{} 中的{}措辞更改", f.new_place, kind)
                               : fmt::format("{} reworded in {}", capitalised(kind), f.new_place);
            }
            f.wording = diff_text(old_text, new_text);
            f.verb = Finding::Verb::changed;
            break;
        case ProvisionChangeKind::moved:
            f.category = FindingCategory::provision_moved;
            f.headline = z ? fmt::format("{}从 {} 移至 {}{}", kind, f.old_place, f.new_place, old_clause_gone ? "（原条款已删除）" : "")
                           : fmt::format("{} moved from {} to {}{}", capitalised(kind), f.old_place, f.new_place,
                                         old_clause_gone ? " (its clause was deleted)" : "");
            if (pc.also_moved) f.headline += z ? "（位置也已变化）" : " (also moved)";
            f.wording = {{EditOp::equal, new_text, false}};
            break;
        }
        if (pc.also_moved && pc.change != ProvisionChangeKind::moved)
            f.headline += z ? fmt::format("（由 {} 移来）", f.old_place) : fmt::format(" (moved from {})", f.old_label);
        std::string quoted = excerpt(pc.change == ProvisionChangeKind::removed ? old_text : new_text, 60);
        // The sentence's own full stop would end the foreword's item too early.
        for (std::string_view end : {"。", "；", ".", ";"})
            if (quoted.size() > end.size() && quoted.compare(quoted.size() - end.size(), end.size(), end) == 0) {
                quoted.resize(quoted.size() - end.size());
                break;
            }
        f.subject = fmt::format("“{}”的{}", quoted, kind_word(main.what.kind, BriefLanguage::zh));
        f.subject_en = fmt::format("the {} “{}”", to_string(main.what.kind), quoted);
        findings_.push_back(std::move(f));
    }

    // ---- The normative-references list ----

    void normative_references() {
        // A reference that left the list together with the requirement citing it is part of
        // that requirement's finding, not a finding of its own.
        auto covered = [&](const std::string& key, bool removed) {
            for (Finding& f : findings_) {
                const auto& refs = removed ? f.references_removed : f.references_added;
                if (std::find(refs.begin(), refs.end(), key) != refs.end()) {
                    f.headline += zh(lang()) ? (removed ? "；该标准同时移出规范性引用文件" : "；该标准同时列入规范性引用文件")
                                             : (removed ? "; it also left the normative references"
                                                        : "; it also joined the normative references");
                    return true;
                }
            }
            return false;
        };
        const std::size_t refs_entry = normative_entry_;
        for (bool removed : {true, false}) {
            for (const std::string& key : removed ? c_.references.normative_removed : c_.references.normative_added) {
                if (covered(key, removed)) continue;
                Finding f;
                f.category = FindingCategory::reference;
                f.headline = zh(lang()) ? fmt::format("规范性引用文件{}了 {}", removed ? "删除" : "增加", key)
                                        : fmt::format("Normative reference {} {}", key, removed ? "removed" : "added");
                (removed ? f.references_removed : f.references_added).push_back(key);
                f.position = refs_entry == none ? 0 : refs_entry;
                f.change_number = number_of(refs_entry);
                f.verb = removed ? Finding::Verb::deleted : Finding::Verb::added;
                f.subject = fmt::format("规范性引用文件 {}", key);
                f.subject_en = fmt::format("the normative reference {}", key);
                if (refs_entry != none) {
                    const ClauseEntry& e = c_.entries[refs_entry];
                    if (!e.old_ids.empty()) f.old_label = clause_name(od_, e.old_ids.front());
                    if (!e.new_ids.empty()) f.new_label = clause_name(nd_, e.new_ids.front());
                }
                findings_.push_back(std::move(f));
            }
        }
    }

    // ---- Clause entries ----

    enum class Region { body, cover, contents, foreword, other_front };

    Region region_of(const ClauseEntry& e) const {
        const Document& d = e.new_ids.empty() ? od_ : nd_;
        const ClauseId id = e.new_ids.empty() ? e.old_ids.front() : e.new_ids.front();
        const ClauseId top = top_of(d, id);
        if (top == no_clause || d[top].kind != ClauseKind::front_matter) return Region::body;
        const std::string_view title = d.title(top);
        if (title.empty()) return Region::cover;
        if (is_contents_title(title)) return Region::contents;
        if (is_foreword_title(title)) return Region::foreword;
        return Region::other_front;
    }

    bool substantive(const ClauseEntry& e) const { return e.number != 0; }

    void entry(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        if (!substantive(e)) return;
        if (i == normative_entry_) return;  // its changes are the reference findings
        const Region region = region_of(e);
        if (region == Region::cover || region == Region::contents) return;
        const Document& d = e.new_ids.empty() ? od_ : nd_;
        const ClauseId id = e.new_ids.empty() ? e.old_ids.front() : e.new_ids.front();
        if (is_drafting_organisation(d, id) && (e.change == ClauseChange::removed || e.change == ClauseChange::added)) {
            organisations_.push_back(i);  // one node per drafting organisation
            return;
        }
        const bool z = zh(lang());
        Finding f;
        f.position = i;
        f.change_number = e.number;
        if (!e.old_ids.empty()) {
            f.old_place = place(od_, e.old_ids.front());
            f.old_label = clause_names(od_, e.old_ids);
        }
        if (!e.new_ids.empty()) {
            f.new_place = place(nd_, e.new_ids.front());
            f.new_label = clause_names(nd_, e.new_ids);
        }
        f.quote_lang = std::string(doc_lang(d));
        f.wording = e.edits;
        const std::string where = f.new_place.empty() ? f.old_place : f.new_place;
        if (region != Region::body) {
            f.category = FindingCategory::front_matter;
            f.headline = z ? fmt::format("{}更改", where) : fmt::format("{} changed", where);
            if (e.change == ClauseChange::removed) f.headline = z ? fmt::format("删除了 {}", where) : fmt::format("{} removed", where);
            if (e.change == ClauseChange::added) f.headline = z ? fmt::format("增加了 {}", where) : fmt::format("{} added", where);
            findings_.push_back(std::move(f));
            return;
        }
        if (d[id].depth == 1 && is_scope_title(d.title(id)) && e.change != ClauseChange::removed) {
            f.category = FindingCategory::scope;
            f.headline = z ? fmt::format("范围更改（{}）", where) : fmt::format("Scope changed ({})", where);
            f.verb = Finding::Verb::changed;
            f.subject = "范围";
            f.subject_en = "the scope";
            findings_.push_back(std::move(f));
            return;
        }
        if (d[id].kind == ClauseKind::term_entry) {
            f.category = FindingCategory::definition;
            const std::string term(d.title(id));
            if (e.change == ClauseChange::removed) {
                f.headline = z ? fmt::format("删除了术语“{}”（{}）", term, f.old_label) : fmt::format("Definition of “{}” removed ({})", term, f.old_label);
                f.verb = Finding::Verb::deleted;
            } else if (e.change == ClauseChange::added) {
                f.headline = z ? fmt::format("增加了术语“{}”（{}）", term, f.new_label) : fmt::format("Definition of “{}” added ({})", term, f.new_label);
                f.verb = Finding::Verb::added;
            } else {
                f.headline = z ? fmt::format("术语“{}”的定义更改（{}）", term, f.new_label)
                               : fmt::format("Definition of “{}” changed ({})", term, f.new_label);
                f.verb = Finding::Verb::changed;
            }
            f.subject = fmt::format("术语“{}”", term);
            f.subject_en = fmt::format("the term “{}”", term);
            findings_.push_back(std::move(f));
            return;
        }
        if (entry_has_provision_change_[i]) return;  // its provision findings say what changed
        if (e.change == ClauseChange::removed || e.change == ClauseChange::added) {
            const bool removed = e.change == ClauseChange::removed;
            // A clause that held provisions has them reported as provision changes.
            bool held = false;
            for (ClauseId c : removed ? e.old_ids : e.new_ids) held = held || (removed ? old_has_provision_[c] : new_has_provision_[c]);
            if (held) return;
            f.category = FindingCategory::clause;
            f.headline = z ? fmt::format("{}了{}", removed ? "删除" : "增加", where) : fmt::format("{} {}", where, removed ? "removed" : "added");
            f.verb = removed ? Finding::Verb::deleted : Finding::Verb::added;
            f.subject = where;
            f.subject_en = where;
            findings_.push_back(std::move(f));
            return;
        }
        if (e.change == ClauseChange::moved && !e.is(ClauseChange::modified))
            return;  // moved unchanged: listed in the renumbering table
        if (e.change == ClauseChange::renumbered) return;
        f.category = FindingCategory::wording;
        f.headline = z ? fmt::format("{} 文字更改", where) : fmt::format("Wording changed in {}", where);
        f.verb = Finding::Verb::changed;
        f.subject = where;
        f.subject_en = where;
        findings_.push_back(std::move(f));
    }

    // ---- Cover and foreword facts ----

    void document_info() {
        const bool z = zh(lang());
        if (!organisations_.empty()) {
            Finding f;
            f.category = FindingCategory::front_matter;
            auto count = [](const Document& d) {
                std::size_t n = 0;
                for (ClauseId id = 1; id < d.size(); ++id) n += is_drafting_organisation(d, id);
                return n;
            };
            const std::size_t before = count(od_), after = count(nd_);
            for (std::size_t i : organisations_) {
                const ClauseEntry& e = c_.entries[i];
                if (e.change == ClauseChange::removed)
                    f.items_removed.push_back(std::string(od_.str(od_.blocks_begin(e.old_ids.front())->text)));
                else
                    f.items_added.push_back(std::string(nd_.str(nd_.blocks_begin(e.new_ids.front())->text)));
            }
            f.headline = z ? fmt::format("起草单位：删除 {} 家，增加 {} 家（{} → {}）", f.items_removed.size(), f.items_added.size(), before, after)
                           : fmt::format("Drafting organisations: {} removed, {} added ({} → {})", f.items_removed.size(),
                                         f.items_added.size(), before, after);
            f.change_number = c_.entries[organisations_.front()].number;
            f.quote_lang = std::string(doc_lang(od_));
            f.position = 0;  // first among the front-matter findings: who drafts the standard
            findings_.push_back(std::move(f));
        }
        const DocumentInfo& o = od_.info;
        const DocumentInfo& n = nd_.info;
        auto info_finding = [&](std::string headline) {
            Finding f;
            f.category = FindingCategory::front_matter;
            f.headline = std::move(headline);
            f.position = 1;
            findings_.push_back(std::move(f));
        };
        if (o.replaces != n.replaces)
            info_finding(z ? fmt::format("代替的标准：{} → {}", o.replaces.empty() ? "无" : joined(o.replaces, "、"),
                                         n.replaces.empty() ? "无" : joined(n.replaces, "、"))
                           : fmt::format("Replaced standards: {} → {}", o.replaces.empty() ? "none" : joined(o.replaces, ", "),
                                         n.replaces.empty() ? "none" : joined(n.replaces, ", ")));
        if (o.title != n.title && !o.title.empty() && !n.title.empty())
            info_finding(z ? fmt::format("标准名称：{} → {}", o.title, n.title) : fmt::format("Title: {} → {}", o.title, n.title));
        if (o.stage != n.stage)
            info_finding(z ? fmt::format("阶段：{} → {}", o.stage.empty() ? "（未标明）" : o.stage, n.stage.empty() ? "（未标明）" : n.stage)
                           : fmt::format("Stage: {} → {}", o.stage.empty() ? "(not stated)" : o.stage,
                                         n.stage.empty() ? "(not stated)" : n.stage));
    }

    // ---- Watch list ----

    void watch() {
        if (o_.watch.empty()) return;
        std::vector<std::string> keys;
        for (const std::string& w : o_.watch) keys.push_back(text::comparison_key(w));
        for (Finding& f : findings_) {
            std::string hay = f.headline + "\n" + f.old_place + "\n" + f.new_place;
            for (const Edit& e : f.wording) hay += "\n" + e.text;
            for (const auto& v : {&f.items_removed, &f.items_added, &f.references_removed, &f.references_added})
                for (const auto& s : *v) hay += "\n" + s;
            const std::string folded = text::comparison_key(hay);
            // comparison_key folds spacing beside Han and dashes, so "GB/T 29829" finds
            // "GB/T 29829—2022" and "供应链" finds "供应 链".
            for (std::size_t k = 0; k < keys.size(); ++k)
                if (!keys[k].empty() && folded.find(keys[k]) != std::string::npos) f.watched.push_back(o_.watch[k]);
        }
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
        std::vector<std::pair<std::string, std::size_t>> index;  // top-level label → bar
        for (const ClauseEntry& e : c_.entries) {
            if (!substantive(e)) continue;
            const Document& d = e.new_ids.empty() ? od_ : nd_;
            const ClauseId top = top_of(d, e.new_ids.empty() ? e.old_ids.front() : e.new_ids.front());
            if (top == no_clause) continue;
            if (d[top].kind == ClauseKind::front_matter && (d.title(top).empty() || is_contents_title(d.title(top)))) continue;
            std::string label(d.label(top));
            if (label.empty()) label = std::string(d.title(top));
            if (label.empty()) label = zh(lang()) ? "封面" : "Cover";
            auto it = std::find_if(index.begin(), index.end(), [&](const auto& p) { return p.first == label; });
            if (it == index.end()) {
                index.emplace_back(label, b.chart.size());
                b.chart.push_back({label, std::string(d.label(top).empty() ? std::string_view() : d.title(top))});
                it = index.end() - 1;
            }
            ChartBar& bar = b.chart[it->second];
            switch (e.change) {
            case ClauseChange::added: ++bar.added; break;
            case ClauseChange::removed: ++bar.removed; break;
            case ClauseChange::moved: ++bar.moved; break;
            default: ++bar.modified; break;
            }
        }
    }

    const Comparison& c_;
    const BriefOptions& o_;
    const Document& od_;
    const Document& nd_;
    EntryIndex index_;
    std::vector<std::uint8_t> old_has_provision_, new_has_provision_, entry_has_provision_change_;
    std::vector<Finding> findings_;
    std::vector<std::size_t> organisations_;
    std::size_t normative_entry_ = none;
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
