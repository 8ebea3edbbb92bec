// find_findings(): the comparison's changes that matter to a reader of obligations, as data.
#include "engine/findings.hpp"

#include "engine/comparison.hpp"
#include "engine/text.hpp"

#include <algorithm>

namespace redline {

std::string_view to_string(FindingCategory category) {
    switch (category) {
    case FindingCategory::requirement_removed: return "requirement-removed";
    case FindingCategory::requirement_added: return "requirement-added";
    case FindingCategory::force_changed: return "force-changed";
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

namespace {

constexpr std::size_t none = Finding::none;

ClauseId top_of(const Document& d, ClauseId id) {
    while (id != no_clause && d[id].depth > 1) id = d[id].parent;
    return id;
}

bool is_drafting_organisation(const Document& d, ClauseId id) { return d[id].role == SectionRole::drafting_organisation; }

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

class Finder {
public:
    explicit Finder(const Comparison& c) : c_(c), od_(*c.old_doc), nd_(*c.new_doc) {
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
        for (std::size_t p = 0; p < c_.provisions.size(); ++p) provision(p);
        normative_references();
        for (std::size_t i = 0; i < c_.entries.size(); ++i) entry(i);
        document_info();
        std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
            if (a.category != b.category) return a.category < b.category;
            return a.position < b.position;
        });
        return std::move(findings_);
    }

private:
    std::uint32_t number_of(std::size_t entry) const { return entry == none ? 0 : c_.entries[entry].number; }

    // ---- Provisions ----

    void provision(std::size_t p) {
        const ProvisionChange& pc = c_.provisions[p];
        const Unit* ou = pc.old_place.present() ? &c_.old_unit(pc) : nullptr;
        const Unit* nu = pc.new_place.present() ? &c_.new_unit(pc) : nullptr;
        Finding f;
        f.subject = FindingSubject::provision;
        f.provision = p;
        f.references_removed = pc.references_removed;
        f.references_added = pc.references_added;
        const std::size_t in_old = pc.old_place.entry;
        const std::size_t in_new = pc.new_place.entry;
        if (in_old != none) entry_has_provision_change_[in_old] = 1;
        if (in_new != none) entry_has_provision_change_[in_new] = 1;
        f.entry = in_new != none ? in_new : in_old;
        f.position = f.entry;
        f.change_number = number_of(f.entry);
        if (ou) {
            f.old_clause = ou->clause;
            f.old_clauses = {ou->clause};
        }
        if (nu) {
            f.new_clause = nu->clause;
            f.new_clauses = {nu->clause};
        }
        f.quote_language = (nu ? nd_ : od_).language;
        f.quote = pc.wording;
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
        auto covered = [&](const std::string& key, bool removed) {
            for (Finding& f : findings_) {
                const auto& refs = removed ? f.references_removed : f.references_added;
                if (std::find(refs.begin(), refs.end(), key) != refs.end()) {
                    (removed ? f.left_normative_list : f.joined_normative_list).push_back(key);
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
                f.subject = FindingSubject::normative_reference;
                f.reference = key;
                (removed ? f.references_removed : f.references_added).push_back(key);
                f.entry = refs_entry;
                f.position = refs_entry == none ? 0 : refs_entry;
                f.change_number = number_of(refs_entry);
                f.verb = removed ? FindingVerb::deleted : FindingVerb::added;
                if (refs_entry != none) {
                    const ClauseEntry& e = c_.entries[refs_entry];
                    if (!e.old_ids.empty()) f.old_clauses = {e.old_ids.front()};
                    if (!e.new_ids.empty()) f.new_clauses = {e.new_ids.front()};
                }
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
        if (!e.old_ids.empty()) {
            f.old_clause = e.old_ids.front();
            f.old_clauses = e.old_ids;
        }
        if (!e.new_ids.empty()) {
            f.new_clause = e.new_ids.front();
            f.new_clauses = e.new_ids;
        }
        f.quote_language = d.language;
        f.quote = e.edits;
        f.verb = verb_of(e);
        if (region != Region::body) {
            f.category = FindingCategory::front_matter;
            f.subject = FindingSubject::front_matter;
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
            f.items_before = count(od_);
            f.items_after = count(nd_);
            for (std::size_t i : organisations_) {
                const ClauseEntry& e = c_.entries[i];
                if (e.change == ClauseChange::removed)
                    f.items_removed.push_back(std::string(od_.str(od_.blocks_begin(e.old_ids.front())->text)));
                else
                    f.items_added.push_back(std::string(nd_.str(nd_.blocks_begin(e.new_ids.front())->text)));
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
            f.old_values = std::move(before);
            f.new_values = std::move(after);
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
    std::vector<std::uint8_t> old_has_provision_, new_has_provision_, entry_has_provision_change_;
    std::vector<Finding> findings_;
    std::vector<std::size_t> organisations_;
    std::size_t normative_entry_ = none;
};

}  // namespace

std::vector<Finding> find_findings(const Comparison& comparison) { return Finder(comparison).run(); }

std::vector<std::string> terms_found(std::string_view text, const std::vector<std::string>& terms) {
    std::vector<std::string> found;
    const std::string folded = text::comparison_key(text);
    for (const std::string& term : terms) {
        const std::string key = text::comparison_key(term);
        if (!key.empty() && folded.find(key) != std::string::npos) found.push_back(term);
    }
    return found;
}

}  // namespace redline
