// What comparing two drafts allocates beyond the prepared drafts, against their size (issue
// 15: memory within 20× the input), counted by this executable's own operator new
// (tests/support/counting_allocator.hpp), never timed. The drafts are one clause of one-word
// paragraphs each, the input with the most tokens and paragraphs per byte: the comparison
// diffs that clause whole (its paragraphs aligned, its sentence units searched, its spelling
// read for each provision), and each of those used to copy or index every token of it.
#define BOOST_TEST_MODULE diff_memory
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "engine/tokens.hpp"
#include "formats/reader.hpp"
#include "tests/support/counting_allocator.hpp"
#include "tests/support/generated_words.hpp"

#include <random>
#include <string>
#include <tuple>

using namespace redline;
using redline::tests::peak_while;

namespace {

// `count` one-word paragraphs; the later draft gives every 20th a word more (3 in 10) or drops
// it (1 in 10), as bench/memory_ratio.py's drafts do.
std::pair<std::string, std::string> one_word_drafts(std::size_t count) {
    static const char* words[] = {"the", "device", "shall", "not", "store", "data", "may", "send", "frames", "key"};
    std::mt19937 rng(1);
    std::string old_text, new_text;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string word = words[rng() % 10];
        old_text += word + "\n\n";
        const unsigned r = rng() % 10;
        if (i % 20 == 0 && r < 3) new_text += word + " extra\n\n";
        else if (!(i % 20 == 0 && r == 3)) new_text += word + "\n\n";
    }
    return {old_text, new_text};
}

Document read(const std::string& text, const char* path) {
    formats::ReadOptions o;
    o.path = path;
    return formats::read_document(text, o);
}

}  // namespace

BOOST_AUTO_TEST_CASE(comparing_one_clause_of_many_paragraphs_allocates_a_bounded_multiple_of_the_input) {
    const auto [old_text, new_text] = one_word_drafts(100'000);
    auto [old_draft, new_draft] = prepare_pair([&] { return read(old_text, "old.txt"); }, [&] { return read(new_text, "new.txt"); });
    BOOST_TEST_REQUIRE(old_draft.doc->size() == 2u);   // the root and one clause of all the paragraphs
    Comparison c;
    const std::size_t peak = peak_while([&] { c = compare(std::move(old_draft), std::move(new_draft)); });
    BOOST_TEST(c.entries.size() == 1u);
    BOOST_TEST(c.provisions.size() > 100u);
    const double ratio = static_cast<double>(peak) / static_cast<double>(old_text.size() + new_text.size());
    BOOST_TEST_MESSAGE("allocated while comparing, beyond the prepared drafts: " << peak << " bytes, " << ratio
                                                                                 << "x the input");
    // 8.1x when the diff copied each token sequence (Seq, 10 bytes a token), ran dtl (copies
    // of both sequences, 32 bytes a script token) and spelled every token's place (16 bytes a
    // token); 2.8x since (2026-12-02), 3.1x measured on 2026-12-04.
    BOOST_TEST(ratio < 4.0);
}

namespace {

// bench/adversarial's wide-unmatched class: one heading of `count` children a side, each a
// title and a sentence of eight words from a vocabulary of 200,000 that the other draft does
// not share, so no child finds a partner and every one reaches the similar-content search.
std::pair<std::string, std::string> wide_unmatched_drafts(std::size_t count) {
    auto word = [](std::size_t i, char first) { return tests::word_for(i, first); };
    std::mt19937 rng(1);
    std::string old_text = "# Root\n\n", new_text = "# Root\n\n";
    for (std::size_t i = 0; i < count; ++i)
        for (auto [text, side, letter] : {std::tuple{&old_text, "## Old ", 'o'}, std::tuple{&new_text, "## New ", 'n'}}) {
            *text += side;
            *text += word(i, 'a');
            *text += "\n\n";
            for (int k = 0; k < 8; ++k) {
                if (k) *text += ' ';
                *text += word(rng() % 200000, letter);
            }
            *text += ".\n\n";
        }
    return {old_text, new_text};
}

}  // namespace

// The alignment's candidate index is most of what such a comparison allocates beyond its
// result (bench/adversarial: it set the heap's peak): its frequency table held the shingles
// of both sides, nearly all distinct here, and lived on beside the group table made from it.
BOOST_AUTO_TEST_CASE(comparing_a_wide_parent_of_unmatched_children_allocates_a_bounded_multiple_of_the_input) {
    const auto [old_text, new_text] = wide_unmatched_drafts(20'000);
    auto [old_draft, new_draft] = prepare_pair([&] { return read(old_text, "old.md"); }, [&] { return read(new_text, "new.md"); });
    BOOST_TEST_REQUIRE(old_draft.doc->size() == 20'002u);   // the root, the heading and its children
    Comparison c;
    const std::size_t peak = peak_while([&] { c = compare(std::move(old_draft), std::move(new_draft)); });
    BOOST_TEST(c.summary.counts[static_cast<int>(ClauseChange::removed)] == 20'000u);
    const double ratio = static_cast<double>(peak) / static_cast<double>(old_text.size() + new_text.size());
    BOOST_TEST_MESSAGE("allocated while comparing, beyond the prepared drafts: " << peak << " bytes, " << ratio
                                                                                 << "x the input");
    // 11.1x while the frequency table counted both sides' shingles and stayed alive beside
    // the group table; 7.3x until the joined token tables kept their lookup tables (8 bytes
    // a slot, 8.4 MB here) through the alignment; 3.9x since they are sealed (2026-12-03).
    BOOST_TEST(ratio < 5.0);
}

BOOST_AUTO_TEST_CASE(one_long_paragraph_is_tokenised_a_piece_at_a_time) {
    // One paragraph of 3 MB (a whole clause of sentences, as adversarial shuffled-provisions
    // has): its tokens are made a piece of 256 KB at a time, and come out as they would whole.
    std::string text;
    for (std::size_t i = 0; text.size() < 3'000'000; ++i)
        text += "The device shall verify frame " + std::to_string(i) + " within 5 ms, or it may drop it. ";
    DocumentBuilder b;
    b.open(ClauseKind::clause, "1", "Scope", {});
    b.add_block(BlockKind::paragraph, text, {});
    const Document doc = b.finish();
    TokenTables tables = make_token_tables();
    TokenizedDocument td;
    const std::size_t peak = peak_while([&] { td = tokenize_document(doc, tables); });
    // The same tokens as the tokenizer makes of the whole text at once, white space dropped.
    const std::vector<text::Token> whole = text::tokenize(text);
    std::size_t k = td.body[1].begin;
    for (const text::Token& t : whole) {
        if (t.kind == text::TokenKind::space) continue;
        BOOST_TEST_REQUIRE(k < td.body[1].end);
        BOOST_TEST_REQUIRE(tables.exact.text(td.exact[k]) == std::string_view(text).substr(t.offset, t.length));
        ++k;
    }
    BOOST_TEST(k == td.body[1].end);
    BOOST_TEST_MESSAGE("peak allocated while tokenising: " << peak << " bytes for " << text.size());
    // 41.5 MB, 13.8x the text (the tokenizer's buffer of the whole paragraph, 12 bytes a token
    // grown by doubling, beside the streams) before; 9.4 MB, 3.1x, now: the streams, the
    // interner and a piece's buffer.
    BOOST_TEST(peak < 4 * text.size());
}

namespace {

// bench/adversarial's zh-term-section class: a GB/T term section of `count` entries, each a
// term and one requirement, weakened in the later draft (应 → 宜). Every entry is a matched
// pair with a small edit and a changed provision, and each is about 45 bytes a side: what the
// comparison keeps or builds for each entry weighs more than its text.
std::pair<std::string, std::string> term_section_drafts(std::size_t count) {
    const std::string head = "1 范围\n\n本文件规定了设备的安全要求。\n\n3 术语和定义\n\n";
    std::string old_text = head, new_text = head;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string entry = "3." + std::to_string(i + 1) + "\n" + tests::word_for(i, 't') + "\n";
        old_text += entry + "设备应记录" + tests::word_for(i) + "事件。\n\n";
        new_text += entry + "设备宜记录" + tests::word_for(i) + "事件。\n\n";
    }
    return {old_text, new_text};
}

}  // namespace

// The analysis lists the defined terms: a term was two strings (72 bytes, grown by doubling),
// more than its entry's text; it is now the entry's clause.
BOOST_AUTO_TEST_CASE(analysing_a_term_section_allocates_a_bounded_amount_per_entry) {
    constexpr std::size_t count = 20'000;
    const Document doc = read(term_section_drafts(count).first, "old.txt");
    Analysis a;
    const std::size_t peak = peak_while([&] { a = analyse(doc, Profile::gb); });
    BOOST_TEST(a.terms.size() == count);
    BOOST_TEST(term_text(doc, a.terms[0]) == "ta");
    const double per_entry = static_cast<double>(peak) / count;
    BOOST_TEST_MESSAGE("allocated while analysing " << count << " term entries: " << peak << " bytes, " << per_entry
                                                    << " an entry");
    // 214 bytes an entry with the terms' strings; 47 since (2026-12-03): the units and the terms' clauses.
    BOOST_TEST(per_entry < 100.0);
}

// Placing the provision changes cached each clause's block beginnings (a hash-map node and a
// vector, some 160 bytes a clause a side) though a term entry has one block; and the
// provisions' keys stayed alive until every entry was diffed, while their edits were made.
BOOST_AUTO_TEST_CASE(comparing_a_term_section_allocates_a_bounded_multiple_of_the_input) {
    constexpr std::size_t count = 20'000;
    const auto [old_text, new_text] = term_section_drafts(count);
    auto [old_draft, new_draft] = prepare_pair([&] { return read(old_text, "old.txt"); }, [&] { return read(new_text, "new.txt"); });
    Comparison c;
    const std::size_t peak = peak_while([&] { c = compare(std::move(old_draft), std::move(new_draft)); });
    BOOST_TEST(c.provision_counts[static_cast<int>(ProvisionChangeKind::weakened)] == count);
    const double ratio = static_cast<double>(peak) / static_cast<double>(old_text.size() + new_text.size());
    BOOST_TEST_MESSAGE("allocated while comparing " << count << " term entries, beyond the prepared drafts: " << peak
                                                    << " bytes, " << ratio << "x the input");
    // 9.2x before; 7.7x with the keys freed early (2026-12-03); 7.1x since the joined token
    // tables are sealed.
    BOOST_TEST(ratio < 7.5);
}
