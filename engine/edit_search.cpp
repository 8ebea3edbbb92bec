#include "engine/edit_search.hpp"

#include "engine/work_counters.hpp"

#include <algorithm>

namespace redline {

void push_change(std::vector<EditRun>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    if (a0 == a1 && b0 == b1) return;
    if (!runs.empty() && !runs.back().equal && runs.back().a_end == a0 && runs.back().b_end == b0) {
        runs.back().a_end = a1;
        runs.back().b_end = b1;
        return;
    }
    runs.push_back({false, a0, a1, b0, b1});
}

void push_equal(std::vector<EditRun>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    if (a0 == a1) return;
    if (!runs.empty() && runs.back().equal && runs.back().a_end == a0 && runs.back().b_end == b0) {
        runs.back().a_end = a1;
        runs.back().b_end = b1;
        return;
    }
    runs.push_back({true, a0, a1, b0, b1});
}

namespace {

// The furthest point reached on each diagonal k of the O(NP) search, and the latest path point
// on it, for the diagonals touched so far: -p - 1 <= k <= delta + p + 1 in round p. Grown with
// the rounds, so that it is bounded by the search's visits, not by the sequences' lengths (two
// arrays of m + n + 3 were 22 MB for a pair of 1.4 million paragraphs that differ in a few).
class Diagonals {
public:
    struct Slot {
        std::int32_t furthest = -1;   // y; token indices are 32-bit throughout the engine (TokenRange)
        std::int32_t last = -1;       // index of its latest path point; -1 before any
    };
    // Makes room for the diagonals of round p.
    void reach(std::int64_t p, std::int64_t delta) {
        if (below_.size() < static_cast<std::size_t>(p + 2)) below_.resize(static_cast<std::size_t>(p + 2));
        if (above_.size() < static_cast<std::size_t>(delta + p + 2)) above_.resize(static_cast<std::size_t>(delta + p + 2));
    }
    Slot& operator[](std::int64_t k) { return k < 0 ? below_[static_cast<std::size_t>(-k - 1)] : above_[static_cast<std::size_t>(k)]; }

private:
    std::vector<Slot> below_, above_;   // k < 0 at -k - 1; k >= 0 at k
};

// The O(NP) search on a[a0, …) and b[b0, …), appended to runs with absolute indices, as dtl 1.20
// runs it (the same diagonals in the same order, the same choice at each, the same walk back),
// so that the script is dtl's to the token. What it keeps is the search's own: 8 bytes a
// diagonal touched and 12 bytes a visit. dtl also copied both sequences, kept a 32-byte record
// per token of the script and handed it out by copy (a whole clause of a million paragraphs
// took 60 MB there). A pair that may reach max_visits visits is searched once without
// the path first: it returns false, having appended nothing, when it would visit more, and
// otherwise says how many points the path search will keep.
}  // namespace

bool edit_search(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0, std::uint32_t b0,
                 std::vector<EditRun>& runs, std::uint64_t max_visits) {
    // dtl searches from the shorter sequence, x, along the longer, y; from b when they are as long.
    const bool swapped = a.size() >= b.size();
    const std::span<const std::uint32_t> x = swapped ? b : a, y = swapped ? a : b;
    const auto m = static_cast<std::int64_t>(x.size()), n = static_cast<std::int64_t>(y.size()), delta = n - m;
    struct Point {
        std::uint32_t x, y;   // where the visit's snake ended
        std::int32_t prev;    // the point it continued; -1 at the start
    };
    std::vector<Point> points;
    // One search to the end: the number of visits; the path is kept when `keep`.
    auto search = [&](bool keep, std::uint64_t& steps) {
        Diagonals d;
        std::uint64_t visits = 0;
        auto snake = [&](std::int64_t k) {
            const std::int64_t above = d[k - 1].furthest + 1, below = d[k + 1].furthest;
            std::int64_t yy = std::max(above, below), xx = yy - k;
            while (xx < m && yy < n && x[xx] == y[yy]) ++xx, ++yy, ++steps;
            ++visits;
            if (keep) {
                const std::int32_t prev = above > below ? d[k - 1].last : d[k + 1].last;
                d[k].last = static_cast<std::int32_t>(points.size());
                points.push_back({static_cast<std::uint32_t>(xx), static_cast<std::uint32_t>(yy), prev});
            }
            d[k].furthest = static_cast<std::int32_t>(yy);
        };
        for (std::int64_t p = 0; visits <= max_visits; ++p) {
            d.reach(p, delta);
            for (std::int64_t k = -p; k <= delta - 1; ++k) snake(k);
            for (std::int64_t k = delta + p; k >= delta + 1; --k) snake(k);
            snake(delta);
            if (d[delta].furthest == n) break;
        }
        return std::pair{visits, keep ? d[delta].last : -1};
    };
    // Every round visits delta + 2p + 1 diagonals and p reaches at most m: only a pair above
    // this can reach the budget (and only its work is counted).
    if (static_cast<std::uint64_t>(delta + m + 1) * static_cast<std::uint64_t>(m + 1) > max_visits) {
        if (static_cast<std::uint64_t>(delta) + 1 > max_visits) return false;   // its first round alone
        std::uint64_t steps = 0;
        const std::uint64_t visits = search(false, steps).first;
        work::count(work::Counter::diff_steps, visits + steps);
        if (visits > max_visits) return false;
        points.reserve(visits);
    }
    std::uint64_t steps = 0;
    const std::int32_t end = search(true, steps).second;
    std::vector<std::uint32_t> path;   // the points from (m, n) back to the start
    for (std::int32_t r = end; r != -1; r = points[r].prev) path.push_back(static_cast<std::uint32_t>(r));
    // Forward along the path, as dtl records its script: off the diagonal of the next point, a
    // step along y or along x brings it there; then equal tokens to the point.
    std::int64_t px = 0, py = 0;
    auto at_a = [&] { return a0 + static_cast<std::uint32_t>(swapped ? py : px); };
    auto at_b = [&] { return b0 + static_cast<std::uint32_t>(swapped ? px : py); };
    for (std::size_t c = path.size(); c-- > 0;) {
        const Point& v = points[path[c]];
        const std::int64_t diagonal = static_cast<std::int64_t>(v.y) - v.x;
        if (diagonal > py - px) {
            // Steps along y: removals from a when y is a, else insertions of b.
            const std::int64_t d = diagonal - (py - px);
            const std::uint32_t i = at_a(), j = at_b(), len = static_cast<std::uint32_t>(d);
            if (swapped) push_change(runs, i, i + len, j, j);
            else push_change(runs, i, i, j, j + len);
            py += d;
        } else if (diagonal < py - px) {
            const std::int64_t d = (py - px) - diagonal;
            const std::uint32_t i = at_a(), j = at_b(), len = static_cast<std::uint32_t>(d);
            if (swapped) push_change(runs, i, i, j, j + len);
            else push_change(runs, i, i + len, j, j);
            px += d;
        }
        const std::int64_t same = v.x - px;
        const std::uint32_t i = at_a(), j = at_b(), len = static_cast<std::uint32_t>(same);
        push_equal(runs, i, i + len, j, j + len);
        px += same, py += same;
    }
    return true;
}

}  // namespace redline
