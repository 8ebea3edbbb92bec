// Provision changes: normative units of the old and new documents matched across the whole
// document (internal to engine/comparison).
#pragma once

#include "engine/comparison.hpp"

namespace redline {

// The keys of one draft's provisions; word ids are those of the draft's own `tables.key`.
ProvisionKeys provision_keys(const Document& doc, const Analysis& analysis, const TokenTables& tables);

// Re-expresses the new draft's word ids in the joined key table: `new_key_map` maps its key ids
// (retable()), and the extra words of both drafts get ids of their own beyond the table.
void join_word_ids(ProvisionKeys& old_keys, ProvisionKeys& new_keys, const std::vector<std::uint32_t>& new_key_map,
                   const text::Interner& joined_keys);

// Fills comparison.provisions, .provision_counts and .references from the two analyses, their
// keys and the clause alignment (old clause → new clause, no_clause when removed).
void compare_provisions(Comparison& comparison, const std::vector<ClauseId>& old_to_new, const ProvisionKeys& old_keys,
                        const ProvisionKeys& new_keys);

}  // namespace redline
