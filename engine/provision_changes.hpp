// Provision changes: normative units of the old and new documents matched across the whole
// document (internal to engine/comparison).
#pragma once

#include "engine/comparison.hpp"

namespace redline {

// What matching needs of one side's provisions. It depends on that side's analysis alone,
// so compare() prepares it on the second thread while the first aligns the clauses.
struct ProvisionKeys {
    std::vector<std::uint32_t> normative;           // indices of units that are provisions
    std::vector<std::string> key;                   // per unit: comparison key of its text
    std::vector<std::vector<std::string>> words;    // per unit: sorted word keys
    std::vector<std::vector<std::string>> refs;     // per unit: sorted reference keys
};
ProvisionKeys provision_keys(const Document& doc, const Analysis& analysis);

// Fills comparison.provisions, .provision_counts and .references from the two analyses, their
// keys and the clause alignment (old clause → new clause, no_clause when removed).
void compare_provisions(Comparison& comparison, const std::vector<ClauseId>& old_to_new, const ProvisionKeys& old_keys,
                        const ProvisionKeys& new_keys);

}  // namespace redline
