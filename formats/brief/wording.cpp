// make_brief(): the engine's ranked findings (engine/findings) worded in Chinese or English.
#include "formats/brief/brief.hpp"

#include "engine/term_finder.hpp"
#include "formats/common/clause_names.hpp"
#include "formats/common/utf8_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

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
    Maker(const Comparison& c, BriefLanguage lang, const std::vector<std::string>& watch,
          std::shared_ptr<const TermFinder> watched)
        : c_(c), lang_(lang), watch_(watch), watched_(std::move(watched)), od_(*c.old_doc), nd_(*c.new_doc) {}

    Brief run(const BriefOptions& o) {
        Brief b;
        b.comparison = &c_;
        b.lang = lang_;
        b.date = o.date;
        b.watch = watch_;
        b.watched = watched_;
        order(b, o.top);
        b.findings.reserve(b.shown);
        for (std::size_t k = 0; k < b.shown; ++k) b.findings.push_back(worded(c_.findings[b.order[k]]));
        for (const Finding& f : c_.findings) ++b.counts[static_cast<int>(f.category)];
        for (const ClauseEntry& e : c_.entries) b.editorial_changes += e.editorial;
        renumbering(b);
        chart(b);
        return b;
    }

    // A finding worded, tagged with the watched terms it touches.
    BriefFinding worded(const Finding& src) const {
        BriefFinding f = worded_untagged(src);
        watch(f);
        return f;
    }

private:
    BriefLanguage lang() const { return lang_; }

    // "6.2.4 供应链安全", "6.3.3 a） 访问控制"; an unlabelled paragraph or list item is
    // placed by the clause it sits in ("前言", not "前言 paragraph 前言"). An old clause that
    // stands under another number in the new draft is cited by both: "6.2.4（现 6.2.3）
    // 供应链安全", "6.2.4 (now 6.2.3) Supply chain security".
    std::string place(const Document& d, ClauseId id, bool old_side, std::string* now_out = nullptr) const {
        while (d.label(id).empty() && d.title(id).empty() && d[id].parent != no_clause && d[id].parent != d.root())
            id = d[id].parent;
        std::string name = chapter(d, id, std::string(d.label(id)));
        const ClauseKind kind = d[id].kind;
        const bool part = kind == ClauseKind::list_item || kind == ClauseKind::note || kind == ClauseKind::example;
        const bool z = zh(lang());
        if (part) name = clause_name(d, id);
        if (z) name = tight(std::move(name));
        if (old_side && !name.empty()) {
            const std::string n = now_label(id);
            if (now_out) *now_out = n;
            if (!n.empty()) name += z ? "（现" + std::string(ascii_start(n) ? " " : "") + n + "）" : " (now " + n + ")";
        }
        auto titled = [&](std::string_view title) {
            if (title.empty()) return name;
            if (name.empty()) return std::string(title);
            return name + (z && name.ends_with("）") ? "" : " ") + std::string(title);
        };
        // A numbered clause is its number and its own title: an untitled article (第三条)
        // must not borrow its chapter's title (总则), nor its item (第二十三条 （五）) the
        // title of the section around the article (设立).
        if (!name.empty() && (kind == ClauseKind::clause || kind == ClauseKind::annex || kind == ClauseKind::term_entry))
            return titled(d.title(id));
        if (part) {
            for (ClauseId a = d[id].parent; a != no_clause && a != d.root(); a = d[a].parent)
                if (!d.label(a).empty() || d[a].kind == ClauseKind::front_matter) return titled(d.title(a));
            return name;
        }
        for (ClauseId a = id; a != no_clause && a != d.root(); a = d[a].parent)
            if (!d.title(a).empty()) return titled(d.title(a));
        return name;
    }

    // A chapter's number in a Chinese brief is 第1章.
    std::string chapter(const Document& d, ClauseId id, std::string label) const {
        const bool digits = !label.empty() && std::all_of(label.begin(), label.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (zh(lang()) && digits && d[id].depth == 1 && d[id].kind == ClauseKind::clause) return "第" + label + "章";
        return label;
    }

    // A Chinese label has no space before a full-width bracket: "第二十三条（五）".
    static std::string tight(std::string name) {
        for (std::size_t at; (at = name.find(" （")) != std::string::npos;) name.erase(at, 1);
        return name;
    }
    static bool ascii_start(std::string_view s) { return !s.empty() && static_cast<unsigned char>(s[0]) < 0x80; }

    // The new number of an old clause that has another ("6.2.3" for 6.2.4); "" when it was
    // removed or kept its number.
    std::string now_label(ClauseId old_id) const {
        if (old_id >= c_.entry_of_old.size() || c_.entry_of_old[old_id] == no_entry) return {};
        const ClauseEntry& e = c_.entries[c_.entry_of_old[old_id]];
        if (e.new_ids.empty() || e.old_ids.size() != 1 || e.new_ids.size() != 1) return {};
        const std::string o = clause_name(od_, old_id), n = clause_name(nd_, e.new_ids.front());
        if (o == n || n.empty()) return {};
        return zh(lang()) ? tight(n) : n;
    }

    BriefFinding worded_untagged(const Finding& src) const {
        BriefFinding f;
        f.finding = &src;
        f.category = src.category;
        f.verb = src.verb;
        f.change_number = src.change_number;
        f.position = src.position;
        f.wording = c_.quote(src);
        const FindingFacts& facts = src.facts();
        f.items_removed = facts.items_removed;
        f.items_added = facts.items_added;
        f.references_removed = facts.cited_removed;
        f.references_added = facts.cited_added;
        f.law = c_.new_analysis.profile == Profile::law;
        if (src.provision != Finding::none) f.provisions = {src.provision};
        if (src.old_clause != no_clause) {
            f.old_place = place(od_, src.old_clause, true, &f.old_label_now);
            f.old_place_then = place(od_, src.old_clause, false);
        }
        if (src.new_clause != no_clause) f.new_place = place(nd_, src.new_clause, false);
        if (const auto ids = labelled_clauses(c_, src, true); !ids.empty()) f.old_label = clause_names(od_, ids);
        if (const auto ids = labelled_clauses(c_, src, false); !ids.empty()) f.new_label = clause_names(nd_, ids);
        if (src.subject != FindingSubject::replaced_standards && src.subject != FindingSubject::title &&
            src.subject != FindingSubject::stage && src.subject != FindingSubject::normative_reference)
            f.quote_lang = lang_code(src.quote_language);
        switch (src.subject) {
        case FindingSubject::provision: provision(src, f); break;
        case FindingSubject::normative_reference: normative_reference(src, f); break;
        case FindingSubject::organisations:
        case FindingSubject::drafters: names(src, f); break;
        case FindingSubject::systematic: systematic(src, f); break;
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
        const FindingFacts& facts = src.facts();
        const std::string cited_removed = joined(facts.cited_removed, z ? "、" : ", ");
        const std::string cited_added = joined(facts.cited_added, z ? "、" : ", ");
        switch (pc.change) {
        case ProvisionChangeKind::removed:
            f.headline = z ? fmt::format("删除了{}（{}）{}{}", kind, f.old_place, src.clause_removed ? "，该条已删除" : "",
                                         cited_removed.empty() ? "" : "，引用 " + cited_removed)
                           : fmt::format("{}{} removed from {}{}", capitalised(kind), cited_removed.empty() ? "" : " citing " + cited_removed,
                                         f.old_place, src.clause_removed ? " (clause deleted)" : "");
            break;
        case ProvisionChangeKind::added:
            f.headline = z ? fmt::format("增加了{}（{}）{}", kind, f.new_place, src.clause_added ? "，新增条款" : "")
                           : fmt::format("New {} in {}{}", kind, f.new_place, src.clause_added ? " (new clause)" : "");
            if (!cited_added.empty()) f.headline += z ? "，引用 " + cited_added : ", citing " + cited_added;
            break;
        case ProvisionChangeKind::negated:
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened: {
            const std::string& where = f.new_place;
            const std::string okind = kind_word(ou->what.kind, lang()), nkind = kind_word(nu->what.kind, lang());
            if (pc.change == ProvisionChangeKind::negated)
                f.headline = z ? fmt::format("否定了{}（{}）：{} → {}", okind, where, ou->what.form.text(), nu->what.form.text())
                               : fmt::format("{} negated in {}: {} → {}", capitalised(okind), where, ou->what.form.text(), nu->what.form.text());
            else if (pc.change == ProvisionChangeKind::weakened)
                f.headline = z ? fmt::format("将{}减弱为{}（{}）：{} → {}", okind, nkind, where, ou->what.form.text(), nu->what.form.text())
                               : fmt::format("{} weakened to {} in {}: {} → {}", capitalised(okind), nkind, where, ou->what.form.text(),
                                             nu->what.form.text());
            else
                f.headline = z ? fmt::format("将{}增强为{}（{}）：{} → {}", okind, nkind, where, ou->what.form.text(), nu->what.form.text())
                               : fmt::format("{} strengthened to {} in {}: {} → {}", capitalised(okind), nkind, where,
                                             ou->what.form.text(), nu->what.form.text());
            break;
        }
        case ProvisionChangeKind::modified:
            if (src.category == FindingCategory::reference) {
                std::vector<std::string> parts;
                if (!cited_removed.empty()) parts.push_back(z ? "不再引用 " + cited_removed : "no longer cites " + cited_removed);
                if (!cited_added.empty()) parts.push_back(z ? "新增引用 " + cited_added : "now cites " + cited_added);
                f.headline = z ? fmt::format("更改了{}的引用文件（{}）：{}", kind, f.new_place, joined(parts, "，"))
                               : fmt::format("Requirement in {} {}", f.new_place, joined(parts, " and "));
            } else {
                f.headline = z ? fmt::format("更改了{}的措辞（{}）", kind, f.new_place)
                               : fmt::format("{} reworded in {}", capitalised(kind), f.new_place);
            }
            break;
        case ProvisionChangeKind::moved:
            f.headline = z ? fmt::format("{}从 {} 移至 {}{}", kind, f.old_place_then, f.new_place, src.clause_removed ? "（原条款已删除）" : "")
                           : fmt::format("{} moved from {} to {}{}", capitalised(kind), f.old_place_then, f.new_place,
                                         src.clause_removed ? " (its clause was deleted)" : "");
            if (pc.also_moved) f.headline += z ? "（位置也已变化）" : " (also moved)";
            break;
        }
        if (pc.also_moved && pc.change != ProvisionChangeKind::moved)
            f.headline += z ? fmt::format("，由 {} 移来", f.old_place_then) : fmt::format(" (moved from {})", f.old_place_then);
        for (std::size_t i = 0; i < facts.left_normative_list.size(); ++i)
            f.headline += z ? "；该标准同时移出规范性引用文件" : "; it also left the normative references";
        for (std::size_t i = 0; i < facts.joined_normative_list.size(); ++i)
            f.headline += z ? "；该标准同时列入规范性引用文件" : "; it also joined the normative references";
        const std::string quoted = quotable(unit_text(c_.doc_of(pc), c_.unit(pc)), src.quote_language);
        // Law revisions speak of 规定 whatever their force: 增加了……的规定, 删除了……的规定.
        f.subject = fmt::format("“{}”的{}", quoted, f.law ? "规定" : kind_word(main.what.kind, BriefLanguage::zh));
        f.subject_en = fmt::format("the {} “{}”", f.law ? "provision" : to_string(main.what.kind), quoted);
    }

    // A sentence shortened for the change list: at most 60 characters, cut between words in
    // a Latin-script draft, without its own full stop (it would end the list's item too early).
    static std::string quotable(std::string_view sentence, Language language) {
        std::string quoted = excerpt(sentence, 60);
        if (language != Language::zh && quoted.ends_with("…")) {
            std::string cut = quoted.substr(0, quoted.size() - std::string_view("…").size());
            const std::size_t space = cut.rfind(' ');
            if (space != std::string::npos && space > 0) {
                cut.resize(space);
                while (!cut.empty() && (cut.back() == ',' || cut.back() == ';' || cut.back() == ':')) cut.pop_back();
                quoted = cut + "…";
            }
        }
        for (std::string_view end : {"。", "；", ".", ";"})
            if (quoted.size() > end.size() && quoted.ends_with(end)) {
                quoted.resize(quoted.size() - end.size());
                break;
            }
        return quoted;
    }

    // ---- The normative-references list ----

    void normative_reference(const Finding& src, BriefFinding& f) const {
        const bool removed = src.verb == FindingVerb::deleted;
        const std::string key(reference_written(c_, src));
        (removed ? f.references_removed : f.references_added) = {key};
        f.headline = zh(lang()) ? fmt::format("{}了规范性引用文件 {}", removed ? "删除" : "增加", key)
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
            f.headline = z ? fmt::format("更改了{}", where) : fmt::format("{} changed", where);
            if (e.change == ClauseChange::removed) f.headline = z ? fmt::format("删除了{}", where) : fmt::format("{} removed", where);
            if (e.change == ClauseChange::added) f.headline = z ? fmt::format("增加了{}", where) : fmt::format("{} added", where);
            break;
        case FindingSubject::scope:
            f.headline = z ? fmt::format("更改了范围（{}）", chapter(d, id, std::string(d.label(id))))
                           : fmt::format("Scope changed ({})", where);
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
                f.headline = z ? fmt::format("更改了术语“{}”的定义（{}）", term, f.new_label)
                               : fmt::format("Definition of “{}” changed ({})", term, f.new_label);
            f.subject = fmt::format("术语“{}”", term);
            f.subject_en = fmt::format("the term “{}”", term);
            break;
        }
        case FindingSubject::clause: {
            const bool removed = e.change == ClauseChange::removed;
            f.headline = z ? fmt::format("{}了{}", removed ? "删除" : "增加", where) : fmt::format("{} {}", where, removed ? "removed" : "added");
            if (f.law) {
                // A law's change list names what the article provides, not only its number.
                const std::string quoted = quotable(side_text(c_.quote(src), removed), src.quote_language);
                f.subject = fmt::format("“{}”的规定", quoted);
                f.subject_en = fmt::format("the provision “{}”", quoted);
            } else {
                f.subject = where;
                f.subject_en = where;
            }
            break;
        }
        default:
            f.headline = z ? fmt::format("更改了{}的文字", where) : fmt::format("Wording changed in {}", where);
            f.subject = f.law ? where + "的规定" : where;
            f.subject_en = where;
            break;
        }
    }

    static std::string side_text(const std::vector<Edit>& edits, bool old_side) {
        std::string out;
        for (const Edit& e : edits)
            if (e.op == EditOp::equal || (e.op == EditOp::remove) == old_side) out += e.text;
        return out;
    }

    // ---- Cover and foreword facts ----

    // A list of names, diffed as a set: "起草人：删除 4 人（黄丽、吴敏、徐涛、孙悦），12 → 8".
    // People are named in the headline; organisations, whose names are long, below it.
    void names(const Finding& src, BriefFinding& f) const {
        const bool z = zh(lang());
        const bool people = src.subject == FindingSubject::drafters;
        auto part = [&](const std::vector<std::string>& names, std::string_view zh_verb, std::string_view en_verb) {
            if (names.empty()) return std::string();
            std::string listed;
            if (people) listed = z ? "（" + joined(names, "、") + "）" : " (" + joined(names, ", ") + ")";
            return z ? fmt::format("{} {} {}{}", zh_verb, names.size(), people ? "人" : "家", listed)
                     : fmt::format("{} {}{}", names.size(), en_verb, listed);
        };
        std::vector<std::string> parts;
        const FindingFacts& facts = src.facts();
        for (std::string p : {part(facts.items_removed, "删除", "removed"), part(facts.items_added, "增加", "added")})
            if (!p.empty()) parts.push_back(std::move(p));
        const std::string what = people ? (z ? "起草人" : "Drafters") : (z ? "起草单位" : "Drafting organisations");
        f.headline = z ? fmt::format("{}：{}，{} → {}", what, joined(parts, "，"), facts.items_before, facts.items_after)
                       : fmt::format("{}: {}, {} → {}", what, joined(parts, ", "), facts.items_before, facts.items_after);
        if (people) {  // named in the headline already
            f.items_removed.clear();
            f.items_added.clear();
        }
        const std::string what_zh = people ? "起草人" : "起草单位";
        f.subject = what_zh;
        f.subject_en = people ? "the drafters" : "the drafting organisations";
    }

    // The same replacement made throughout: "“必须” → “应当” in 186 provisions, e.g. 第十条,
    // 第十一条, 第十三条" / "将“必须”改为“应当”（186 处，如第十条、第十一条、第十三条）".
    void systematic(const Finding& src, BriefFinding& f) const {
        const bool z = zh(lang());
        const FindingFacts& facts = src.facts();
        const std::string& removed = facts.old_values.front();
        const std::string& inserted = facts.new_values.front();
        std::vector<std::string> examples;
        for (const SystematicMember& m : facts.members) {
            if (examples.size() == systematic_examples) break;
            const bool in_new = m.new_clause != no_clause;
            std::string name = clause_name(in_new ? nd_ : od_, in_new ? m.new_clause : m.old_clause);
            if (std::find(examples.begin(), examples.end(), name) == examples.end()) examples.push_back(std::move(name));
        }
        f.count = facts.members.size();
        f.examples = examples;
        bool provisions = true;
        for (const SystematicMember& m : facts.members) {
            provisions = provisions && m.subject == FindingSubject::provision;
            if (m.told && m.provision != Finding::none) f.provisions.push_back(m.provision);
        }
        const std::string unit = provisions ? "provisions" : "places";
        const std::string where = z ? fmt::format("{} 处，如{}", f.count, joined(examples, "、"))
                                    : fmt::format("{} {}, e.g. {}", f.count, unit, joined(examples, ", "));
        if (removed.empty())
            f.headline = z ? fmt::format("增加了“{}”（{}）", inserted, where) : fmt::format("“{}” added in {}", inserted, where);
        else if (inserted.empty())
            f.headline = z ? fmt::format("删除了“{}”（{}）", removed, where) : fmt::format("“{}” removed in {}", removed, where);
        else
            f.headline = z ? fmt::format("将“{}”改为“{}”（{}）", removed, inserted, where)
                           : fmt::format("“{}” → “{}” in {}", removed, inserted, where);
        f.old_place.clear();
        f.old_place_then.clear();
        f.new_place = joined(examples, z ? "、" : ", ");
        f.old_label.clear();
        f.old_label_now.clear();
        f.new_label = joined(examples, "、");
        if (removed.empty()) {
            f.subject = fmt::format("“{}”（{} 处）", inserted, f.count);
            f.subject_en = fmt::format("“{}” in {} {}", inserted, f.count, unit);
        } else if (inserted.empty()) {
            f.subject = fmt::format("“{}”（{} 处）", removed, f.count);
            f.subject_en = fmt::format("“{}” in {} {}", removed, f.count, unit);
        } else {
            f.subject = fmt::format("“{}”为“{}”（{} 处）", removed, inserted, f.count);
            f.subject_en = fmt::format("“{}” to “{}” in {} {}", removed, inserted, f.count, unit);
        }
    }

    void document_info(const Finding& src, BriefFinding& f) const {
        const bool z = zh(lang());
        const std::vector<std::string>& old_values = src.facts().old_values;
        const std::vector<std::string>& new_values = src.facts().new_values;
        const std::string o = old_values.empty() ? std::string() : old_values.front();
        const std::string n = new_values.empty() ? std::string() : new_values.front();
        switch (src.subject) {
        case FindingSubject::replaced_standards:
            f.headline = z ? fmt::format("代替的标准：{} → {}", old_values.empty() ? "无" : joined(old_values, "、"),
                                         new_values.empty() ? "无" : joined(new_values, "、"))
                           : fmt::format("Replaced standards: {} → {}", old_values.empty() ? "none" : joined(old_values, ", "),
                                         new_values.empty() ? "none" : joined(new_values, ", "));
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

    // The watched terms a worded finding touches.
    void watch(BriefFinding& f) const {
        if (watch_.empty()) return;
        std::string hay = f.headline + "\n" + f.old_place + "\n" + f.new_place;
        for (const Edit& e : f.wording) hay += "\n" + e.text;
        for (const auto& v : {&f.items_removed, &f.items_added, &f.references_removed, &f.references_added})
            for (const auto& s : *v) hay += "\n" + s;
        f.watched = watched_->found_in(hay);
    }

    // ---- Order, body and appendix ----

    // Findings that touch a watched term go first (in rank order). The body holds the first
    // `top` findings of that order and every systematic edit (each stands for many places);
    // the others follow, for the appendix table. A finding is worded here only to see whether
    // it touches a watched term, and not kept.
    void order(Brief& b, std::size_t top) const {
        const std::vector<Finding>& all = c_.findings;
        std::vector<std::uint32_t> ranked;
        ranked.reserve(all.size());
        if (watch_.empty()) {
            for (std::size_t i = 0; i < all.size(); ++i) ranked.push_back(static_cast<std::uint32_t>(i));
        } else {
            std::vector<std::uint8_t> watched(all.size(), 0);
            for (std::size_t i = 0; i < all.size(); ++i) watched[i] = !worded(all[i]).watched.empty();
            for (int pass : {1, 0})
                for (std::size_t i = 0; i < all.size(); ++i)
                    if (watched[i] == pass) ranked.push_back(static_cast<std::uint32_t>(i));
        }
        b.order.reserve(all.size());
        std::vector<std::uint32_t> rest;
        std::size_t taken = 0;
        for (std::uint32_t i : ranked) {
            const bool systematic = all[i].category == FindingCategory::systematic;
            if (systematic || taken < top) {
                taken += !systematic;
                b.order.push_back(i);
            } else {
                rest.push_back(i);
            }
        }
        b.shown = b.order.size();
        b.order.insert(b.order.end(), rest.begin(), rest.end());
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

    // Changes per top-level clause, tallied under the clause's label (a clause removed from the
    // old draft and one of the new draft with the same number make one bar) as views of the
    // drafts' text: a draft of many top-level clauses has a tally for each, and the chart at
    // most max_chart_bars bars.
    struct Tally {
        std::string_view label, title;
        std::uint32_t modified = 0, added = 0, removed = 0, moved = 0;
        std::uint32_t total() const { return modified + added + removed + moved; }
    };

    void chart(Brief& b) const {
        std::unordered_map<std::string_view, std::size_t> index;  // top-level label → tally
        std::vector<Tally> tallies;
        for (const ClauseEntry& e : c_.entries) {
            if (!e.substantive()) continue;
            const Document& d = c_.doc_of(e);
            const Region region = region_of(d, c_.clause_of(e));
            if (region == Region::cover || region == Region::contents) continue;
            const ClauseId top = top_of(d, c_.clause_of(e));
            std::string_view label = d.label(top);
            if (label.empty()) label = d.title(top);
            if (label.empty()) label = zh(lang()) ? "封面" : "Cover";
            const auto [it, fresh] = index.try_emplace(label, tallies.size());
            if (fresh) tallies.push_back({label, d.label(top).empty() ? std::string_view() : d.title(top)});
            Tally& t = tallies[it->second];
            switch (e.change) {
            case ClauseChange::added: ++t.added; break;
            case ClauseChange::removed: ++t.removed; break;
            case ClauseChange::moved: ++t.moved; break;
            default: ++t.modified; break;
            }
        }
        b.chart = capped(tallies);
    }

    // A chart of more bars than max_chart_bars shows no one where the changes are: the bars of
    // the most changes stay, in document order, and the rest are added up in one last bar
    // that says how many clauses it stands for.
    std::vector<ChartBar> capped(const std::vector<Tally>& tallies) const {
        std::vector<ChartBar> out;
        auto bar = [](const Tally& t) { return ChartBar{std::string(t.label), std::string(t.title), t.modified, t.added, t.removed, t.moved}; };
        if (tallies.size() <= max_chart_bars) {
            for (const Tally& t : tallies) out.push_back(bar(t));
            return out;
        }
        const std::size_t keep = max_chart_bars - 1;
        std::vector<std::uint32_t> order(tallies.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return tallies[x].total() > tallies[y].total(); });
        std::vector<std::uint8_t> kept(tallies.size(), 0);
        for (std::size_t k = 0; k < keep; ++k) kept[order[k]] = 1;
        ChartBar rest;
        for (std::size_t i = 0; i < tallies.size(); ++i) {
            if (kept[i]) {
                out.push_back(bar(tallies[i]));
                continue;
            }
            rest.modified += tallies[i].modified;
            rest.added += tallies[i].added;
            rest.removed += tallies[i].removed;
            rest.moved += tallies[i].moved;
        }
        const std::size_t others = tallies.size() - keep;
        rest.label = zh(lang()) ? fmt::format("其他 {} 章", others) : fmt::format("{} other clauses", others);
        rest.title = zh(lang()) ? fmt::format("图中最多 {} 条，其余合并", max_chart_bars)
                                : fmt::format("the chart shows at most {} bars; the rest together", max_chart_bars);
        out.push_back(std::move(rest));
        return out;
    }

    const Comparison& c_;
    const BriefLanguage lang_;
    const std::vector<std::string>& watch_;
    std::shared_ptr<const TermFinder> watched_;   // the watch list folded once, for every finding
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
    case FindingCategory::systematic: return z ? "通篇修改" : "Systematic edits";
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

Brief make_brief(const Comparison& comparison, const BriefOptions& options) {
    return Maker(comparison, options.lang, options.watch, std::make_shared<const TermFinder>(options.watch)).run(options);
}

BriefFinding worded(const Brief& brief, std::size_t k) {
    if (k < brief.findings.size()) return brief.findings[k];
    return Maker(*brief.comparison, brief.lang, brief.watch, brief.watched).worded(brief.comparison->findings[brief.order[k]]);
}

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
