// Token diff of two matched texts, as a pipeline in the manner of git's xdiff: trim the
// common ends, run the O(NP) algorithm (engine/edit_search: as dtl 1.20 runs it) on integer token ids (coarsened to sentence units
// first when the middle is too large for a token diff), clean the result up so that it
// reads like a careful human's redline, and classify each change as editorial or
// substantive by comparing comparison keys.
#pragma once

#include "engine/edit.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace redline {

// A run of tokens: [a_begin, a_end) of the old sequence and/or [b_begin, b_end) of the new.
// equal runs have both; remove only a; insert only b.
struct TokenEdit {
    EditOp op = EditOp::equal;
    std::uint32_t a_begin = 0, a_end = 0;
    std::uint32_t b_begin = 0, b_end = 0;
    bool editorial = false;   // remove/insert whose text differs only editorially from its partner
    bool block = false;       // one side of a rewritten block pair, shown whole (diff_blocks)
    bool moved = false;       // a whole block moved inside the clause unchanged (diff_blocks)
};

// The two sequences are views of the token streams (engine/tokens): a whole-clause diff copies
// nothing per token, since a clause of a million paragraphs made each copy tens of megabytes.
struct DiffInput {
    std::span<const std::uint32_t> a_exact, b_exact;   // compared
    std::span<const std::uint8_t> a_flags, b_flags;    // per token: word_flag when a word (for the clean-up)
    std::span<const std::uint32_t> key_of_exact;       // comparison key of each exact id (editorial vs substantive)
    std::span<const std::uint32_t> sentence_ends;      // sorted exact ids ending a sentence unit
    std::uint32_t paragraph_break = static_cast<std::uint32_t>(-1);  // exact id of "\n"

    static constexpr std::uint8_t word_flag = 1;       // TokenizedDocument::word_flag
    std::uint32_t a_word(std::uint32_t i) const { return a_flags[i] & word_flag; }
    std::uint32_t b_word(std::uint32_t i) const { return b_flags[i] & word_flag; }
    std::uint32_t a_key(std::uint32_t i) const { return key_of_exact[a_exact[i]]; }
    std::uint32_t b_key(std::uint32_t i) const { return key_of_exact[b_exact[i]]; }
};

// Above this many tokens in the differing middle, the diff first aligns sentence units and
// diffs tokens only inside changed units of bounded size (docs/limits.md).
// The token diff also falls back when (tokens × estimated edit distance) exceeds
// max_diff_work, which bounds the edit search's O((N+M)·D) time on long, very different texts.
inline constexpr std::size_t max_token_diff = 20000;
inline constexpr std::uint64_t max_diff_work = 50'000'000;
// The O(NP) search visits delta + 2p + 1 diagonals in its round p (p: deletions so far); a
// pair of sequences (a gap between anchors, the sentence units of a middle, the blocks of a
// clause) whose search would visit more than this many is shown as one replacement instead:
// about D ≤ 2,000 for two sequences of equal length, such as the same sentences shuffled.
// It is also dtl's own limit, past which dtl would settle for a longer script unannounced;
// engine/edit_search gives up there instead, so it never departs from dtl's script.
inline constexpr std::uint64_t max_diff_diagonals = 2'000'000;

// The edit script, in order; adjacent remove/insert pairs describe a replacement. When
// `over_budget` is given it is set (never cleared) when some part of the script went over
// max_diff_diagonals and is shown as a replacement.
std::vector<TokenEdit> diff_tokens(const DiffInput& in, bool* over_budget = nullptr);

// The diff of a matched clause's body: its blocks (paragraphs, list items, notes, table rows:
// the runs between paragraph breaks) are aligned first — identical blocks in order (a longest
// common subsequence of whole blocks), identical blocks out of order as moved, then, between
// those, similar blocks in order — and each aligned pair is diffed token by token. A pair
// whose changed words exceed `replaced_share` of its words is shown whole: its old block
// removed, its new block inserted, both marked `block`. Unaligned blocks are removed or
// inserted whole; a moved one is marked `moved` at both places. The script covers both
// sequences in order, as diff_tokens' does.
struct BlockDiff {
    std::vector<TokenEdit> script;
    bool replaced = false;   // no block survived (all rewritten, removed or added): show old text, then new
    bool over_budget = false;  // some part went over max_diff_diagonals and is shown replaced
};
BlockDiff diff_blocks(const DiffInput& in, double replaced_share);

}  // namespace redline
