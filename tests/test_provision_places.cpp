// Where provision changes are placed in entries without edits (engine/provision_changes):
// a clause that did not change but whose provisions did — a draft that adopts BCP 14 leaves
// its lower-case "shall" no provision — and a clause split into parts without a word changed.
// Each place is checked against the text the entry shows, and the steps walked to find them
// (work::Counter::placing_steps) are counted at n and 2n: a walk over the clause's blocks or
// the entry's clauses for every provision was quadratic (issue 15, bench/adversarial's
// bcp14-adopted).
#define BOOST_TEST_MODULE provision_places
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "engine/provisions.hpp"
#include "engine/work_counters.hpp"
#include "tests/support/generated_words.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace redline;
using redline::tests::word_for;

namespace {

std::string requirement(std::size_t i) { return "The device shall support the " + word_for(i, 'f') + " feature."; }

// A clause of conventions (citing BCP 14 or not) and one clause of n requirements, one a
// paragraph, in lower case: provisions under ISO's forms, statements under BCP 14's.
Document conventions_and_requirements(std::size_t n, bool bcp14) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    b.open(ClauseKind::clause, "1", "Conventions", SourceLocation{line++, 0, 0});
    b.add_block(BlockKind::paragraph,
                bcp14 ? "The key words in this document are to be interpreted as described in BCP 14 (RFC 2119)."
                      : "The terms of this document are defined below.",
                SourceLocation{line++, 0, 0});
    b.close();
    b.open(ClauseKind::clause, "2", "Requirements", SourceLocation{line++, 0, 0});
    for (std::size_t i = 0; i < n; ++i) b.add_block(BlockKind::paragraph, requirement(i), SourceLocation{line++, 0, 0});
    b.close();
    return b.finish();
}

// One clause of n requirements, as paragraphs of its own or as n subclauses of one each.
Document requirements(std::size_t n, bool as_subclauses) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    b.open(ClauseKind::clause, "1", "Requirements", SourceLocation{line++, 0, 0});
    for (std::size_t i = 0; i < n; ++i) {
        if (as_subclauses) b.open(ClauseKind::clause, "1." + std::to_string(i + 1), "Item " + word_for(i, 'a'), SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, requirement(i), SourceLocation{line++, 0, 0});
        if (as_subclauses) b.close();
    }
    b.close();
    return b.finish();
}

// The text an entry without edits shows (as the redline page spells it): its clauses' own
// texts, the new side's when it has one, joined by '\n' once there is text to join.
std::string shown_text(const Comparison& c, const ClauseEntry& e) {
    std::string out;
    for (const ClauseId id : e.new_ids.empty() ? e.old_ids : e.new_ids) {
        if (!out.empty()) out += '\n';
        out += c.doc_of(e).own_text(id);
    }
    return out;
}

struct Placed {
    std::size_t changes = 0;   // provision changes placed
    std::size_t checked = 0;   // of their places, those in an entry without edits
    std::uint64_t steps = 0;   // work::Counter::placing_steps of the comparison
};

// Compares the drafts and checks that every place in an entry without edits names its
// provision's own sentence in the text the entry shows.
Placed place(const Document& o, const Document& n) {
    Placed r;
    const std::uint64_t before = work::read(work::Counter::placing_steps);
    const Comparison c = compare(o, n);
    r.steps = work::read(work::Counter::placing_steps) - before;
    r.changes = c.provisions.size();
    for (const ProvisionChange& p : c.provisions)
        for (const bool old_side : {true, false}) {
            const ProvisionPlace& place = old_side ? p.old_place : p.new_place;
            if (!place.present() || place.entry == no_entry || !c.entries[place.entry].edits.empty()) continue;
            const std::string text = shown_text(c, c.entries[place.entry]);
            const std::string_view unit = old_side ? unit_text(*c.old_doc, c.old_unit(p)) : unit_text(*c.new_doc, c.new_unit(p));
            BOOST_TEST_INFO("provision \"" << unit << "\", " << (old_side ? "old" : "new") << " side");
            BOOST_TEST_REQUIRE(place.offset + place.length <= text.size());
            BOOST_TEST(std::string_view(text).substr(place.offset, place.length) == unit);
            ++r.checked;
        }
    return r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(provisions_of_an_unchanged_clause_are_placed_in_steps_linear_in_them) {
    // Adopting BCP 14 removes every lower-case requirement of the unchanged clause (their
    // places on the old side are found in the new side's text, which the entry shows);
    // dropping it adds them (placed in the new side's text directly).
    for (const bool adopted : {true, false}) {
        std::uint64_t steps[2] = {};
        for (const std::size_t n : {2000u, 4000u}) {
            const Document plain = conventions_and_requirements(n, false), bcp14 = conventions_and_requirements(n, true);
            const Placed r = adopted ? place(plain, bcp14) : place(bcp14, plain);
            BOOST_TEST_INFO((adopted ? "adopted" : "dropped") << ", n " << n);
            BOOST_TEST(r.changes == n);
            BOOST_TEST(r.checked == n);
            // A walk over the clause's blocks for each provision was some n²/2 steps (2,000,000 at
            // n = 2000); the tables take a step a block and a few a provision.
            BOOST_TEST(r.steps <= 16 * n);
            steps[n == 4000] = r.steps;
        }
        BOOST_TEST_INFO((adopted ? "adopted" : "dropped"));
        BOOST_TEST(steps[1] <= 2 * steps[0] + steps[0] / 5);
    }
}

BOOST_AUTO_TEST_CASE(provisions_of_a_clause_split_into_many_parts_are_placed_in_steps_linear_in_them) {
    // One clause of n paragraphs split into n subclauses of one paragraph each, no word
    // changed: one entry of n + 1 new clauses without edits, its provisions moved into the
    // parts (and back, for the merge). A walk over the entry's clauses for each was quadratic.
    for (const bool split : {true, false}) {
        std::uint64_t steps[2] = {};
        for (const std::size_t n : {500u, 1000u}) {
            const Document whole = requirements(n, false), parts = requirements(n, true);
            const Placed r = split ? place(whole, parts) : place(parts, whole);
            BOOST_TEST_INFO((split ? "split" : "merged") << ", n " << n);
            BOOST_TEST(r.changes >= n - 1);
            BOOST_TEST(r.checked >= 2 * (n - 1));
            BOOST_TEST(r.steps <= 16 * n);
            steps[n == 1000] = r.steps;
        }
        BOOST_TEST_INFO((split ? "split" : "merged"));
        BOOST_TEST(steps[1] <= 2 * steps[0] + steps[0] / 5);
    }
}
