// The engine's O(NP) edit search (engine/edit_search) against dtl 1.20 itself, whose search it
// reimplements to keep only its own path: on random token sequences both must pair exactly the
// same tokens, so that every redline is the one dtl would have given.
#define BOOST_TEST_MODULE edit_search
#include <boost/test/unit_test.hpp>

#include "engine/edit_search.hpp"

#include <dtl/dtl.hpp>

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

using namespace redline;

namespace {

using Pairs = std::vector<std::pair<long long, long long>>;   // the tokens kept equal, (a, b), 0-based

Pairs ours(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<EditRun> runs;
    BOOST_REQUIRE(edit_search(a, b, 0, 0, runs, 2'000'000));
    Pairs kept;
    std::uint32_t ai = 0, bi = 0;
    for (const EditRun& r : runs) {
        // The runs tile both sequences in order.
        BOOST_REQUIRE(r.a_begin == ai && r.b_begin == bi);
        if (r.equal)
            for (std::uint32_t k = 0; k < r.a_end - r.a_begin; ++k) kept.emplace_back(r.a_begin + k, r.b_begin + k);
        ai = r.a_end, bi = r.b_end;
    }
    BOOST_REQUIRE(ai == a.size() && bi == b.size());
    return kept;
}

Pairs dtls(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    dtl::Diff<std::uint32_t, std::vector<std::uint32_t>> d(a, b);
    d.compose();
    Pairs kept;
    for (const auto& [token, info] : d.getSes().getSequence())
        if (info.type == dtl::SES_COMMON) kept.emplace_back(info.beforeIdx - 1, info.afterIdx - 1);
    return kept;
}

std::vector<std::uint32_t> random_tokens(std::mt19937& rng, std::size_t n, std::uint32_t alphabet) {
    std::vector<std::uint32_t> v(n);
    for (auto& t : v) t = rng() % alphabet;
    return v;
}

}  // namespace

BOOST_AUTO_TEST_CASE(pairs_the_tokens_dtl_pairs) {
    std::mt19937 rng(20261202);
    for (int round = 0; round < 3000; ++round) {
        // Small alphabets make many equally short scripts, where only dtl's order of choices
        // decides which one comes out; longer texts with few edits are the usual case.
        const std::uint32_t alphabet = 2 + rng() % 12;
        std::vector<std::uint32_t> a = random_tokens(rng, rng() % 40, alphabet), b;
        if (round % 2 == 0) {
            b = random_tokens(rng, rng() % 40, alphabet);
        } else {
            b = a;
            for (int edits = 1 + static_cast<int>(rng() % 4); edits-- > 0;) {
                const std::size_t at = b.empty() ? 0 : rng() % (b.size() + 1);
                if (rng() % 2 && at < b.size()) b.erase(b.begin() + static_cast<long>(at));
                else b.insert(b.begin() + static_cast<long>(at), rng() % (alphabet + 3));
            }
        }
        if (a.empty() || b.empty()) continue;   // the engine never searches an empty side
        BOOST_TEST_CONTEXT("round " << round) BOOST_TEST(ours(a, b) == dtls(a, b));
    }
}

BOOST_AUTO_TEST_CASE(gives_up_past_its_budget_having_appended_nothing) {
    std::mt19937 rng(7);
    const std::vector<std::uint32_t> a = random_tokens(rng, 3000, 1000), b = random_tokens(rng, 3000, 1000);
    std::vector<EditRun> runs{{true, 0, 0, 0, 0}};
    BOOST_TEST(!edit_search(a, b, 0, 0, runs, 10'000));
    BOOST_TEST(runs.size() == 1u);
    BOOST_TEST(edit_search(a, b, 0, 0, runs, 2'000'000'000));
    BOOST_TEST(runs.size() > 1u);
}
