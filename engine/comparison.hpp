// The result of comparing two revisions: what every writer (JSON, terminal, HTML, brief)
// reads. Writers never look at the alignment or the token streams directly.
#pragma once

#include "engine/diff.hpp"
#include "engine/document.hpp"
#include "engine/match.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

enum class ClauseChange : std::uint8_t { unchanged, modified, renumbered, moved, added, removed, split, merged };

std::string_view to_string(ClauseChange change);
std::ostream& operator<<(std::ostream& os, ClauseChange change);

struct Edit {
    EditOp op = EditOp::equal;
    std::string text;          // display text; the edits of an entry concatenate to its old/new text
    bool editorial = false;    // a remove/insert that differs from its partner only editorially
};

// One entry per clause of either document (split and merged entries hold several).
struct ClauseEntry {
    ClauseChange change = ClauseChange::unchanged;
    std::vector<ClauseChange> also;     // further facts: renumbered, modified, moved
    bool editorial = false;             // changed, but only editorially (incl. numbering only)
    bool replaced = false;              // presentation: old block then new block
    bool title_changed = false;
    float score = 0;                    // of the pair; 0 for added/removed
    MatchReason reason = MatchReason::none;
    std::uint32_t number = 0;           // change number (C1, C2, …) of substantive entries; 0 = none
    std::vector<ClauseId> old_ids;      // empty for added
    std::vector<ClauseId> new_ids;      // empty for removed
    std::vector<Edit> edits;            // body text; empty when unchanged
    std::vector<Edit> title_edits;      // when the title changed
};

struct ClauseSummary {
    std::uint32_t counts[8] = {};       // indexed by ClauseChange
};

struct Comparison {
    const Document* old_doc = nullptr;
    const Document* new_doc = nullptr;
    std::vector<ClauseEntry> entries;   // new document order, removed clauses at their old place
    ClauseSummary summary;

    // Any substantive difference (what decides exit status 1).
    bool has_substantive_changes() const;
};

struct CompareOptions {
    bool ignore_editorial = false;   // drop editorial-only entries' edits and mark them unchanged
};

// Aligns, diffs and classifies. Both documents must outlive the Comparison.
Comparison compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options = {});

}  // namespace redline
