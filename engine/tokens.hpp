// Documents as integer token streams: the input of matching and diffing.
//
// Every node's content (its title, then its own blocks) is tokenised once (text::tokenize)
// and each token interned twice: by its exact text (what the diff compares and shows) and
// by its comparison key (what matching and the editorial test compare). White space is not
// a token; a flag on the following token remembers it, so the text can be rebuilt with
// single spaces. A paragraph break between blocks is a token of its own ("\n").
#pragma once

#include "engine/document.hpp"
#include "engine/text.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace redline {

// Interners shared by the two documents of a comparison.
struct TokenTables {
    text::Interner exact;
    text::Interner key;
    std::uint32_t paragraph_break = 0;   // exact and key id of "\n" (the same in both tables)
    std::vector<std::uint32_t> key_of_exact;  // comparison-key id of each exact id, computed once
    // Set by seal(), after which the interners look nothing up: what sentence_end_ids() and
    // clause_comma_ids() return.
    bool sealed = false;
    std::vector<std::uint32_t> sentence_ends, clause_commas;
};

struct TokenRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t size() const { return end - begin; }
};

// A token's comparison key is not stored: it is tables.key_of_exact[exact[i]] (a table of the
// distinct tokens, which stays in cache; a per-token copy was 4 bytes a token, 66 MB of two
// 80,000-clause drafts).
struct TokenizedDocument {
    std::vector<std::uint32_t> exact;         // per token
    static constexpr std::uint8_t word_flag = 1;    // a word, Han word or number (not punctuation)
    static constexpr std::uint8_t space_flag = 2;   // white space preceded it
    std::vector<std::uint8_t> flags;          // per token: word_flag | space_flag (one byte, not two arrays)
    std::vector<TokenRange> title;            // per node
    std::vector<TokenRange> body;             // per node: own blocks, paragraph breaks between

    bool is_word(std::uint32_t token) const { return (flags[token] & word_flag) != 0; }
    bool space_before(std::uint32_t token) const { return (flags[token] & space_flag) != 0; }
};

TokenTables make_token_tables();

// Tokenises every node of `doc`, interning into `tables`.
TokenizedDocument tokenize_document(const Document& doc, TokenTables& tables);

// Re-expresses `td`, tokenised into `from`, in the ids of `into`, adding the tokens `into`
// lacks. The ids come out exactly as if `td`'s document had been tokenised into `into` after
// the documents already there, so drafts can be tokenised apart (on two threads) and joined.
// Returns, for each key id of `from`, its id in `into`.
std::vector<std::uint32_t> retable(TokenizedDocument& td, const TokenTables& from, TokenTables& into);

// The exact ids of the tokens that end a sentence unit (. 。 ; ； ! ！ ? ？ and the paragraph
// break), sorted.
std::vector<std::uint32_t> sentence_end_ids(const TokenTables& tables);

// The exact ids of the commas that divide a Chinese sentence into its parts (，), sorted.
std::vector<std::uint32_t> clause_comma_ids(const TokenTables& tables);

// Closes the tables of a comparison once both drafts are tokenised into them (retable()):
// keeps the ids that later stages find by their text and gives back both interners' lookup
// tables, which nothing reads any more. Two drafts of 150,000 distinct words a side kept
// 8.4 MB of them through the alignment, whose own tables now reuse the memory. Interning
// into sealed tables, or finding in them, throws std::logic_error.
void seal(TokenTables& tables);

// Per comparison key: 1 when the word is a number or a part of a numbered reference (digits,
// Han numerals, 第/条/款/项). A revision that inserts or removes clauses renumbers every
// reference after them, so such words say little about which rewritten text is which.
std::vector<std::uint8_t> number_keys(const TokenTables& tables);

}  // namespace redline
