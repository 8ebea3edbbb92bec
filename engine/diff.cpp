#include "engine/diff.hpp"

#include "engine/sequence.hpp"
#include "engine/sort_ids.hpp"

#include <dtl/dtl.hpp>

#include <algorithm>
#include <unordered_map>

namespace redline {

namespace {

// A run of the script before emission: equal, or a change replacing a[...) by b[...).
struct Run {
    bool equal = false;
    std::uint32_t a_begin = 0, a_end = 0, b_begin = 0, b_end = 0;
};

void push_change(std::vector<Run>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    if (a0 == a1 && b0 == b1) return;
    if (!runs.empty() && !runs.back().equal && runs.back().a_end == a0 && runs.back().b_end == b0) {
        runs.back().a_end = a1;
        runs.back().b_end = b1;
        return;
    }
    runs.push_back({false, a0, a1, b0, b1});
}

void push_equal(std::vector<Run>& runs, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
    if (a0 == a1) return;
    if (!runs.empty() && runs.back().equal && runs.back().a_end == a0 && runs.back().b_end == b0) {
        runs.back().a_end = a1;
        runs.back().b_end = b1;
        return;
    }
    runs.push_back({true, a0, a1, b0, b1});
}

// Edit distance estimate from the multisets: tokens of one side missing from the other.
std::uint64_t estimated_distance(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
    std::vector<std::uint32_t> x(a.begin(), a.end()), y(b.begin(), b.end());
    sort_ids(x);
    sort_ids(y);
    const std::size_t same = seq::common_count(x, y);
    return (x.size() - same) + (y.size() - same);
}

// dtl on a[a0,a1) vs b[b0,b1), appended to runs with absolute indices.
void dtl_diff(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0,
              std::uint32_t b0, std::vector<Run>& runs) {
    if (a.empty() || b.empty()) {
        push_change(runs, a0, a0 + static_cast<std::uint32_t>(a.size()), b0, b0 + static_cast<std::uint32_t>(b.size()));
        return;
    }
    std::vector<std::uint32_t> va(a.begin(), a.end()), vb(b.begin(), b.end());
    dtl::Diff<std::uint32_t, std::vector<std::uint32_t>> d(va, vb);
    d.compose();
    std::uint32_t i = 0, j = 0;  // next unconsumed positions (relative)
    for (const auto& [elem, info] : d.getSes().getSequence()) {
        (void)elem;
        if (info.type == dtl::SES_COMMON) {
            push_equal(runs, a0 + i, a0 + i + 1, b0 + j, b0 + j + 1);
            ++i, ++j;
        } else if (info.type == dtl::SES_DELETE) {
            push_change(runs, a0 + i, a0 + i + 1, b0 + j, b0 + j);
            ++i;
        } else {
            push_change(runs, a0 + i, a0 + i, b0 + j, b0 + j + 1);
            ++j;
        }
    }
}

// Patience diff's idea: tokens that occur exactly once on each side and keep their order
// (a longest increasing subsequence) are certainly equal; dtl then runs only on the gaps
// between them. This keeps dtl's O((N+M)·D) work and its path bookkeeping small on long
// clauses with scattered edits, and anchors the redline on distinctive words.
constexpr std::size_t anchor_threshold = 64;   // shorter middles go to dtl directly

void anchored_diff(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b, std::uint32_t a0,
                   std::uint32_t b0, std::vector<Run>& runs) {
    if (a.size() + b.size() < anchor_threshold) {
        dtl_diff(a, b, a0, b0, runs);
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
        dtl_diff(a, b, a0, b0, runs);
        return;
    }
    std::uint32_t ai = 0, bj = 0;
    for (std::size_t k : chain) {
        const auto [pa, pb] = pairs[k];
        dtl_diff(a.subspan(ai, pa - ai), b.subspan(bj, pb - bj), a0 + ai, b0 + bj, runs);
        push_equal(runs, a0 + pa, a0 + pa + 1, b0 + pb, b0 + pb + 1);
        ai = pa + 1;
        bj = pb + 1;
    }
    dtl_diff(a.subspan(ai), b.subspan(bj), a0 + ai, b0 + bj, runs);
}

// Units end after a sentence-final token; each unit becomes one id for a coarse diff.
std::vector<std::uint32_t> unit_starts(std::span<const std::uint32_t> s, std::span<const std::uint32_t> ends) {
    std::vector<std::uint32_t> starts{0};
    for (std::uint32_t i = 0; i < s.size(); ++i)
        if (std::binary_search(ends.begin(), ends.end(), s[i]) && i + 1 < s.size()) starts.push_back(i + 1);
    return starts;
}

void diff_middle(const DiffInput& in, std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1,
                 bool allow_coarse, std::vector<Run>& runs) {
    const auto a = in.a_exact.subspan(a0, a1 - a0);
    const auto b = in.b_exact.subspan(b0, b1 - b0);
    const std::uint64_t n = a.size() + b.size();
    const bool too_big = n > max_token_diff || (n > 2000 && n * estimated_distance(a, b) > max_diff_work);
    if (!too_big) {
        anchored_diff(a, b, a0, b0, runs);
        return;
    }
    if (!allow_coarse) {
        push_change(runs, a0, a1, b0, b1);
        return;
    }
    // Coarse pass: intern sentence units by content, diff the unit ids, then refine inside
    // each changed region when it is small enough.
    const auto sa = unit_starts(a, in.sentence_ends), sb = unit_starts(b, in.sentence_ends);
    std::unordered_map<std::uint64_t, std::uint32_t> ids;
    auto unit_ids = [&](std::span<const std::uint32_t> s, const std::vector<std::uint32_t>& starts) {
        std::vector<std::uint32_t> out;
        for (std::size_t u = 0; u < starts.size(); ++u) {
            const std::uint32_t end = u + 1 < starts.size() ? starts[u + 1] : static_cast<std::uint32_t>(s.size());
            std::uint64_t h = 1469598103934665603ULL;
            for (std::uint32_t i = starts[u]; i < end; ++i) h = (h ^ s[i]) * 1099511628211ULL;
            h ^= end - starts[u];
            out.push_back(ids.try_emplace(h, static_cast<std::uint32_t>(ids.size())).first->second);
        }
        return out;
    };
    const auto ua = unit_ids(a, sa), ub = unit_ids(b, sb);
    std::vector<Run> unit_runs;
    dtl_diff(ua, ub, 0, 0, unit_runs);
    auto a_pos = [&](std::uint32_t u) { return a0 + (u < sa.size() ? sa[u] : static_cast<std::uint32_t>(a.size())); };
    auto b_pos = [&](std::uint32_t u) { return b0 + (u < sb.size() ? sb[u] : static_cast<std::uint32_t>(b.size())); };
    for (const Run& r : unit_runs) {
        if (r.equal) push_equal(runs, a_pos(r.a_begin), a_pos(r.a_end), b_pos(r.b_begin), b_pos(r.b_end));
        else diff_middle(in, a_pos(r.a_begin), a_pos(r.a_end), b_pos(r.b_begin), b_pos(r.b_end), false, runs);
    }
}

std::uint32_t words(std::span<const std::uint8_t> is_word, std::uint32_t begin, std::uint32_t end) {
    std::uint32_t n = 0;
    for (std::uint32_t i = begin; i < end; ++i) n += is_word[i];
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
                const std::uint32_t len = words(in.a_word, r.a_begin, r.a_end);
                const std::uint32_t len_before = std::max(words(in.a_word, before.a_begin, before.a_end),
                                                          words(in.b_word, before.b_begin, before.b_end));
                const std::uint32_t len_after = std::max(words(in.a_word, after.a_begin, after.a_end),
                                                         words(in.b_word, after.b_begin, after.b_end));
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
    return std::equal(in.a_key.begin() + r.a_begin, in.a_key.begin() + r.a_end, in.b_key.begin() + r.b_begin);
}

}  // namespace

std::vector<TokenEdit> diff_tokens(const DiffInput& in) {
    const auto na = static_cast<std::uint32_t>(in.a_exact.size());
    const auto nb = static_cast<std::uint32_t>(in.b_exact.size());
    std::uint32_t pre = 0;
    while (pre < na && pre < nb && in.a_exact[pre] == in.b_exact[pre]) ++pre;
    std::uint32_t suf = 0;
    while (suf < na - pre && suf < nb - pre && in.a_exact[na - 1 - suf] == in.b_exact[nb - 1 - suf]) ++suf;

    std::vector<Run> runs;
    push_equal(runs, 0, pre, 0, pre);
    diff_middle(in, pre, na - suf, pre, nb - suf, true, runs);
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
