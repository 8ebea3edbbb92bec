// find_findings(): the comparison's changes that matter to a reader of obligations, as data.
#include "engine/findings.hpp"

#include "engine/comparison.hpp"
#include "engine/text.hpp"
#include "engine/utf8.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace redline {

std::string_view to_string(FindingCategory category) {
    switch (category) {
    case FindingCategory::requirement_removed: return "requirement-removed";
    case FindingCategory::requirement_added: return "requirement-added";
    case FindingCategory::force_changed: return "force-changed";
    case FindingCategory::systematic: return "systematic";
    case FindingCategory::provision_removed_added: return "provision-removed-added";
    case FindingCategory::provision_reworded: return "provision-reworded";
    case FindingCategory::reference: return "reference";
    case FindingCategory::scope: return "scope";
    case FindingCategory::definition: return "definition";
    case FindingCategory::clause: return "clause";
    case FindingCategory::front_matter: return "front-matter";
    case FindingCategory::wording: return "wording";
    case FindingCategory::provision_moved: return "provision-moved";
    }
    return "wording";
}

Finding::Finding(const Finding& other)
    : category(other.category), subject(other.subject), verb(other.verb), quote_language(other.quote_language),
      clause_removed(other.clause_removed), clause_added(other.clause_added), quote(other.quote),
      old_clause(other.old_clause), new_clause(other.new_clause), change_number(other.change_number), citation(other.citation),
      provision(other.provision), entry(other.entry), position(other.position),
      facts_(other.facts_ ? std::make_unique<FindingFacts>(*other.facts_) : nullptr) {}

Finding& Finding::operator=(const Finding& other) {
    if (this != &other) *this = Finding(other);
    return *this;
}

Finding::~Finding() = default;

const FindingFacts& Finding::facts() const {
    static const FindingFacts no_facts;
    return facts_ ? *facts_ : no_facts;
}

FindingFacts& Finding::set_facts() {
    if (!facts_) facts_ = std::make_unique<FindingFacts>();
    return *facts_;
}

const Reference& normative_citation(const Comparison& c, const Finding& f) {
    const Analysis& a = f.verb == FindingVerb::deleted ? c.old_analysis : c.new_analysis;
    return a.references[f.citation];
}

std::string_view reference_written(const Comparison& c, const Finding& f) {
    return reference_text(f.verb == FindingVerb::deleted ? *c.old_doc : *c.new_doc, normative_citation(c, f));
}

std::span<const ClauseId> labelled_clauses(const Comparison& c, const Finding& f, bool old_side) {
    const ClauseId& own = old_side ? f.old_clause : f.new_clause;
    auto of_entry = [&]() -> std::span<const ClauseId> {
        if (f.entry == Finding::none) return {};
        const ClauseEntry& e = c.entries[f.entry];
        return old_side ? std::span<const ClauseId>(e.old_ids) : std::span<const ClauseId>(e.new_ids);
    };
    switch (f.subject) {
    case FindingSubject::provision: return own == no_clause ? std::span<const ClauseId>() : std::span<const ClauseId>(&own, 1);
    case FindingSubject::normative_reference: {
        const std::span<const ClauseId> ids = of_entry();
        return ids.first(ids.empty() ? 0 : 1);
    }
    case FindingSubject::organisations:
    case FindingSubject::replaced_standards:
    case FindingSubject::title:
    case FindingSubject::stage:
    case FindingSubject::systematic: return {};
    case FindingSubject::scope:
    case FindingSubject::definition:
    case FindingSubject::clause:
    case FindingSubject::front_matter:
    case FindingSubject::wording:
    case FindingSubject::drafters: return of_entry();
    }
    return {};
}

namespace {

constexpr std::size_t none = Finding::none;

ClauseId top_of(const Document& d, ClauseId id) {
    while (id != no_clause && d[id].depth > 1) id = d[id].parent;
    return id;
}

bool is_drafting_organisation(const Document& d, ClauseId id) { return d[id].role == SectionRole::drafting_organisation; }

std::string_view trimmed(std::string_view s) {
    auto space = [](std::string_view t, bool front) {
        for (std::string_view sp : {" ", "\t", "\u3000"})
            if (front ? t.starts_with(sp) : t.ends_with(sp)) return sp.size();
        return std::size_t{0};
    };
    for (std::size_t n; (n = space(s, true)) != 0;) s.remove_prefix(n);
    for (std::size_t n; (n = space(s, false)) != 0;) s.remove_suffix(n);
    return s;
}

std::vector<std::string_view> lines_of(std::string_view s) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const std::size_t nl = s.find('\n', start);
        out.push_back(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
        if (nl == std::string_view::npos) return out;
        start = nl + 1;
    }
}

// A paragraph that lists names after a lead-in naming drafters or drafting organisations:
// "本文件主要起草人：李明、王芳、张伟。", "The main drafters of this document are: Li Ming,
// Wang Fang and Zhang Wei."
struct NameList {
    FindingSubject subject = FindingSubject::drafters;
    std::string_view lead;
    std::vector<std::string> names;
};

bool name_list(std::string_view line, NameList& out) {
    line = trimmed(line);
    std::size_t colon = line.find("：");
    std::size_t skip = 3;
    if (colon == std::string_view::npos) {
        colon = line.find(':');
        skip = 1;
    }
    if (colon == std::string_view::npos) return false;
    const std::string_view lead = line.substr(0, colon);
    const std::string folded = text::comparison_key(lead);
    if (folded.find("起草人") != std::string::npos || folded.find("drafter") != std::string::npos)
        out.subject = FindingSubject::drafters;
    else if (folded.find("起草单位") != std::string::npos || folded.find("drafting organi") != std::string::npos)
        out.subject = FindingSubject::organisations;
    else
        return false;
    out.lead = lead;
    std::string_view rest = trimmed(line.substr(colon + skip));
    for (std::string_view end : {"。", "；", ".", ";"})
        if (rest.ends_with(end)) rest.remove_suffix(end.size());
    // One list to the end of the paragraph: a second sentence or lead-in is not a name.
    for (std::string_view stop : {"。", "：", "；", ". ", ":", ";"})
        if (rest.find(stop) != std::string_view::npos) return false;
    out.names.clear();
    auto add = [&](std::string_view name) {
        name = trimmed(name);
        if (name.starts_with("and ")) name.remove_prefix(4);
        if (!name.empty()) out.names.emplace_back(name);
    };
    static constexpr std::string_view zh_separators[] = {"、", "，"};
    static constexpr std::string_view en_separators[] = {", ", " and "};
    const bool zh_list = rest.find("、") != std::string_view::npos;
    while (!rest.empty()) {
        std::size_t cut = std::string_view::npos, len = 0;
        for (std::string_view sep : zh_list ? zh_separators : en_separators) {
            const std::size_t at = rest.find(sep);
            if (at < cut) {
                cut = at;
                len = sep.size();
            }
        }
        add(rest.substr(0, cut));
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + len);
    }
    return out.names.size() >= 2;
}

// The text of one side of an entry's edits.
std::string side_text(const std::vector<Edit>& edits, bool old_side) {
    std::string out;
    for (const Edit& e : edits)
        if (e.op == EditOp::equal || (e.op == EditOp::remove) == old_side) out += e.text;
    return out;
}

// The replacements a quotation makes: each run of removed and inserted words between equal
// text, without the characters both sides share at their ends ("必须在" → "应当在" is "必须" →
// "应当") and trimmed. None for a sentence removed or added whole.
using Replacement = std::pair<std::string, std::string>;

std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !text::is_continuation(static_cast<unsigned char>(c));
    return n;
}

bool all_han(std::string_view s) {
    for (std::size_t i = 0; i < s.size();)
        if (!text::is_han(text::next(s, i))) return false;
    return true;
}

// Up to n Han characters at the end (start) of s.
std::string_view han_tail(std::string_view s, std::size_t n) {
    std::size_t end = s.size();
    for (std::size_t k = 0; k < n && end > 0; ++k) {
        std::size_t at = end;
        if (!text::is_han(text::prev(s, at))) break;
        end = at;
    }
    return s.substr(end);
}
std::string_view han_head(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < n && i < s.size(); ++k) {
        std::size_t at = i;
        if (!text::is_han(text::next(s, at))) break;
        i = at;
    }
    return s.substr(0, i);
}

// A replacement of words, not of punctuation or of a letter ("(" added, "s" removed): only
// such a replacement makes a systematic edit; the others are left to the findings' quotes.
bool of_words(const Replacement& r) {
    auto wordy = [](std::string_view s) {
        std::size_t letters = 0;
        for (std::size_t i = 0; i < s.size();) {
            const char32_t c = text::next(s, i);
            if (text::is_han(c)) return true;
            letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return letters >= 2;
    };
    return wordy(r.first) || wordy(r.second);
}

std::vector<Replacement> replacements(const std::vector<Edit>& quote) {
    std::vector<Replacement> out;
    bool equal_seen = false;
    for (std::size_t i = 0; i < quote.size();) {
        if (quote[i].op == EditOp::equal) {
            equal_seen = equal_seen || !trimmed(quote[i].text).empty();
            ++i;
            continue;
        }
        // Only the last and first few characters of the equal text around the run are ever
        // read (han_tail, han_head): a quote of a long clause has equal text of megabytes.
        constexpr std::size_t edge = 16;   // bytes: more than two whole characters
        const std::string_view before_text = i > 0 ? std::string_view(quote[i - 1].text) : std::string_view();
        Replacement r;
        for (; i < quote.size() && quote[i].op != EditOp::equal; ++i) (quote[i].op == EditOp::remove ? r.first : r.second) += quote[i].text;
        const std::string_view after_text = i < quote.size() ? std::string_view(quote[i].text) : std::string_view();
        auto& [removed, inserted] = r;
        // The characters both sides share at the start, then at the end, move to the text
        // around them; each side is cut once.
        std::size_t head = 0;
        while (head < removed.size() && head < inserted.size()) {
            const std::size_t n = text::sequence_length(static_cast<unsigned char>(removed[head]));
            if (removed.compare(head, n, inserted, head, n) != 0) break;
            head += std::min(n, removed.size() - head);
        }
        std::size_t tail = 0;
        while (tail < removed.size() - head && tail < inserted.size() - head) {
            const std::size_t r_end = removed.size() - tail, i_end = inserted.size() - tail;
            std::size_t n = 1;
            while (n < r_end - head && text::is_continuation(static_cast<unsigned char>(removed[r_end - n]))) ++n;
            if (n > i_end - head || removed.compare(r_end - n, n, inserted, i_end - n, n) != 0) break;
            tail += n;
        }
        std::string before(before_text.substr(before_text.size() - std::min(edge, before_text.size())));
        before.append(removed, 0, head);
        std::string after = removed.substr(removed.size() - tail);
        after.append(after_text.substr(0, edge));
        removed = std::string(trimmed(std::string_view(removed).substr(head, removed.size() - head - tail)));
        inserted = std::string(trimmed(std::string_view(inserted).substr(head, inserted.size() - head - tail)));
        if (removed.empty() && inserted.empty()) continue;
        // A few Han characters removed or added mean little on their own ("大", "华人民共和"):
        // the characters around them make the word a reader knows ("股东大会" → "股东会",
        // "中国" → "中华人民共和国").
        const std::size_t longer = std::max(chars(removed), chars(inserted));
        if (longer <= 5 && all_han(removed) && all_han(inserted) && (removed.empty() || inserted.empty() || longer == 1)) {
            const std::string lead(han_tail(before, longer == 1 ? 2 : 1)), trail(han_head(after, 1));
            removed = lead + removed + trail;
            inserted = lead + inserted + trail;
        }
        if (of_words(r)) out.push_back(std::move(r));
    }
    if (!equal_seen) return {};
    return out;
}

}  // namespace

Region region_of(const Document& d, ClauseId id) {
    const ClauseId top = top_of(d, id);
    if (top == no_clause || d[top].kind != ClauseKind::front_matter) return Region::body;
    switch (d[top].role) {
    case SectionRole::cover: return Region::cover;
    case SectionRole::contents: return Region::contents;
    case SectionRole::foreword: return Region::foreword;
    default: return Region::other_front;
    }
}

namespace {

// Where each reference key is first cited in a draft, in the whole of it and in each clause:
// asked once for every reference a finding names, a search of the draft's list of citations
// each time made a normative-references list of N standards N² string comparisons (20,000
// references: 5.8 s). Two arrays of citation indices, sorted, searched by halves: 8 bytes a
// citation.
class Citations {
public:
    explicit Citations(const Analysis& a) : refs_(a.references) {
        by_place_.resize(refs_.size());
        for (std::uint32_t i = 0; i < by_place_.size(); ++i) by_place_[i] = i;
        // A merge sort: introsort fell back to heapsort on numbers that gain a digit
        // ("GB/T 10000" … "GB/T 109999" in number order), 2.9 times the string comparisons.
        std::stable_sort(by_place_.begin(), by_place_.end(), [&](std::uint32_t x, std::uint32_t y) {
            const int k = refs_[x].key.compare(refs_[y].key);
            if (k != 0) return k < 0;
            return refs_[x].clause != refs_[y].clause ? refs_[x].clause < refs_[y].clause : x < y;
        });
        // Each key's first citation in the draft: the least index of its run.
        for (std::size_t i = 0; i < by_place_.size();) {
            std::uint32_t least = by_place_[i];
            std::size_t j = i + 1;
            for (; j < by_place_.size() && refs_[by_place_[j]].key == refs_[by_place_[i]].key; ++j)
                least = std::min(least, by_place_[j]);
            first_.push_back(least);
            i = j;
        }
        first_.shrink_to_fit();
    }

    // The citation of `key` in `clause`, else its first anywhere; null when it is not cited.
    const Reference* find(ClauseId clause, std::string_view key) const {
        const auto at = std::lower_bound(by_place_.begin(), by_place_.end(), std::pair{key, clause},
                                         [&](std::uint32_t i, const std::pair<std::string_view, ClauseId>& p) {
                                             const int k = std::string_view(refs_[i].key).compare(p.first);
                                             return k != 0 ? k < 0 : refs_[i].clause < p.second;
                                         });
        if (at != by_place_.end() && refs_[*at].key == key && refs_[*at].clause == clause) return &refs_[*at];
        const auto first = std::lower_bound(first_.begin(), first_.end(), key,
                                            [&](std::uint32_t i, std::string_view k) { return std::string_view(refs_[i].key) < k; });
        if (first != first_.end() && refs_[*first].key == key) return &refs_[*first];
        return nullptr;
    }

private:
    const std::vector<Reference>& refs_;
    std::vector<std::uint32_t> first_;      // the first citation of each key, by key
    std::vector<std::uint32_t> by_place_;   // every citation, by key, clause and order
};

class Finder {
public:
    explicit Finder(const Comparison& c)
        : c_(c), od_(*c.old_doc), nd_(*c.new_doc), old_cited_(c.old_analysis), new_cited_(c.new_analysis) {
        old_has_provision_.assign(od_.size(), 0);
        new_has_provision_.assign(nd_.size(), 0);
        for (const Unit& u : c.old_analysis.units)
            if (u.what.kind != ProvisionKind::statement) old_has_provision_[u.clause] = 1;
        for (const Unit& u : c.new_analysis.units)
            if (u.what.kind != ProvisionKind::statement) new_has_provision_[u.clause] = 1;
        entry_has_provision_change_.assign(c.entries.size(), 0);
        for (std::size_t i = 0; i < c.entries.size() && normative_entry_ == none; ++i) {
            const ClauseEntry& e = c.entries[i];
            if (c.doc_of(e)[c.clause_of(e)].role == SectionRole::normative_references) normative_entry_ = i;
        }
    }

    std::vector<Finding> run() {
        // At most one finding per provision change and one per entry, and some for the
        // normative references and the document's facts: counted first, so that growing the
        // vector moves none of them.
        std::size_t most = c_.provisions.size() + c_.references.normative_removed.size() + c_.references.normative_added.size() + 4;
        for (const ClauseEntry& e : c_.entries) most += e.substantive();
        findings_.reserve(most);
        for (std::size_t p = 0; p < c_.provisions.size(); ++p) provision(p);
        normative_references();
        for (std::size_t i = 0; i < c_.entries.size(); ++i) entry(i);
        document_info();
        group_systematic();
        // Sorted by index, then put in that order in place, cycle by cycle: a stable sort of
        // the findings themselves moves each of them log N times, through a buffer of N/2.
        std::vector<std::size_t> order(findings_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const Finding& a = findings_[x];
            const Finding& b = findings_[y];
            if (a.category != b.category) return a.category < b.category;
            return a.position < b.position;
        });
        for (std::size_t start = 0; start < order.size(); ++start) {
            if (order[start] == start) continue;
            Finding held = std::move(findings_[start]);
            std::size_t at = start;
            while (order[at] != start) {
                const std::size_t from = order[at];
                findings_[at] = std::move(findings_[from]);
                order[at] = at;
                at = from;
            }
            findings_[at] = std::move(held);
            order[at] = at;
        }
        return std::move(findings_);
    }

    // ---- Systematic edits ----

    // The same replacement ("必须" → "应当") in many rewordings is one edit made throughout:
    // one finding that names how many findings make it, with those findings as members. A
    // rewording whose every replacement is such an edit is told by them and listed no more.
    void group_systematic() {
        std::map<Replacement, std::vector<std::size_t>> made_by;
        std::vector<std::vector<Replacement>> made(findings_.size());
        for (std::size_t i = 0; i < findings_.size(); ++i) {
            const Finding& f = findings_[i];
            if (f.subject != FindingSubject::provision && f.subject != FindingSubject::wording) continue;
            if (f.category != FindingCategory::provision_reworded && f.category != FindingCategory::wording) continue;
            made[i] = replacements(c_.quote(f));
            std::sort(made[i].begin(), made[i].end());
            made[i].erase(std::unique(made[i].begin(), made[i].end()), made[i].end());
            for (const Replacement& r : made[i]) made_by[r].push_back(i);
        }
        std::vector<std::uint8_t> told(findings_.size(), 0);
        for (std::size_t i = 0; i < findings_.size(); ++i) {
            bool all = !made[i].empty();
            for (const Replacement& r : made[i]) all = all && made_by[r].size() >= systematic_minimum;
            told[i] = all;
        }
        std::vector<Finding> systematic;
        for (const auto& [r, by] : made_by) {
            if (by.size() < systematic_minimum) continue;
            Finding g;
            g.category = FindingCategory::systematic;
            g.subject = FindingSubject::systematic;
            g.verb = FindingVerb::changed;
            FindingFacts& facts = g.set_facts();
            facts.old_values = {r.first};
            facts.new_values = {r.second};
            // In document order; in the order found (document order within a category) at one position.
            std::vector<std::size_t> order = by;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return findings_[x].position < findings_[y].position; });
            facts.members.reserve(order.size());
            for (std::size_t i : order) {
                const Finding& m = findings_[i];
                facts.members.push_back({m.subject, told[i] != 0, m.old_clause, m.new_clause, m.provision, m.position});
            }
            const Finding& first = findings_[order.front()];
            g.entry = first.entry;
            g.position = first.position;
            g.change_number = first.change_number;
            g.quote = first.quote;
            g.quote_language = first.quote_language;
            g.old_clause = first.old_clause;
            g.new_clause = first.new_clause;
            systematic.push_back(std::move(g));
        }
        if (systematic.empty()) return;
        // The edit made most often first; a finding made of several systematic edits is told
        // by the first of them.
        std::stable_sort(systematic.begin(), systematic.end(), [](const Finding& x, const Finding& y) {
            return x.facts().members.size() > y.facts().members.size();
        });
        std::set<std::pair<std::size_t, std::size_t>> claimed;  // (position, provision) of told members
        for (Finding& g : systematic)
            for (SystematicMember& m : g.set_facts().members)
                if (m.told && !claimed.insert({m.position, m.provision}).second) m.told = false;
        for (std::size_t k = 0; k < systematic.size(); ++k) systematic[k].position = k;
        std::vector<Finding> kept;
        kept.reserve(findings_.size() + systematic.size());
        for (std::size_t i = 0; i < findings_.size(); ++i)
            if (!told[i]) kept.push_back(std::move(findings_[i]));
        for (Finding& g : systematic) kept.push_back(std::move(g));
        findings_ = std::move(kept);
    }

private:
    std::uint32_t number_of(std::size_t entry) const { return entry == none ? 0 : c_.entries[entry].number; }

    // The reference `key` as the draft prints it ("GB/T 29829—2022" for "GB/T 29829-2022"):
    // where `clause` cites it, else where it is first cited; the key itself when the draft
    // does not cite it.
    static std::string written(const Document& d, const Citations& cited, ClauseId clause, const std::string& key) {
        const Reference* found = cited.find(clause, key);
        return found ? std::string(reference_text(d, *found)) : key;
    }

    // ---- Provisions ----

    void provision(std::size_t p) {
        const ProvisionChange& pc = c_.provisions[p];
        const Unit* ou = pc.old_place.present() ? &c_.old_unit(pc) : nullptr;
        const Unit* nu = pc.new_place.present() ? &c_.new_unit(pc) : nullptr;
        Finding f;
        f.subject = FindingSubject::provision;
        f.provision = p;
        if (!pc.references_removed.empty() || !pc.references_added.empty()) {
            FindingFacts& facts = f.set_facts();
            facts.references_removed = pc.references_removed;
            facts.references_added = pc.references_added;
            for (const std::string& key : pc.references_removed)
                facts.cited_removed.push_back(written(od_, old_cited_, ou ? ou->clause : no_clause, key));
            for (const std::string& key : pc.references_added)
                facts.cited_added.push_back(written(nd_, new_cited_, nu ? nu->clause : no_clause, key));
        }
        const std::size_t in_old = pc.old_place.entry;
        const std::size_t in_new = pc.new_place.entry;
        if (in_old != none) entry_has_provision_change_[in_old] = 1;
        if (in_new != none) entry_has_provision_change_[in_new] = 1;
        f.entry = in_new != none ? in_new : in_old;
        f.position = f.entry;
        f.change_number = number_of(f.entry);
        if (ou) f.old_clause = ou->clause;
        if (nu) f.new_clause = nu->clause;
        f.quote_language = (nu ? nd_ : od_).language;
        f.quote = {FindingQuote::From::provision, static_cast<std::uint32_t>(p)};
        f.clause_removed = in_old != none && c_.entries[in_old].change == ClauseChange::removed;
        f.clause_added = in_new != none && c_.entries[in_new].change == ClauseChange::added;
        const Unit& main = nu ? *nu : *ou;
        switch (pc.change) {
        case ProvisionChangeKind::removed:
            f.category = main.what.kind == ProvisionKind::requirement ? FindingCategory::requirement_removed
                                                                       : FindingCategory::provision_removed_added;
            f.verb = FindingVerb::deleted;
            break;
        case ProvisionChangeKind::added:
            f.category = main.what.kind == ProvisionKind::requirement ? FindingCategory::requirement_added
                                                                       : FindingCategory::provision_removed_added;
            f.verb = FindingVerb::added;
            break;
        case ProvisionChangeKind::negated:
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened: {
            const bool requirement = ou->what.kind == ProvisionKind::requirement || nu->what.kind == ProvisionKind::requirement;
            f.category = pc.change == ProvisionChangeKind::negated && requirement ? FindingCategory::requirement_removed
                                                                                  : FindingCategory::force_changed;
            break;
        }
        case ProvisionChangeKind::modified:
            // A requirement that now cites other documents is a reference change above all.
            f.category = main.what.kind == ProvisionKind::requirement &&
                                 (!pc.references_removed.empty() || !pc.references_added.empty())
                             ? FindingCategory::reference
                             : FindingCategory::provision_reworded;
            break;
        case ProvisionChangeKind::moved: f.category = FindingCategory::provision_moved; break;
        }
        findings_.push_back(std::move(f));
    }

    // ---- The normative-references list ----

    void normative_references() {
        // A reference that left the list together with the requirement citing it is part of
        // that requirement's finding, not a finding of its own.
        // The first finding that names each reference, on each side: looked up, not searched
        // (a list of N references was N findings searched N times). The keys of the list are
        // unique, so a finding made here covers none after it.
        using Naming = std::pair<std::string_view, std::size_t>;
        std::vector<Naming> naming[2];   // [removed], by key, then finding
        for (std::size_t i = 0; i < findings_.size(); ++i)
            for (const bool removed : {true, false})
                for (const std::string& key : removed ? findings_[i].facts().references_removed : findings_[i].facts().references_added)
                    naming[removed].emplace_back(key, i);
        for (std::vector<Naming>& names : naming) {
            std::sort(names.begin(), names.end());
            names.erase(std::unique(names.begin(), names.end(), [](const Naming& x, const Naming& y) { return x.first == y.first; }),
                        names.end());
        }
        auto covered = [&](const std::string& key, bool removed) {
            const std::vector<Naming>& names = naming[removed];
            const auto it = std::lower_bound(names.begin(), names.end(), Naming{key, 0});
            if (it == names.end() || it->first != key) return false;
            FindingFacts& facts = findings_[it->second].set_facts();
            (removed ? facts.left_normative_list : facts.joined_normative_list).push_back(key);
            return true;
        };
        const std::size_t refs_entry = normative_entry_;
        for (bool removed : {true, false}) {
            for (const std::string& key : removed ? c_.references.normative_removed : c_.references.normative_added) {
                if (covered(key, removed)) continue;
                Finding f;
                f.category = FindingCategory::reference;
                f.subject = FindingSubject::normative_reference;
                // Never null: the key is that of one of the list's citations.
                const Analysis& a = removed ? c_.old_analysis : c_.new_analysis;
                f.citation = static_cast<std::uint32_t>((removed ? old_cited_ : new_cited_).find(no_clause, key) - a.references.data());
                f.entry = refs_entry;
                f.position = refs_entry == none ? 0 : refs_entry;
                f.change_number = number_of(refs_entry);
                f.verb = removed ? FindingVerb::deleted : FindingVerb::added;
                findings_.push_back(std::move(f));
            }
        }
    }

    // ---- Clause entries ----

    Region region_of(const ClauseEntry& e) const { return redline::region_of(c_.doc_of(e), c_.clause_of(e)); }

    static FindingVerb verb_of(const ClauseEntry& e) {
        if (e.change == ClauseChange::removed) return FindingVerb::deleted;
        if (e.change == ClauseChange::added) return FindingVerb::added;
        return FindingVerb::changed;
    }

    void entry(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        if (!e.substantive()) return;
        if (i == normative_entry_) return;  // its changes are the reference findings
        const Region region = region_of(e);
        if (region == Region::cover || region == Region::contents) return;
        const Document& d = c_.doc_of(e);
        const ClauseId id = c_.clause_of(e);
        if (is_drafting_organisation(d, id) && (e.change == ClauseChange::removed || e.change == ClauseChange::added)) {
            organisations_.push_back(i);  // one node per drafting organisation
            return;
        }
        Finding f;
        f.entry = i;
        f.position = i;
        f.change_number = e.number;
        if (!e.old_ids.empty()) f.old_clause = e.old_ids.front();
        if (!e.new_ids.empty()) f.new_clause = e.new_ids.front();
        f.quote_language = d.language;
        f.quote = {FindingQuote::From::entry, static_cast<std::uint32_t>(i)};
        f.verb = verb_of(e);
        if (region != Region::body) {
            f.category = FindingCategory::front_matter;
            f.subject = FindingSubject::front_matter;
            if (e.change == ClauseChange::modified && name_lists(f)) return;
            findings_.push_back(std::move(f));
            return;
        }
        if (d[id].role == SectionRole::scope && e.change != ClauseChange::removed) {
            f.category = FindingCategory::scope;
            f.subject = FindingSubject::scope;
            f.verb = FindingVerb::changed;
            findings_.push_back(std::move(f));
            return;
        }
        if (d[id].kind == ClauseKind::term_entry) {
            f.category = FindingCategory::definition;
            f.subject = FindingSubject::definition;
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
            f.subject = FindingSubject::clause;
            findings_.push_back(std::move(f));
            return;
        }
        if (e.change == ClauseChange::moved && !e.is(ClauseChange::modified))
            return;  // moved unchanged: listed in the renumbering table
        if (e.change == ClauseChange::renumbered) return;
        f.category = FindingCategory::wording;
        f.subject = FindingSubject::wording;
        f.verb = FindingVerb::changed;
        findings_.push_back(std::move(f));
    }

    // A front-matter text whose changed paragraphs list drafters or drafting organisations:
    // each list is a finding of the names removed and added, as sets. True when the lists
    // were all that changed (the text needs no finding of its own).
    bool name_lists(const Finding& text_finding) {
        const std::vector<Edit>& quote = c_.quote(text_finding);
        const std::string old_text = side_text(quote, true), new_text = side_text(quote, false);
        std::vector<std::string_view> old_lines = lines_of(old_text), new_lines = lines_of(new_text);
        // Paragraphs on both sides are unchanged.
        std::vector<std::uint8_t> old_same(old_lines.size(), 0), new_same(new_lines.size(), 0);
        for (std::size_t i = 0; i < old_lines.size(); ++i)
            for (std::size_t j = 0; j < new_lines.size(); ++j)
                if (!new_same[j] && old_lines[i] == new_lines[j]) {
                    old_same[i] = new_same[j] = 1;
                    break;
                }
        std::size_t changed = 0, listed = 0;
        for (std::size_t i = 0; i < old_lines.size(); ++i) changed += !old_same[i];
        for (std::size_t j = 0; j < new_lines.size(); ++j) changed += !new_same[j];
        for (std::size_t i = 0; i < old_lines.size(); ++i) {
            NameList before;
            if (old_same[i] || !name_list(old_lines[i], before)) continue;
            for (std::size_t j = 0; j < new_lines.size(); ++j) {
                NameList after;
                if (new_same[j] || !name_list(new_lines[j], after) || after.subject != before.subject) continue;
                Finding f = text_finding;
                f.subject = before.subject;
                f.quote = {};
                FindingFacts& facts = f.set_facts();
                facts.items_before = before.names.size();
                facts.items_after = after.names.size();
                for (const std::string& n : before.names)
                    if (std::find(after.names.begin(), after.names.end(), n) == after.names.end()) facts.items_removed.push_back(n);
                for (const std::string& n : after.names)
                    if (std::find(before.names.begin(), before.names.end(), n) == before.names.end()) facts.items_added.push_back(n);
                old_same[i] = new_same[j] = 1;
                listed += 2;
                if (!facts.items_removed.empty() || !facts.items_added.empty()) findings_.push_back(std::move(f));
                break;
            }
        }
        if (listed == 0) return false;
        return listed == changed;
    }

    // ---- Cover and foreword facts ----

    void document_info() {
        if (!organisations_.empty()) {
            Finding f;
            f.category = FindingCategory::front_matter;
            f.subject = FindingSubject::organisations;
            auto count = [](const Document& d) {
                std::size_t n = 0;
                for (ClauseId id = 1; id < d.size(); ++id) n += is_drafting_organisation(d, id);
                return n;
            };
            FindingFacts& facts = f.set_facts();
            facts.items_before = count(od_);
            facts.items_after = count(nd_);
            for (std::size_t i : organisations_) {
                const ClauseEntry& e = c_.entries[i];
                if (e.change == ClauseChange::removed)
                    facts.items_removed.push_back(std::string(od_.str(od_.blocks_begin(e.old_ids.front())->text)));
                else
                    facts.items_added.push_back(std::string(nd_.str(nd_.blocks_begin(e.new_ids.front())->text)));
            }
            f.entry = organisations_.front();
            f.change_number = c_.entries[organisations_.front()].number;
            f.quote_language = od_.language;
            f.position = 0;  // first among the front-matter findings: who drafts the standard
            findings_.push_back(std::move(f));
        }
        const DocumentInfo& o = od_.info;
        const DocumentInfo& n = nd_.info;
        auto info_finding = [&](FindingSubject subject, std::vector<std::string> before, std::vector<std::string> after) {
            Finding f;
            f.category = FindingCategory::front_matter;
            f.subject = subject;
            FindingFacts& facts = f.set_facts();
            facts.old_values = std::move(before);
            facts.new_values = std::move(after);
            f.position = 1;
            findings_.push_back(std::move(f));
        };
        if (o.replaces != n.replaces) info_finding(FindingSubject::replaced_standards, o.replaces, n.replaces);
        if (o.title != n.title && !o.title.empty() && !n.title.empty()) info_finding(FindingSubject::title, {o.title}, {n.title});
        if (o.stage != n.stage) info_finding(FindingSubject::stage, {o.stage}, {n.stage});
    }

    const Comparison& c_;
    const Document& od_;
    const Document& nd_;
    const Citations old_cited_, new_cited_;
    std::vector<std::uint8_t> old_has_provision_, new_has_provision_, entry_has_provision_change_;
    std::vector<Finding> findings_;
    std::vector<std::size_t> organisations_;
    std::size_t normative_entry_ = none;
};

}  // namespace

std::vector<Finding> find_findings(const Comparison& comparison) { return Finder(comparison).run(); }

}  // namespace redline
