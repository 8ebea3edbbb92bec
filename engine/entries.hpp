// Clause entries (internal to engine/pipeline): the alignment classified into moves, splits
// and merges and put in reading order, then each entry's text diffed word by word.
#pragma once

#include "engine/comparison.hpp"
#include "engine/diff.hpp"
#include "engine/match.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace redline {

// One entry to make: a pair (o, n), an added clause (n) or a removed one (o).
struct EntryJob {
    ClauseId o = no_clause, n = no_clause;
};

// The alignment read as clause changes: which matched clauses moved, which take part in a
// split, merge or reorganisation, and the entries in reading order (new document order, each removed clause
// after the closest clause before it that kept a place).
struct EntryPlan {
    std::vector<EntryJob> jobs;
    std::vector<std::uint8_t> moved;                      // per new node
    std::unordered_map<ClauseId, std::size_t> group_of;   // primary new node → index into Alignment::groups
};

EntryPlan plan_entries(const Document& old_doc, const Document& new_doc, const Alignment& alignment);

// Diffs the text of entries. Both token streams must be in the ids of `tables`.
class EntryDiffer {
public:
    EntryDiffer(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                const TokenizedDocument& new_tokens, const TokenTables& tables, const Alignment& alignment,
                const EntryPlan& plan, bool ignore_editorial);

    // When `script` is given, it receives the token edit script of the entry's body (empty
    // when the body did not change or is shown as a replaced block).
    ClauseEntry entry(const EntryJob& job, std::vector<TokenEdit>* script = nullptr) const;
    // The tokens an entry's diff reads (to share the work out evenly).
    std::uint64_t tokens_of(const EntryJob& job) const;

    // Where each token of an entry with edits lands in the text its edits spell out on each
    // side: byte offsets, indexed by the token's place in the side's sequence (the entry's
    // clauses' bodies joined by one paragraph break each). `script` is what entry() gave (the
    // body is diffed again when it is empty).
    struct Spelling {
        std::vector<std::uint32_t> old_start, old_end, new_start, new_end;
    };
    Spelling spelling(const ClauseEntry& entry, const std::vector<TokenEdit>& script) const;

    // The word edits turning the old tokens [old.begin, old.end) into the new ones, as
    // diff_text() gives them for the two texts on their own.
    std::vector<Edit> words(TokenRange old_tokens, TokenRange new_tokens) const;

private:
    ClauseEntry one_sided(ClauseId id, bool old_side) const;
    ClauseEntry paired(ClauseId o, ClauseId n, std::vector<TokenEdit>* script) const;

    const Document& old_doc_;
    const Document& new_doc_;
    const TokenizedDocument& ot_;
    const TokenizedDocument& nt_;
    const TokenTables& tables_;
    const Alignment& al_;
    const EntryPlan& plan_;
    bool ignore_editorial_;
    std::vector<std::uint32_t> sentence_ends_;
};

// Word-level edits turning one piece of text into another (a sentence, a title), cleaned up
// as clause diffs are; never presented as a replaced block.
std::vector<Edit> diff_text(std::string_view old_text, std::string_view new_text);

}  // namespace redline
