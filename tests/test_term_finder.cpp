#define BOOST_TEST_MODULE term_finder
#include <boost/test/unit_test.hpp>

#include "engine/term_finder.hpp"
#include "engine/text.hpp"

#include <random>
#include <string>
#include <vector>

// The brief's watch list is matched in one pass over each finding's text (engine/term_finder);
// what it finds must be what searching the text for each folded term found.

using redline::TermFinder;

namespace {

std::vector<std::string> searched(std::string_view text, const std::vector<std::string>& terms) {
    std::vector<std::string> found;
    const std::string folded = redline::text::comparison_key(text);
    for (const std::string& term : terms) {
        const std::string key = redline::text::comparison_key(term);
        if (!key.empty() && folded.find(key) != std::string::npos) found.push_back(term);
    }
    return found;
}

}  // namespace

BOOST_AUTO_TEST_CASE(terms_are_found_folded_as_comparison_keys) {
    const std::vector<std::string> terms = {"GB/T 29829", "供应链", "Encrypt", "", "  ", "shall", "encrypt", "hall"};
    const TermFinder finder(terms);
    BOOST_TEST(finder.found_in("The device shall comply with GB/T 29829—2022.") ==
                   (std::vector<std::string>{"GB/T 29829", "shall", "hall"}),
               boost::test_tools::per_element());
    BOOST_TEST(finder.found_in("保障供应 链安全") == (std::vector<std::string>{"供应链"}), boost::test_tools::per_element());
    // A term listed twice (after folding) is reported twice, in the list's order.
    BOOST_TEST(finder.found_in("ENCRYPT stored data") == (std::vector<std::string>{"Encrypt", "encrypt"}),
               boost::test_tools::per_element());
    BOOST_TEST(finder.found_in("nothing here").empty());
    BOOST_TEST(TermFinder({}).found_in("shall").empty());
}

// Overlapping terms, terms inside terms, repeated letters: every shape of Aho–Corasick's fail
// and output links, against the search of each term.
BOOST_AUTO_TEST_CASE(one_pass_finds_what_searching_each_term_finds) {
    std::mt19937 rng(7);
    const std::string letters = "aab";
    auto word = [&](std::size_t max) {
        std::string w;
        for (std::size_t n = 1 + rng() % max; n > 0; --n) w += letters[rng() % letters.size()];
        return w;
    };
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> terms;
        for (std::size_t n = rng() % 12; n > 0; --n) terms.push_back(word(5));
        const TermFinder finder(terms);
        for (int k = 0; k < 10; ++k) {
            const std::string text = word(30);
            BOOST_TEST(finder.found_in(text) == searched(text, terms), boost::test_tools::per_element());
        }
    }
}
