#define BOOST_TEST_MODULE document
#include <boost/test/unit_test.hpp>

#include "engine/document.hpp"

#include <stdexcept>

using namespace redline;

namespace {

SourceLocation at(std::uint32_t line) { return SourceLocation{line, 0, 0}; }

// 1 Scope (text) › 2 Terms › 2.1 (text), 2.2; then text after 2.2 under 2; 3 (no text).
Document sample() {
    DocumentBuilder b;
    b.open(ClauseKind::clause, "1", "Scope", at(1));
    b.add_block(BlockKind::paragraph, "This document specifies.", at(2));
    b.close();
    b.open(ClauseKind::clause, "2", "Terms", at(4));
    b.add_block(BlockKind::paragraph, "Lead-in.", at(5));
    b.open(ClauseKind::term_entry, "2.1", "device", at(6));
    b.add_block(BlockKind::paragraph, "A thing.", at(7));
    b.close();
    b.open(ClauseKind::term_entry, "2.2", "user", at(8));
    b.close();
    b.add_block(BlockKind::paragraph, "Trailing one.", at(10));
    b.add_block(BlockKind::paragraph, "Trailing two.", at(11));
    b.close();
    b.open(ClauseKind::clause, "3", "Requirements", at(12));
    return b.finish();
}

}  // namespace

BOOST_AUTO_TEST_CASE(preorder_arena_with_sibling_hops) {
    const Document d = sample();
    BOOST_TEST(d.size() == 7u);  // root, 1, 2, 2.1, 2.2, paragraph, 3
    BOOST_TEST(d[0].kind == ClauseKind::root);
    BOOST_TEST(d[0].end == 7u);
    BOOST_TEST(d.child_count(0) == 3u);

    ClauseId c = d.first_child(0);
    BOOST_TEST(d.label(c) == "1");
    c = d.next_sibling(c);
    BOOST_TEST(d.label(c) == "2");
    BOOST_TEST(d[c].end == 6u);
    BOOST_TEST(d.child_count(c) == 3u);
    c = d.next_sibling(c);
    BOOST_TEST(d.label(c) == "3");
    BOOST_TEST(d.next_sibling(c) == no_clause);
    BOOST_TEST(d.first_child(c) == no_clause);
}

BOOST_AUTO_TEST_CASE(text_after_children_goes_to_one_paragraph_node) {
    const Document d = sample();
    const ClauseId terms = 2;
    BOOST_TEST(d.own_text(terms) == "Lead-in.");
    const ClauseId para = 5;
    BOOST_TEST(d[para].kind == ClauseKind::paragraph);
    BOOST_TEST(d[para].parent == terms);
    BOOST_TEST(d.own_text(para) == "Trailing one.\nTrailing two.");
    BOOST_TEST(d[para].where.line == 10u);
    BOOST_TEST(d[para].depth == 2u);
}

BOOST_AUTO_TEST_CASE(blocks_are_contiguous_in_reading_order) {
    const Document d = sample();
    std::vector<std::uint32_t> lines;
    for (ClauseId id = 0; id < d.size(); ++id)
        for (const Block* b = d.blocks_begin(id); b != d.blocks_end(id); ++b) lines.push_back(b->where.line);
    BOOST_TEST(lines == (std::vector<std::uint32_t>{2, 5, 7, 10, 11}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(depth_parent_and_labels_as_given) {
    const Document d = sample();
    BOOST_TEST(d[3].depth == 2u);
    BOOST_TEST(d[3].parent == 2u);
    BOOST_TEST(d.title(3) == "device");
    BOOST_TEST(std::string(to_string(d[3].kind)) == "term-entry");
    BOOST_TEST(d[6].where.line == 12u);
}

BOOST_AUTO_TEST_CASE(close_to_and_finish_close_everything) {
    DocumentBuilder b;
    const ClauseId a = b.open(ClauseKind::clause, "6", "", at(1));
    b.open(ClauseKind::clause, "6.1", "", at(2));
    b.open(ClauseKind::clause, "6.1.1", "", at(3));
    b.close_to(a);
    BOOST_TEST(b.current() == a);
    b.open(ClauseKind::clause, "6.2", "", at(4));
    const Document d = b.finish();
    BOOST_TEST(d[1].end == 5u);
    BOOST_TEST(d[2].end == 4u);
    BOOST_TEST(d.child_count(1) == 2u);
}

BOOST_AUTO_TEST_CASE(a_role_is_set_once) {
    DocumentBuilder b;
    const ClauseId scope = b.open(ClauseKind::clause, "1", "Scope", at(1));
    BOOST_TEST(b.clause(scope).role == SectionRole::none);
    b.set_role(scope, SectionRole::scope);
    b.set_role(scope, SectionRole::scope);  // the same role again: harmless
    BOOST_CHECK_THROW(b.set_role(scope, SectionRole::terms), std::logic_error);
    b.close();
    const Document d = b.finish();
    BOOST_TEST(d[scope].role == SectionRole::scope);
    BOOST_TEST(d[0].role == SectionRole::none);
    BOOST_TEST(std::string(to_string(SectionRole::normative_references)) == "normative-references");
    BOOST_TEST(std::string(to_string(SectionRole::drafting_organisation)) == "drafting-organisation");
    // The role lives in the padding after kind and language: a node costs no more than before
    // (68 bytes, and 4 more since places carry a PDF page).
    BOOST_TEST(sizeof(Clause) <= 72u);
}

// The arenas' array (engine/trivial_array): grown by realloc, so its behaviour as a container
// is checked here directly.
BOOST_AUTO_TEST_CASE(trivial_array_keeps_its_elements_through_growth_copies_and_shrinking) {
    TrivialArray<std::uint32_t> a;
    BOOST_TEST(a.empty());
    a.push_back(7);
    // Pushing one of its own elements while it grows: the element is read before it moves.
    for (int i = 0; i < 100; ++i) a.push_back(a[0] + a.back());
    BOOST_TEST(a.size() == 101u);
    BOOST_TEST(a.back() == 7u * 101u);
    BOOST_TEST(a.capacity() >= a.size());
    a.shrink_to_fit();
    BOOST_TEST(a.capacity() == a.size());
    BOOST_TEST(a[50] == 7u * 51u);

    TrivialArray<std::uint32_t> copy = a;
    copy[0] = 1;
    BOOST_TEST(a[0] == 7u);
    BOOST_TEST(copy.size() == 101u);
    TrivialArray<std::uint32_t> moved = std::move(copy);
    BOOST_TEST(moved[0] == 1u);
    BOOST_TEST(copy.empty());
    copy = moved;
    BOOST_TEST(copy[100] == 707u);
    copy.clear();
    copy.shrink_to_fit();
    BOOST_TEST(copy.capacity() == 0u);
    copy.reserve(1000);
    BOOST_TEST(copy.capacity() == 1000u);
    BOOST_TEST(copy.empty());
}

// From trivial_storage::mapped_bytes on the array maps its storage and grows it by mremap; it
// goes back to the allocator's storage when shrunk below. Elements of a size that does not
// divide a page (72 bytes, as a clause) survive each change of storage.
BOOST_AUTO_TEST_CASE(trivial_array_keeps_its_elements_across_mapped_storage) {
    struct Element {
        std::uint64_t words[9];
    };
    static_assert(sizeof(Element) == 72);
    const std::size_t past_mapping = trivial_storage::mapped_bytes / sizeof(Element) * 3;
    TrivialArray<Element> a;
    for (std::size_t i = 0; i < past_mapping; ++i) a.push_back(Element{{i, 0, 0, 0, 0, 0, 0, 0, i * 3}});
    BOOST_TEST(a.capacity() * sizeof(Element) >= trivial_storage::mapped_bytes);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < a.size(); ++i) wrong += a[i].words[0] != i || a[i].words[8] != i * 3;
    BOOST_TEST(wrong == 0u);

    a.shrink_to_fit();   // mapped, to the last page
    BOOST_TEST(a.capacity() >= a.size());
    BOOST_TEST((a.capacity() - a.size()) * sizeof(Element) < 4096u + sizeof(Element));
    BOOST_TEST(a.back().words[8] == (past_mapping - 1) * 3);

    const TrivialArray<Element> copy = a;   // a mapping of its own
    BOOST_TEST(copy.data() != a.data());
    BOOST_TEST(copy[past_mapping / 2].words[0] == past_mapping / 2);

    // Pushing its own element while the mapping moves.
    TrivialArray<Element> b = copy;
    b.push_back(b[7]);
    BOOST_TEST(b.back().words[0] == 7u);

    // Back below the mapping: the allocator's storage again, the elements kept.
    while (a.size() > 10) a.pop_back();
    a.shrink_to_fit();
    BOOST_TEST(a.capacity() == 10u);
    BOOST_TEST(a[9].words[8] == 27u);
    TrivialArray<Element> moved = std::move(b);
    BOOST_TEST(moved.size() == past_mapping + 1);
    b = std::move(moved);
    BOOST_TEST(b[past_mapping].words[0] == 7u);
}

BOOST_AUTO_TEST_CASE(a_copied_document_owns_its_own_arenas) {
    const Document d = sample();
    Document e = d;
    BOOST_TEST(e.size() == d.size());
    BOOST_TEST(e.clauses().data() != d.clauses().data());
    BOOST_TEST(e.title(1) == "Scope");
    BOOST_TEST(e.own_text(1) == "This document specifies.");
    BOOST_TEST(e.blocks().size() == d.blocks().size());
}
