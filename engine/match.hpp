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
//   5. split and merge: an unmatched node whose content is largely contained in a node of
//      the other side that is already matched (or in several unmatched ones).
// Every pair carries a score in [0, 1] and the reason that decided it.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/parallel.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <iosfwd>
#include <string_view>
#include <vector>

namespace redline {

struct Split {
    ClauseId old_id = no_clause;
    std::vector<ClauseId> new_ids;   // in document order
};

struct Merge {
    std::vector<ClauseId> old_ids;   // in document order
    ClauseId new_id = no_clause;
};

struct Alignment {
    std::vector<ClauseId> old_to_new;    // per old node; no_clause when unmatched
    std::vector<ClauseId> new_to_old;    // per new node
    std::vector<float> score;            // per new node: the score of its pair
    std::vector<MatchReason> reason;     // per new node
    std::vector<Split> splits;
    std::vector<Merge> merges;
};

// Aligns every node of `old_doc` with at most one node of `new_doc` (roots with roots).
// Splits and merges record the extra nodes that take part beyond the one-to-one pair.
// Both token streams are in the ids of `tables`. Independent work (indexing each side) is
// handed to `both`.
Alignment align(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                const TokenizedDocument& new_tokens, const TokenTables& tables, const RunBoth& both = one_after_other);

}  // namespace redline
