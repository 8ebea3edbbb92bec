// Small algorithms on sequences that the engine's steps share: a longest increasing
// subsequence (moved-clause detection, diff anchors) and the overlap of two sorted
// multisets of ids (clause matching, provision matching, the diff's distance estimate).
// Internal to the engine and the readers; writers must not include it.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <span>
#include <utility>
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

// common_count of a short sequence against a long one, by galloping: each run of equal ids of
// `small` is looked for in `large` by an exponential search from where the last one ended,
// then bisected, O(|small| · log(|large| / |small|)) — a part of a few words against the
// whole clause it was split from costs its words, not the clause's (issue 15). Exactly the
// size of the multiset intersection, as the merge below counts it.
inline std::size_t common_count_galloping(std::span<const std::uint32_t> small, std::span<const std::uint32_t> large) {
    std::size_t n = 0, from = 0;
    const std::size_t size = large.size();
    for (std::size_t i = 0; i < small.size() && from < size;) {
        const std::uint32_t id = small[i];
        std::size_t run = 1;
        while (i + run < small.size() && small[i + run] == id) ++run;
        i += run;
        // The first element not below `id` lies in [from, from + step): the probes double.
        std::size_t step = 1;
        while (from + step < size && large[from + step - 1] < id) step *= 2;
        const std::size_t first = static_cast<std::size_t>(
            std::lower_bound(large.begin() + static_cast<std::ptrdiff_t>(from),
                             large.begin() + static_cast<std::ptrdiff_t>(std::min(from + step, size)), id) - large.begin());
        // Its copies in `large` are counted up to the run in `small` only, galloping too: an id
        // the clause holds a million times is not walked again for each part that holds it.
        std::size_t have = 0;   // large[first, first + have) are all `id`
        for (std::size_t k = 1; have < run; k *= 2) {
            const std::size_t probe = std::min(have + k, run);
            if (first + probe - 1 < size && large[first + probe - 1] == id) {
                have = probe;
                continue;
            }
            const std::size_t stop = std::min(first + probe, size);
            have = static_cast<std::size_t>(std::upper_bound(large.begin() + static_cast<std::ptrdiff_t>(first + have),
                                                             large.begin() + static_cast<std::ptrdiff_t>(stop), id) -
                                            large.begin()) - first;
            break;
        }
        n += have;
        from = first + have;
    }
    return n;
}

// Whether common_count gallops for sequences of sizes a and b: one is more than sixteen times
// the other, where a merge would walk the long one for the short one's few ids.
inline bool common_count_gallops(std::size_t a, std::size_t b) { return std::min(a, b) < std::max(a, b) / 16; }

// Size of the multiset intersection of two ascending sequences of ids: an id held twice by
// one and three times by the other counts twice. O(|a| + |b|) by a merge; by galloping
// (common_count_galloping) when one is more than sixteen times the other, so that it costs
// O(small · log large) at worst.
inline std::size_t common_count(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (common_count_gallops(a.size(), b.size())) return common_count_galloping(a, b);
    std::size_t i = 0, j = 0, n = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) ++i;
        else if (b[j] < a[i]) ++j;
        else ++n, ++i, ++j;
    }
    return n;
}

// The work of common_count for sequences of sizes a and b as the work counters count it
// (engine/work_counters.hpp): both sizes when it merges; when it gallops, the shorter's size
// times the bits of the longer's, twice over (the search and the bisection).
inline std::size_t common_count_steps(std::size_t a, std::size_t b) {
    if (!common_count_gallops(a, b)) return a + b;
    return 2 * std::min(a, b) * static_cast<std::size_t>(std::bit_width(std::max(a, b)));
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
