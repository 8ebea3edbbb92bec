#include "engine/reorganise.hpp"

#include "engine/sequence.hpp"
#include "engine/sort_ids.hpp"
#include "engine/work_counters.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace redline {

namespace {

constexpr std::size_t min_sentence_words = 4;  // distinct words: shorter sentences say too little to trace
constexpr std::size_t min_part_words = 3;      // … and parts of a sentence between commas ("有限责任公司设董事会")
constexpr double similar_sentence = 0.6;       // weighted Dice of a sentence and its counterpart
constexpr double contained_sentence = 0.85;    // … or the smaller one almost wholly inside the other
constexpr double contained_floor = 0.35;       //   while the larger one is not mostly new words
constexpr double moved_share = 0.25;           // share of a clause's sentence weight that makes a link
constexpr double moved_share_alone = 0.15;     // … of a short clause that has no partner
constexpr std::uint32_t short_clause_sentences = 6;   // traced sentences of a short clause (an article, not a section)
constexpr std::uint32_t max_posting = 64;      // words in more sentences than this find no candidates
constexpr std::size_t probe_words = 6;         // a sentence's rarest words used to find candidates
constexpr double stray_part_similar = 0.8;     // a part moved into a part of an unrelated clause
constexpr double similar_part = 0.8;           // a part of a sentence (between commas) and its counterpart

// One sentence of a clause's own text: its distinct word keys, sorted.
struct Sentence {
    ClauseId node = no_clause;
    std::uint32_t first_key = 0, key_count = 0;   // into Sentences::keys
    double weight = 0;                            // sum of its words' rarity
    bool part = false;                            // one of two or more parts of a sentence
};

struct Sentences {
    std::vector<Sentence> list;
    std::vector<std::uint32_t> keys;
    std::vector<double> node_weight;   // per node: weight of its traced sentences
    std::vector<std::uint32_t> node_first;   // per node and one past: its sentences' first index

    const std::uint32_t* begin(const Sentence& s) const { return keys.data() + s.first_key; }
    const std::uint32_t* end(const Sentence& s) const { return keys.data() + s.first_key + s.key_count; }
};

// The sentences of every node that is not paired with an identical clause (`identical`:
// those moved nothing), split at sentence ends and paragraph breaks; with `cuts`, split also
// there (the parts of a sentence between commas), each part of a sentence that has more than
// one marked as such.
Sentences sentences_of(const Document& doc, const TokenizedDocument& td, const TokenTables& tables,
                       const std::vector<std::uint8_t>& identical, const std::vector<std::uint32_t>& ends,
                       const std::vector<std::uint8_t>& numbers, const std::vector<std::uint32_t>& cuts = {}) {
    Sentences out;
    out.node_weight.assign(doc.size(), 0);
    const std::size_t min_words = cuts.empty() ? min_sentence_words : min_part_words;
    std::vector<std::uint32_t> cur;
    std::size_t sentence_first = 0;   // the first unit of the sentence being read
    auto close = [&](ClauseId id) {
        sort_ids(cur);
        cur.erase(std::unique(cur.begin(), cur.end()), cur.end());
        if (cur.size() >= min_words) {
            out.list.push_back({id, static_cast<std::uint32_t>(out.keys.size()), static_cast<std::uint32_t>(cur.size()), 0});
            out.keys.insert(out.keys.end(), cur.begin(), cur.end());
        }
        cur.clear();
    };
    auto close_sentence = [&](ClauseId id) {
        close(id);
        if (out.list.size() - sentence_first >= 2)
            for (std::size_t i = sentence_first; i < out.list.size(); ++i) out.list[i].part = true;
        sentence_first = out.list.size();
    };
    out.node_first.assign(doc.size() + 1, 0);
    for (ClauseId id = 1; id < doc.size(); ++id) {
        out.node_first[id] = static_cast<std::uint32_t>(out.list.size());
        if (identical[id]) continue;
        const TokenRange r = td.body[id];
        for (std::uint32_t i = r.begin; i < r.end; ++i) {
            const std::uint32_t exact = td.exact[i];
            if (td.is_word(i)) {
                if (const std::uint32_t key = tables.key_of_exact[exact]; !numbers[key]) cur.push_back(key);
            }
            else if (std::binary_search(ends.begin(), ends.end(), exact)) close_sentence(id);
            else if (std::binary_search(cuts.begin(), cuts.end(), exact)) close(id);
        }
        close_sentence(id);
    }
    out.node_first[doc.size()] = static_cast<std::uint32_t>(out.list.size());
    return out;
}

bool part_of_clause_kind(ClauseKind k) {
    return k == ClauseKind::list_item || k == ClauseKind::paragraph || k == ClauseKind::note || k == ClauseKind::example;
}

// Where clauses stand among their siblings, to tell a counterpart next to the expected place
// from one far away.
class Places {
public:
    explicit Places(const Document& doc) : doc_(doc), index_(doc.size(), 0), prev_(doc.size(), no_clause) {
        for (ClauseId p = 0; p < doc.size(); ++p) {
            std::uint32_t i = 0;
            ClauseId before = no_clause;
            for (ClauseId c = doc.first_child(p); c != no_clause; c = doc.next_sibling(c)) {
                index_[c] = i++;
                prev_[c] = before;
                before = c;
            }
        }
    }

    // The counterparts of `node` and of its previous and next siblings, through `partner` (this
    // side's clause → the other side's), and for a part of a clause (an item, a paragraph) the
    // counterpart of that clause: where its text is expected.
    std::vector<ClauseId> expected(ClauseId node, const std::vector<ClauseId>& partner) const {
        std::vector<ClauseId> out;
        const ClauseId parent = part_of_clause(node) ? doc_[node].parent : no_clause;
        for (ClauseId x : {node, prev_[node], doc_.next_sibling(node), parent})
            if (x != no_clause && x != 0 && partner[x] != no_clause && partner[x] != 0) out.push_back(partner[x]);
        return out;
    }

    // Whether `node` is one of `places` or a sibling next to one; a part of a clause also when
    // its clause is.
    bool near(ClauseId node, const std::vector<ClauseId>& places) const {
        const ClauseId parent = part_of_clause(node) ? doc_[node].parent : no_clause;
        for (ClauseId x : {node, parent}) {
            if (x == no_clause || x == 0) continue;
            for (ClauseId e : places) {
                if (x == e) return true;
                if (doc_[x].parent == doc_[e].parent && (index_[x] + 1 == index_[e] || index_[e] + 1 == index_[x])) return true;
            }
        }
        return false;
    }

private:
    bool part_of_clause(ClauseId node) const { return part_of_clause_kind(doc_[node].kind); }

    const Document& doc_;
    std::vector<std::uint32_t> index_;   // per node: its place among its siblings
    std::vector<ClauseId> prev_;         // per node: its previous sibling
};

class Tracer {
public:
    Tracer(const Sentences& a, const Sentences& b, std::size_t keys) : a_(a), b_(b) {
        // A word's rarity: how few sentences of either draft hold it.
        std::vector<std::uint32_t> df(keys, 0);
        for (const Sentences* side : {&a_, &b_})
            for (std::uint32_t k : side->keys) ++df[k];
        const double total = static_cast<double>(a_.list.size() + b_.list.size()) + 1;
        rarity_.resize(keys);
        for (std::size_t k = 0; k < keys; ++k) rarity_[k] = df[k] ? std::log(total / df[k]) : 0.0;
        df_ = std::move(df);
    }

    double rarity(std::uint32_t k) const { return rarity_[k]; }
    std::size_t key_count() const { return df_.size(); }
    std::uint32_t df(std::uint32_t k) const { return df_[k]; }

    // Weighted overlap of two sentences: the rarity of their common words, summed in key
    // order. A sentence far longer than the other is searched, not walked, by the rule that
    // seq::common_count gallops by: one sentence of a whole lead-in (160,000 words) scored
    // against each of 8,000 short ones took most of a comparison when every score walked both.
    double common(const Sentences& x, const Sentence& s, const Sentences& y, const Sentence& t) const {
        const std::uint32_t *i = x.begin(s), *ie = x.end(s), *j = y.begin(t), *je = y.end(t);
        const auto a = static_cast<std::size_t>(ie - i), b = static_cast<std::size_t>(je - j);
        work::count(work::Counter::sentence_keys, seq::common_count_steps(a, b));
        if (seq::common_count_gallops(a, b)) return a < b ? common_searched(i, ie, j, je) : common_searched(j, je, i, ie);
        double w = 0;
        while (i != ie && j != je) {
            if (*i < *j) ++i;
            else if (*j < *i) ++j;
            else w += rarity_[*i], ++i, ++j;
        }
        return w;
    }

    // How well t stands for s: weighted Dice, or containment of the smaller in the larger;
    // 0 when neither holds.
    double score(const Sentences& x, const Sentence& s, const Sentences& y, const Sentence& t) const {
        if (s.weight <= 0 || t.weight <= 0) return 0;
        const double w = common(x, s, y, t);
        const double dice = 2 * w / (s.weight + t.weight);
        const double small = w / std::min(s.weight, t.weight), large = w / std::max(s.weight, t.weight);
        if (dice >= similar_sentence) return dice;
        if (small >= contained_sentence && large >= contained_floor) return dice;
        return 0;
    }

private:
    // common() of a short run of keys and a long one: each short key found by a search from
    // where the last one was found (keys of a sentence are sorted and distinct).
    double common_searched(const std::uint32_t* i, const std::uint32_t* ie, const std::uint32_t* j, const std::uint32_t* je) const {
        double w = 0;
        for (; i != ie && j != je; ++i) {
            j = std::lower_bound(j, je, *i);
            if (j != je && *j == *i) w += rarity_[*i], ++j;
        }
        return w;
    }

    const Sentences& a_;
    const Sentences& b_;
    std::vector<double> rarity_;
    std::vector<std::uint32_t> df_;
};

// Candidate counterparts of each sentence of one draft: indices of sentences of the other
// draft, sorted, one list per sentence in one array (`first` has one extra entry at the end).
struct Candidates {
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> ids;
};

// The sentences of `to` that hold most of the rarest words of each sentence of `from`: those
// found under two of its rarest words (under one when only one was rare enough to probe with).
Candidates find_candidates(const Tracer& tr, const Sentences& from, const Sentences& to) {
    // Postings of `to`'s sentences under their words that are rare enough to probe with, as
    // one array ordered by word.
    const std::size_t keys = tr.key_count();
    std::vector<std::uint32_t> first(keys + 1, 0), posting;
    for (const Sentence& t : to.list)
        for (const std::uint32_t* k = to.begin(t); k != to.end(t); ++k)
            if (tr.df(*k) <= max_posting) ++first[*k + 1];
    for (std::size_t k = 0; k < keys; ++k) first[k + 1] += first[k];
    posting.resize(first[keys]);
    {
        std::vector<std::uint32_t> at(first.begin(), first.end() - 1);
        for (std::uint32_t t = 0; t < to.list.size(); ++t)
            for (const std::uint32_t* k = to.begin(to.list[t]); k != to.end(to.list[t]); ++k)
                if (tr.df(*k) <= max_posting) posting[at[*k]++] = t;
    }
    Candidates out;
    out.first.reserve(from.list.size() + 1);
    std::vector<std::uint32_t> probe, seen;
    auto rarer = [&](std::uint32_t x, std::uint32_t y) { return tr.df(x) != tr.df(y) ? tr.df(x) < tr.df(y) : x < y; };
    for (std::uint32_t s = 0; s < from.list.size(); ++s) {
        out.first.push_back(static_cast<std::uint32_t>(out.ids.size()));
        const Sentence& fs = from.list[s];
        probe.assign(from.begin(fs), from.end(fs));
        const std::size_t probes = std::min(probe_words, probe.size());
        std::partial_sort(probe.begin(), probe.begin() + static_cast<std::ptrdiff_t>(probes), probe.end(), rarer);
        seen.clear();
        for (std::size_t i = 0; i < probes; ++i)
            seen.insert(seen.end(), posting.begin() + first[probe[i]], posting.begin() + first[probe[i] + 1]);
        std::sort(seen.begin(), seen.end());
        std::size_t usable = 0;
        for (std::size_t i = 0; i < probes; ++i) usable += first[probe[i] + 1] > first[probe[i]];
        const std::size_t need = std::min<std::size_t>(2, usable);
        for (std::size_t i = 0; i < seen.size();) {
            std::size_t j = i;
            while (j < seen.size() && seen[j] == seen[i]) ++j;
            if (j - i >= need) out.ids.push_back(seen[i]);
            i = j;
        }
    }
    out.first.push_back(static_cast<std::uint32_t>(out.ids.size()));
    return out;
}

// `a` (candidates of one draft's sentences) with every pair that `b` (the other draft's) found
// the other way round. A short sentence wholly inside a long one holds the long one's rarest
// words only in part: probing from the long side misses it, from the short side it is found;
// whether the two are each other's best must be judged on the same candidates both ways.
Candidates with_reverse(const Candidates& a, const Candidates& b) {
    const std::size_t n = a.first.size() - 1;
    std::vector<std::uint32_t> count(n + 1, 0);
    for (std::size_t s = 0; s < n; ++s) count[s + 1] = a.first[s + 1] - a.first[s];
    for (std::uint32_t s : b.ids) ++count[s + 1];
    for (std::size_t s = 0; s < n; ++s) count[s + 1] += count[s];
    Candidates out;
    out.ids.resize(count[n]);
    std::vector<std::uint32_t> at(count.begin(), count.end() - 1);
    for (std::size_t s = 0; s < n; ++s)
        for (std::uint32_t i = a.first[s]; i < a.first[s + 1]; ++i) out.ids[at[s]++] = a.ids[i];
    for (std::uint32_t t = 0; t + 1 < b.first.size(); ++t)
        for (std::uint32_t i = b.first[t]; i < b.first[t + 1]; ++i) out.ids[at[b.ids[i]]++] = t;
    // Each list sorted and without repeats, then the array closed up.
    std::size_t w = 0;
    out.first.assign(n + 1, 0);
    for (std::size_t s = 0; s < n; ++s) {
        const auto begin = out.ids.begin() + count[s], end = out.ids.begin() + count[s + 1];
        std::sort(begin, end);
        out.first[s] = static_cast<std::uint32_t>(w);
        for (auto it = begin; it != end; ++it)
            if (it == begin || *it != *(it - 1)) out.ids[w++] = *it;
    }
    out.first[n] = static_cast<std::uint32_t>(w);
    out.ids.resize(w);
    return out;
}

// For each sentence of `from`, the index of its best counterpart in `to` among its
// candidates (or -1). Near ties go to a sentence of the clause's partner (the text stayed); a
// near tie between other clauses has no best (the sentence is repeated there, as laws repeat
// a rule for each form of company, and nothing says which copy it became).
std::vector<std::int64_t> best_counterparts(const Tracer& tr, const Sentences& from, const Sentences& to,
                                            const Candidates& cands, const std::vector<ClauseId>& partner,
                                            const Places& from_places, const Places& to_places) {
    constexpr double near_tie = 0.03;
    constexpr double near_margin = 0.1;   // how much better a far counterpart must be than a near one
    std::vector<std::int64_t> best(from.list.size(), -1);
    std::vector<std::pair<double, std::uint32_t>> scored;
    for (std::uint32_t s = 0; s < from.list.size(); ++s) {
        const Sentence& fs = from.list[s];
        scored.clear();
        for (std::uint32_t i = cands.first[s]; i < cands.first[s + 1]; ++i)
            if (const double sc = tr.score(from, fs, to, to.list[cands.ids[i]]); sc > 0) scored.emplace_back(sc, cands.ids[i]);
        if (scored.empty()) continue;
        std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
        const double top = scored.front().first;
        const ClauseId own = partner[fs.node];
        const ClauseId front_node = to.list[scored.front().second].node;
        std::int64_t pick = scored.front().second;
        if (front_node != own) {
            bool ambiguous = false, own_ties = false;
            for (std::size_t i = 1; i < scored.size() && scored[i].first >= top - near_tie; ++i) {
                const ClauseId node = to.list[scored[i].second].node;
                if (node == own) {
                    pick = scored[i].second;
                    own_ties = true;
                    break;
                }
                if (node != front_node) ambiguous = true;
            }
            // A counterpart next to where the rest of the clause went (the counterparts of the
            // clause, its neighbours and its parent) beats a far one that scores about as well:
            // a paragraph moves to the article before or after its old article's successor,
            // and of two copies of a repeated rule the one in the same place is the one it became.
            if (!own_ties) {
                const std::vector<ClauseId> expected = from_places.expected(fs.node, partner);
                const double margin = to_places.near(front_node, expected) ? near_tie : near_margin;
                std::int64_t near_pick = -1;
                bool near_ambiguous = false;
                for (std::size_t i = 0; i < scored.size() && scored[i].first >= top - margin; ++i) {
                    const ClauseId node = to.list[scored[i].second].node;
                    if (!to_places.near(node, expected)) continue;
                    if (near_pick < 0) near_pick = scored[i].second;
                    else if (to.list[static_cast<std::size_t>(near_pick)].node != node) near_ambiguous = true;
                }
                if (near_pick >= 0 && !near_ambiguous) pick = near_pick, ambiguous = false;
                if (ambiguous) continue;
            }
        }
        best[s] = pick;
    }
    return best;
}

// Whether old `o` and new `n` are parts (items, paragraphs) of clauses that are not each
// other's counterparts while one of them has another: a list item of one article that looks
// like an item of an unrelated list ("提请聘任或者解聘公司副经理、财务负责人" and "聘任、解聘财务
// 负责人"). Such a move needs nearly the same text.
bool stray_parts(const Document& old_doc, ClauseId o, const Document& new_doc, ClauseId n, const Alignment& al) {
    if (!part_of_clause_kind(old_doc[o].kind) || !part_of_clause_kind(new_doc[n].kind)) return false;
    const ClauseId po = old_doc[o].parent, pn = new_doc[n].parent;
    if (po == no_clause || pn == no_clause || al.old_to_new[po] == pn) return false;
    return al.old_to_new[po] != no_clause || al.new_to_old[pn] != no_clause;
}

// What moved from an old clause to a new one, by its traced units.
struct Moved {
    double weight = 0;   // of the common words of the moved units
    double best = 0;     // the best score of one of them
};
using MovedMap = std::map<std::pair<ClauseId, ClauseId>, Moved>;   // (old clause, new clause) → what moved

// Traces the units of `olds` and `news` (their weights set here) and returns what moved between
// clauses that are not partners: units that are each other's best counterpart, not also kept
// where they were (a copy is not a move). With `parts_only`, only pairs of which one is a
// part of a sentence count.
MovedMap trace_units(Sentences& olds, Sentences& news, std::size_t keys, const Alignment& al, const Places& old_places,
                     const Places& new_places, const RunBoth& both, bool parts_only) {
    MovedMap moved;
    if (olds.list.empty() || news.list.empty()) return moved;
    const Tracer tr(olds, news, keys);
    for (Sentences* side : {&olds, &news})
        for (Sentence& s : side->list) {
            for (const std::uint32_t* k = side->begin(s); k != side->end(s); ++k) s.weight += tr.rarity(*k);
            side->node_weight[s.node] += s.weight;
        }
    std::vector<std::int64_t> old_best, new_best;
    Candidates old_cands, new_cands;
    both([&] { old_cands = find_candidates(tr, olds, news); }, [&] { new_cands = find_candidates(tr, news, olds); });
    const Candidates old_all = with_reverse(old_cands, new_cands), new_all = with_reverse(new_cands, old_cands);
    both([&] { old_best = best_counterparts(tr, olds, news, old_all, al.old_to_new, old_places, new_places); },
         [&] { new_best = best_counterparts(tr, news, olds, new_all, al.new_to_old, new_places, old_places); });

    // Whether a unit is also kept in the given clause of the other side (its own clause's
    // partner): text found both where it was and somewhere else was copied, not moved.
    auto kept_in = [&](const Sentences& x, const Sentence& s, const Sentences& y, ClauseId node) {
        if (node == no_clause || node == 0) return false;
        for (std::uint32_t t = y.node_first[node]; t < y.node_first[node + 1]; ++t)
            if (tr.score(x, s, y, y.list[t]) > 0) return true;
        return false;
    };
    for (std::uint32_t s = 0; s < olds.list.size(); ++s) {
        const std::int64_t t = old_best[s];
        if (t < 0 || new_best[static_cast<std::size_t>(t)] != static_cast<std::int64_t>(s)) continue;
        const Sentence& os = olds.list[s];
        const Sentence& ns = news.list[static_cast<std::size_t>(t)];
        if (al.old_to_new[os.node] == ns.node) continue;
        if (parts_only && !os.part && !ns.part) continue;
        if (kept_in(olds, os, news, al.old_to_new[os.node]) || kept_in(news, ns, olds, al.new_to_old[ns.node])) continue;
        Moved& m = moved[std::make_pair(os.node, ns.node)];
        m.weight += tr.common(olds, os, news, ns);
        m.best = std::max(m.best, tr.score(olds, os, news, ns));
    }
    return moved;
}

// Whether `x` is in the subtree of `node` below it.
bool inside(const Document& doc, ClauseId node, ClauseId x) {
    return x != no_clause && x > node && x < doc[node].end;
}

bool has_parts(const Sentences& s) {
    return std::any_of(s.list.begin(), s.list.end(), [](const Sentence& x) { return x.part; });
}

}  // namespace

void trace_reorganisations(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                           const TokenizedDocument& new_tokens, const TokenTables& tables, Alignment& al,
                           const RunBoth& both) {
    // The links the matchers made beyond the one-to-one pairs.
    std::vector<std::pair<ClauseId, ClauseId>> links;
    for (const Group& g : al.groups)
        for (auto [i, j] : g.links)
            if (al.old_to_new[g.old_ids[i]] != g.new_ids[j]) links.emplace_back(g.old_ids[i], g.new_ids[j]);

    std::vector<std::uint8_t> old_identical(old_doc.size(), 0), new_identical(new_doc.size(), 0);
    for (ClauseId n = 1; n < new_doc.size(); ++n)
        if (const ClauseId o = al.new_to_old[n]; o != no_clause && al.reason[n] == MatchReason::identical)
            old_identical[o] = new_identical[n] = 1;
    const std::vector<std::uint32_t> ends = sentence_end_ids(tables);
    const std::vector<std::uint8_t> numbers = number_keys(tables);
    Sentences olds = sentences_of(old_doc, old_tokens, tables, old_identical, ends, numbers);
    Sentences news = sentences_of(new_doc, new_tokens, tables, new_identical, ends, numbers);
    if (olds.list.empty() || news.list.empty()) return;
    const Places old_places(old_doc), new_places(new_doc);
    const MovedMap moved = trace_units(olds, news, tables.key.size(), al, old_places, new_places, both, false);

    // Links the clauses between which enough moved (`before`: the whole sentences' moves, when
    // these are the parts', which then only add links no whole sentence made).
    auto link = [&](const MovedMap& m_map, const Sentences& o_units, const Sentences& n_units, const MovedMap* before) {
        for (const auto& [key, m] : m_map) {
            if (before && before->count(key)) continue;
            const auto [o, n] = key;
            const double weight = m.weight;
            if (stray_parts(old_doc, o, new_doc, n, al) && (before || m.best < stray_part_similar)) continue;
            // A part of a sentence is a phrase: laws share phrases ("除法律另有规定外") between
            // unrelated rules, so a moved part needs nearly the same words, and a phrase common to
            // items of two unrelated lists is no evidence at all.
            if (before && m.best < similar_part) continue;
            // A part shared with the clause that holds the other's partner (a list's lead-in and
            // the article its item became, "设立示例组织，…") is already accounted for there.
            if (before && (inside(old_doc, o, al.new_to_old[n]) || inside(new_doc, n, al.old_to_new[o]))) continue;
            // A sentence is a large share of a short article but a small one of a long section: a
            // single moved sentence links two law articles, not two sections of an Internet-Draft.
            // A short clause with no partner has no other source or successor: a smaller share of
            // it is enough (an article of five sentences that took one from an old article).
            auto short_and_alone = [&](const Sentences& side, ClauseId node, ClauseId partner) {
                return partner == no_clause && side.node_first[node + 1] - side.node_first[node] <= short_clause_sentences;
            };
            const double share = short_and_alone(olds, o, al.old_to_new[o]) || short_and_alone(news, n, al.new_to_old[n])
                                     ? moved_share_alone
                                     : moved_share;
            if (weight < share * o_units.node_weight[o] && weight < share * n_units.node_weight[n]) continue;
            links.emplace_back(o, n);
            if (al.new_to_old[n] == no_clause) {
                al.reason[n] = MatchReason::traced;
                al.score[n] = static_cast<float>(std::min(1.0, weight / n_units.node_weight[n]));
            }
        }
    };
    link(moved, olds, news, nullptr);

    // A long sentence divided between two clauses ("…应当遵守法律、行政法规和公司章程，对公司负有
    // 忠实义务和勤勉义务" → one article that keeps the first half and one that states the duties)
    // goes whole to one of them: its parts between commas are traced as well, and link two
    // clauses that no whole sentence links.
    if (const std::vector<std::uint32_t> cuts = clause_comma_ids(tables); !cuts.empty()) {
        Sentences old_parts = sentences_of(old_doc, old_tokens, tables, old_identical, ends, numbers, cuts);
        Sentences new_parts = sentences_of(new_doc, new_tokens, tables, new_identical, ends, numbers, cuts);
        if (has_parts(old_parts) || has_parts(new_parts)) {
            const MovedMap part_moved =
                trace_units(old_parts, new_parts, tables.key.size(), al, old_places, new_places, both, true);
            link(part_moved, old_parts, new_parts, &moved);
        }
    }
    form_groups(al, links);
}

}  // namespace redline
