// Small algorithms on sequences that the engine's steps share: a longest increasing
// subsequence (moved-clause detection, diff anchors) and the overlap of two sorted
// multisets of ids (clause matching, provision matching, the diff's distance estimate).
// Internal to the engine and the readers; writers must not include it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <span>
#include <vector>

namespace redline::seq {

// Indices, ascending, of a longest strictly increasing subsequence of key(seq[i]) (equal
// keys never both belong): patience sorting, O(n log n). Where several are longest, the
// one patience sorting builds: it ends at the element with the smallest last key, and
// each element follows the element that was the best tail one shorter when it arrived.
// Empty for an empty sequence.
//   longest_increasing_subsequence(std::vector<int>{3, 1, 2, 5, 4}) == {1, 2, 4}  (1 2 4)
template <class Range, class Key = std::identity>
std::vector<std::size_t> longest_increasing_subsequence(const Range& seq, Key key = {}) {
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::size_t n = std::size(seq);
    // tails[k]: index of the smallest last key of an increasing run of length k + 1.
    std::vector<std::size_t> tails, prev(n, none);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& v = std::invoke(key, seq[i]);
        const auto it = std::lower_bound(tails.begin(), tails.end(), v,
                                         [&](std::size_t t, const auto& x) { return std::invoke(key, seq[t]) < x; });
        if (it != tails.begin()) prev[i] = *(it - 1);
        if (it == tails.end()) tails.push_back(i);
        else *it = i;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = tails.empty() ? none : tails.back(); i != none; i = prev[i]) out.push_back(i);
    std::reverse(out.begin(), out.end());
    return out;
}

// Size of the multiset intersection of two ascending sequences of ids: an id held twice by
// one and three times by the other counts twice. O(|a| + |b|).
inline std::size_t common_count(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    std::size_t i = 0, j = 0, n = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) ++i;
        else if (b[j] < a[i]) ++j;
        else ++n, ++i, ++j;
    }
    return n;
}

// Dice similarity of two multisets given as ascending sequences of ids:
// 2·|a ∩ b| / (|a| + |b|), from 0 (nothing shared) to 1 (the same multiset).
//
// Two empty multisets give 1. The formula is 0/0 there, and 1 is the value that keeps
// dice(a, a) == 1 for every a and "1 exactly when a and b are equal": two provisions or
// clauses with no words are, as far as words tell, the same. A caller for whom an empty
// bag must not count as evidence of sameness tests for it first (clause matching in
// engine/match.cpp gives two wordless clauses no similarity).
inline double dice(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    if (a.empty() && b.empty()) return 1.0;
    return 2.0 * static_cast<double>(common_count(a, b)) / static_cast<double>(a.size() + b.size());
}

}  // namespace redline::seq
