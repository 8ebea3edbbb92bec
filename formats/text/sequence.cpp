#include "formats/text/sequence.hpp"

namespace redline::formats::sequence {

namespace {

// True when parts [from, depth) of n are all 1: the first subclause at each deeper level.
bool ones_from(const numbering::Number& n, std::size_t from) {
    for (std::size_t k = from; k < n.depth; ++k)
        if (n.part[k] != 1) return false;
    return true;
}

}  // namespace

static_assert(std::size(rules) == static_cast<std::size_t>(Relation::unrelated) + 1);

Relation relate(const numbering::Number* last, const numbering::Number& c) {
    if (last == nullptr) {
        if (c.annex) return Relation::unrelated;  // annex numbers need their annex heading
        const int top = c.part[0];
        if (c.depth == 1 && top <= 1) return Relation::first;
        if (top <= 1 && ones_from(c, 1)) return c.depth == 2 && top == 0 ? Relation::first : Relation::skip_down;
        // An excerpt may start at any clause ("6 安全要求"); deeper numbers need their parent.
        if (c.depth == 1 && top <= 99) return Relation::skip_forward;
        return Relation::unrelated;
    }
    const numbering::Number& l = *last;
    if (c.annex != l.annex) return Relation::unrelated;
    const std::size_t n = c.depth, m = l.depth;
    std::size_t k = 0;
    while (k < n && k < m && c.part[k] == l.part[k]) ++k;
    if (k == m) {                  // last is a prefix of the candidate (or equal)
        if (n == m) return Relation::backwards;
        const int v = c.part[m];
        if (v == 1 && ones_from(c, m + 1)) return n == m + 1 ? Relation::child : Relation::skip_down;
        if (v >= 2 && v <= 1 + max_skip && ones_from(c, m + 1)) return Relation::skip_forward;
        return Relation::unrelated;
    }
    if (k == n) return Relation::backwards;  // an ancestor of the last number
    if (c.part[k] < l.part[k]) return Relation::backwards;
    const int d = c.part[k] - l.part[k];
    if (!ones_from(c, k + 1)) return Relation::unrelated;
    if (d == 1) return n == k + 1 ? Relation::next : Relation::skip_down;
    if (d <= 1 + max_skip) return Relation::skip_forward;
    return Relation::unrelated;
}

Relation relate_annex(char last, char candidate) {
    if (last == 0) {
        if (candidate == 'A') return Relation::first;
        return candidate - 'A' <= max_skip ? Relation::skip_forward : Relation::unrelated;
    }
    const int d = candidate - last;
    if (d <= 0) return Relation::backwards;
    if (d == 1) return Relation::next;
    return d <= 1 + max_skip ? Relation::skip_forward : Relation::unrelated;
}

}  // namespace redline::formats::sequence
