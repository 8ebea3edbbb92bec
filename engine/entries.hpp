// Clause entries (internal to engine/pipeline): the alignment classified into moves, splits
// and merges and put in reading order, then each entry's text diffed word by word.
#pragma once

#include "engine/comparison.hpp"
#include "engine/diff.hpp"
#include "engine/match.hpp"
#include "engine/tokens.hpp"

#include <cstdint>
#include <span>
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

    // Where given tokens of an entry with edits land in the text its edits spell out on each
    // side. A token is named by its place in the side's sequence (the entry's clauses' bodies
    // joined by one paragraph break each); `old_tokens` and `new_tokens` are sorted and
    // unique, and the answer holds their byte offsets in the same order (a place past the
    // side's sequence is not found). `script` is what entry() gave (the body is diffed again
    // when it is empty). Only the places asked for are kept: every token's place was 16 bytes
    // a token, 46 MB for a clause of a million paragraphs.
    struct Spelled {
        static constexpr std::uint32_t none = static_cast<std::uint32_t>(-1);
        std::uint32_t start = none, end = none;
        bool found() const { return start != none; }
    };
    struct Spelling {
        std::vector<Spelled> old_side, new_side;
    };
    Spelling spelling(const ClauseEntry& entry, const std::vector<TokenEdit>& script,
                      std::span<const std::uint32_t> old_tokens, std::span<const std::uint32_t> new_tokens) const;

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
