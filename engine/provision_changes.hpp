// Provision changes (internal to engine/pipeline): normative units of the old and new
// documents matched across the whole document, then placed in the entries that show them.
#pragma once

#include "engine/comparison.hpp"
#include "engine/entries.hpp"
#include "engine/text.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

// What matching provisions across two drafts needs of one draft's provisions (made when the
// draft is prepared, read when it is compared).
struct ProvisionKeys {
    static constexpr std::uint32_t extra_word = 0x80000000u;   // words[] ids from here index extra_words
    static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> normative;           // indices of units that are provisions
    std::vector<std::uint32_t> slot;                // per unit: its index in `normative`; none for statements
    // Per provision, in the order of `normative` (most units are statements: slots for every
    // unit were 80 bytes each, 50 MB of two 80,000-clause drafts). Look up a unit's with
    // key_in() (by index in `normative`), words_of() and refs_of().
    // Words in one flat array: a vector per provision cost 24 bytes, an allocation and its
    // growth slack. (Keys keep 64-bit ends: NFKC can make a key longer than its text.)
    std::string keys;                               // comparison keys of their texts, one after another
    std::vector<std::size_t> key_end;               // where each one's key ends in `keys`
    std::vector<std::uint32_t> words;               // their words' comparison-key ids, each one's sorted
    std::vector<std::uint32_t> words_end;           // where each one's words end in `words`
    std::vector<std::string> extra_words;           // word keys the draft's key table lacks
    std::vector<std::uint32_t> extra_ids;           // per extra word, its joined id (join_extra_words())
    std::vector<std::vector<std::string>> refs;     // sorted reference keys

    std::string_view key_in(std::uint32_t s) const {
        const std::size_t begin = s == 0 ? 0 : key_end[s - 1];
        return std::string_view(keys).substr(begin, key_end[s] - begin);
    }
    std::span<const std::uint32_t> words_of(std::uint32_t unit) const { return words_in(slot[unit]); }
    std::span<const std::uint32_t> words_in(std::uint32_t s) const {
        const std::uint32_t begin = s == 0 ? 0 : words_end[s - 1];
        return std::span<const std::uint32_t>(words).subspan(begin, words_end[s] - begin);
    }
    const std::vector<std::string>& refs_of(std::uint32_t unit) const { return refs[slot[unit]]; }
};

// The keys of one draft's provisions; word ids are those of the draft's own `tables.key`.
ProvisionKeys provision_keys(const Document& doc, const Analysis& analysis, const TokenTables& tables);

// Gives the extra words of both drafts their ids in the joined key table, or ids of their own
// beyond it (the same word the same id on both sides). Looks the words up: done before the
// joined tables are sealed (seal()).
void join_extra_words(ProvisionKeys& old_keys, ProvisionKeys& new_keys, const text::Interner& joined_keys);

// Re-expresses both drafts' word ids in the joined key table: `new_key_map` maps the new
// draft's key ids (retable()), extra words take the ids join_extra_words() gave them.
void join_word_ids(ProvisionKeys& old_keys, ProvisionKeys& new_keys, const std::vector<std::uint32_t>& new_key_map);

// Fills comparison.provisions (kinds, units, references), .provision_counts and .references
// from the two analyses, their keys and the clause alignment: `old_to_new` the one-to-one
// pairs (old clause → new clause, no_clause when it has none; a provision in another clause
// than its clause's pair moved), `counterpart` where each old clause's text went (its pair, or
// for a part of a merge or reorganisation without one, a new part it is linked to), searched
// first for a reworded provision.
void compare_provisions(Comparison& comparison, const std::vector<ClauseId>& old_to_new,
                        const std::vector<ClauseId>& counterpart, const ProvisionKeys& old_keys,
                        const ProvisionKeys& new_keys);

// Once the entries are made: each provision change's clauses, entries and sentence offsets in
// the entries' texts (spelled as `differ` spells them), its wording, and each entry's list of
// provision changes. Both token streams must be in the ids of `tables`.
// `scripts` holds, per entry, the body's token edit script that `differ` made.
void place_provisions(Comparison& comparison, const EntryDiffer& differ, const std::vector<std::vector<TokenEdit>>& scripts,
                      const TokenizedDocument& old_tokens, const TokenizedDocument& new_tokens, const TokenTables& tables);

}  // namespace redline
