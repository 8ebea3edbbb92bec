// Clause alignment between two revisions of a draft.
//
// Identity comes from content, not numbers. The matchers run in a chain over one mapping,
// each leaving what it cannot decide to the next (GumTree's shape, with clause numbers and
// titles as extra evidence):
//   1. identical subtrees, by a fingerprint of content that ignores labels (so a renumbered
//      or moved clause whose text is unchanged is found at once); ambiguous fingerprints are
//      settled by matched parents, equal labels, then document order;
//   2. similar content: candidates from an inverted index of rare tokens (never all pairs),
//      scored by token overlap with title, label and parent as evidence, assigned greedily
//      from the best score down;
//   3. children matched: an unmatched parent whose children mostly went to the children of
//      one unmatched parent on the other side;
//   4. same label: leftovers under matched parents with equal label and kind and some
//      common content;
//   5. promotions: a list item that became an article of its own, recognised by what its
//      list's lead-in and the item say together;
//   6. split and merge: an unmatched node whose content is largely contained in a node of
//      the other side that is already matched (or in several unmatched ones).
// A pair must be supported by a number, a title or a parent, or clear its threshold with
// words weighted by rarity too; an item paired into an unrelated clause's list needs nearly
// the same text. Every pair carries a score in [0, 1] and the reason that decided it.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/parallel.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <iosfwd>
#include <string_view>
#include <utility>
#include <vector>

namespace redline {

// Clauses that correspond as a whole, beyond one-to-one: a split (one old clause, several new),
// a merge (several old, one new) or a reorganisation (several of each: two old articles
// redistributed over three new ones). One of its pairs is the group's primary pair, which is
// also in old_to_new/new_to_old; the group's entry stands where the primary new clause does.
struct Group {
    std::vector<ClauseId> old_ids;   // in document order
    std::vector<ClauseId> new_ids;   // in document order
    // Which old part corresponds to which new part: (index into old_ids, index into new_ids),
    // sorted. Every part takes part in at least one link.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    ClauseId primary_old = no_clause, primary_new = no_clause;
};

struct Alignment {
    std::vector<ClauseId> old_to_new;    // per old node; no_clause when unmatched
    std::vector<ClauseId> new_to_old;    // per new node
    std::vector<float> score;            // per new node: the score of its pair
    std::vector<MatchReason> reason;     // per new node
    std::vector<Group> groups;           // no clause is in two groups
};

// Aligns every node of `old_doc` with at most one node of `new_doc` (roots with roots).
// Groups record the extra nodes of splits and merges beyond the one-to-one pair.
// Both token streams are in the ids of `tables`. Independent work (indexing each side) is
// handed to `both`.
Alignment align(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                const TokenizedDocument& new_tokens, const TokenTables& tables, const RunBoth& both = one_after_other);

// Rebuilds `al.groups` from links beyond the one-to-one pairs (old clause, new clause): each
// set of clauses connected by links and by the one-to-one pairs of linked clauses is a group.
// A group without a one-to-one pair gets its first link as one.
void form_groups(Alignment& al, const std::vector<std::pair<ClauseId, ClauseId>>& links);

}  // namespace redline
