#include "engine/match.hpp"

#include "engine/sequence.hpp"
#include "engine/sort_ids.hpp"
#include "engine/work_counters.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <string>
#include <unordered_map>

namespace redline {

namespace {

// Thresholds, named so that the rules read as prose. Dice similarity is over the multisets
// of comparison keys of word tokens (title and own text).
constexpr double similar_alone = 0.5;        // enough on its own
constexpr double similar_with_evidence = 0.3;  // enough with a matched parent, label or title
constexpr double same_label_floor = 0.2;     // leftovers with equal label under matched parents
constexpr double same_place_floor = 0.4;     // a rewritten clause between two pairs that kept their order
constexpr double anchored_gap_floor = 0.2;   // weighted Dice of a rewritten clause in an anchored gap
constexpr double anchored_gap_contained = 0.5;  // … with the smaller of the two half inside the other
constexpr double anchored_gap_margin = 1.5;  // … and how much better than any rival in the gap
constexpr std::size_t max_gap_pairs = 256;   // unmatched clause pairs an anchored gap compares
constexpr std::size_t max_place_pairs = 65536;  // a sibling gap of more pairs compares by place only:
constexpr std::size_t place_band = 128;      // … each clause with the old ones this near its place
constexpr double stray_part_similar = 0.8;   // a part of a clause that went elsewhere than its clause
constexpr double promoted_containment = 0.6;  // weighted share of the smaller of (lead-in + item, article) in the other
constexpr double promoted_item_share = 0.3;   // … and of the item's own words found in the article
constexpr std::size_t rarity_ranked_words = 20;  // words in both texts before rare words rank candidates
constexpr double children_share = 0.5;       // share of children that must agree (Dice)
constexpr double split_containment = 0.7;    // share of a part found in the other side's residue
constexpr double distinctive_title_bonus = 0.2;  // rank bonus of a title unique on both sides
constexpr double split_sibling_containment = 0.8;  // … or in the whole, next to its partner
constexpr std::size_t min_part_words = 3;    // a split/merge part must say something
constexpr std::size_t rare_per_node = 12;    // rare tokens indexed per node
constexpr std::size_t max_posting = 256;     // tokens in more nodes than this index nothing
constexpr std::size_t max_candidates = 8;    // candidates scored per node
constexpr std::size_t few_repeats = 16;      // repeated content scanned directly up to this many
// Old siblings of the same label or title a leftover new clause is compared with (docs/limits.md).
constexpr std::size_t max_same_label_candidates = 64;

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

// Per side: what the matchers need to know of each node, computed once.
struct Side {
    const Document& doc;
    const TokenizedDocument& td;
    const std::vector<std::uint32_t>& key_of_exact;   // of the tables both sides' tokens are in
    std::uint32_t key(std::uint32_t token) const { return key_of_exact[td.exact[token]]; }
    // Sorted word keys of title + own text, gathered and sorted on first use: most nodes of a
    // revision are settled by the identical-subtree pass and never need them (sorting every
    // node's words was a tenth of a whole comparison; keeping a copy of every node's words was
    // a tenth of the peak memory at 80,000 clauses).
    const std::vector<std::uint32_t>& bag(ClauseId id) const {
        if (!bag_done_[id]) {
            std::vector<std::uint32_t>& b = bag_[id];
            b.reserve(words_[id]);
            for (const TokenRange r : {td.title[id], td.body[id]})
                for (std::uint32_t i = r.begin; i < r.end; ++i)
                    if (td.is_word(i)) b.push_back(key(i));
            sort_ids(b);
            bag_done_[id] = 1;
        }
        return bag_[id];
    }
    std::size_t words_in(ClauseId id) const { return words_[id]; }
    // Sorted word keys of a node's title and text and of all its descendants': what a clause
    // whose list became running text says as a whole. Made afresh on each call.
    std::vector<std::uint32_t> subtree_bag(ClauseId id) const {
        std::vector<std::uint32_t> b;
        b.reserve(subtree_words[id]);
        for (ClauseId d = id; d < doc[id].end; ++d) {
            const std::vector<std::uint32_t>& own = bag(d);
            b.insert(b.end(), own.begin(), own.end());
        }
        sort_ids(b);
        return b;
    }
    std::vector<std::uint64_t> subtree_fp;        // content of the subtree, labels ignored
    std::vector<std::uint32_t> subtree_words;     // word tokens in the subtree

    // Sorted distinct word keys and word-bigram hashes of a node, computed on first use: only
    // nodes left undecided by the identical-subtree pass ever need them. Word bigrams stay
    // rare where single words are common (a long draft with a small technical vocabulary):
    // they carry the candidate search.
    const std::vector<std::uint32_t>& shingles(ClauseId id) const {
        if (!shingle_done_[id]) {
            std::vector<std::uint32_t>& sh = shingle_cache_[id];
            sh = bag(id);
            std::uint32_t prev = 0;
            bool have_prev = false;
            for (const TokenRange r : {td.title[id], td.body[id]})
                for (std::uint32_t i = r.begin; i < r.end; ++i) {
                    if (!td.is_word(i)) continue;
                    if (have_prev) sh.push_back(0x80000000u | static_cast<std::uint32_t>(mix(prev, key(i)) >> 33));
                    prev = key(i);
                    have_prev = true;
                }
            // Word keys are below 2^31 and already sorted; bigram hashes have the top bit set,
            // so only they need sorting for the whole to be sorted.
            const auto bigrams = sh.begin() + static_cast<std::ptrdiff_t>(bag(id).size());
            sort_ids(bigrams, sh.end());
            sh.erase(std::unique(sh.begin(), sh.end()), sh.end());
            shingle_done_[id] = 1;
        }
        return shingle_cache_[id];
    }

    // Gives back the memory of the shingles made so far; they are made again if asked for.
    // The old side's shingles are read only to build the candidate index.
    void release_shingles() {
        for (std::vector<std::uint32_t>& sh : shingle_cache_) std::vector<std::uint32_t>().swap(sh);
        std::fill(shingle_done_.begin(), shingle_done_.end(), 0);
    }

    Side(const Document& d, const TokenizedDocument& t, const TokenTables& tables)
        : doc(d), td(t), key_of_exact(tables.key_of_exact) {}

    // Word bags and subtree fingerprints of every node (the two sides are indexed at once).
    void index() {
        const std::size_t n = doc.size();
        bag_.resize(n);
        bag_done_.assign(n, 0);
        words_.assign(n, 0);
        shingle_cache_.resize(n);
        shingle_done_.assign(n, 0);
        subtree_fp.assign(n, 0);
        subtree_words.assign(n, 0);
        std::vector<std::uint64_t> own(n);
        for (ClauseId id = 0; id < n; ++id) {
            std::uint64_t h = mix(0x51ed270b27a3c6d1ULL, static_cast<std::uint64_t>(doc[id].kind));
            std::uint32_t words = 0;
            auto add = [&](TokenRange r, std::uint64_t salt) {
                h = mix(h, salt);
                for (std::uint32_t i = r.begin; i < r.end; ++i) {
                    if (!td.is_word(i)) continue;
                    h = mix(h, key(i));
                    ++words;
                }
            };
            add(td.title[id], 1);
            add(td.body[id], 2);
            own[id] = h;
            words_[id] = words;
        }
        // Children have larger ids than their parent: one reverse sweep folds subtrees.
        for (ClauseId id = static_cast<ClauseId>(n); id-- > 0;) {
            std::uint64_t h = own[id];
            std::uint32_t words = words_[id];
            for (ClauseId c = doc.first_child(id); c != no_clause; c = doc.next_sibling(c)) {
                h = mix(h, subtree_fp[c]);
                words += subtree_words[c];
            }
            subtree_fp[id] = mix(h, 0xabcdefULL);
            subtree_words[id] = words;
        }
    }

private:
    std::vector<std::uint32_t> words_;   // per node: word tokens in title + own text
    mutable std::vector<std::vector<std::uint32_t>> bag_;
    mutable std::vector<std::uint8_t> bag_done_;
    mutable std::vector<std::vector<std::uint32_t>> shingle_cache_;
    mutable std::vector<std::uint8_t> shingle_done_;
};

// The sibling before `id` (no_clause for a first child or the root): the ancestor of id − 1
// that is a child of id's parent, found in as many steps as the tree is deep, not by walking
// the siblings before it (a term section of 40,000 entries asked this of each of them). The
// steps are counted as work::Counter::sibling_steps.
ClauseId previous_sibling(const Document& doc, ClauseId id) {
    const ClauseId parent = doc[id].parent;
    if (parent == no_clause) return no_clause;
    ClauseId prev = id - 1;
    std::uint64_t steps = 1;
    for (; prev != parent && doc[prev].parent != parent; ++steps) prev = doc[prev].parent;
    work::count(work::Counter::sibling_steps, steps);
    return prev == parent ? no_clause : prev;
}

// a − b as multisets (both sorted).
std::vector<std::uint32_t> minus(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    std::vector<std::uint32_t> out;
    std::size_t i = 0, j = 0;
    while (i < a.size()) {
        if (j == b.size() || a[i] < b[j]) out.push_back(a[i++]);
        else if (b[j] < a[i]) ++j;
        else { ++i; ++j; }
    }
    return out;
}

// What a paired clause says beyond its partner (minus of their word bags), made on first use
// and kept while the partner stays the same: a clause split into many parts (or merged from
// many) is the source of each of them. Kept for the clauses asked about only, at most one
// copy of each one's words.
class Residues {
public:
    Residues(const Side& side, const Side& other) : side_(side), other_(other) {}
    const std::vector<std::uint32_t>& of(ClauseId id, ClauseId partner) {
        const auto [it, fresh] = made_.try_emplace(id);
        if (fresh || it->second.partner != partner) {
            it->second.partner = partner;
            it->second.words = minus(side_.bag(id), other_.bag(partner));
            walked_ += side_.bag(id).size() + other_.bag(partner).size();
        }
        return it->second.words;
    }
    // Words of the bags walked to make the residues so far.
    std::uint64_t words_walked() const { return walked_; }

private:
    struct Residue {
        ClauseId partner = no_clause;
        std::vector<std::uint32_t> words;
    };
    const Side& side_;
    const Side& other_;
    std::unordered_map<ClauseId, Residue> made_;
    std::uint64_t walked_ = 0;
};

// A map from 32-bit keys to small values in one open-addressing table (linear probing, at
// most three quarters full; a value of 0 marks an empty slot). Key and value share a slot, so
// a lookup costs one cache miss: with 80,000 clauses the tables outgrow the caches, and the
// candidate search looks up every shingle of every undecided node. Three quarters rather
// than half: a probe past the home slot mostly stays in its cache line (ten 6-byte slots),
// and a table of distinct shingles (a wide parent of unmatched children) doubled twice at
// half full, its last doubling holding 1.5 times the final table: 9.4 MB at 17,000 clauses
// a side, the alignment's peak. `Slot` holds a key (key(), set_key()) and its `value`.
template <class Slot>
class OpenTable {
public:
    using Value = decltype(Slot::value);
    // `expected` bounds the keys it will hold; the table starts smaller (keys repeat: most
    // shingles of a revision are shared by its two drafts) and doubles when 3/4 full.
    explicit OpenTable(std::size_t expected) {
        std::size_t size = 16;
        while (size < expected / 2) size *= 2;
        slots_.assign(size, Slot{});
    }
    // The value of `key`, 0 if it has none; ref() makes a slot for it, and the caller gives it
    // a value other than 0.
    Value get(std::uint32_t key) const { return slots_[slot(key)].value; }
    // The slot of `key`: its value is 0 when the key has none.
    const Slot& at(std::uint32_t key) const { return slots_[slot(key)]; }
    // Asks the processor to fetch the line where a lookup of `key` begins. A batch of lookups
    // into a table out of cache then waits for its misses together rather than one by one.
    void prefetch(std::uint32_t key) const { __builtin_prefetch(&slots_[home(key)]); }
    Value& ref(std::uint32_t key) { return entry(key).value; }
    // The value of `key` to change, nullptr when the key has none (no slot is made).
    Value* find(std::uint32_t key) {
        Slot& s = slots_[slot(key)];
        return s.value != 0 ? &s.value : nullptr;
    }
    // The slot of `key`, made when it has none (the caller then gives it a value other than 0).
    Slot& entry(std::uint32_t key) {
        std::size_t i = slot(key);
        if (slots_[i].value == 0) {
            if (4 * (used_ + 1) > 3 * slots_.size()) {
                grow();
                i = slot(key);
            }
            ++used_;
            slots_[i].set_key(key);
        }
        return slots_[i];
    }

private:
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
    std::size_t home(std::uint32_t key) const { return (key * 0x9E3779B1u) & (slots_.size() - 1); }
    std::size_t slot(std::uint32_t key) const {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = home(key);
        while (slots_[i].value != 0 && slots_[i].key() != key) i = (i + 1) & mask;
        return i;
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.size() * 2, Slot{});
        for (const Slot& s : old)
            if (s.value != 0) slots_[slot(s.key())] = s;
    }
};

// How many nodes hold each 32-bit key, in 6-byte slots (the key in two halves, the count
// saturating at 65,535: the candidate search tells counts apart only up to 2 * max_posting).
// It holds every distinct shingle of the undecided nodes of one side (33 MB at 80,000
// generated clauses in 8-byte slots when it held both sides'); it lives only while the
// shingle index is made.
class CountTable {
public:
    explicit CountTable(std::size_t expected) : table_(expected) {}
    std::uint32_t get(std::uint32_t key) const { return table_.get(key); }
    void prefetch(std::uint32_t key) const { table_.prefetch(key); }
    // Counts each of `keys` once more.
    void add(const std::vector<std::uint32_t>& keys) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i + lookahead < keys.size()) table_.prefetch(keys[i + lookahead]);
            std::uint16_t& count = table_.ref(keys[i]);
            if (count != max_count) ++count;
        }
    }
    // Counts once more each of `keys` that is counted already; the others stay out.
    void add_known(const std::vector<std::uint32_t>& keys) {
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i + lookahead < keys.size()) table_.prefetch(keys[i + lookahead]);
            if (std::uint16_t* count = table_.find(keys[i]); count && *count != max_count) ++*count;
        }
    }
    // How far ahead of a run of lookups their slots are asked for.
    static constexpr std::size_t lookahead = 8;

private:
    static constexpr std::uint16_t max_count = 0xFFFF;
    struct Slot {
        std::uint16_t lo = 0, hi = 0, value = 0;   // value: the count
        std::uint32_t key() const { return static_cast<std::uint32_t>(lo) | static_cast<std::uint32_t>(hi) << 16; }
        void set_key(std::uint32_t key) {
            lo = static_cast<std::uint16_t>(key);
            hi = static_cast<std::uint16_t>(key >> 16);
        }
    };
    static_assert(sizeof(Slot) == 6);
    OpenTable<Slot> table_;
};

// An inverted index from the rarest shingles of some nodes of one side ("targets") to
// those nodes; rarity is counted over the targets and the nodes that will query it, so it
// reflects only what is still to be decided.
class ShingleIndex {
public:
    ShingleIndex(const Side& targets, const std::vector<ClauseId>& target_ids, const Side& queries,
                 const std::vector<ClauseId>& query_ids)
        : group_(0), votes_(targets.doc.size(), 0), query_nodes_(queries.doc.size()) {
        // Postings in one array, grouped by shingle, each group in target order and cut at
        // max_posting; group_ maps a shingle to its group's number + 1 and its frequency.
        std::vector<Posting> pairs;   // target order
        {
            // Document frequencies are needed only until each target has ranked its shingles:
            // the frequency travels with the posting, and the table, the alignment's largest,
            // is gone before the group table is made in its place. Only the targets' shingles
            // are ever asked for, so only they are keys: the queries add to their counts but
            // bring no keys of their own (a wide parent of unmatched children has nearly all
            // its shingles distinct: the table of both sides took 48 MB at 136,000 a side).
            CountTable df(count_shingles(targets, target_ids));
            for (ClauseId id : target_ids) df.add(targets.shingles(id));
            for (ClauseId id : query_ids) df.add_known(queries.shingles(id));
            pairs.reserve(rare_per_node * target_ids.size());   // at most; not grown by doubling
            std::vector<Ranked> ranked;
            for (ClauseId id : target_ids) {
                rank_by_frequency(targets.shingles(id), df, ranked);
                for (const Ranked& r : ranked) pairs.push_back({r.key, id, static_cast<std::uint16_t>(r.frequency)});
            }
        }
        group_ = OpenTable<GroupSlot>(pairs.size());
        std::vector<std::uint32_t> size;   // per group
        std::vector<std::uint32_t> group_of(pairs.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            if (i + CountTable::lookahead < pairs.size()) group_.prefetch(pairs[i + CountTable::lookahead].key);
            GroupSlot& g = group_.entry(pairs[i].key);
            if (g.value == 0) {
                size.push_back(0);
                g.value = static_cast<std::uint32_t>(size.size());
                g.frequency = pairs[i].frequency;
            }
            group_of[i] = g.value - 1;
            ++size[g.value - 1];
        }
        begin_.assign(size.size() + 1, 0);
        for (std::size_t g = 0; g < size.size(); ++g) begin_[g + 1] = begin_[g] + std::min<std::uint32_t>(size[g], max_posting);
        postings_.resize(begin_.back());
        std::vector<std::uint32_t> filled(size.size(), 0);
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            const std::uint32_t g = group_of[i];
            if (filled[g] < max_posting) postings_[begin_[g] + filled[g]++] = pairs[i].target;
        }
    }

    // Targets sharing the most rare shingles with `shingles` (those of the querying node
    // `query`, always the same for it), best first, at most max_candidates of them; retired
    // targets (paired since the index was made) left out.
    //
    // A target's votes do not change, and a retired target stays retired: the order of the
    // targets a query touches is fixed, and retiring only takes some out of it. The
    // alignment's phases ask for the same node up to four times, so the first answer's
    // ranking is kept a little beyond max_candidates, and a later question is answered from
    // what of it is not retired: exactly, while max_candidates of it are left or it held
    // every target touched; else it is counted again. A query of common shingles touches
    // thousands of targets (a gap of 64,000 unmatched clauses on each side spent 48% of its
    // instructions here).
    std::vector<ClauseId> candidates(ClauseId query, const std::vector<std::uint32_t>& shingles) {
        std::vector<ClauseId> out;
        out.reserve(max_candidates);
        if (cached_.empty()) cached_.assign(query_nodes_, 0);
        if (const std::uint32_t at = cached_[query]; at != 0) {
            const std::uint32_t* kept = ranking(at - 1);
            const std::uint32_t head = kept[0];
            for (std::uint32_t i = 0; i < (head & ~complete_bit) && out.size() < max_candidates; ++i)
                if (const ClauseId t = kept[1 + i]; votes_[t] != retired) out.push_back(t);
            if (out.size() == max_candidates || (head & complete_bit) != 0) return out;
            out.clear();
        }
        work::count(work::Counter::candidate_rankings, 1);
        touched_.clear();
        // The rarest of the shingles some target holds, at most rare_per_node of them: a
        // shingle shared only with other querying nodes (two new sibling articles that gained
        // the same words) is rare but finds no target, and must not use up the probes.
        ranked_.clear();
        for (std::size_t i = 0; i < shingles.size(); ++i) {
            if (i + CountTable::lookahead < shingles.size()) group_.prefetch(shingles[i + CountTable::lookahead]);
            if (const GroupSlot& slot = group_.at(shingles[i]); slot.value != 0)
                ranked_.push_back({slot.frequency, shingles[i], slot.value - 1});
        }
        keep_rarest(ranked_);
        for (const Ranked& r : ranked_) {
            for (std::uint32_t p = begin_[r.group]; p < begin_[r.group + 1]; ++p) {
                const ClauseId t = postings_[p];
                std::uint32_t& v = votes_[t];   // one memory access decides and counts
                if (v == retired) continue;
                if (v++ == 0) touched_.push_back(t);
            }
        }
        // The best cached_candidates (most votes, then first in the document), kept in order
        // as the touched targets go by: most of them lose to the worst kept one at a single
        // comparison.
        std::array<std::pair<std::uint32_t, ClauseId>, cached_candidates> best;
        std::size_t kept = 0;
        const auto better = [](std::pair<std::uint32_t, ClauseId> a, std::pair<std::uint32_t, ClauseId> b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        };
        for (ClauseId t : touched_) {
            const std::pair<std::uint32_t, ClauseId> c{votes_[t], t};
            votes_[t] = 0;
            if (kept == cached_candidates && !better(c, best[kept - 1])) continue;
            std::size_t i = kept < cached_candidates ? kept++ : kept - 1;
            for (; i > 0 && better(c, best[i - 1]); --i) best[i] = best[i - 1];
            best[i] = c;
        }
        std::uint32_t& at = cached_[query];
        if (at == 0) {
            if (rankings_made_ % rankings_a_block == 0)
                ranking_blocks_.push_back(std::make_unique_for_overwrite<std::uint32_t[]>(rankings_a_block * ranking_words));
            at = ++rankings_made_;
        }
        std::uint32_t* ranked = ranking(at - 1);
        ranked[0] = static_cast<std::uint32_t>(kept) | (touched_.size() <= cached_candidates ? complete_bit : 0);
        for (std::size_t i = 0; i < kept; ++i) {
            ranked[1 + i] = best[i].second;
            if (out.size() < max_candidates) out.push_back(best[i].second);
        }
        return out;
    }

    // A target paired since the index was made is no candidate any more.
    void retire(ClauseId t) { votes_[t] = retired; }

private:
    // A shingle's postings group + 1 (0: none) and its document frequency, in one slot: a
    // query's shingle costs one lookup.
    struct GroupSlot {
        std::uint32_t k = 0, value = 0;
        std::uint16_t frequency = 0;
        std::uint32_t key() const { return k; }
        void set_key(std::uint32_t key) { k = key; }
    };
    OpenTable<GroupSlot> group_;
    std::vector<std::uint32_t> begin_;   // per group: first index into postings_; one extra at the end
    std::vector<ClauseId> postings_;
    static constexpr std::uint32_t retired = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> votes_;    // per target node: zero between queries, `retired` once paired
    std::vector<ClauseId> touched_;
    // A query's kept ranking: its number + 1 (0: not asked yet); a ranking is the number
    // kept (with complete_bit when they were all the targets touched), then the targets. In
    // blocks, made as queries come: most nodes of a revision never ask, and room reserved for
    // every one that might took 7.1x -> 7.6x the input of a term section whose entries all
    // pair by number (tests/test_diff_memory).
    static constexpr std::size_t cached_candidates = max_candidates + 4;
    static constexpr std::size_t ranking_words = 1 + cached_candidates;
    static constexpr std::size_t rankings_a_block = 1024;
    static constexpr std::uint32_t complete_bit = 0x80000000U;
    std::size_t query_nodes_;             // the querying side's nodes
    std::vector<std::uint32_t> cached_;   // per node of the querying side, made at the first query
    std::vector<std::unique_ptr<std::uint32_t[]>> ranking_blocks_;
    std::uint32_t rankings_made_ = 0;
    std::uint32_t* ranking(std::uint32_t r) {
        return ranking_blocks_[r / rankings_a_block].get() + (r % rankings_a_block) * ranking_words;
    }

    // A rare shingle of a target, with its frequency (at most 2 * max_posting).
    struct Posting {
        std::uint32_t key;
        ClauseId target;
        std::uint16_t frequency;
    };

    // A shingle with its frequency (and, for a query, its group), ranked rarest first.
    struct Ranked {
        std::uint32_t frequency, key, group;
    };
    std::vector<Ranked> ranked_;

    // Keeps the rare_per_node rarest, rarest first (ties by shingle).
    static void keep_rarest(std::vector<Ranked>& ranked) {
        const std::size_t keep = std::min(rare_per_node, ranked.size());
        std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end(),
                          [](const Ranked& a, const Ranked& b) { return a.frequency != b.frequency ? a.frequency < b.frequency : a.key < b.key; });
        ranked.resize(keep);
    }

    // The rarest of a target's shingles with a frequency that can meet someone and is not
    // too common to tell (df 1: no one to meet).
    static void rank_by_frequency(const std::vector<std::uint32_t>& shingles, const CountTable& df, std::vector<Ranked>& ranked) {
        ranked.clear();
        for (std::size_t i = 0; i < shingles.size(); ++i) {
            if (i + CountTable::lookahead < shingles.size()) df.prefetch(shingles[i + CountTable::lookahead]);
            if (const std::uint32_t d = df.get(shingles[i]); d >= 2 && d <= 2 * max_posting) ranked.push_back({d, shingles[i], 0});
        }
        keep_rarest(ranked);
    }

    static std::size_t count_shingles(const Side& side, const std::vector<ClauseId>& ids) {
        std::size_t n = 0;
        for (ClauseId id : ids) n += side.shingles(id).size();
        return n;
    }
};

// The old clauses of one repeated fingerprint, indexed by context so that choosing among
// them costs the same however many there are (5,000 identical clauses took seconds when each
// new one scanned them all). take() gives what a scan of all of them would: the first free
// one in document order with the highest rank, a matched parent counting 2 and an equal
// label 1. Each list keeps a cursor past its taken prefix.
class RepeatedContent {
public:
    void index(const std::vector<ClauseId>& olds, const Document& doc) {
        all_.ids = olds;
        for (ClauseId o : olds) {
            by_parent_[doc[o].parent].ids.push_back(o);
            by_label_[std::string(doc.label(o))].ids.push_back(o);
            by_both_[{doc[o].parent, std::string(doc.label(o))}].ids.push_back(o);
        }
    }

    template <class Free>
    ClauseId take(ClauseId n, const Document& new_doc, const std::vector<ClauseId>& new_to_old, const Free& free) {
        const ClauseId pn = new_doc[n].parent;
        const ClauseId po = pn == no_clause ? no_clause : new_to_old[pn];
        const std::string label(new_doc.label(n));
        if (po != no_clause) {
            if (const auto it = by_both_.find({po, label}); it != by_both_.end())
                if (const ClauseId o = it->second.first_free(free); o != no_clause) return o;
            if (const auto it = by_parent_.find(po); it != by_parent_.end())
                if (const ClauseId o = it->second.first_free(free); o != no_clause) return o;
        }
        if (const auto it = by_label_.find(label); it != by_label_.end())
            if (const ClauseId o = it->second.first_free(free); o != no_clause) return o;
        return all_.first_free(free);
    }

private:
    struct List {
        std::vector<ClauseId> ids;   // document order
        std::size_t next = 0;        // ids before it are taken
        template <class Free>
        ClauseId first_free(const Free& free) {
            while (next < ids.size() && !free(ids[next])) ++next;
            return next < ids.size() ? ids[next] : no_clause;
        }
    };
    struct PairHash {
        std::size_t operator()(const std::pair<ClauseId, std::string>& k) const {
            return std::hash<std::string>()(k.second) * 31 + k.first;
        }
    };
    List all_;
    std::unordered_map<ClauseId, List> by_parent_;
    std::unordered_map<std::string, List> by_label_;
    std::unordered_map<std::pair<ClauseId, std::string>, List, PairHash> by_both_;
};

class Matcher {
public:
    Matcher(const Document& o, const TokenizedDocument& ot, const Document& n, const TokenizedDocument& nt,
            const TokenTables& tables, const RunBoth& both)
        : old_(o, ot, tables), new_(n, nt, tables), both_(both), tables_(tables), key_count_(tables.key.size()) {
        both_([this] { old_.index(); }, [this] { new_.index(); });
        out_.old_to_new.assign(o.size(), no_clause);
        out_.new_to_old.assign(n.size(), no_clause);
        out_.score.assign(n.size(), 0.0f);
        out_.reason.assign(n.size(), MatchReason::none);
        pair(0, 0, 1.0, MatchReason::identical);
    }

    Alignment run() {
        find_namesakes();
        match_identical_subtrees(true);
        match_identical_subtrees(false);
        build_rare_index();
        // Leaves first, then containers by their children (GumTree's bottom-up matcher), then
        // whatever is left by content: a section whose introduction moved into a new
        // subsection stays paired with the section its subsections came from.
        match_similar_content(true);
        match_by_children();
        match_similar_content(false);
        match_by_children();
        drop_stray_parts();
        match_same_label();
        match_same_place();
        match_promoted_items();
        match_anchored_gaps();
        form_groups(out_, find_splits_and_merges());
        return std::move(out_);
    }

private:
    Side old_, new_;
    const RunBoth& both_;
    Alignment out_;
    std::unique_ptr<ShingleIndex> free_index_;   // unmatched old nodes, for phases 2–4
    // Per new node, the old clause of the same title when that title names exactly one clause
    // on each side (no_clause otherwise); made on first use.
    std::vector<ClauseId> title_partner_;
    std::vector<ClauseId> namesake_;   // per old node: the new node of the same number, title and parent
    const TokenTables& tables_;
    std::size_t key_count_;
    std::vector<float> rarity_;        // per word key: log(nodes / nodes holding it), made on first use

    // How rare each word is among the clauses of both drafts. Laws repeat a rule for each form
    // of company in nearly the same words; what tells the copies apart is the few rare words
    // they do not share ("连续九十日以上", "执行董事"), which plain Dice weighs like "股东".
    void compute_rarity() {
        std::vector<std::uint32_t> df(key_count_, 0), last(key_count_, no_clause);
        std::uint32_t stamp = 0;
        for (const Side* side : {&old_, &new_})
            for (ClauseId id = 0; id < side->doc.size(); ++id, ++stamp)
                for (const TokenRange r : {side->td.title[id], side->td.body[id]})
                    for (std::uint32_t i = r.begin; i < r.end; ++i) {
                        if (!side->td.is_word(i)) continue;
                        const std::uint32_t k = side->key(i);
                        if (last[k] != stamp) last[k] = stamp, ++df[k];
                    }
        const double nodes = static_cast<double>(stamp) + 1;
        rarity_.resize(key_count_);
        for (std::size_t k = 0; k < key_count_; ++k) rarity_[k] = df[k] ? static_cast<float>(std::log(nodes / df[k])) : 0.0f;
    }

    // What ranks the candidates of the similar-content passes against each other: Dice over
    // words weighted by rarity for texts long enough that their rare words are many, plain
    // Dice (`dice`) for short ones, where a single rare word would decide ("其他职权" items).
    double ranking_similarity(ClauseId o, ClauseId n, double dice) {
        if (old_.words_in(o) < rarity_ranked_words || new_.words_in(n) < rarity_ranked_words) return dice;
        if (rarity_.empty()) compute_rarity();
        return weighted_dice(old_.bag(o), new_.bag(n));
    }

    // Dice over multisets with each word weighted by its rarity.
    double weighted_dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) const {
        double common = 0, total = 0;
        std::size_t i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (a[i] < b[j]) total += rarity_[a[i++]];
            else if (b[j] < a[i]) total += rarity_[b[j++]];
            else common += 2 * rarity_[a[i]], total += 2 * rarity_[a[i]], ++i, ++j;
        }
        for (; i < a.size(); ++i) total += rarity_[a[i]];
        for (; j < b.size(); ++j) total += rarity_[b[j]];
        return total > 0 ? common / total : 0;
    }

    bool old_free(ClauseId o) const { return out_.old_to_new[o] == no_clause; }
    bool new_free(ClauseId n) const { return out_.new_to_old[n] == no_clause; }

    void pair(ClauseId o, ClauseId n, double score, MatchReason reason) {
        if (free_index_) free_index_->retire(o);
        out_.old_to_new[o] = n;
        out_.new_to_old[n] = o;
        out_.score[n] = static_cast<float>(score);
        out_.reason[n] = reason;
    }

    bool parents_matched(ClauseId o, ClauseId n) const {
        const ClauseId po = old_.doc[o].parent, pn = new_.doc[n].parent;
        return po != no_clause && pn != no_clause && out_.old_to_new[po] == pn;
    }

    // Pairs two identical subtrees node by node (their shapes are equal, so are the offsets).
    void pair_subtree(ClauseId o, ClauseId n) {
        const ClauseId size = old_.doc[o].end - o;
        if (new_.doc[n].end - n != size) return;
        for (ClauseId k = 0; k < size; ++k)
            if (old_free(o + k) && new_free(n + k)) pair(o + k, n + k, 1.0, MatchReason::identical);
    }

    // Top-down in document order so that a parent is settled before its children. The first
    // pass takes fingerprints unique on both sides; the second settles repeated ones by
    // context: matched parents, then equal labels, then the first free one in order.
    void match_identical_subtrees(bool unique_only) {
        // The free nodes with words of each side by subtree fingerprint, then document order,
        // joined in one pass: per new node, where the old nodes of its fingerprint begin and how
        // many there are. (Hash maps of vectors took a map node and a heap block for each of
        // hundreds of thousands of distinct clauses, and missed the cache on every lookup.)
        using Keyed = std::pair<std::uint64_t, ClauseId>;
        auto by_fingerprint = [](const Side& side, const auto& free) {
            std::vector<Keyed> keyed;
            for (ClauseId id = 1; id < side.doc.size(); ++id)
                if (free(id) && side.subtree_words[id] > 0) keyed.emplace_back(side.subtree_fp[id], id);
            std::sort(keyed.begin(), keyed.end());
            return keyed;
        };
        const std::vector<Keyed> olds = by_fingerprint(old_, [this](ClauseId o) { return old_free(o); });
        const std::vector<Keyed> news = by_fingerprint(new_, [this](ClauseId n) { return new_free(n); });
        struct Same {
            std::uint32_t first = 0, count = 0;   // the old nodes olds[first, first + count)
            bool alone = false;                   // the only new node of its fingerprint
        };
        std::vector<Same> same(new_.doc.size());
        for (std::size_t i = 0, j = 0; j < news.size();) {
            const std::uint64_t fp = news[j].first;
            std::size_t j_end = j + 1;
            while (j_end < news.size() && news[j_end].first == fp) ++j_end;
            while (i < olds.size() && olds[i].first < fp) ++i;
            std::size_t i_end = i;
            while (i_end < olds.size() && olds[i_end].first == fp) ++i_end;
            for (std::size_t k = j; k < j_end; ++k)
                same[news[k].second] = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i_end - i), j_end - j == 1};
            i = i_end;
            j = j_end;
        }
        std::unordered_map<std::uint64_t, RepeatedContent> repeated;
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            const Same& s = same[n];
            if (s.count == 0 || !new_free(n)) continue;
            const bool unique = s.count == 1 && s.alone;
            if (unique_only && !unique) continue;
            ClauseId best = no_clause;
            if (s.count <= few_repeats) {
                int best_rank = -1;
                for (std::uint32_t k = s.first; k < s.first + s.count; ++k) {
                    const ClauseId o = olds[k].second;
                    if (!old_free(o)) continue;
                    const int rank = (parents_matched(o, n) ? 2 : 0) + (old_.doc.label(o) == new_.doc.label(n) ? 1 : 0);
                    if (rank > best_rank) best = o, best_rank = rank;
                }
            } else {
                auto [r, fresh] = repeated.try_emplace(new_.subtree_fp[n]);
                if (fresh) {
                    std::vector<ClauseId> ids;
                    ids.reserve(s.count);
                    for (std::uint32_t k = s.first; k < s.first + s.count; ++k) ids.push_back(olds[k].second);
                    r->second.index(ids, old_.doc);
                }
                best = r->second.take(n, new_.doc, out_.new_to_old, [this](ClauseId o) { return old_free(o); });
            }
            if (best != no_clause) pair_subtree(best, n);
        }
    }

    void build_rare_index() {
        std::vector<ClauseId> olds, news;
        for (ClauseId o = 1; o < old_.doc.size(); ++o)
            if (old_free(o) && old_.words_in(o) != 0) olds.push_back(o);
        for (ClauseId n = 1; n < new_.doc.size(); ++n)
            if (new_free(n) && new_.words_in(n) != 0) news.push_back(n);
        // Shingles (a sort of every word bigram) are most of the alignment's work: each side's
        // are made on a thread of its own. A Side's caches are touched by its thread alone.
        // The new side's on the second thread, the old side's on this one: the old side's are
        // released once indexed, and memory freed on this thread's heap is reused by the stages
        // after alignment (a second thread's heap is not).
        both_([&] {
            for (ClauseId n : news) new_.shingles(n);
        }, [&] {
            for (ClauseId o : olds) old_.shingles(o);
        });
        free_index_ = std::make_unique<ShingleIndex>(old_, olds, new_, news);
        old_.release_shingles();   // the index holds what it needs of them; queries are new nodes
    }

    bool compatible_kinds(ClauseId o, ClauseId n) const {
        const ClauseKind a = old_.doc[o].kind, b = new_.doc[n].kind;
        auto heading = [](ClauseKind k) { return k == ClauseKind::clause || k == ClauseKind::annex; };
        return a == b || (heading(a) && heading(b));
    }

    // A clause's namesake: the one clause of the other side with the same number, title and
    // parent (by number and title), when each side has exactly one. It keeps its place: the
    // similarity passes give it to no other clause while the namesake is free, so a section
    // whose text moved into a new child stays paired with itself and the child is split
    // from it.
    void find_namesakes() {
        namesake_.assign(old_.doc.size(), no_clause);
        auto key = [](const Document& d, ClauseId id) {
            std::string k;
            const ClauseId p = d[id].parent;
            for (ClauseId x : {p, id}) {
                if (x == no_clause) continue;
                k += d.label(x);
                k += '\x1f';
                k += d.title(x);
                k += '\x1e';
            }
            return k;
        };
        struct Count {
            std::uint32_t in_old = 0, in_new = 0;
            ClauseId old_id = no_clause, new_id = no_clause;
        };
        std::unordered_map<std::string, Count> seen;
        for (ClauseId id = 1; id < old_.doc.size(); ++id)
            if (!old_.doc.label(id).empty() && !old_.doc.title(id).empty()) {
                Count& c = seen[key(old_.doc, id)];
                ++c.in_old, c.old_id = id;
            }
        if (seen.empty()) return;
        for (ClauseId id = 1; id < new_.doc.size(); ++id)
            if (!new_.doc.label(id).empty() && !new_.doc.title(id).empty())
                if (const auto it = seen.find(key(new_.doc, id)); it != seen.end()) ++it->second.in_new, it->second.new_id = id;
        for (const auto& [k, c] : seen)
            if (c.in_old == 1 && c.in_new == 1) namesake_[c.old_id] = c.new_id;
    }

    // Whether pairing old `o` with new `n` would take `o` from its free namesake.
    bool takes_from_namesake(ClauseId o, ClauseId n) const {
        const ClauseId ns = namesake_[o];
        return ns != no_clause && ns != n && new_free(ns);
    }

    bool labels_are_global(ClauseId o) const {
        const ClauseKind k = old_.doc[o].kind;
        return k == ClauseKind::clause || k == ClauseKind::annex || k == ClauseKind::term_entry;
    }

    // Whether an equal number says something here: the paired siblings next to new clause n
    // kept their numbers, or none of them is paired yet. Where a revision renumbered the
    // articles around n (a law with articles inserted before it), "第九十四条" in both drafts
    // names two different articles.
    bool numbering_kept(ClauseId n) const {
        bool kept = false, changed = false;
        const ClauseId parent = new_.doc[n].parent;
        if (parent == no_clause) return true;
        for (ClauseId s : {previous_sibling(new_.doc, n), new_.doc.next_sibling(n)}) {
            if (s == no_clause || new_.doc.label(s).empty()) continue;
            const ClauseId o = out_.new_to_old[s];
            if (o == no_clause) continue;
            (old_.doc.label(o) == new_.doc.label(s) ? kept : changed) = true;
        }
        return kept || !changed;
    }

    bool leaf(const Document& doc, ClauseId id) const { return doc.first_child(id) == no_clause; }

    // The old clause whose title equals new node n's, when that title names exactly one
    // clause on each side; no_clause otherwise.
    ClauseId distinctive_title_partner(ClauseId n) {
        if (title_partner_.empty()) find_title_partners();
        return title_partner_[n];
    }

    // Every titled clause of both sides sorted by its title's hash, then its title: the clauses
    // of one title lie together, found in one pass. (A hash map of titles, looked up once for
    // each new node, missed the cache on every lookup once a draft had some 100,000 titles.)
    void find_title_partners() {
        title_partner_.assign(new_.doc.size(), no_clause);
        struct Titled {
            std::uint64_t hash;
            std::string_view title;
            ClauseId id;
            bool is_new;
        };
        std::vector<Titled> all;
        for (const bool is_new : {false, true}) {
            const Document& doc = is_new ? new_.doc : old_.doc;
            for (ClauseId id = 1; id < doc.size(); ++id)
                if (const std::string_view t = doc.title(id); !t.empty())
                    all.push_back({std::hash<std::string_view>()(t), t, id, is_new});
        }
        std::sort(all.begin(), all.end(), [](const Titled& a, const Titled& b) {
            if (a.hash != b.hash) return a.hash < b.hash;
            return a.title < b.title;
        });
        for (std::size_t i = 0; i < all.size();) {
            std::size_t end = i + 1;
            while (end < all.size() && all[end].hash == all[i].hash && all[end].title == all[i].title) ++end;
            if (end - i == 2 && all[i].is_new != all[i + 1].is_new) {
                const Titled& o = all[i].is_new ? all[i + 1] : all[i];
                const Titled& n = all[i].is_new ? all[i] : all[i + 1];
                title_partner_[n.id] = o.id;
            }
            i = end;
        }
    }

    void match_similar_content(bool leaves_only) {
        struct Candidate {
            double rank;
            double similarity;
            ClauseId o, n;
            bool evidence;
            bool by_number;   // only an equal number let it in
            bool promoted = false;   // an item with its lead-in against an article
        };
        std::vector<Candidate> all;
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            if (!new_free(n) || new_.words_in(n) == 0 || (leaves_only && !leaf(new_.doc, n))) continue;
            // A title that names one clause on each side is strong evidence of identity
            // ("Content Codings" moved from 5.4 to 3.1.2.1): always consider that clause.
            const ClauseId same_title = distinctive_title_partner(n);
            std::vector<ClauseId> found = free_index_->candidates(n, new_.shingles(n));
            if (same_title != no_clause && old_free(same_title) &&
                std::find(found.begin(), found.end(), same_title) == found.end())
                found.push_back(same_title);
            for (ClauseId o : found) {
                // An item that became this article competes with the articles like it: with
                // its lead-in it may say what the article says better than any of them.
                if (leaves_only && may_be_promoted_into(n) && !takes_from_namesake(o, n))
                    if (const double score = promotion_score(o, n); score > 0) {
                        all.push_back({promotion_rank(o, n, score), score, o, n, false, false, true});
                        continue;
                    }
                if (!compatible_kinds(o, n) || (leaves_only && !leaf(old_.doc, o)) || takes_from_namesake(o, n)) continue;
                // A clause with a list against one without: the list is part of what it says
                // ("发起人应当承担下列责任：" alone looks like any article about 发起人).
                std::vector<std::uint32_t> whole_old, whole_new;
                if (leaf(old_.doc, o) != leaf(new_.doc, n)) {
                    if (leaf(old_.doc, o)) whole_new = new_.subtree_bag(n);
                    else whole_old = old_.subtree_bag(o);
                }
                const std::vector<std::uint32_t>& ob = whole_old.empty() ? old_.bag(o) : whole_old;
                const std::vector<std::uint32_t>& nb = whole_new.empty() ? new_.bag(n) : whole_new;
                const double sim = seq::dice(ob, nb);  // bag(n) has words
                const bool parent = parents_matched(o, n);
                // A list item's "（二）" or "b)" names it only within its clause: under other
                // parents an equal label is no evidence (every list has a second item).
                const bool label = !old_.doc.label(o).empty() && old_.doc.label(o) == new_.doc.label(n) &&
                                   (labels_are_global(o) || parent) && numbering_kept(n);
                const bool title = !old_.doc.title(o).empty() && old_.doc.title(o) == new_.doc.title(n);
                const bool evidence = parent || label || title;
                if (sim < similar_alone && !(evidence && sim >= similar_with_evidence)) continue;
                // Without a name in common, the words in common must be more than the common
                // words of the drafts' language: a short article of the same shape shares
                // "股份有限公司…应当" with many ("evidence before a move"). A matched parent
                // (a chapter of forty articles) lowers the bar but does not remove it.
                if (!label && !title) {
                    if (rarity_.empty()) compute_rarity();
                    if (weighted_dice(ob, nb) < (parent ? similar_with_evidence : similar_alone)) continue;
                }
                const double rank = ranking_similarity(o, n, sim) + 0.05 * (parent + label + title) +
                                    (o == same_title ? distinctive_title_bonus : 0.0);
                all.push_back({rank, sim, o, n, evidence, sim < similar_alone && !parent && !title, false});
            }
        }
        std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
            if (a.rank != b.rank) return a.rank > b.rank;
            return a.n != b.n ? a.n < b.n : a.o < b.o;
        });
        for (const Candidate& c : all) {
            if (!old_free(c.o) || !new_free(c.n)) continue;
            // Pairs made since the candidates were scored may show the numbers around it moved.
            if (c.by_number && !numbering_kept(c.n)) continue;
            if (c.promoted) {
                pair(c.o, c.n, c.similarity, MatchReason::split);
                continue;
            }
            const bool same_label = old_.doc.label(c.o) == new_.doc.label(c.n) && parents_matched(c.o, c.n);
            pair(c.o, c.n, c.similarity, same_label ? MatchReason::same_label_similar : MatchReason::similar_content);
        }
    }

    // A list item or paragraph paired by similar content with one in another clause, while its
    // own clause is paired with a third clause: an item of one list is like an item of another
    // ("聘任或者解聘公司副经理、财务负责人" and "聘任、解聘财务负责人") without being it. Unless
    // the two are nearly the same text, the pair is undone and the parts are left to the passes
    // that look at their place.
    void drop_stray_parts() {
        auto part = [](ClauseKind k) { return k == ClauseKind::list_item || k == ClauseKind::paragraph; };
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            const ClauseId o = out_.new_to_old[n];
            if (o == no_clause || out_.reason[n] != MatchReason::similar_content || out_.score[n] >= stray_part_similar) continue;
            if (!part(new_.doc[n].kind) || !part(old_.doc[o].kind)) continue;
            const ClauseId po = old_.doc[o].parent, pn = new_.doc[n].parent;
            if (po == no_clause || pn == no_clause || out_.old_to_new[po] == pn) continue;
            const bool old_parent_elsewhere = out_.old_to_new[po] != no_clause;
            const bool new_parent_elsewhere = out_.new_to_old[pn] != no_clause;
            if (!old_parent_elsewhere && !new_parent_elsewhere) continue;
            out_.old_to_new[o] = no_clause;
            out_.new_to_old[n] = no_clause;
            out_.score[n] = 0;
            out_.reason[n] = MatchReason::none;
        }
    }

    // Bottom-up: deeper parents first, so that a chapter can follow its sections.
    void match_by_children() {
        for (ClauseId n = static_cast<ClauseId>(new_.doc.size()); n-- > 1;) {
            if (!new_free(n)) continue;
            std::unordered_map<ClauseId, std::uint32_t> votes;
            std::uint32_t children = 0;
            for (ClauseId c = new_.doc.first_child(n); c != no_clause; c = new_.doc.next_sibling(c)) {
                ++children;
                const ClauseId oc = out_.new_to_old[c];
                if (oc != no_clause && old_.doc[oc].parent != no_clause) ++votes[old_.doc[oc].parent];
            }
            ClauseId best = no_clause;
            std::uint32_t best_votes = 0;
            for (auto [o, v] : votes)
                if (o != 0 && old_free(o) && (v > best_votes || (v == best_votes && o < best))) best = o, best_votes = v;
            if (best == no_clause || !compatible_kinds(best, n) || takes_from_namesake(best, n)) continue;
            const double share = 2.0 * best_votes / static_cast<double>(children + old_.doc.child_count(best));
            if (share >= children_share) pair(best, n, share, MatchReason::children_matched);
        }
    }

    // The old children of one parent by label and by title, each list in document order, made
    // when a new clause under that parent first asks: looking a new clause's label and title up
    // replaces scanning every sibling for each new clause (quadratic under a wide parent).
    struct SiblingList {
        std::vector<ClauseId> ids;
        std::size_t head = 0;   // ids before it are matched: skipped for good
    };
    struct Siblings {
        std::unordered_map<std::string_view, SiblingList> by_label, by_title;
    };
    std::unordered_map<ClauseId, Siblings> siblings_;

    Siblings& siblings_of(ClauseId po) {
        const auto [it, fresh] = siblings_.try_emplace(po);
        if (fresh)
            for (ClauseId o = old_.doc.first_child(po); o != no_clause; o = old_.doc.next_sibling(o)) {
                if (!old_.doc.label(o).empty()) it->second.by_label[old_.doc.label(o)].ids.push_back(o);
                if (!old_.doc.title(o).empty()) it->second.by_title[old_.doc.title(o)].ids.push_back(o);
            }
        return it->second;
    }

    SiblingList* free_list(std::unordered_map<std::string_view, SiblingList>& lists, std::string_view key) const {
        if (key.empty()) return nullptr;
        const auto it = lists.find(key);
        if (it == lists.end()) return nullptr;
        SiblingList& l = it->second;
        while (l.head < l.ids.size() && !old_free(l.ids[l.head])) ++l.head;
        return &l;
    }

    void match_same_label() {
        std::uint64_t examined_total = 0;
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            if (!new_free(n)) continue;
            const ClauseId pn = new_.doc[n].parent;
            const ClauseId po = pn == no_clause ? no_clause : out_.new_to_old[pn];
            if (po == no_clause) continue;
            // A candidate shares the label or the title: the old siblings of either, merged in
            // document order (the first that qualifies wins, as in a scan of all siblings).
            Siblings& s = siblings_of(po);
            const SiblingList* by_label = free_list(s.by_label, new_.doc.label(n));
            const SiblingList* by_title = free_list(s.by_title, new_.doc.title(n));
            std::size_t i = by_label ? by_label->head : 0, j = by_title ? by_title->head : 0;
            for (std::size_t examined = 0; examined < max_same_label_candidates; ++examined) {
                const ClauseId a = by_label && i < by_label->ids.size() ? by_label->ids[i] : no_clause;
                const ClauseId b = by_title && j < by_title->ids.size() ? by_title->ids[j] : no_clause;
                if (a == no_clause && b == no_clause) break;
                const ClauseId o = std::min(a, b);   // no_clause is the largest id
                if (a == o) ++i;
                if (b == o) ++j;
                ++examined_total;
                if (!old_free(o) || old_.doc[o].kind != new_.doc[n].kind) continue;
                const bool label = !new_.doc.label(n).empty() && old_.doc.label(o) == new_.doc.label(n) && numbering_kept(n);
                const bool title = !new_.doc.title(n).empty() && old_.doc.title(o) == new_.doc.title(n);
                // Two clauses without words share no content: no similarity, not seq::dice's 1.
                const bool no_words = old_.bag(o).empty() && new_.bag(n).empty();
                const double sim = no_words ? 0.0 : seq::dice(old_.bag(o), new_.bag(n));
                const bool both_empty = old_.doc[o].block_count == 0 && new_.doc[n].block_count == 0;
                // Same number and same title under the same parent is the same clause even when
                // its text was rewritten wholesale; one of the two needs some common content.
                if ((label && title) || ((label || title) && (sim >= same_label_floor || both_empty))) {
                    pair(o, n, std::max(sim, 0.2), MatchReason::same_label_similar);
                    break;
                }
            }
        }
        work::count(work::Counter::same_label_candidates, examined_total);
    }

    // Clauses rewritten in place: unmatched siblings between two siblings whose counterparts
    // are siblings with only unmatched clauses between them. Their place is the evidence;
    // some common content is still required, and the most similar go together first.
    void match_same_place() {
        std::vector<ClauseId> gap_new;
        for (ClauseId p = 0; p < new_.doc.size(); ++p) {
            ClauseId before = no_clause;
            gap_new.clear();
            for (ClauseId c = new_.doc.first_child(p); c != no_clause; c = new_.doc.next_sibling(c)) {
                if (new_free(c)) {
                    gap_new.push_back(c);
                    continue;
                }
                if (before != no_clause && !gap_new.empty()) pair_gap(before, c, gap_new);
                before = c;
                gap_new.clear();
            }
        }
    }

    // Pairs the unmatched new clauses between `before` and `after` with the unmatched old
    // clauses between their counterparts, when only unmatched clauses stand there.
    void pair_gap(ClauseId before, ClauseId after, const std::vector<ClauseId>& gap_new) {
        const ClauseId ob = out_.new_to_old[before], oa = out_.new_to_old[after];
        if (ob == 0 || oa == 0 || old_.doc[ob].parent != old_.doc[oa].parent) return;
        std::vector<ClauseId> gap_old;
        ClauseId o = old_.doc.next_sibling(ob);
        for (; o != no_clause && o != oa; o = old_.doc.next_sibling(o)) {
            if (!old_free(o)) return;   // the old gap holds a clause that went elsewhere
            gap_old.push_back(o);
        }
        if (o != oa || gap_old.empty()) return;
        struct Candidate {
            double sim;
            ClauseId o, n;
        };
        // Every pair of the two gaps, up to max_place_pairs; in a larger gap (thousands of
        // unmatched siblings on each side, all pairs scored: 8,000 took 4.4 s) each new clause
        // meets the old ones within place_band of where its place falls in the old gap, which is
        // what a clause rewritten in place is.
        std::vector<Candidate> cands;
        const std::size_t olds = gap_old.size(), news = gap_new.size();
        const bool all_pairs = olds * news <= max_place_pairs;
        std::uint64_t scored = 0;
        for (std::size_t i = 0; i < news; ++i) {
            const ClauseId n = gap_new[i];
            const std::size_t place = i * olds / news;
            const std::size_t from = all_pairs || place < place_band ? 0 : place - place_band;
            const std::size_t to = all_pairs ? olds : std::min(olds, place + place_band + 1);
            scored += to - from;
            for (std::size_t j = from; j < to; ++j) {
                const ClauseId g = gap_old[j];
                if (!compatible_kinds(g, n) || old_.words_in(g) == 0 || new_.words_in(n) == 0) continue;
                const double sim = seq::dice(old_.bag(g), new_.bag(n));
                if (sim >= same_place_floor) cands.push_back({sim, g, n});
            }
        }
        work::count(work::Counter::same_place_pairs, scored);
        std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
            return x.sim != y.sim ? x.sim > y.sim : (x.n != y.n ? x.n < y.n : x.o < y.o);
        });
        for (const Candidate& c : cands)
            if (old_free(c.o) && new_free(c.n)) pair(c.o, c.n, c.sim, MatchReason::same_place);
    }

    // Whether a clause states something of its own and holds no clauses (an article, a
    // section without subsections), as opposed to a heading over others (a chapter, a
    // section whose text may have gone to its subsections): the units whose order a revision
    // mostly keeps.
    bool states_text(const Side& side, ClauseId id) const {
        if (side.doc[id].kind != ClauseKind::clause) return false;
        for (ClauseId c = side.doc.first_child(id); c != no_clause; c = side.doc.next_sibling(c))
            if (side.doc[c].kind == ClauseKind::clause) return false;
        const TokenRange r = side.td.body[id];
        for (std::uint32_t i = r.begin; i < r.end; ++i)
            if (side.td.is_word(i)) return true;
        return false;
    }

    // Clauses rewritten in place across headings, as diff tools anchor a gap: in document
    // order, the unmatched clauses between two paired clauses and the unmatched clauses
    // between their counterparts (which keep that order) stand for each other even when a
    // chapter or section boundary lies in between, so the siblings-only pass above misses
    // them. The place is the evidence that lets a heavily rewritten article pair
    // ("国有独资公司章程由国有资产监督管理机构制定…" → "…由履行出资人职责的机构制定"); the words
    // must still say it, weighted by rarity: the smaller half inside the larger, and the pair
    // clearly the best of either clause's candidates in the gap (two new articles about the
    // same board that score alike leave the old one unpaired).
    void match_anchored_gaps() {
        if (rarity_.empty()) compute_rarity();
        std::vector<ClauseId> olds, news;
        for (ClauseId o = 1; o < old_.doc.size(); ++o)
            if (states_text(old_, o)) olds.push_back(o);
        for (ClauseId n = 1; n < new_.doc.size(); ++n)
            if (states_text(new_, n)) news.push_back(n);
        std::vector<std::uint32_t> place_in_new(new_.doc.size(), no_place);
        for (std::uint32_t i = 0; i < news.size(); ++i) place_in_new[news[i]] = i;
        std::uint32_t before = no_place;   // place in `olds` of the last anchored clause
        for (std::uint32_t i = 0; i < olds.size(); ++i) {
            const ClauseId partner = out_.old_to_new[olds[i]];
            if (partner == no_clause) continue;
            const std::uint32_t at = place_in_new[partner];
            if (at == no_place) continue;
            if (before != no_place && i > before + 1) {
                const std::uint32_t from = place_in_new[out_.old_to_new[olds[before]]];
                if (from < at) pair_anchored_gap({olds.begin() + before + 1, olds.begin() + i}, {news.begin() + from + 1, news.begin() + at});
            }
            before = i;
        }
    }

    static constexpr std::uint32_t no_place = static_cast<std::uint32_t>(-1);

    // `bag` without the words that are numbers (number_keys): every new number of a renumbered
    // cross-reference is a rare word that would weigh against the pair.
    std::vector<std::uint32_t> without_numbers(std::vector<std::uint32_t> bag) {
        if (numeric_.empty()) numeric_ = number_keys(tables_);
        std::erase_if(bag, [&](std::uint32_t k) { return numeric_[k] != 0; });
        return bag;
    }

    std::vector<std::uint8_t> numeric_;   // per word key: a number, made on first use

    void pair_anchored_gap(const std::vector<ClauseId>& gap_old, const std::vector<ClauseId>& gap_new) {
        std::vector<ClauseId> olds, news;
        for (ClauseId o : gap_old)
            if (old_free(o)) olds.push_back(o);
        for (ClauseId n : gap_new)
            if (new_free(n)) news.push_back(n);
        if (olds.empty() || news.empty() || olds.size() * news.size() > max_gap_pairs) return;
        struct Candidate {
            double score;       // weighted Dice
            double contained;   // weighted share of the smaller inside the larger
            ClauseId o, n;
        };
        std::vector<Candidate> cands;
        std::vector<std::vector<std::uint32_t>> new_bags;   // an article's items are part of what it says
        for (ClauseId n : news) new_bags.push_back(without_numbers(new_.subtree_bag(n)));
        for (ClauseId o : olds) {
            const std::vector<std::uint32_t> ob = without_numbers(old_.subtree_bag(o));
            for (std::size_t j = 0; j < news.size(); ++j) {
                const ClauseId n = news[j];
                const Weights w = weights(ob, new_bags[j]);
                if (w.a <= 0 || w.b <= 0) continue;
                const double dice = 2 * w.common / (w.a + w.b);
                const double small = w.common / std::min(w.a, w.b);
                cands.push_back({dice, small, o, n});
            }
        }
        std::sort(cands.begin(), cands.end(), [](const Candidate& x, const Candidate& y) {
            return x.score != y.score ? x.score > y.score : (x.n != y.n ? x.n < y.n : x.o < y.o);
        });
        // The place narrows the choice to the gap; the words must then pick one clearly: a
        // pair is taken only when it beats by a margin every other plausible candidate of
        // either clause (one that clears the floors too).
        auto plausible = [](const Candidate& c) { return c.score >= anchored_gap_floor && c.contained >= anchored_gap_contained; };
        auto clear_winner = [&](const Candidate& c) {
            for (const Candidate& d : cands)
                if ((d.o == c.o) != (d.n == c.n) && plausible(d) && old_free(d.o) && new_free(d.n) &&
                    d.score * anchored_gap_margin > c.score)
                    return false;
            return true;
        };
        for (const Candidate& c : cands) {
            if (c.score < anchored_gap_floor) break;
            if (!plausible(c) || !old_free(c.o) || !new_free(c.n) || !clear_winner(c)) continue;
            pair(c.o, c.n, c.score, MatchReason::same_place);
        }
    }

    // Sums of rarity: of the words two sorted multisets share, and of each.
    struct Weights {
        double common = 0, a = 0, b = 0;
    };
    Weights weights(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) const {
        Weights w;
        std::size_t i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (a[i] < b[j]) w.a += rarity_[a[i++]];
            else if (b[j] < a[i]) w.b += rarity_[b[j++]];
            else w.common += rarity_[a[i]], w.a += rarity_[a[i]], w.b += rarity_[b[j]], ++i, ++j;
        }
        for (; i < a.size(); ++i) w.a += rarity_[a[i]];
        for (; j < b.size(); ++j) w.b += rarity_[b[j]];
        return w;
    }

    // Items that became articles: an old list's lead-in and one of its items say what a new
    // article says ("设立股份有限公司，应当具备下列条件：…（四）发起人制订公司章程" → "设立股份有限
    // 公司，应当由发起人共同制订公司章程"). The similarity passes compare an item with items
    // only, and the lead-in alone shares too little with the article; together, weighted by
    // rarity, the smaller is mostly inside the larger, and a good part of the item's own
    // words are in the article (so the lead-in alone does not decide).
    void match_promoted_items() {
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            if (!new_free(n) || !may_be_promoted_into(n)) continue;
            ClauseId best = no_clause;
            double best_score = 0;
            for (ClauseId o : free_index_->candidates(n, new_.shingles(n))) {
                if (!old_free(o)) continue;
                if (const double score = promotion_score(o, n); score > best_score) best = o, best_score = score;
            }
            if (best != no_clause) pair(best, n, best_score, MatchReason::split);
        }
    }

    // What ranks a promotion against the articles like the new one: the same measure as theirs
    // (ranking_similarity), over the item with its lead-in.
    double promotion_rank(ClauseId o, ClauseId n, double weighted) {
        const ClauseId lead = old_.doc[o].parent;
        if (old_.words_in(lead) + old_.words_in(o) >= rarity_ranked_words && new_.words_in(n) >= rarity_ranked_words) return weighted;
        std::vector<std::uint32_t> both = old_.bag(lead);
        both.insert(both.end(), old_.bag(o).begin(), old_.bag(o).end());
        sort_ids(both);
        return seq::dice(both, new_.bag(n));
    }

    // Whether new node n is an article an item could have become.
    bool may_be_promoted_into(ClauseId n) const {
        return new_.doc[n].kind == ClauseKind::clause && leaf(new_.doc, n) && new_.words_in(n) >= min_part_words;
    }

    // How well old list item `o` with its list's lead-in stands for new article `n` (weighted
    // Dice of the two), or 0 when the smaller is not mostly inside the larger or too few of the
    // item's own words are in the article.
    double promotion_score(ClauseId o, ClauseId n) {
        if (old_.doc[o].kind != ClauseKind::list_item || old_.words_in(o) < min_part_words) return 0;
        const ClauseId lead = old_.doc[o].parent;
        if (lead == no_clause || old_.doc[lead].kind != ClauseKind::clause) return 0;
        if (rarity_.empty()) compute_rarity();
        std::vector<std::uint32_t> both = old_.bag(lead);
        both.insert(both.end(), old_.bag(o).begin(), old_.bag(o).end());
        sort_ids(both);
        const Weights whole = weights(both, new_.bag(n));
        const Weights item = weights(old_.bag(o), new_.bag(n));
        if (whole.a <= 0 || whole.b <= 0 || item.a <= 0) return 0;
        const double contained = whole.common / std::min(whole.a, whole.b);
        if (contained < promoted_containment || item.common < promoted_item_share * item.a) return 0;
        // The item must be what the article says: an article that is its old article's lead-in
        // kept without the list (its successor) is liker the lead-in alone.
        const Weights lead_alone = weights(old_.bag(lead), new_.bag(n));
        const double score = 2 * whole.common / (whole.a + whole.b);
        if (lead_alone.a > 0 && 2 * lead_alone.common / (lead_alone.a + lead_alone.b) >= score) return 0;
        return score;
    }

    // The nodes a split or merged part would sit next to: previous and next sibling, parent,
    // and the previous node in document order.
    static std::vector<ClauseId> neighbours(const Document& doc, ClauseId id) {
        std::vector<ClauseId> out;
        const ClauseId parent = doc[id].parent;
        if (parent != no_clause) {
            if (const ClauseId prev = previous_sibling(doc, id); prev != no_clause) out.push_back(prev);
            if (const ClauseId next = doc.next_sibling(id); next != no_clause) out.push_back(next);
            out.push_back(parent);
        }
        if (id > 1 && (out.empty() || out.front() != id - 1)) out.push_back(id - 1);
        return out;
    }

    // A leftover part whose words are mostly found in what the other side's matched node did
    // not account for is a split (new leftover) or a merge (old leftover). Returns the links
    // beyond the one-to-one pairs (old part, new part).
    std::vector<std::pair<ClauseId, ClauseId>> find_splits_and_merges() {
        std::vector<std::pair<ClauseId, ClauseId>> links;
        // Each part is compared with what its clause's partner left of it; a clause split into
        // N parts is the source of all N, so its residue is made once (not N times, which was
        // quadratic: 16,000 parts took 3 s), and the parts' words are counted against it by
        // galloping (seq::common_count).
        Residues old_residues(old_, new_), new_residues(new_, old_);
        // Splits: a leftover new node is compared with the old counterparts of its neighbours
        // (parts of a split stay next to each other) and with unmatched old nodes.
        for (ClauseId n = 1; n < new_.doc.size(); ++n) {
            if (!new_free(n) || new_.words_in(n) < min_part_words) continue;
            std::vector<ClauseId> sources = free_index_->candidates(n, new_.shingles(n));
            for (ClauseId near : neighbours(new_.doc, n))
                if (const ClauseId o = out_.new_to_old[near]; o != no_clause && o != 0) sources.push_back(o);
            for (ClauseId o : sources) {
                const ClauseId partner = out_.old_to_new[o];
                const std::vector<std::uint32_t>& residue = partner == no_clause ? old_.bag(o) : old_residues.of(o, partner);
                const double in_residue = static_cast<double>(common_words(residue, new_.bag(n))) / new_.words_in(n);
                // A new sibling of the old clause's successor that mostly repeats the old
                // clause is a part of it too, even when the successor kept much of the same text.
                const bool sibling_of_partner = partner != no_clause && new_.doc[partner].parent == new_.doc[n].parent &&
                    static_cast<double>(common_words(old_.bag(o), new_.bag(n))) >= split_sibling_containment * new_.words_in(n);
                if (in_residue < split_containment && !sibling_of_partner) continue;
                if (partner == no_clause) {
                    pair(o, n, 1.0, MatchReason::split);
                } else {
                    links.emplace_back(o, n);
                    out_.score[n] = static_cast<float>(in_residue);
                    out_.reason[n] = MatchReason::split;
                    out_.reason[partner] = MatchReason::split;
                }
                break;
            }
        }
        // Merges: a leftover old node against the new counterparts of its neighbours.
        for (ClauseId o = 1; o < old_.doc.size(); ++o) {
            if (!old_free(o) || old_.words_in(o) < min_part_words) continue;
            for (ClauseId near : neighbours(old_.doc, o)) {
                const ClauseId n = out_.old_to_new[near];
                if (n == no_clause || n == 0) continue;
                const std::vector<std::uint32_t>& residue = new_residues.of(n, near);
                if (static_cast<double>(common_words(residue, old_.bag(o))) < split_containment * old_.words_in(o)) continue;
                links.emplace_back(o, n);
                out_.reason[n] = MatchReason::merge;
                break;
            }
        }
        work::count(work::Counter::split_merge_words, old_residues.words_walked() + new_residues.words_walked() + common_steps_);
        return links;
    }

    std::uint64_t common_steps_ = 0;   // of common_words, for work::Counter::split_merge_words

    // seq::common_count, its steps counted.
    std::size_t common_words(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
        common_steps_ += seq::common_count_steps(a.size(), b.size());
        return seq::common_count(a, b);
    }
};

}  // namespace

void form_groups(Alignment& al, const std::vector<std::pair<ClauseId, ClauseId>>& links) {
    al.groups.clear();
    if (links.empty()) return;
    const auto olds = static_cast<ClauseId>(al.old_to_new.size());
    // Union-find over old nodes [0, olds) and new nodes [olds, olds + news).
    std::vector<ClauseId> up(al.old_to_new.size() + al.new_to_old.size());
    std::iota(up.begin(), up.end(), ClauseId{0});
    auto find = [&](ClauseId x) {
        while (up[x] != x) x = up[x] = up[up[x]];
        return x;
    };
    auto join = [&](ClauseId a, ClauseId b) {
        a = find(a), b = find(b);
        if (a != b) up[std::max(a, b)] = std::min(a, b);
    };
    std::vector<std::pair<ClauseId, ClauseId>> all = links;
    for (auto [o, n] : links) {
        join(o, olds + n);
        // The one-to-one pairs of the linked clauses belong to the same group.
        if (const ClauseId p = al.old_to_new[o]; p != no_clause) all.emplace_back(o, p);
        if (const ClauseId p = al.new_to_old[n]; p != no_clause) all.emplace_back(p, n);
    }
    for (auto [o, n] : all) join(o, olds + n);
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    std::unordered_map<ClauseId, std::size_t> group_of_root;
    for (auto [o, n] : all) {
        auto [it, fresh] = group_of_root.try_emplace(find(o), al.groups.size());
        if (fresh) al.groups.emplace_back();
        Group& g = al.groups[it->second];
        g.old_ids.push_back(o);
        g.new_ids.push_back(n);
        g.links.emplace_back(o, n);   // as clause ids until the parts are numbered
    }
    for (Group& g : al.groups) {
        for (std::vector<ClauseId>* ids : {&g.old_ids, &g.new_ids}) {
            std::sort(ids->begin(), ids->end());
            ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
        }
        auto index = [](const std::vector<ClauseId>& ids, ClauseId id) {
            return static_cast<std::uint32_t>(std::lower_bound(ids.begin(), ids.end(), id) - ids.begin());
        };
        // The primary pair: the best-scored one-to-one pair of the group, else its first link.
        float best = -1;
        for (auto [o, n] : g.links)
            if (al.old_to_new[o] == n && al.score[n] > best) g.primary_old = o, g.primary_new = n, best = al.score[n];
        if (g.primary_old == no_clause) {
            auto [o, n] = g.links.front();
            if (al.old_to_new[o] == no_clause && al.new_to_old[n] == no_clause) {
                al.old_to_new[o] = n;
                al.new_to_old[n] = o;
            }
            g.primary_old = o, g.primary_new = n;
        }
        for (auto& [o, n] : g.links) o = index(g.old_ids, o), n = index(g.new_ids, n);
        std::sort(g.links.begin(), g.links.end());
    }
    // Two clauses linked to nothing else are a plain pair.
    std::erase_if(al.groups, [](const Group& g) { return g.old_ids.size() == 1 && g.new_ids.size() == 1; });
    // Groups in the order of their primary new clause.
    std::sort(al.groups.begin(), al.groups.end(), [](const Group& a, const Group& b) { return a.primary_new < b.primary_new; });
}

Alignment align(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                const TokenizedDocument& new_tokens, const TokenTables& tables, const RunBoth& both) {
    return Matcher(old_doc, old_tokens, new_doc, new_tokens, tables, both).run();
}

}  // namespace redline
