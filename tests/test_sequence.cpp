#define BOOST_TEST_MODULE sequence
#include <boost/test/unit_test.hpp>

#include "engine/dense_ids.hpp"
#include "engine/sequence.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <random>
#include <utility>
#include <vector>

using namespace redline;

namespace {

using Indices = std::vector<std::size_t>;
using Ids = std::vector<std::uint32_t>;

// Length of a longest strictly increasing subsequence, the quadratic way.
std::size_t lis_length(const std::vector<int>& s) {
    std::vector<std::size_t> best(s.size(), 1);
    std::size_t out = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (s[j] < s[i]) best[i] = std::max(best[i], best[j] + 1);
        out = std::max(out, best[i]);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(longest_increasing_subsequence_of_known_sequences) {
    BOOST_TEST((seq::longest_increasing_subsequence(std::vector<int>{3, 1, 2, 5, 4}) == Indices{1, 2, 4}));
    // The classic: 0 8 4 12 2 10 6 14 1 9 5 13 3 11 7 15 has 0 2 6 9 11 15.
    const std::vector<int> classic{0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
    BOOST_TEST((seq::longest_increasing_subsequence(classic) == Indices{0, 4, 6, 9, 13, 15}));
    BOOST_TEST(seq::longest_increasing_subsequence(std::vector<int>{}).empty());
    BOOST_TEST(seq::longest_increasing_subsequence(std::vector<int>{7, 7, 7}).size() == 1u);  // strictly
    BOOST_TEST(seq::longest_increasing_subsequence(std::vector<int>{5, 4, 3, 2, 1}).size() == 1u);
    BOOST_TEST((seq::longest_increasing_subsequence(std::vector<int>{1, 2, 3}) == Indices{0, 1, 2}));
    // By a key: the diff's anchors are (position in a, position in b) pairs ordered by b.
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs{{4, 0}, {0, 1}, {1, 2}, {9, 3}, {2, 4}};
    BOOST_TEST((seq::longest_increasing_subsequence(pairs, &std::pair<std::uint32_t, std::uint32_t>::first) ==
                Indices{1, 2, 4}));
}

BOOST_AUTO_TEST_CASE(longest_increasing_subsequence_is_longest_and_increasing) {
    std::mt19937 rng(29829);
    for (int round = 0; round < 500; ++round) {
        std::vector<int> s(rng() % 40);
        for (int& v : s) v = static_cast<int>(rng() % 20);
        const Indices got = seq::longest_increasing_subsequence(s);
        BOOST_TEST_REQUIRE(got.size() == lis_length(s));
        for (std::size_t k = 1; k < got.size(); ++k) {
            BOOST_TEST_REQUIRE(got[k - 1] < got[k]);
            BOOST_TEST_REQUIRE(s[got[k - 1]] < s[got[k]]);
        }
    }
}

BOOST_AUTO_TEST_CASE(common_count_is_the_multiset_intersection) {
    BOOST_TEST(seq::common_count(Ids{1, 2, 2, 3, 5}, Ids{2, 2, 2, 5, 7}) == 3u);  // 2, 2 and 5
    BOOST_TEST(seq::common_count(Ids{1, 3}, Ids{2, 4}) == 0u);
    BOOST_TEST(seq::common_count(Ids{}, Ids{1}) == 0u);
    BOOST_TEST(seq::common_count(Ids{4, 4}, Ids{4, 4}) == 2u);
}

// Galloping (a short sequence against one more than sixteen times longer) counts exactly what
// the merge counts: the multiset intersection, here std::set_intersection's size, over runs
// of repeated ids on either side longer and shorter than the other's, ids missing on either
// side, and ids beyond either's ends.
BOOST_AUTO_TEST_CASE(common_count_by_galloping_is_the_multiset_intersection) {
    BOOST_TEST(seq::common_count_galloping(Ids{2, 2, 5, 9}, Ids{1, 2, 2, 2, 3, 4, 5, 5, 6, 7, 8}) == 3u);
    BOOST_TEST(seq::common_count_galloping(Ids{0, 10}, Ids{1, 2, 3}) == 0u);
    BOOST_TEST(seq::common_count_galloping(Ids{}, Ids{1, 2}) == 0u);
    BOOST_TEST(seq::common_count_galloping(Ids{7, 7, 7}, Ids(1000, 7)) == 3u);
    BOOST_TEST(seq::common_count_galloping(Ids(40, 7), Ids(1000, 7)) == 40u);
    std::mt19937 rng(11);
    for (int round = 0; round < 2000; ++round) {
        const std::size_t large_size = 1 + rng() % 4000, small_size = rng() % 40;
        const std::uint32_t range = 1 + rng() % (round % 2 ? 50 : 20000);   // many repeats, or few
        Ids small(small_size), large(large_size);
        for (auto& x : small) x = rng() % range;
        for (auto& x : large) x = rng() % range;
        std::sort(small.begin(), small.end());
        std::sort(large.begin(), large.end());
        Ids both;
        std::set_intersection(small.begin(), small.end(), large.begin(), large.end(), std::back_inserter(both));
        BOOST_TEST_INFO("round " << round);
        BOOST_TEST(seq::common_count_galloping(small, large) == both.size());
        BOOST_TEST(seq::common_count(small, large) == both.size());
        BOOST_TEST(seq::common_count(large, small) == both.size());
    }
}

BOOST_AUTO_TEST_CASE(dice_similarity_and_the_empty_convention) {
    BOOST_TEST(seq::dice(Ids{1, 2, 2, 3, 5}, Ids{2, 2, 2, 5, 7}) == 0.6);
    BOOST_TEST(seq::dice(Ids{1, 2}, Ids{1, 2}) == 1.0);
    BOOST_TEST(seq::dice(Ids{1, 2}, Ids{3}) == 0.0);
    BOOST_TEST(seq::dice(Ids{1}, Ids{}) == 0.0);
    // Two empty multisets are equal: similarity 1, as dice(a, a) is for every a.
    BOOST_TEST(seq::dice(Ids{}, Ids{}) == 1.0);
}

// The coarse diffs number sentences and blocks by their hashes: equal hashes one id, new ones
// the next id, whatever the hash's bits (0 included, hashes alike in their low or high half)
// and across the table's growth from a few slots to thousands.
BOOST_AUTO_TEST_CASE(dense_ids_number_hashes_in_order_of_first_sight) {
    DenseIds ids;
    BOOST_TEST(ids.id_of(0) == 0u);
    BOOST_TEST(ids.id_of(42) == 1u);
    BOOST_TEST(ids.id_of(0) == 0u);
    BOOST_TEST(ids.size() == 2u);

    DenseIds many;
    std::map<std::uint64_t, std::uint32_t> expected;
    std::mt19937_64 rng(7);
    std::vector<std::uint64_t> hashes;
    for (std::uint64_t i = 0; i < 3000; ++i) {
        hashes.push_back(i << 32);           // alike in the low half
        hashes.push_back(i);                 // alike in the high half
        hashes.push_back(rng());
        hashes.push_back(hashes[rng() % hashes.size()]);   // one seen before
    }
    for (const std::uint64_t h : hashes) {
        const auto [it, added] = expected.try_emplace(h, static_cast<std::uint32_t>(expected.size()));
        BOOST_TEST_INFO("hash " << h);
        BOOST_TEST(many.id_of(h) == it->second);
    }
    BOOST_TEST(many.size() == expected.size());
    for (const auto& [h, id] : expected) BOOST_TEST(many.id_of(h) == id);
    BOOST_TEST(many.size() == expected.size());
}
