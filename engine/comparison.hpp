// The result of comparing two revisions: every fact a writer (JSON, terminal, HTML, brief)
// shows, computed once by the engine (engine/pipeline). Writers read these types and compute
// nothing of their own: no alignment, no token streams, no re-diffing.
#pragma once

#include "engine/document.hpp"
#include "engine/edit.hpp"
#include "engine/findings.hpp"
#include "engine/provisions.hpp"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline {

enum class ClauseChange : std::uint8_t { unchanged, modified, renumbered, moved, added, removed, split, merged, reorganised };

std::string_view to_string(ClauseChange change);
std::ostream& operator<<(std::ostream& os, ClauseChange change);

// Why the matcher paired two clauses (docs/matching.md).
enum class MatchReason : std::uint8_t {
    none,
    identical,           // same content (labels aside)
    same_label_similar,  // same label and kind under matched parents, similar content
    similar_content,     // content similar enough on its own
    children_matched,    // its children went to the other node's children
    split,               // one of the parts of an old node split into several new ones
    merge,               // one of the parts merged into one new node
    traced,              // sentences traced to it from the other side (a reorganisation)
    same_place,          // rewritten in place: between two clauses that kept their order
};
std::string_view to_string(MatchReason reason);
std::ostream& operator<<(std::ostream& os, MatchReason reason);

inline constexpr std::size_t no_entry = static_cast<std::size_t>(-1);

// One entry per clause of either document (split and merged entries hold several).
// (The small fields stand together: 192 bytes an entry, where padding made it 200.)
struct ClauseEntry {
    ClauseChange change = ClauseChange::unchanged;
    MatchReason reason = MatchReason::none;
    bool editorial = false;             // changed, but only editorially (incl. numbering only)
    bool replaced = false;              // presentation: old block then new block
    bool over_budget = false;           // part of its word diff went over the diff's budget
                                        // (docs/limits.md) and is shown removed and inserted whole
    bool title_changed = false;
    float score = 0;                    // of the pair; 0 for added/removed
    std::uint32_t number = 0;           // change number (C1, C2, …) of substantive entries; 0 = none
    std::vector<ClauseChange> also;     // further facts: renumbered, modified, moved
    std::vector<ClauseId> old_ids;      // empty for added
    std::vector<ClauseId> new_ids;      // empty for removed
    // Of a split, merge or reorganisation: which old part corresponds to which new part
    // (index into old_ids, index into new_ids), sorted; empty for a one-to-one entry.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    // Body text. When empty the entry is unchanged and its text is its clauses' own text
    // (Document::own_text, joined by '\n'); otherwise the edits spell out both sides.
    std::vector<Edit> edits;
    std::vector<Edit> title_edits;      // when the title changed
    std::vector<std::size_t> provisions;  // indices into Comparison::provisions at either side of it
    // A moved clause's old place: the index of the entry after which it used to stand (the
    // nearest earlier old clause that did not move itself); no_entry when it stood first.
    std::size_t moved_from_after = no_entry;

    // The change kind, or one of the further facts: e.is(ClauseChange::moved).
    bool is(ClauseChange k) const {
        if (change == k) return true;
        for (ClauseChange a : also)
            if (a == k) return true;
        return false;
    }
    bool substantive() const { return number != 0; }
};

struct ClauseSummary {
    std::uint32_t counts[9] = {};       // indexed by ClauseChange
};

// What happened to one provision between the two documents. Provisions are matched across
// the whole document, not only within a clause pair, so a provision that moved to another
// clause is `moved`, never removed and added.
enum class ProvisionChangeKind : std::uint8_t { removed, added, weakened, strengthened, negated, modified, moved };
std::string_view to_string(ProvisionChangeKind kind);

// Where a provision stands in one draft.
struct ProvisionPlace {
    static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    std::uint32_t unit = none;        // index into that side's Analysis::units; none: not on this side
    ClauseId clause = no_clause;      // the clause holding it
    std::size_t entry = no_entry;     // the entry showing that clause
    // The sentence within that side of the entry's text (the text its edits spell out on that
    // side, or its clauses' own text when it has no edits): bytes [offset, offset + length).
    std::uint32_t offset = 0, length = 0;
    bool present() const { return unit != none; }
};

// (128 bytes: the flag stands beside the kind, where padding made it 136.)
struct ProvisionChange {
    ProvisionChangeKind change = ProvisionChangeKind::modified;
    bool also_moved = false;                 // weakened/strengthened/negated/modified in another clause
    ProvisionPlace old_place, new_place;
    std::vector<std::string> references_removed, references_added;   // keys, sorted
    // The sentence's words: one remove (removed), one insert (added), one equal (moved), or the
    // word diff of the old sentence against the new one.
    std::vector<Edit> wording;

    // The side that locates it for a reader: the new one, or the old one when it was removed.
    const ProvisionPlace& place() const { return new_place.present() ? new_place : old_place; }
    // Moved between two entries (shown at both).
    bool changed_entry() const {
        return old_place.present() && new_place.present() && old_place.entry != new_place.entry;
    }
};

struct ReferenceChanges {
    std::vector<std::string> removed, added;             // cited anywhere, keys sorted
    std::vector<std::string> normative_removed, normative_added;   // the normative-references list
};

struct Comparison {
    std::shared_ptr<const Document> old_doc, new_doc;
    std::vector<ClauseEntry> entries;   // new document order, removed clauses at their old place
    ClauseSummary summary;
    Analysis old_analysis, new_analysis;
    std::vector<ProvisionChange> provisions;   // in new document order, removed ones at their old place
    std::uint32_t provision_counts[7] = {};    // indexed by ProvisionChangeKind
    ReferenceChanges references;
    std::vector<Finding> findings;             // ranked, most important first (engine/findings)
    // For each clause of either document, the index of the entry that holds it.
    std::vector<std::size_t> entry_of_old, entry_of_new;
    // The comparison's own remarks, placed in the new draft: where a limit of docs/limits.md
    // made it show less than an exact diff. Writers list them after the drafts' reader
    // warnings, as the new draft's.
    std::vector<Warning> warnings;

    // Any substantive difference (what decides exit status 1).
    bool has_substantive_changes() const;
    const Unit& old_unit(const ProvisionChange& p) const { return old_analysis.units[p.old_place.unit]; }
    const Unit& new_unit(const ProvisionChange& p) const { return new_analysis.units[p.new_place.unit]; }
    // The unit of the side that locates it (new, or old when removed), and its document.
    const Unit& unit(const ProvisionChange& p) const { return p.new_place.present() ? new_unit(p) : old_unit(p); }
    const Document& doc_of(const ProvisionChange& p) const { return p.new_place.present() ? *new_doc : *old_doc; }
    // The clause an entry is shown under: its first new clause, or its first old one when removed.
    const Document& doc_of(const ClauseEntry& e) const { return e.new_ids.empty() ? *old_doc : *new_doc; }
    ClauseId clause_of(const ClauseEntry& e) const { return e.new_ids.empty() ? e.old_ids.front() : e.new_ids.front(); }
    // A finding's quotation: equal / removed / inserted runs (empty when it quotes nothing).
    const std::vector<Edit>& quote(const Finding& f) const;
};

}  // namespace redline
