// The result of comparing two revisions: what every writer (JSON, terminal, HTML, brief)
// reads. Writers never look at the alignment or the token streams directly.
#pragma once

#include "engine/diff.hpp"
#include "engine/document.hpp"
#include "engine/match.hpp"
#include "engine/provisions.hpp"
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

    // The change kind, or one of the further facts: e.is(ClauseChange::moved).
    bool is(ClauseChange k) const {
        if (change == k) return true;
        for (ClauseChange a : also)
            if (a == k) return true;
        return false;
    }
};

struct ClauseSummary {
    std::uint32_t counts[8] = {};       // indexed by ClauseChange
};

// What happened to one provision between the two documents. Provisions are matched across
// the whole document, not only within a clause pair, so a provision that moved to another
// clause is `moved`, never removed and added.
enum class ProvisionChangeKind : std::uint8_t { removed, added, weakened, strengthened, negated, modified, moved };
std::string_view to_string(ProvisionChangeKind kind);

struct ProvisionChange {
    ProvisionChangeKind change = ProvisionChangeKind::modified;
    static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    std::uint32_t old_unit = none;           // index into Comparison::old_analysis.units; none when added
    std::uint32_t new_unit = none;           // index into Comparison::new_analysis.units; none when removed
    bool also_moved = false;                 // weakened/strengthened/negated/modified in another clause
    std::vector<std::string> references_removed, references_added;   // keys, sorted
};

struct ReferenceChanges {
    std::vector<std::string> removed, added;             // cited anywhere, keys sorted
    std::vector<std::string> normative_removed, normative_added;   // the normative-references list
};

struct Comparison {
    const Document* old_doc = nullptr;
    const Document* new_doc = nullptr;
    std::vector<ClauseEntry> entries;   // new document order, removed clauses at their old place
    ClauseSummary summary;
    Analysis old_analysis, new_analysis;
    std::vector<ProvisionChange> provisions;   // in new document order, removed ones at their old place
    std::uint32_t provision_counts[7] = {};    // indexed by ProvisionChangeKind
    ReferenceChanges references;

    // Any substantive difference (what decides exit status 1).
    bool has_substantive_changes() const;
};

struct CompareOptions {
    bool ignore_editorial = false;   // drop editorial-only entries' edits and mark them unchanged
    bool auto_profile = true;        // choose each document's profile from its content
    Profile profile = Profile::iso;  // used when auto_profile is false
};

// What matching provisions across two drafts needs of one draft's provisions (made by
// prepare(), read by compare()).
struct ProvisionKeys {
    static constexpr std::uint32_t extra_word = 0x80000000u;   // words[] ids from here index extra_words
    std::vector<std::uint32_t> normative;           // indices of units that are provisions
    std::vector<std::string> key;                   // per unit: comparison key of its text
    std::vector<std::vector<std::uint32_t>> words;  // per unit: its words' comparison-key ids, sorted
    std::vector<std::string> extra_words;           // word keys the draft's key table lacks
    std::vector<std::vector<std::string>> refs;     // per unit: sorted reference keys
};

// One draft made ready for comparison: its tokens (interned in tables of its own), its
// provisions and the keys that provision matching needs. Preparing depends on that draft
// alone, so two drafts can be prepared at the same time (the CLI prepares each on the thread
// that read it), and a draft compared with several others can be prepared once and copied.
struct PreparedDraft {
    const Document* doc = nullptr;   // must outlive the draft and any comparison made from it
    TokenTables tables;
    TokenizedDocument tokens;
    Analysis analysis;               // with the profile chosen by the options given to prepare()
    ProvisionKeys keys;
};

PreparedDraft prepare(const Document& doc, const CompareOptions& options = {});
PreparedDraft prepare(Document&& doc, const CompareOptions& options = {}) = delete;

// Aligns, diffs and classifies two prepared drafts (options.ignore_editorial applies here;
// the profiles are those the drafts were prepared with). Both documents must outlive the
// Comparison.
Comparison compare(PreparedDraft old_draft, PreparedDraft new_draft, const CompareOptions& options = {});

// Prepares both documents (the old one on a second thread) and compares them. Both documents
// must outlive the Comparison.
Comparison compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options = {});
// The Comparison points into both documents: temporaries would dangle.
Comparison compare(Document&& old_doc, const Document& new_doc, const CompareOptions& options = {}) = delete;
Comparison compare(const Document& old_doc, Document&& new_doc, const CompareOptions& options = {}) = delete;
Comparison compare(Document&& old_doc, Document&& new_doc, const CompareOptions& options = {}) = delete;

// Word-level edits turning one piece of text into another (a sentence, a title), cleaned up
// as clause diffs are; never presented as a replaced block.
std::vector<Edit> diff_text(std::string_view old_text, std::string_view new_text);

}  // namespace redline
