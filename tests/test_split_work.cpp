// One clause split into many parts, and many merged into one, no word changed (issue 15,
// bench/adversarial's split-clause and merged-clauses): the parts are found (one group, every
// part linked to the whole) in work that grows linearly with them. Each part used to be
// compared with a residue of the whole made afresh for it, by a merge over all of the whole's
// words: n² steps. The work is counted (work::Counter::split_merge_words), never timed.
#define BOOST_TEST_MODULE split_work
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "engine/work_counters.hpp"
#include "tests/support/generated_words.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

using namespace redline;
using redline::tests::word_for;

namespace {

// One clause of n requirements, as paragraphs of its own or as n subclauses of one each
// (bench/adversarial's drafts, built directly).
Document requirements(std::size_t n, bool as_subclauses) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    b.open(ClauseKind::clause, "", "Requirements", SourceLocation{line++, 0, 0});
    for (std::size_t i = 0; i < n; ++i) {
        if (as_subclauses) b.open(ClauseKind::clause, "", "Item " + word_for(i, 'a'), SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, "The device shall support the " + word_for(i, 'f') + " feature.",
                    SourceLocation{line++, 0, 0});
        if (as_subclauses) b.close();
    }
    b.close();
    return b.finish();
}

// Compares the drafts, checks that they make one entry of the given change holding the whole
// and its n parts, each part linked to the whole, and returns the steps counted.
std::uint64_t split_or_merge(std::size_t n, bool split) {
    const Document whole = requirements(n, false), parts = requirements(n, true);
    const std::uint64_t before = work::read(work::Counter::split_merge_words);
    const Comparison c = split ? compare(whole, parts) : compare(parts, whole);
    const std::uint64_t steps = work::read(work::Counter::split_merge_words) - before;
    BOOST_TEST_REQUIRE(c.entries.size() == 1u);
    const ClauseEntry& e = c.entries[0];
    BOOST_TEST((e.change == (split ? ClauseChange::split : ClauseChange::merged)));
    // The whole is clause 1 of its draft; its parts are clauses 1 (the heading) to n + 1.
    const std::vector<ClauseId>& many = split ? e.new_ids : e.old_ids;
    const std::vector<ClauseId>& one = split ? e.old_ids : e.new_ids;
    BOOST_TEST(one == std::vector<ClauseId>{1});
    BOOST_TEST_REQUIRE(many.size() == n + 1);
    for (std::size_t k = 0; k <= n; ++k) BOOST_TEST(many[k] == k + 1);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
    for (std::uint32_t k = 0; k <= n; ++k) links.emplace_back(split ? 0 : k, split ? k : 0);
    BOOST_TEST((e.links == links));
    return steps;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_clause_split_into_many_parts_or_merged_from_them_is_found_in_linear_work) {
    for (const bool split : {true, false}) {
        std::uint64_t steps[2] = {};
        for (const std::size_t n : {500u, 1000u}) {
            BOOST_TEST_INFO((split ? "split" : "merged") << ", n " << n);
            steps[n == 1000] = split_or_merge(n, split);
            // A residue of the whole (six words a part) made for each part, and merged with it,
            // was some 12 n² steps (3,000,000 at n = 500); made once and galloped through, the
            // whole's words are walked once and each part's a few times over log n.
            BOOST_TEST(steps[n == 1000] <= 400 * n);
        }
        BOOST_TEST_INFO((split ? "split" : "merged") << ": " << steps[0] << " then " << steps[1] << " steps");
        BOOST_TEST(steps[1] <= 2 * steps[0] + steps[0] / 5);
    }
}
