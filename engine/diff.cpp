#include "engine/diff.hpp"

#include "engine/dense_ids.hpp"
#include "engine/edit_search.hpp"
#include "engine/sequence.hpp"
#include "engine/sort_ids.hpp"
#include "engine/work_counters.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

namespace redline {

namespace {

using Run = EditRun;

// Edit distance estimate from the multisets: tokens of one side missing from the other.
std::uint64_t estimated_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    std::vector<std::uint32_t> x(a.begin(), a.end()), y(b.begin(), b.end());
    sort_ids(x);
    sort_ids(y);
    const std::size_t same = seq::common_count(x, y);
    return (x.size() - same) + (y.size() - same);
}

// The work the edit search may do on one pair of sequences, and whether some pair needed more.
// The O(NP) search (Wu, Manber, Myers and Miller) visits delta + 2p + 1 diagonals in round p and
// records a path point per visit; past max_diff_diagonals visits the pair is shown replaced
// instead, and the caller is told (docs/limits.md).
struct Budget {
    bool exceeded = false;
};

// The edit search on a[a0,a1) vs b[b0,b1), appended to runs with absolute indices. A pair
// beyond the budget is one change: a removed and an inserted block.
void search_or_replace(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0,
              std::uint32_t b0, std::vector<Run>& runs, Budget& budget) {
    if (!a.empty() && !b.empty() && edit_search(a, b, a0, b0, runs, max_diff_diagonals)) return;
    if (!a.empty() && !b.empty()) budget.exceeded = true;
    push_change(runs, a0, a0 + static_cast<std::uint32_t>(a.size()), b0, b0 + static_cast<std::uint32_t>(b.size()));
}

// Patience diff's idea: tokens that occur exactly once on each side and keep their order
// (a longest increasing subsequence) are certainly equal; the edit search then runs only on the
// gaps between them. This keeps its O((N+M)·D) work and its path bookkeeping small on long
// clauses with scattered edits, and anchors the redline on distinctive words.
constexpr std::size_t anchor_threshold = 64;   // shorter middles go to the edit search directly

void anchored_diff(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0,
                   std::uint32_t b0, std::vector<Run>& runs, Budget& budget) {
    if (a.size() + b.size() < anchor_threshold) {
        search_or_replace(a, b, a0, b0, runs, budget);
        return;
    }
    struct Seen {
        std::uint8_t in_a = 0, in_b = 0;   // occurrences, capped at 2
        std::uint32_t pos = 0;             // index in a of the (single) occurrence
    };
    std::unordered_map<std::uint32_t, Seen> seen;
    seen.reserve(a.size());
    for (std::uint32_t i = 0; i < a.size(); ++i) {
        Seen& e = seen[a[i]];
        if (e.in_a < 2) ++e.in_a;
        e.pos = i;
    }
    for (std::uint32_t j = 0; j < b.size(); ++j)
        if (const auto it = seen.find(b[j]); it != seen.end() && it->second.in_b < 2) ++it->second.in_b;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // (index in a, index in b)
    for (std::uint32_t j = 0; j < b.size(); ++j)
        if (const auto it = seen.find(b[j]); it != seen.end() && it->second.in_a == 1 && it->second.in_b == 1)
            pairs.emplace_back(it->second.pos, j);
    // Longest chain increasing in both a and b (pairs are already increasing in b).
    const std::vector<std::size_t> chain =
        seq::longest_increasing_subsequence(pairs, &std::pair<std::uint32_t, std::uint32_t>::first);
    if (chain.empty()) {
        search_or_replace(a, b, a0, b0, runs, budget);
        return;
    }
    std::uint32_t ai = 0, bj = 0;
    for (std::size_t k : chain) {
        const auto [pa, pb] = pairs[k];
        search_or_replace(a.subspan(ai, pa - ai), b.subspan(bj, pb - bj), a0 + ai, b0 + bj, runs, budget);
        push_equal(runs, a0 + pa, a0 + pa + 1, b0 + pb, b0 + pb + 1);
        ai = pa + 1;
        bj = pb + 1;
    }
    search_or_replace(a.subspan(ai), b.subspan(bj), a0 + ai, b0 + bj, runs, budget);
}

// The content of the tokens s[begin, end) as one hash (FNV-1a over the ids, and the length):
// what numbers a sentence unit or a block (DenseIds) for the coarse diffs.
std::uint64_t tokens_hash(std::span<const std::uint32_t> s, std::uint32_t begin, std::uint32_t end) {
    std::uint64_t h = 1469598103934665603ULL;
    for (std::uint32_t i = begin; i < end; ++i) h = (h ^ s[i]) * 1099511628211ULL;
    return h ^ (end - begin);
}

// Units end after a sentence-final token; each unit becomes one id for a coarse diff.
// Counted first and reserved exactly: a clause of a million one-line paragraphs is a million
// units, and growing by doubling held half as much again.
std::vector<std::uint32_t> unit_starts(std::span<const std::uint32_t> s, std::span<const std::uint32_t> ends) {
    auto ends_unit = [&](std::uint32_t i) { return std::binary_search(ends.begin(), ends.end(), s[i]) && i + 1 < s.size(); };
    std::size_t count = 1;
    for (std::uint32_t i = 0; i < s.size(); ++i) count += ends_unit(i);
    std::vector<std::uint32_t> starts;
    starts.reserve(count);
    starts.push_back(0);
    for (std::uint32_t i = 0; i < s.size(); ++i)
        if (ends_unit(i)) starts.push_back(i + 1);
    return starts;
}

void diff_middle(const DiffInput& in, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1,
                 bool allow_coarse, std::vector<Run>& runs, Budget& budget) {
    const auto a = in.a_exact.subspan(a0, a1 - a0);
    const auto b = in.b_exact.subspan(b0, b1 - b0);
    const std::uint64_t n = a.size() + b.size();
    const bool too_big = n > max_token_diff || (n > 2000 && n * estimated_distance(a, b) > max_diff_work);
    if (!too_big) {
        anchored_diff(a, b, a0, b0, runs, budget);
        return;
    }
    if (!allow_coarse) {
        // A changed stretch of sentences too long to diff word by word: shown replaced.
        if (a1 > a0 && b1 > b0) budget.exceeded = true;
        push_change(runs, a0, a1, b0, b1);
        return;
    }
    // Coarse pass: intern sentence units by content, diff the unit ids, then refine inside
    // each changed region when it is small enough.
    const auto sa = unit_starts(a, in.sentence_ends), sb = unit_starts(b, in.sentence_ends);
    DenseIds ids;
    auto unit_ids = [&](std::span<const std::uint32_t> s, const std::vector<std::uint32_t>& starts) {
        std::vector<std::uint32_t> out;
        out.reserve(starts.size());
        for (std::size_t u = 0; u < starts.size(); ++u) {
            const std::uint32_t end = u + 1 < starts.size() ? starts[u + 1] : static_cast<std::uint32_t>(s.size());
            out.push_back(ids.id_of(tokens_hash(s, starts[u], end)));
        }
        return out;
    };
    const auto ua = unit_ids(a, sa), ub = unit_ids(b, sb);
    std::vector<Run> unit_runs;
    search_or_replace(ua, ub, 0, 0, unit_runs, budget);
    auto a_pos = [&](std::uint32_t u) { return a0 + (u < sa.size() ? sa[u] : static_cast<std::uint32_t>(a.size())); };
    auto b_pos = [&](std::uint32_t u) { return b0 + (u < sb.size() ? sb[u] : static_cast<std::uint32_t>(b.size())); };
    for (const Run& r : unit_runs) {
        if (r.equal) push_equal(runs, a_pos(r.a_begin), a_pos(r.a_end), b_pos(r.b_begin), b_pos(r.b_end));
        else diff_middle(in, a_pos(r.a_begin), a_pos(r.a_end), b_pos(r.b_begin), b_pos(r.b_end), false, runs, budget);
    }
}

std::uint32_t words(std::span<const std::uint8_t> flags, std::uint32_t begin, std::uint32_t end) {
    std::uint32_t n = 0;
    for (std::uint32_t i = begin; i < end; ++i) n += flags[i] & DiffInput::word_flag;
    return n;
}

// diff-match-patch's semantic clean-up on word tokens: a short equality (at most two words)
// squeezed between two changes that are each at least as long is folded into them, so a
// rewritten phrase reads as one replacement instead of confetti around "the" or "的".
std::vector<Run> clean_up(const DiffInput& in, std::vector<Run> runs) {
    bool changed = true;
    while (changed) {
        changed = false;
        std::vector<Run> out;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const Run& r = runs[i];
            if (r.equal && !out.empty() && !out.back().equal && i + 1 < runs.size() && !runs[i + 1].equal) {
                const Run& before = out.back();
                const Run& after = runs[i + 1];
                const std::uint32_t len = words(in.a_flags, r.a_begin, r.a_end);
                const std::uint32_t len_before = std::max(words(in.a_flags, before.a_begin, before.a_end),
                                                          words(in.b_flags, before.b_begin, before.b_end));
                const std::uint32_t len_after = std::max(words(in.a_flags, after.a_begin, after.a_end),
                                                         words(in.b_flags, after.b_begin, after.b_end));
                if (len <= 2 && len <= len_before && len <= len_after) {
                    out.back().a_end = after.a_end;
                    out.back().b_end = after.b_end;
                    ++i;
                    changed = true;
                    continue;
                }
            }
            out.push_back(r);
        }
        runs = std::move(out);
    }
    return runs;
}

// xdiff's compaction: a pure insertion or deletion between two equal runs can often slide
// along repeated tokens ("GB/T … GB/T"). Slide it to where it covers whole paragraphs (starts
// after a break and ends with one), so that a removed line reads as a removed line.
void slide(const DiffInput& in, std::vector<Run>& runs) {
    const std::uint32_t br = in.paragraph_break;
    for (std::size_t k = 1; k + 1 < runs.size(); ++k) {
        Run& p = runs[k - 1];
        Run& r = runs[k];
        Run& q = runs[k + 1];
        if (r.equal || !p.equal || !q.equal) continue;
        const bool removal = r.b_begin == r.b_end;
        if (!removal && r.a_begin != r.a_end) continue;
        const std::span<const std::uint32_t> seq = removal ? in.a_exact : in.b_exact;
        const std::int64_t s0 = removal ? r.a_begin : r.b_begin, e0 = removal ? r.a_end : r.b_end;
        const std::int64_t before = p.a_end - p.a_begin, after = q.a_end - q.a_begin;
        std::int64_t left = 0, right = 0;
        while (left < before && seq[s0 - 1 - left] == seq[e0 - 1 - left]) ++left;
        while (right < after && static_cast<std::size_t>(e0 + right) < seq.size() && seq[s0 + right] == seq[e0 + right]) ++right;
        if (left == 0 && right == 0) continue;
        auto score = [&](std::int64_t d) {
            const std::int64_t s = s0 + d, e = e0 + d;
            return (s == 0 || seq[s - 1] == br ? 1 : 0) + (seq[e - 1] == br ? 1 : 0);
        };
        std::int64_t best = 0;
        for (std::int64_t d = -left; d <= right; ++d)
            if (score(d) > score(best)) best = d;
        if (best == 0) continue;
        const auto d = static_cast<std::int32_t>(best);
        p.a_end += d, p.b_end += d;
        q.a_begin += d, q.b_begin += d;
        if (removal) r.a_begin += d, r.a_end += d, r.b_begin = r.b_end = p.b_end;
        else r.b_begin += d, r.b_end += d, r.a_begin = r.a_end = p.a_end;
    }
}

bool same_keys(const DiffInput& in, const Run& r) {
    if (r.a_end - r.a_begin != r.b_end - r.b_begin) return false;
    for (std::uint32_t i = r.a_begin, j = r.b_begin; i < r.a_end; ++i, ++j)
        if (in.a_key(i) != in.b_key(j)) return false;
    return true;
}

// ---- Block alignment (diff_blocks) ----

struct Span32 {
    std::uint32_t begin = 0, end = 0;
    std::uint32_t size() const { return end - begin; }
};

// The blocks of a sequence: the runs between paragraph breaks (one, empty, for an empty one).
std::vector<Span32> blocks_of(std::span<const std::uint32_t> s, std::uint32_t br) {
    std::vector<Span32> out;
    out.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), br)) + 1);
    std::uint32_t start = 0;
    const auto n = static_cast<std::uint32_t>(s.size());
    for (std::uint32_t i = 0; i < n; ++i)
        if (s[i] == br) {
            out.push_back({start, i});
            start = i + 1;
        }
    out.push_back({start, n});
    return out;
}

bool same_block(const DiffInput& in, Span32 x, Span32 y) {
    return x.size() == y.size() && std::equal(in.a_exact.begin() + x.begin, in.a_exact.begin() + x.end, in.b_exact.begin() + y.begin);
}

std::uint64_t block_hash(std::span<const std::uint32_t> s, Span32 x) { return tokens_hash(s, x.begin, x.end); }

// One step of the alignment, in the order of both sides: old blocks [o0, o1), new [n0, n1).
// A pair is one block on each side, or the parts of a split or merged paragraph with their
// partner, diffed as one text.
struct BlockOp {
    enum Kind : std::uint8_t { equal, pair, remove, insert, region } kind = equal;
    std::uint32_t o0 = 0, o1 = 0, n0 = 0, n1 = 0;
    bool moved = false;   // remove/insert: the block moved inside the clause unchanged
};

// Blocks this similar (Dice of their words) or more may pair inside a gap of several blocks.
constexpr double block_similarity = 0.5;
// Gaps with more candidate pairs than this are diffed token by token as one region, and so is
// a differing middle of more blocks than max_aligned_blocks (bounding the block LCS's work).
constexpr std::size_t max_gap_pairs = 4096;
constexpr std::size_t max_aligned_blocks = 4000;

// The words of each block as a sorted multiset of comparison keys, made when first asked for.
// Only the blocks of the differing middles (old [oa, ob), new [ma, mb)) are asked for: a slot
// for every block of a clause of a million paragraphs was 24 bytes each.
struct Bags {
    const DiffInput& in;
    const std::vector<Span32>& ab;
    const std::vector<Span32>& bb;
    std::uint32_t oa, ma;
    std::vector<std::vector<std::uint32_t>> a, b;
    std::vector<std::uint8_t> a_done, b_done;

    Bags(const DiffInput& input, const std::vector<Span32>& old_blocks, const std::vector<Span32>& new_blocks,
         std::uint32_t old_begin, std::uint32_t old_end, std::uint32_t new_begin, std::uint32_t new_end)
        : in(input), ab(old_blocks), bb(new_blocks), oa(old_begin), ma(new_begin), a(old_end - old_begin),
          b(new_end - new_begin), a_done(a.size(), 0), b_done(b.size(), 0) {}

    const std::vector<std::uint32_t>& old_bag(std::uint32_t i) {
        std::vector<std::uint32_t>& v = a[i - oa];
        if (!a_done[i - oa]) {
            for (std::uint32_t t = ab[i].begin; t < ab[i].end; ++t)
                if (in.a_word(t)) v.push_back(in.a_key(t));
            sort_ids(v);
            a_done[i - oa] = 1;
        }
        return v;
    }
    const std::vector<std::uint32_t>& new_bag(std::uint32_t j) {
        std::vector<std::uint32_t>& v = b[j - ma];
        if (!b_done[j - ma]) {
            for (std::uint32_t t = bb[j].begin; t < bb[j].end; ++t)
                if (in.b_word(t)) v.push_back(in.b_key(t));
            sort_ids(v);
            b_done[j - ma] = 1;
        }
        return v;
    }
};

// Pairs the blocks of one gap between identical blocks: the pairs, in order of both sides,
// whose similarities add up most (each at least block_similarity). A gap of one block on
// each side is one pair whatever its similarity.
std::vector<std::pair<std::uint32_t, std::uint32_t>> pair_gap(Bags& bags, const std::vector<std::uint32_t>& olds,
                                                              const std::vector<std::uint32_t>& news) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    if (olds.empty() || news.empty()) return out;
    if (olds.size() == 1 && news.size() == 1) return {{olds[0], news[0]}};
    const std::size_t n = olds.size(), m = news.size();
    // best[i][j]: the most similarity pairs of olds[i..) and news[j..) give.
    std::vector<double> best((n + 1) * (m + 1), 0.0), sim(n * m, 0.0);
    auto at = [&](std::size_t i, std::size_t j) -> double& { return best[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
        const std::vector<std::uint32_t>& x = bags.old_bag(olds[i]);
        for (std::size_t j = m; j-- > 0;) {
            const std::vector<std::uint32_t>& y = bags.new_bag(news[j]);
            const double s = x.empty() && y.empty() ? 0.0 : seq::dice(x, y);
            sim[i * m + j] = s;
            double v = std::max(at(i + 1, j), at(i, j + 1));
            if (s >= block_similarity) v = std::max(v, at(i + 1, j + 1) + s);
            at(i, j) = v;
        }
    }
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        const double s = sim[i * m + j];
        if (s >= block_similarity && at(i, j) == at(i + 1, j + 1) + s) {
            out.emplace_back(olds[i], news[j]);
            ++i, ++j;
        } else if (at(i, j) == at(i + 1, j)) {
            ++i;
        } else {
            ++j;
        }
    }
    return out;
}

// A paragraph split in two (or two merged into one) pairs with one part only; the other part
// stands beside its partner, unpaired, and consists mostly of words of the partner's counterpart.
// Such a part joins the pair, which is then diffed as one text, paragraph break and all.
constexpr double part_containment = 0.8;

// Whether most of `part`'s words are in `left` (both sorted); if so they are taken out of it.
bool takes_part(std::vector<std::uint32_t>& left, const std::vector<std::uint32_t>& part) {
    if (part.empty() || static_cast<double>(seq::common_count(left, part)) < part_containment * part.size()) return false;
    std::vector<std::uint32_t> rest;
    std::set_difference(left.begin(), left.end(), part.begin(), part.end(), std::back_inserter(rest));
    left = std::move(rest);
    return true;
}

// The alignment of the blocks of both sides as steps in order.
std::vector<BlockOp> align_blocks(const DiffInput& in, const std::vector<Span32>& ab, const std::vector<Span32>& bb,
                                  Budget& budget) {
    const auto na = static_cast<std::uint32_t>(ab.size()), nb = static_cast<std::uint32_t>(bb.size());
    std::vector<BlockOp> ops;
    std::uint32_t pre = 0;
    while (pre < na && pre < nb && same_block(in, ab[pre], bb[pre])) ++pre;
    std::uint32_t suf = 0;
    while (suf < na - pre && suf < nb - pre && same_block(in, ab[na - 1 - suf], bb[nb - 1 - suf])) ++suf;
    const std::uint32_t oa = pre, ob = na - suf, ma = pre, mb = nb - suf;   // the middles
    if (std::size_t(ob - oa) + (mb - ma) > max_aligned_blocks) {
        // Identical blocks in a row are one step (a clause of a million paragraphs has as many).
        if (pre > 0) ops.push_back({BlockOp::equal, 0, pre, 0, pre});
        ops.push_back({BlockOp::region, oa, ob, ma, mb});
        if (suf > 0) ops.push_back({BlockOp::equal, ob, na, mb, nb});
        return ops;
    }
    if (pre > 0) ops.push_back({BlockOp::equal, 0, pre, 0, pre});
    // Identical blocks in order: a longest common subsequence of the blocks' contents.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> anchors;
    std::vector<std::uint8_t> moved_old(na, 0), moved_new(nb, 0);
    if (ob - oa > 0 && mb - ma > 0 && (ob - oa > 1 || mb - ma > 1)) {
        DenseIds ids;
        std::vector<std::uint32_t> ua, ub;
        std::vector<std::uint64_t> ha, hb;
        ua.reserve(ob - oa);
        ha.reserve(ob - oa);
        ub.reserve(mb - ma);
        hb.reserve(mb - ma);
        for (std::uint32_t i = oa; i < ob; ++i) {
            ha.push_back(block_hash(in.a_exact, ab[i]));
            ua.push_back(ids.id_of(ha.back()));
        }
        for (std::uint32_t j = ma; j < mb; ++j) {
            hb.push_back(block_hash(in.b_exact, bb[j]));
            ub.push_back(ids.id_of(hb.back()));
        }
        std::vector<Run> runs;
        search_or_replace(ua, ub, oa, ma, runs, budget);
        std::vector<std::uint8_t> in_lcs_old(na, 0), in_lcs_new(nb, 0);
        for (const Run& r : runs) {
            if (!r.equal) continue;
            for (std::uint32_t i = r.a_begin, j = r.b_begin; i < r.a_end; ++i, ++j)
                if (same_block(in, ab[i], bb[j])) {
                    anchors.emplace_back(i, j);
                    in_lcs_old[i] = in_lcs_new[j] = 1;
                }
        }
        // Identical blocks out of order moved inside the clause: each is removed at its old
        // place and inserted at its new one, never paired with another block.
        std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> left;   // hash → old blocks, last first
        for (std::uint32_t i = ob; i-- > oa;)
            if (!in_lcs_old[i] && ab[i].size() > 0) left[ha[i - oa]].push_back(i);
        if (!left.empty())
            for (std::uint32_t j = ma; j < mb; ++j) {
                if (in_lcs_new[j] || bb[j].size() == 0) continue;
                const auto it = left.find(hb[j - ma]);
                if (it == left.end()) continue;
                auto& cands = it->second;
                for (std::size_t k = cands.size(); k-- > 0;)
                    if (same_block(in, ab[cands[k]], bb[j])) {
                        moved_old[cands[k]] = moved_new[j] = 1;
                        cands.erase(cands.begin() + static_cast<std::ptrdiff_t>(k));
                        break;
                    }
            }
    }

    // The gaps between anchors: unpaired blocks removed or inserted whole, similar ones paired
    // (with the other parts of a split or merged paragraph).
    Bags bags(in, ab, bb, oa, ob, ma, mb);
    auto gap = [&](std::uint32_t i0, std::uint32_t i1, std::uint32_t j0, std::uint32_t j1) {
        std::vector<std::uint32_t> olds, news;
        for (std::uint32_t i = i0; i < i1; ++i)
            if (!moved_old[i]) olds.push_back(i);
        for (std::uint32_t j = j0; j < j1; ++j)
            if (!moved_new[j]) news.push_back(j);
        if (olds.size() * news.size() > max_gap_pairs) {
            ops.push_back({BlockOp::region, i0, i1, j0, j1});
            return;
        }
        std::uint32_t i = i0, j = j0;
        // The blocks before old o and new n are unpaired: removed and inserted whole, unless
        // together they are alike (a paragraph split into parts none of which is like it alone).
        auto upto = [&](std::uint32_t o, std::uint32_t n) {
            if (i < o && j < n && o - i + n - j > 2 && std::none_of(moved_old.begin() + i, moved_old.begin() + o, [](auto m) { return m; }) &&
                std::none_of(moved_new.begin() + j, moved_new.begin() + n, [](auto m) { return m; })) {
                std::vector<std::uint32_t> x, y;
                for (std::uint32_t k = i; k < o; ++k) x.insert(x.end(), bags.old_bag(k).begin(), bags.old_bag(k).end());
                for (std::uint32_t k = j; k < n; ++k) y.insert(y.end(), bags.new_bag(k).begin(), bags.new_bag(k).end());
                sort_ids(x);
                sort_ids(y);
                if (!x.empty() && !y.empty() && seq::dice(x, y) >= block_similarity) {
                    ops.push_back({BlockOp::pair, i, o, j, n});
                    i = o, j = n;
                    return;
                }
            }
            for (; i < o; ++i) ops.push_back({BlockOp::remove, i, i + 1, j, j, moved_old[i] != 0});
            for (; j < n; ++j) ops.push_back({BlockOp::insert, i, i, j, j + 1, moved_new[j] != 0});
        };
        const auto pairs = pair_gap(bags, olds, news);
        for (std::size_t k = 0; k < pairs.size(); ++k) {
            const auto [o, n] = pairs[k];
            const std::uint32_t next_o = k + 1 < pairs.size() ? pairs[k + 1].first : i1;
            const std::uint32_t next_n = k + 1 < pairs.size() ? pairs[k + 1].second : j1;
            std::uint32_t o_lo = o, o_hi = o + 1, n_lo = n, n_hi = n + 1;
            // New parts of a split old paragraph, before and after its partner.
            // (The partner's words are not taken out first: both parts often repeat a phrase the
            // old paragraph had once.)
            std::vector<std::uint32_t> left = bags.old_bag(o);
            while (n_lo > j && !moved_new[n_lo - 1] && takes_part(left, bags.new_bag(n_lo - 1))) --n_lo;
            while (n_hi < next_n && !moved_new[n_hi] && takes_part(left, bags.new_bag(n_hi))) ++n_hi;
            if (n_lo == n && n_hi == n + 1) {
                // Old parts merged into the new paragraph.
                left = bags.new_bag(n);
                while (o_lo > i && !moved_old[o_lo - 1] && takes_part(left, bags.old_bag(o_lo - 1))) --o_lo;
                while (o_hi < next_o && !moved_old[o_hi] && takes_part(left, bags.old_bag(o_hi))) ++o_hi;
            }
            upto(o_lo, n_lo);
            ops.push_back({BlockOp::pair, o_lo, o_hi, n_lo, n_hi});
            i = o_hi, j = n_hi;
        }
        upto(i1, j1);
    };
    std::uint32_t i = oa, j = ma;
    for (const auto& [o, n] : anchors) {
        gap(i, o, j, n);
        ops.push_back({BlockOp::equal, o, o + 1, n, n + 1});
        i = o + 1, j = n + 1;
    }
    gap(i, ob, j, mb);
    if (suf > 0) ops.push_back({BlockOp::equal, ob, na, mb, nb});
    return ops;
}

// One step of the alignment in token terms: what diff_blocks needs of it once the blocks are gone.
struct Step {
    BlockOp::Kind kind = BlockOp::equal;
    bool moved = false;
    bool takes_old = false, takes_new = false;   // it holds blocks of that side
    bool old_more = false, new_more = false;     // blocks of that side follow it (a break waits)
    bool survives = false;                       // equal: some block of it holds a token
    std::uint32_t a_end = 0, b_end = 0;          // the token after its last block on each side it takes
};

// The alignment's steps in token terms, identical blocks in a row joined into one step.
std::vector<Step> token_steps(const std::vector<BlockOp>& ops, const std::vector<Span32>& ab, const std::vector<Span32>& bb) {
    std::vector<Step> steps;
    steps.reserve(ops.size());
    for (const BlockOp& op : ops) {
        Step s;
        s.kind = op.kind;
        s.moved = op.moved;
        s.takes_old = op.o1 > op.o0;
        s.takes_new = op.n1 > op.n0;
        s.old_more = op.o1 < ab.size();
        s.new_more = op.n1 < bb.size();
        if (s.takes_old) s.a_end = ab[op.o1 - 1].end;
        if (s.takes_new) s.b_end = bb[op.n1 - 1].end;
        // Its tokens are its blocks' and the breaks between them: a block holds one when they
        // are more than the breaks.
        s.survives = op.kind == BlockOp::equal && s.takes_old && ab[op.o1 - 1].end - ab[op.o0].begin > op.o1 - op.o0 - 1;
        if (op.kind == BlockOp::equal && !steps.empty() && steps.back().kind == BlockOp::equal) {
            Step& p = steps.back();   // identical blocks follow each other on both sides
            p.a_end = s.a_end, p.b_end = s.b_end;
            p.old_more = s.old_more, p.new_more = s.new_more;
            p.survives = p.survives || s.survives;
            continue;
        }
        steps.push_back(s);
    }
    return steps;
}

// A remove or insert of one paragraph break and nothing else.
bool lone_break(const DiffInput& in, const TokenEdit& e) {
    if (e.op == EditOp::remove) return e.a_end - e.a_begin == 1 && in.a_exact[e.a_begin] == in.paragraph_break;
    if (e.op == EditOp::insert) return e.b_end - e.b_begin == 1 && in.b_exact[e.b_begin] == in.paragraph_break;
    return false;
}

// Appends runs to a script, joining a run to the one before it when they continue each other
// (a moved block takes the paragraph break beside it along).
void append(const DiffInput& in, std::vector<TokenEdit>& out, const TokenEdit& e) {
    if (e.a_begin == e.a_end && e.b_begin == e.b_end) return;
    if (!out.empty()) {
        TokenEdit& p = out.back();
        if (p.op == e.op && p.editorial == e.editorial && p.block == e.block && p.a_end == e.a_begin && p.b_end == e.b_begin &&
            (p.moved == e.moved || (p.moved && lone_break(in, e)) || (e.moved && lone_break(in, p)))) {
            p.a_end = e.a_end;
            p.b_end = e.b_end;
            p.moved = p.moved || e.moved;
            return;
        }
    }
    out.push_back(e);
}

DiffInput sub_input(const DiffInput& in, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    DiffInput s = in;
    s.a_exact = in.a_exact.subspan(a0, a1 - a0);
    s.a_flags = in.a_flags.subspan(a0, a1 - a0);
    s.b_exact = in.b_exact.subspan(b0, b1 - b0);
    s.b_flags = in.b_flags.subspan(b0, b1 - b0);
    return s;
}

}  // namespace

std::vector<TokenEdit> diff_tokens(const DiffInput& in, bool* over_budget) {
    const auto na = static_cast<std::uint32_t>(in.a_exact.size());
    const auto nb = static_cast<std::uint32_t>(in.b_exact.size());
    std::uint32_t pre = 0;
    while (pre < na && pre < nb && in.a_exact[pre] == in.b_exact[pre]) ++pre;
    std::uint32_t suf = 0;
    while (suf < na - pre && suf < nb - pre && in.a_exact[na - 1 - suf] == in.b_exact[nb - 1 - suf]) ++suf;

    std::vector<Run> runs;
    Budget budget;
    push_equal(runs, 0, pre, 0, pre);
    diff_middle(in, pre, na - suf, pre, nb - suf, true, runs, budget);
    if (over_budget && budget.exceeded) *over_budget = true;
    push_equal(runs, na - suf, na, nb - suf, nb);
    runs = clean_up(in, std::move(runs));
    slide(in, runs);

    std::vector<TokenEdit> edits;
    for (const Run& r : runs) {
        if (r.equal && r.a_begin == r.a_end) continue;
        if (r.equal) {
            edits.push_back({EditOp::equal, r.a_begin, r.a_end, r.b_begin, r.b_end, false});
            continue;
        }
        const bool editorial = same_keys(in, r);
        if (r.a_begin != r.a_end) edits.push_back({EditOp::remove, r.a_begin, r.a_end, r.b_begin, r.b_begin, editorial});
        if (r.b_begin != r.b_end) edits.push_back({EditOp::insert, r.a_end, r.a_end, r.b_begin, r.b_end, editorial});
    }
    return edits;
}

}  // namespace redline

namespace redline {

BlockDiff diff_blocks(const DiffInput& in, double replaced_share) {
    BlockDiff out;
    if (in.a_exact.empty() || in.b_exact.empty()) {
        out.script = diff_tokens(in, &out.over_budget);
        return out;
    }
    Budget budget;
    const std::vector<Step> steps = [&] {
        const std::vector<Span32> ab = blocks_of(in.a_exact, in.paragraph_break), bb = blocks_of(in.b_exact, in.paragraph_break);
        return token_steps(align_blocks(in, ab, bb, budget), ab, bb);
    }();   // the blocks are given back before any pair is diffed
    out.over_budget = budget.exceeded;
    std::vector<TokenEdit>& script = out.script;
    std::uint32_t ai = 0, bj = 0;   // the next token of each side not yet in the script
    // Whether the token at ai (bj) is the paragraph break before the side's next block. When
    // both wait they stand as equal text; otherwise each goes with the next block of its side.
    bool old_break = false, new_break = false;
    std::uint32_t survivors = 0;   // blocks shown unchanged or diffed word by word
    for (const Step& op : steps) {
        const bool takes_old = op.takes_old, takes_new = op.takes_new;
        if (old_break && new_break) {
            append(in, script, {EditOp::equal, ai, ai + 1, bj, bj + 1, false, false});
            ++ai, ++bj;
            old_break = new_break = false;
        }
        if (old_break && takes_old) {
            append(in, script, {EditOp::remove, ai, ai + 1, bj, bj, false, false});
            ++ai;
            old_break = false;
        }
        if (new_break && takes_new) {
            append(in, script, {EditOp::insert, ai, ai, bj, bj + 1, false, false});
            ++bj;
            new_break = false;
        }
        const std::uint32_t a1 = takes_old ? op.a_end : ai, b1 = takes_new ? op.b_end : bj;
        switch (op.kind) {
        case BlockOp::equal:
            append(in, script, {EditOp::equal, ai, a1, bj, b1, false, false});
            if (op.survives) ++survivors;
            break;
        case BlockOp::remove: append(in, script, {EditOp::remove, ai, a1, bj, bj, false, false, op.moved}); break;
        case BlockOp::insert: append(in, script, {EditOp::insert, ai, ai, bj, b1, false, false, op.moved}); break;
        case BlockOp::pair:
        case BlockOp::region: {
            std::vector<TokenEdit> part = diff_tokens(sub_input(in, ai, a1, bj, b1), &out.over_budget);
            std::uint32_t changed = 0, total = 0;
            for (const TokenEdit& e : part) {
                if (e.op == EditOp::equal || e.editorial) continue;
                for (std::uint32_t k = e.a_begin; k < e.a_end; ++k) changed += in.a_word(ai + k);
                for (std::uint32_t k = e.b_begin; k < e.b_end; ++k) changed += in.b_word(bj + k);
            }
            for (std::uint32_t k = ai; k < a1; ++k) total += in.a_word(k);
            for (std::uint32_t k = bj; k < b1; ++k) total += in.b_word(k);
            const bool rewritten = ai < a1 && bj < b1 && total > 0 && static_cast<double>(changed) / total > replaced_share;
            if (rewritten && op.kind == BlockOp::pair) {
                append(in, script, {EditOp::remove, ai, a1, bj, bj, false, true});
                append(in, script, {EditOp::insert, a1, a1, bj, b1, false, true});
                break;
            }
            if (!rewritten) ++survivors;
            for (TokenEdit e : part) {
                e.a_begin += ai, e.a_end += ai, e.b_begin += bj, e.b_end += bj;
                append(in, script, e);
            }
            break;
        }
        }
        ai = a1, bj = b1;
        // A step that takes one side only leaves the other side's waiting break waiting.
        if (takes_old) old_break = op.old_more;
        if (takes_new) new_break = op.new_more;
    }
    out.replaced = survivors == 0;
    return out;
}

}  // namespace redline
