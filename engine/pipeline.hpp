// The one entry point of the engine: prepare each draft, then compare two prepared drafts.
//
//   Document ─► prepare() ─► PreparedDraft        (tokens, provisions, provision keys)
//   PreparedDraft × 2 ─► compare() ─► Comparison   (align → classify → diff → provisions → findings)
//
// This is the only place the engine starts threads: prepare_pair() reads and prepares two
// drafts at once, and compare() matches provisions beside the clause diffs. Results are
// byte-identical to a sequential run.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/provision_changes.hpp"
#include "engine/provisions.hpp"
#include "engine/tokens.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace redline {

// What preparing a draft depends on: the verbal-form profile (chosen from the draft's content
// when not given). A named profile applies to every draft prepared with it: comparing "shall"
// under iso with "MUST" under rfc2119 would report every provision as changed.
struct PrepareOptions {
    std::optional<Profile> profile;
};

// The profile a draft is analysed under: the given one, or the one its content calls for.
Profile profile_for(const Document& doc, const PrepareOptions& options);

// What comparing two prepared drafts depends on.
struct CompareOptions {
    bool ignore_editorial = false;   // drop editorial-only entries' edits and mark them unchanged
};

// One draft made ready for comparison: its tokens (interned in tables of its own), its
// provisions and the keys provision matching needs. Preparing depends on that draft alone,
// so two drafts can be prepared at once, and a draft compared with several others (a
// revision store) is prepared once and copied.
struct PreparedDraft {
    std::shared_ptr<const Document> doc;
    Profile profile = Profile::iso;   // as chosen by prepare(); also analysis.profile
    Language language = Language::unknown;
    TokenTables tables;
    TokenizedDocument tokens;
    Analysis analysis;
    ProvisionKeys keys;
};

// Prepares a draft that the caller keeps alive for as long as the draft and any comparison
// made from it.
PreparedDraft prepare(const Document& doc, const PrepareOptions& options = {});
// Prepares a draft and owns it.
PreparedDraft prepare(Document&& doc, const PrepareOptions& options = {});

// Reads and prepares two drafts, the old one on a second thread. When both readers throw, the
// old draft's error is the one rethrown, as it would be reading them in turn.
std::pair<PreparedDraft, PreparedDraft> prepare_pair(const std::function<Document()>& read_old,
                                                     const std::function<Document()>& read_new,
                                                     const PrepareOptions& options = {});

// Aligns, classifies and diffs two prepared drafts, matches their provisions and ranks the
// findings. The Comparison shares ownership of both documents.
Comparison compare(PreparedDraft old_draft, PreparedDraft new_draft, const CompareOptions& options = {});

// Prepares both documents (the old one on a second thread) and compares them. Both documents
// must outlive the Comparison.
Comparison compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options = {},
                   const PrepareOptions& prepare_options = {});
// The Comparison would point into temporaries: prepare() them (which takes ownership) instead.
Comparison compare(Document&& old_doc, const Document& new_doc, const CompareOptions& options = {},
                   const PrepareOptions& prepare_options = {}) = delete;
Comparison compare(const Document& old_doc, Document&& new_doc, const CompareOptions& options = {},
                   const PrepareOptions& prepare_options = {}) = delete;
Comparison compare(Document&& old_doc, Document&& new_doc, const CompareOptions& options = {},
                   const PrepareOptions& prepare_options = {}) = delete;

}  // namespace redline
