// The O(NP) edit search (Wu, Manber, Myers and Miller) on token ids, as dtl 1.20 runs it, and
// the runs its script is written in. engine/diff drives it on the gaps between anchors; it is
// apart so that tests can hold it against dtl itself (tests/test_edit_search.cpp).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace redline {

// A run of the script before emission: equal, or a change replacing a[...) by b[...).
struct EditRun {
    bool equal = false;
    std::uint32_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
};

// Append a change (an equal run) to runs, merged into the last run when it continues it.
void push_change(std::vector<EditRun>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1);
void push_equal(std::vector<EditRun>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1);

// The script of a against b, appended to runs with a's indices offset by a0 and b's by b0: the
// same diagonals in the same order, the same choice at each and the same walk back as dtl 1.20,
// so the script is dtl's to the token. It keeps 8 bytes a diagonal touched and 12 bytes a visit.
// Returns false, having appended nothing, when the search would visit more than max_visits
// diagonals (a pair that may is searched once without its path first).
bool edit_search(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0, std::uint32_t b0,
                 std::vector<EditRun>& runs, std::uint64_t max_visits);

}  // namespace redline
