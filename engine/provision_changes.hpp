// Provision changes: normative units of the old and new documents matched across the whole
// document (internal to engine/comparison).
#pragma once

#include "engine/comparison.hpp"

namespace redline {

// Fills comparison.provisions, .provision_counts and .references from the two analyses, their
// keys and the clause alignment (old clause → new clause, no_clause when removed).
void compare_provisions(Comparison& comparison, const std::vector<ClauseId>& old_to_new, const ProvisionKeys& old_keys,
                        const ProvisionKeys& new_keys);

}  // namespace redline
