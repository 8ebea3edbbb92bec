// Findings: the changes that matter to a reader of obligations, ranked — the substance of
// the brief as data. The engine decides what is a finding, its category, its place and its
// quotation; the wording (Chinese or English headlines) belongs to the writers.
#pragma once

#include "engine/document.hpp"
#include "engine/edit.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

struct Comparison;
struct Reference;

// In rank order: a finding of an earlier category is listed before one of a later category.
enum class FindingCategory : std::uint8_t {
    requirement_removed,      // removed or negated requirements
    requirement_added,        // new requirements
    force_changed,            // weakened or strengthened provisions
    systematic,               // the same replacement made in many places
    provision_removed_added,  // recommendations, permissions, possibilities removed or added
    provision_reworded,       // same force, new wording
    reference,                // mandatory references added or removed
    scope,                    // the scope clause
    definition,               // term entries
    clause,                   // clauses removed or added that hold no provision
    front_matter,             // drafting organisations, replaced standards, stage, foreword
    wording,                  // other substantive text changes
    provision_moved,          // the same provision in another clause
};
inline constexpr int finding_categories = 13;
std::string_view to_string(FindingCategory category);

// What a finding reports, which decides the facts it carries.
enum class FindingSubject : std::uint8_t {
    provision,             // Comparison::provisions[provision]
    normative_reference,   // `reference` left or joined the normative-references list
    scope,                 // the scope clause changed (entry)
    definition,            // a term entry removed, added or changed (entry)
    clause,                // a clause without provisions removed or added (entry)
    front_matter,          // a front-matter clause changed, removed or added (entry)
    wording,               // other substantive text change (entry)
    organisations,         // drafting organisations removed or added (items)
    replaced_standards,    // the standards this one replaces (values)
    title,                 // the document's title (values)
    stage,                 // the draft's stage (values)
    drafters,              // a list of drafters' names in one paragraph, diffed as a set (items)
    systematic,            // the same replacement in many places (values, members)
};

// Where a finding's quotation is held: the word diff of the provision or entry it reports,
// kept once by the comparison and read through Comparison::quote, never copied per finding
// (a draft of many small clauses has as many findings as clauses: docs/limits.md, memory).
struct FindingQuote {
    enum class From : std::uint8_t { none, provision, entry };
    From from = From::none;
    std::uint32_t index = 0;   // into Comparison::provisions (wording) or ::entries (edits)
};

// What happened, as a GB/T foreword's change list says it.
enum class FindingVerb : std::uint8_t { deleted, added, changed };

// A finding that makes a systematic edit, as the systematic finding lists it: what places it
// and whether the systematic finding alone tells it (the finding itself may be listed no more).
struct SystematicMember {
    FindingSubject subject = FindingSubject::wording;
    // When it makes no other change, the first systematic finding it makes tells it: it is
    // listed no more on its own.
    bool told = false;
    ClauseId old_clause = no_clause, new_clause = no_clause;
    std::size_t provision = static_cast<std::size_t>(-1);   // Comparison::provisions, or none
    std::size_t position = 0;                                // document order (entry index)
};

// The facts only some subjects have. Most findings have none (a draft of many small clauses
// has as many findings as clauses: docs/limits.md, memory), so a finding holds them apart.
struct FindingFacts {
    // References it drops (adds) that also left (joined) the normative-references list.
    std::vector<std::string> left_normative_list, joined_normative_list;
    // Subject provision (a normative reference has its own, from normative_citation).
    std::vector<std::string> references_removed, references_added;   // keys ("GB/T 29829-2022")
    // The same references as the draft prints them ("GB/T 29829—2022"), for quoting.
    std::vector<std::string> cited_removed, cited_added;
    // Organisations or drafters, as listed: a list of names is a set, so a name that stays
    // in the list is neither removed nor added wherever it stands.
    std::vector<std::string> items_removed, items_added;
    std::size_t items_before = 0, items_after = 0;         // how many were listed
    std::vector<std::string> old_values, new_values;       // replaced standards, title, stage;
                                                           // systematic: the words replaced, their replacement
    // Subject systematic: the findings that make the replacement, in document order (at least
    // systematic_minimum of them).
    std::vector<SystematicMember> members;
};

// A compact record (64 bytes): what every finding has inline, its subject's facts apart
// (FindingFacts, allocated only when it has any), its quotation and the clauses its labels
// name read from the comparison (Comparison::quote, labelled_clauses), never copied.
struct Finding {
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    FindingCategory category = FindingCategory::wording;
    FindingSubject subject = FindingSubject::wording;
    FindingVerb verb = FindingVerb::changed;
    Language quote_language = Language::unknown;
    bool clause_removed = false;         // a provision's old clause was deleted
    bool clause_added = false;           // a provision's new clause is new
    FindingQuote quote;                  // the quotation (equal / removed / inserted runs): Comparison::quote
    // Where it is: the clause that places it on each side (no_clause when the side has none).
    ClauseId old_clause = no_clause, new_clause = no_clause;
    std::uint32_t change_number = 0;     // C14 of its entry, when it has one
    // Subject normative_reference: its first citation (Analysis::references) in the draft
    // whose list it left (verb deleted: the old draft) or joined: normative_citation.
    std::uint32_t citation = 0;
    std::size_t provision = none;        // index into Comparison::provisions (subject provision)
    std::size_t entry = none;            // the entry it reports or stands in
    std::size_t position = 0;            // document order (entry index): the rank within a category

    Finding() = default;
    Finding(Finding&&) noexcept = default;
    Finding& operator=(Finding&&) noexcept = default;
    Finding(const Finding& other);
    Finding& operator=(const Finding& other);
    ~Finding();

    // Its subject's facts; empty ones when it has none.
    const FindingFacts& facts() const;
    // The same, to fill: made when first asked for.
    FindingFacts& set_facts();

private:
    std::unique_ptr<FindingFacts> facts_;
};

// A normative-reference finding's reference, read from the comparison and never copied (a
// list of N standards, each cited at a new date, makes 2N of them): its first citation in
// the draft whose list it left or joined, with the key ("GB/T 29829-2022"), and the citation
// as that draft prints it ("GB/T 29829—2022").
const Reference& normative_citation(const Comparison& comparison, const Finding& finding);
std::string_view reference_written(const Comparison& comparison, const Finding& finding);

// The clauses a finding's labels name on one side (a split or merge names several): the
// clause that places a provision, the first clause of the normative-references list, the
// clauses of the entry it reports; none for the document's facts and systematic edits.
std::span<const ClauseId> labelled_clauses(const Comparison& comparison, const Finding& finding, bool old_side);

// How many findings making the same replacement ("必须" → "应当") make it a systematic edit.
inline constexpr std::size_t systematic_minimum = 5;

// Where a clause stands: in the body, or in one of the parts of the front matter (the cover,
// the table of contents, the foreword, any other), as the reader set their roles.
enum class Region : std::uint8_t { body, cover, contents, foreword, other_front };
Region region_of(const Document& doc, ClauseId id);

// The findings of a comparison whose entries and provision changes are complete, ranked.
std::vector<Finding> find_findings(const Comparison& comparison);

}  // namespace redline
