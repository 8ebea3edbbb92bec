#include "engine/provision_changes.hpp"

#include "engine/entries.hpp"
#include "engine/sequence.hpp"
#include "engine/work_counters.hpp"
#include "engine/text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace redline {

namespace {

// Provisions are compared by their words (comparison keys), not by clause numbers.
constexpr double same_clause_similarity = 0.5;    // a reworded provision in its own clause
constexpr double other_clause_similarity = 0.7;   // a provision that moved and changed

// The keys of sorted `a` that sorted `b` lacks, in a vector of their exact size: grown by
// doubling, the comparison's four lists of a draft citing 100,000 standards kept a quarter
// more than they held to its end (4 MB).
template <class Key>
std::vector<std::string> minus(const std::vector<Key>& a, const std::vector<Key>& b) {
    std::vector<std::string_view> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return {out.begin(), out.end()};
}

// A negation is the same provision with its polarity flipped: what it says beside the verbal
// form is (nearly) the same. A provision of the same force restated the other way round
// ("SHOULD NOT attempt to decode…, but instead send" -> "SHOULD respond with") shares far
// fewer words and is a modification.
constexpr double negation_similarity = 0.75;

// Is the word part of the verbal form? An English word of it ("NOT" of "MUST NOT"), or Han
// characters all of it: ICU may read "不应" as one word or as 不 | 应.
bool in_form(std::string_view word, std::string_view form) {
    if (text::is_han(text::first(word))) {
        for (std::size_t i = 0; i < word.size();) {
            const std::size_t at = i;
            text::next(word, i);
            if (form.find(word.substr(at, i - at)) == std::string_view::npos) return false;
        }
        return true;
    }
    for (std::size_t b = 0; b <= form.size();) {
        const std::size_t e = std::min(form.find(' ', b), form.size());
        if (text::equals_ci(word, form.substr(b, e - b))) return true;
        b = e + 1;
    }
    return false;
}

// The comparison keys of a unit's words but its verbal form's, sorted.
std::vector<std::string> words_but_form(std::string_view unit, std::string_view form) {
    std::vector<std::string> out;
    for (const text::Token& t : text::tokenize(unit)) {
        if (t.kind == text::TokenKind::space || t.kind == text::TokenKind::punct) continue;
        const std::string_view w = unit.substr(t.offset, t.length);
        if (!in_form(w, form)) out.push_back(text::comparison_key(w));
    }
    std::sort(out.begin(), out.end());
    return out;
}

double dice_but_form(std::string_view old_unit, const Classification& o, std::string_view new_unit, const Classification& n) {
    const std::vector<std::string> a = words_but_form(old_unit, o.form), b = words_but_form(new_unit, n.form);
    if (a.empty() && b.empty()) return 1.0;
    std::size_t common = 0;
    for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
        if (a[i] < b[j]) ++i;
        else if (b[j] < a[i]) ++j;
        else ++common, ++i, ++j;
    }
    return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

// `same_but_form`: called only when o and n are of one kind and opposite polarity.
template <class SameButForm>
ProvisionChangeKind classify_pair(const Classification& o, const Classification& n, bool same_text, SameButForm same_but_form) {
    if (o.kind == n.kind && o.polarity != n.polarity)
        return same_but_form() ? ProvisionChangeKind::negated : ProvisionChangeKind::modified;
    if (n.kind < o.kind) return ProvisionChangeKind::weakened;
    if (n.kind > o.kind) return ProvisionChangeKind::strengthened;
    return same_text ? ProvisionChangeKind::moved : ProvisionChangeKind::modified;
}


// The most similar of `old_units`, in their order, to `words` at or above `threshold` that is
// still unpaired (ties: the first), or none. `scored` counts the comparisons.
std::uint32_t most_similar(const ProvisionKeys& o, std::span<const std::uint32_t> old_units,
                           std::span<const std::uint32_t> words, double threshold,
                           const std::vector<std::uint32_t>& partner_of_old, std::uint64_t& scored) {
    std::uint32_t best = ProvisionPlace::none;
    double best_sim = threshold;
    for (const std::uint32_t oi : old_units) {
        if (partner_of_old[oi] != ProvisionPlace::none) continue;
        ++scored;
        const double sim = seq::dice(o.words_of(oi), words);
        if (sim >= best_sim) best = oi, best_sim = sim + 1e-9;
    }
    return best;
}

// The most similar unpaired provision of a pool for a Dice threshold t, without comparing
// every pair (prefix filtering). Words are multisets: each occurrence is an element (its
// word, its ordinal). Dice(A, B) ≥ t needs |A ∩ B| ≥ t·|A|/(2 − t) and the same of B; so
// with the elements of every provision in one global order (rarest word first), the first
// element A and B share lies within the first |A| − ⌈t·|A|/(2 − t)⌉ + 1 of A's and the
// like of B's. Indexing each pooled provision by that prefix and probing with the new
// provision's finds every pair above the threshold; the candidates are then scored in pool
// order exactly as a scan of the whole pool would, so the result is the same.
// Short provisions made of common words defeat the filter (their prefixes are common words
// that every pooled provision has), so the work is bounded: a word shared by more than
// `max_posting` pooled provisions is probed only when no rarer word found a candidate, and
// then only its first `max_scored` unpaired ones; at most `max_scored` candidates are scored,
// those sharing the most prefix words. Only pools of such near-identical provisions reach
// these bounds (the corpus drafts never do: outputs are unchanged).
// The index is flat: the distinct prefix elements sorted, and each one's pool positions in one
// array (a hash-map node and a vector per element were some 80 bytes a pooled provision).
class SimilarInPool {
public:
    // `pool` and `rank` (per word id: its place in the global order) must outlive the index.
    SimilarInPool(const ProvisionKeys& o, std::span<const std::uint32_t> pool, double threshold,
                  const std::vector<std::uint32_t>& rank)
        : o_(o), pool_(pool), threshold_(threshold), rank_(rank), seen_(pool_.size(), 0), hits_(pool_.size(), 0) {
        // Every pooled provision's prefix as (element, pool position), sorted by element and
        // then position: each element's positions in pool order.
        struct Posting {
            std::uint32_t rank, ordinal, at;
            bool operator<(const Posting& p) const {
                return rank != p.rank ? rank < p.rank : ordinal != p.ordinal ? ordinal < p.ordinal : at < p.at;
            }
        };
        std::vector<Posting> all;
        std::size_t total = 0;
        for (const std::uint32_t unit : pool_) total += prefix(o_.words_of(unit).size());
        all.reserve(total);
        for (std::uint32_t at = 0; at < pool_.size(); ++at) {
            const std::span<const std::uint32_t> words = o_.words_of(pool_[at]);
            if (words.empty()) {
                empty_.push_back(at);
                continue;
            }
            elements(words, keys_);
            for (std::size_t k = 0; k < prefix(words.size()); ++k)
                all.push_back({static_cast<std::uint32_t>(keys_[k] >> 32), static_cast<std::uint32_t>(keys_[k]), at});
        }
        std::sort(all.begin(), all.end());
        std::size_t distinct = 0;
        for (std::size_t i = 0; i < all.size(); ++i)
            distinct += i == 0 || all[i].rank != all[i - 1].rank || all[i].ordinal != all[i - 1].ordinal;
        element_.reserve(distinct);
        first_.reserve(distinct + 1);
        at_.reserve(all.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            const std::uint64_t element = std::uint64_t{all[i].rank} << 32 | all[i].ordinal;
            if (element_.empty() || element_.back() != element) {
                element_.push_back(element);
                first_.push_back(static_cast<std::uint32_t>(i));
            }
            at_.push_back(all[i].at);
        }
        first_.push_back(static_cast<std::uint32_t>(all.size()));
    }

    // The pooled provision most similar to `words` at or above the threshold that is still
    // unpaired (ties: the first in pool order), or none. `looked_at` counts postings read and
    // candidates scored.
    std::uint32_t best(std::span<const std::uint32_t> words, const std::vector<std::uint32_t>& partner_of_old,
                       std::uint64_t& looked_at) {
        candidates_.clear();
        ++stamp_;
        if (words.empty()) {
            candidates_ = empty_;
        } else {
            elements(words, keys_);
            std::span<const std::uint32_t> common;   // the shortest posting over the bound
            for (std::size_t k = 0; k < prefix(words.size()); ++k) {
                const std::span<const std::uint32_t> posting = posting_of(keys_[k]);
                if (posting.empty()) continue;
                if (posting.size() > max_posting) {
                    if (common.empty() || posting.size() < common.size()) common = posting;
                    continue;
                }
                looked_at += posting.size();
                for (const std::uint32_t at : posting) {
                    if (seen_[at] != stamp_) seen_[at] = stamp_, hits_[at] = 0, candidates_.push_back(at);
                    ++hits_[at];
                }
            }
            if (candidates_.empty() && !common.empty())
                for (const std::uint32_t at : common) {
                    if (candidates_.size() == max_scored) break;
                    ++looked_at;
                    if (partner_of_old[pool_[at]] == ProvisionPlace::none) candidates_.push_back(at);
                }
            if (candidates_.size() > max_scored) {
                std::nth_element(candidates_.begin(), candidates_.begin() + max_scored, candidates_.end(),
                                 [&](std::uint32_t a, std::uint32_t b) { return hits_[a] != hits_[b] ? hits_[a] > hits_[b] : a < b; });
                candidates_.resize(max_scored);
            }
            std::sort(candidates_.begin(), candidates_.end());
        }
        for (std::uint32_t& at : candidates_) at = pool_[at];   // pool order, as units
        return most_similar(o_, candidates_, words, threshold_, partner_of_old, looked_at);
    }

private:
    static constexpr std::size_t max_posting = 1024;
    static constexpr std::size_t max_scored = 512;

    std::size_t prefix(std::size_t size) const {
        if (size == 0) return 0;
        const double overlap = threshold_ * static_cast<double>(size) / (2.0 - threshold_);
        const auto at_least = static_cast<std::size_t>(std::ceil(overlap - 1e-9));
        return size - std::max<std::size_t>(at_least, 1) + 1;
    }

    // The pool positions whose prefix holds `element`, in pool order.
    std::span<const std::uint32_t> posting_of(std::uint64_t element) const {
        const auto it = std::lower_bound(element_.begin(), element_.end(), element);
        if (it == element_.end() || *it != element) return {};
        const std::size_t i = static_cast<std::size_t>(it - element_.begin());
        return std::span<const std::uint32_t>(at_).subspan(first_[i], first_[i + 1] - first_[i]);
    }

    // The elements of a sorted word multiset in the global order: (rank of the word, ordinal).
    void elements(std::span<const std::uint32_t> words, std::vector<std::uint64_t>& out) const {
        out.clear();
        std::uint32_t ordinal = 0;
        for (std::size_t i = 0; i < words.size(); ++i) {
            ordinal = i > 0 && words[i] == words[i - 1] ? ordinal + 1 : 0;
            out.push_back(std::uint64_t{rank_[words[i]]} << 32 | ordinal);
        }
        std::sort(out.begin(), out.end());
    }

    const ProvisionKeys& o_;
    std::span<const std::uint32_t> pool_;
    double threshold_;
    const std::vector<std::uint32_t>& rank_;
    std::vector<std::uint64_t> element_;        // the distinct prefix elements, ascending
    std::vector<std::uint32_t> first_;          // per element: where its positions start in at_ (and one past the last)
    std::vector<std::uint32_t> at_;             // pool positions, each element's in pool order
    std::vector<std::uint32_t> empty_;          // pool positions of provisions without words
    std::vector<std::uint32_t> seen_;           // per pool position: the stamp of the last probe that found it
    std::vector<std::uint32_t> hits_;           // per pool position: prefix words it shares with that probe
    std::uint32_t stamp_ = 0;
    std::vector<std::uint32_t> candidates_;
    std::vector<std::uint64_t> keys_;
};

// Per word id, its rank in the global order of SimilarInPool: rarest first over the provisions
// of both drafts that step 2 still pairs (ties by id). A flat array over the ids those
// provisions use (two hash maps of every word were 64 bytes a word).
std::vector<std::uint32_t> rank_words(const ProvisionKeys& o, std::span<const std::uint32_t> old_units,
                                      const ProvisionKeys& n, std::span<const std::uint32_t> new_units) {
    std::uint32_t ids = 0;
    for (const std::uint32_t u : old_units)
        for (const std::uint32_t w : o.words_of(u)) ids = std::max(ids, w + 1);
    for (const std::uint32_t u : new_units)
        for (const std::uint32_t w : n.words_of(u)) ids = std::max(ids, w + 1);
    std::vector<std::uint32_t> count(ids, 0);
    for (const std::uint32_t u : old_units)
        for (const std::uint32_t w : o.words_of(u)) ++count[w];
    for (const std::uint32_t u : new_units)
        for (const std::uint32_t w : n.words_of(u)) ++count[w];
    std::vector<std::uint64_t> order;   // count << 32 | word: sorted, rarest first and then by id
    order.reserve(static_cast<std::size_t>(std::count_if(count.begin(), count.end(), [](std::uint32_t k) { return k > 0; })));
    for (std::uint32_t w = 0; w < ids; ++w)
        if (count[w] > 0) order.push_back(std::uint64_t{count[w]} << 32 | w);
    std::sort(order.begin(), order.end());
    // The counts become the ranks: each is read above before its rank is written.
    for (std::uint32_t r = 0; r < order.size(); ++r) count[static_cast<std::uint32_t>(order[r])] = r;
    return count;
}

// Step 1's old provisions by text: each text's in document order, and the same again ordered
// by the new clause their clause is paired with (its place), each group read from a cursor
// past the paired ones: the first unpaired one is found at once (a scan from the start was
// quadratic in a draft that repeats one provision in every clause). Flat arrays of 32-bit
// indices and an open-addressing table of texts: a hash-map node and a queue (a vector) per
// text and again per (text, place) were some 220 bytes an old provision (31 MB of 136,000).
class SameTextQueues {
public:
    // `place` of an old unit: the new clause its clause is paired with, or no_clause.
    template <class PlaceOf>
    SameTextQueues(const ProvisionKeys& o, PlaceOf place) : o_(o) {
        const auto count = static_cast<std::uint32_t>(o.normative.size());
        std::size_t size = 2;
        while (size < 2 * std::size_t{count}) size *= 2;   // at most half full
        table_.assign(size, empty);
        text_.resize(count);
        for (std::uint32_t s = 0; s < count; ++s) {
            std::uint32_t& at = find(o.key_in(s));
            if (at == empty) at = s, text_[s] = texts_++;
            else text_[s] = text_[at];
        }
        // Counting sort by text number: each text's provisions in document order.
        first_.assign(std::size_t{texts_} + 1, 0);
        for (std::uint32_t s = 0; s < count; ++s) ++first_[text_[s] + 1];
        for (std::uint32_t t = 0; t < texts_; ++t) first_[t + 1] += first_[t];
        cursor_.assign(first_.begin(), first_.end() - 1);
        units_.resize(count);
        {
            std::vector<std::uint32_t> next(cursor_);
            for (std::uint32_t s = 0; s < count; ++s) units_[next[text_[s]]++] = o.normative[s];
        }
        // The same, each text's ordered by place (then document order).
        by_place_ = units_;
        place_.resize(count);
        for (std::uint32_t i = 0; i < count; ++i) place_[i] = place(by_place_[i]);
        std::vector<std::pair<ClauseId, std::uint32_t>> group;
        for (std::uint32_t t = 0; t < texts_; ++t) {
            if (first_[t + 1] - first_[t] < 2) continue;
            group.clear();
            for (std::uint32_t i = first_[t]; i < first_[t + 1]; ++i) group.push_back({place_[i], by_place_[i]});
            std::sort(group.begin(), group.end());
            for (std::uint32_t i = first_[t], g = 0; i < first_[t + 1]; ++i, ++g) place_[i] = group[g].first, by_place_[i] = group[g].second;
        }
        place_cursor_.resize(count);
        for (std::uint32_t i = 0; i < count; ++i) place_cursor_[i] = i;
    }

    // Each old provision's text number, in the order of `normative` (what is left of the
    // queues once step 1 is done: equal numbers are equal texts).
    std::vector<std::uint32_t> take_texts() { return std::move(text_); }

    // The number of the old text `key`, or none when no old provision has it.
    std::uint32_t text_of(std::string_view key) {
        const std::uint32_t at = find(key);
        return at == empty ? none : text_[at];
    }

    // The first unpaired old provision of text `t`, anywhere or at `place`; none when all are
    // paired. `looked_at` counts the provisions looked at.
    template <class Paired>
    std::uint32_t first_unpaired(std::uint32_t t, Paired paired, std::uint64_t& looked_at) {
        ++looked_at;
        std::uint32_t& i = cursor_[t];
        while (i < first_[t + 1] && paired(units_[i])) ++i, ++looked_at;
        return i < first_[t + 1] ? units_[i] : none;
    }
    template <class Paired>
    std::uint32_t first_unpaired_at(std::uint32_t t, ClauseId place, Paired paired, std::uint64_t& looked_at) {
        const auto end = place_.begin() + first_[t + 1];
        const auto group = std::lower_bound(place_.begin() + first_[t], end, place);
        if (group == end || *group != place) return none;
        ++looked_at;
        std::uint32_t& i = place_cursor_[static_cast<std::size_t>(group - place_.begin())];
        while (i < first_[t + 1] && place_[i] == place && paired(by_place_[i])) ++i, ++looked_at;
        return i < first_[t + 1] && place_[i] == place ? by_place_[i] : none;
    }

private:
    static constexpr std::uint32_t empty = static_cast<std::uint32_t>(-1);
    static constexpr std::uint32_t none = ProvisionPlace::none;

    // The table entry of `key`: the first old provision (its slot) with that text, or an empty
    // entry where it would go.
    std::uint32_t& find(std::string_view key) {
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = std::hash<std::string_view>{}(key) & mask;; i = (i + 1) & mask)
            if (table_[i] == empty || o_.key_in(table_[i]) == key) return table_[i];
    }

    const ProvisionKeys& o_;
    std::vector<std::uint32_t> table_;          // open addressing: slots of the first provision of each text
    std::vector<std::uint32_t> text_;           // per slot: its text's number
    std::uint32_t texts_ = 0;
    std::vector<std::uint32_t> first_;          // per text: where its provisions start (in units_ and by_place_)
    std::vector<std::uint32_t> units_;          // old units by text, each text's in document order
    std::vector<std::uint32_t> cursor_;         // per text: no provision before it in units_ is unpaired
    std::vector<std::uint32_t> by_place_;       // old units by text, then place, then document order
    std::vector<ClauseId> place_;               // the place of each of by_place_
    std::vector<std::uint32_t> place_cursor_;   // at a (text, place) group's first position: its cursor
};

// Orders (clause, unit) pairs by their clause alone (equal_range over one clause's pairs).
struct ByClause {
    bool operator()(const std::pair<ClauseId, std::uint32_t>& p, ClauseId c) const { return p.first < c; }
    bool operator()(ClauseId c, const std::pair<ClauseId, std::uint32_t>& p) const { return c < p.first; }
};

}  // namespace

ProvisionKeys provision_keys(const Document& doc, const Analysis& a, const TokenTables& tables) {
    ProvisionKeys p;
    p.slot.assign(a.units.size(), ProvisionKeys::none);
    std::vector<text::Token> tokens;
    std::unordered_map<std::string, std::uint32_t> extra;
    // A word's comparison key was interned when the draft was tokenised: find it there rather
    // than computing it again. A unit tokenised on its own may, rarely, cut a word the whole
    // paragraph did not: its key is computed, and kept aside when the table lacks it.
    auto key_id = [&](std::string_view word, std::uint64_t hash) {
        if (const std::uint32_t exact = tables.exact.find(word, hash); exact != text::Interner::npos)
            return tables.key_of_exact[exact];
        std::string key = text::comparison_key(word);
        if (key.empty()) key = word;
        if (const std::uint32_t id = tables.key.find(key); id != text::Interner::npos) return id;
        const auto [it, added] = extra.try_emplace(std::move(key), ProvisionKeys::extra_word + static_cast<std::uint32_t>(p.extra_words.size()));
        if (added) p.extra_words.push_back(it->first);
        return it->second;
    };
    // Reserved once from the provisions' text (a key is about as long as its text, a word at
    // least a few bytes of it): grown by doubling, the arrays left their old copies behind.
    std::size_t text_bytes = 0, provisions = 0;
    for (const Unit& u : a.units)
        if (u.what.kind != ProvisionKind::statement) text_bytes += u.length, ++provisions;
    p.normative.reserve(provisions);
    p.key_end.reserve(provisions);
    p.words_end.reserve(provisions);
    p.keys.reserve(text_bytes + text_bytes / 8);
    p.words.reserve(text_bytes / 3);
    const bool fetch_ahead = tables.exact.outgrew_caches();
    for (std::uint32_t i = 0; i < a.units.size(); ++i) {
        const Unit& u = a.units[i];
        if (u.what.kind == ProvisionKind::statement) continue;
        p.slot[i] = static_cast<std::uint32_t>(p.normative.size());
        p.normative.push_back(i);
        const std::string_view t = unit_text(doc, u);
        p.keys += text::comparison_key(t);   // one buffer: a string each was 50 bytes more a provision
        p.key_end.push_back(p.keys.size());
        const std::size_t begin = p.words.size();
        text::tokenize(t, tokens);
        auto word_at = [&](std::size_t k) { return t.substr(tokens[k].offset, tokens[k].length); };
        auto is_word = [&](std::size_t k) {
            return tokens[k].kind != text::TokenKind::space && tokens[k].kind != text::TokenKind::punct;
        };
        if (!fetch_ahead) {
            for (std::size_t k = 0; k < tokens.size(); ++k)
                if (is_word(k)) p.words.push_back(key_id(word_at(k), text::Interner::hash_of(word_at(k))));
        } else {
            // Each word's slot fetched some words ahead, as tokenize_document does.
            text::visit_fetched_ahead(
                tokens.size(),
                [&](std::size_t k) -> std::uint64_t {
                    if (!is_word(k)) return 0;
                    const std::uint64_t h = text::Interner::hash_of(word_at(k));
                    tables.exact.prefetch(h);
                    return h;
                },
                [&](std::size_t k, std::uint64_t hash) {
                    if (is_word(k)) p.words.push_back(key_id(word_at(k), hash));
                });
        }
        std::sort(p.words.begin() + static_cast<std::ptrdiff_t>(begin), p.words.end());
        p.words_end.push_back(static_cast<std::uint32_t>(p.words.size()));
    }

    // Units and references are both in document order (block, then offset): one merge.
    p.refs.resize(p.normative.size());
    std::size_t k = 0;
    for (std::uint32_t i : p.normative) {
        const Unit& u = a.units[i];
        while (k < a.references.size() &&
               (a.references[k].block < u.block || (a.references[k].block == u.block && a.references[k].offset < u.offset)))
            ++k;
        for (std::size_t r = k; r < a.references.size() && a.references[r].block == u.block &&
                                a.references[r].offset < u.offset + u.length;
             ++r)
            p.refs[p.slot[i]].push_back(a.references[r].key);
    }
    for (auto& r : p.refs) {
        std::sort(r.begin(), r.end());
        r.erase(std::unique(r.begin(), r.end()), r.end());
    }
    return p;
}

void join_extra_words(ProvisionKeys& o, ProvisionKeys& n, const text::Interner& joined_keys) {
    std::unordered_map<std::string_view, std::uint32_t> beyond;   // extra words the joined table lacks
    for (ProvisionKeys* p : {&o, &n}) {
        p->extra_ids.clear();
        for (const std::string& word : p->extra_words) {
            std::uint32_t id = joined_keys.find(word);
            if (id == text::Interner::npos)
                id = beyond.try_emplace(word, static_cast<std::uint32_t>(joined_keys.size() + beyond.size())).first->second;
            p->extra_ids.push_back(id);
        }
    }
}

void join_word_ids(ProvisionKeys& o, ProvisionKeys& n, const std::vector<std::uint32_t>& new_key_map) {
    // Each provision's words, as a writable range of the flat array.
    auto each = [](ProvisionKeys& p, auto&& f) {
        std::uint32_t begin = 0;
        for (const std::uint32_t end : p.words_end) {
            f(p.words.begin() + begin, p.words.begin() + end);
            begin = end;
        }
    };
    each(o, [&](auto first, auto last) {
        bool changed = false;
        for (auto w = first; w != last; ++w)
            if (*w >= ProvisionKeys::extra_word) *w = o.extra_ids[*w - ProvisionKeys::extra_word], changed = true;
        if (changed) std::sort(first, last);
    });
    each(n, [&](auto first, auto last) {
        if (first == last) return;
        for (auto w = first; w != last; ++w)
            *w = *w >= ProvisionKeys::extra_word ? n.extra_ids[*w - ProvisionKeys::extra_word] : new_key_map[*w];
        std::sort(first, last);
    });
}

void compare_provisions(Comparison& c, const std::vector<ClauseId>& old_to_new, const std::vector<ClauseId>& counterpart,
                        const ProvisionKeys& o,
                        const ProvisionKeys& n) {
    const std::uint32_t none = ProvisionPlace::none;
    std::vector<std::uint32_t> partner_of_new(c.new_analysis.units.size(), none);
    std::vector<std::uint32_t> partner_of_old(c.old_analysis.units.size(), none);
    auto same_place = [&](std::uint32_t oi, std::uint32_t ni) {
        return old_to_new[c.old_analysis.units[oi].clause] == c.new_analysis.units[ni].clause;
    };
    // Each step's structures live in a scope of their own: what a step no longer needs is
    // given back before the next one allocates.
    // Per provision (in the order of `normative`), the number of its text among the old
    // provisions' (none for a new text not among them): the same number is the same text,
    // told without reading the texts again.
    std::vector<std::uint32_t> old_text, new_text(n.normative.size());
    auto same_text = [&](std::uint32_t oi, std::uint32_t ni) { return old_text[o.slot[oi]] == new_text[n.slot[ni]]; };

    // 1. The same text: in its own clause (unchanged) or elsewhere (moved). Repeated texts are
    // paired in document order, preferring the counterpart clause.
    {
        SameTextQueues queues(o, [&](std::uint32_t oi) { return old_to_new[c.old_analysis.units[oi].clause]; });
        for (std::uint32_t s = 0; s < new_text.size(); ++s) new_text[s] = queues.text_of(n.key_in(s));
        const auto paired = [&](std::uint32_t oi) { return partner_of_old[oi] != none; };
        std::uint64_t looked_at = 0;
        for (int pass = 0; pass < 2; ++pass)
            for (std::uint32_t s = 0; s < new_text.size(); ++s) {
                const std::uint32_t ni = n.normative[s];
                if (partner_of_new[ni] != none) continue;
                const std::uint32_t text = new_text[s];
                if (text == none) continue;
                const std::uint32_t oi = pass == 0 ? queues.first_unpaired_at(text, c.new_analysis.units[ni].clause, paired, looked_at)
                                                   : queues.first_unpaired(text, paired, looked_at);
                if (oi == none) continue;
                partner_of_old[oi] = ni;
                partner_of_new[ni] = oi;
            }
        work::count(work::Counter::same_text_provisions, looked_at);
        old_text = queues.take_texts();
    }
    // 2. Reworded: most similar unpaired provision of the counterpart clause, then anywhere.
    // Small pools are scanned; large ones are searched through their prefix index (a scan of
    // every pair was quadratic in the reworded provisions of one clause or of the draft).
    {
        constexpr std::size_t scanned_pool = 32;
        std::vector<std::uint32_t> old_left, new_left;
        for (std::uint32_t oi : o.normative)
            if (partner_of_old[oi] == none) old_left.push_back(oi);
        for (std::uint32_t ni : n.normative)
            if (partner_of_new[ni] == none) new_left.push_back(ni);
        // The unpaired old provisions by the clause their text went to, each clause's pool in
        // document order.
        const auto went_to = [&](std::uint32_t oi) { return counterpart[c.old_analysis.units[oi].clause]; };
        std::vector<std::pair<ClauseId, std::uint32_t>> by_counterpart;
        by_counterpart.reserve(old_left.size());
        for (std::uint32_t oi : old_left) by_counterpart.push_back({went_to(oi), oi});
        std::sort(by_counterpart.begin(), by_counterpart.end());
        std::vector<std::uint32_t> pools(by_counterpart.size());
        for (std::size_t i = 0; i < pools.size(); ++i) pools[i] = by_counterpart[i].second;
        auto pool_of = [&](ClauseId clause) {
            const auto [first, last] = std::equal_range(by_counterpart.begin(), by_counterpart.end(), clause, ByClause{});
            const auto begin = static_cast<std::size_t>(first - by_counterpart.begin());
            return std::span<const std::uint32_t>(pools).subspan(begin, static_cast<std::size_t>(last - first));
        };
        std::vector<std::uint32_t> rank;
        if (old_left.size() > scanned_pool) rank = rank_words(o, old_left, n, new_left);
        std::uint64_t scored = 0;
        for (int pass = 0; pass < 2; ++pass) {
            // A pass's indexes, built when first needed: the clauses' in the first, the whole
            // draft's in the second.
            std::unordered_map<ClauseId, SimilarInPool> indexed_clauses;
            std::optional<SimilarInPool> indexed_left;
            const double threshold = pass == 0 ? same_clause_similarity : other_clause_similarity;
            for (std::uint32_t ni : new_left) {
                if (partner_of_new[ni] != none) continue;
                std::span<const std::uint32_t> pool = old_left;
                const ClauseId clause = c.new_analysis.units[ni].clause;
                if (pass == 0) {
                    pool = pool_of(clause);
                    if (pool.empty()) continue;
                }
                std::uint32_t best = none;
                if (pool.size() <= scanned_pool) {
                    best = most_similar(o, pool, n.words_of(ni), threshold, partner_of_old, scored);
                } else if (pass == 0) {
                    auto it = indexed_clauses.find(clause);
                    if (it == indexed_clauses.end()) it = indexed_clauses.try_emplace(clause, o, pool, threshold, rank).first;
                    best = it->second.best(n.words_of(ni), partner_of_old, scored);
                } else {
                    if (!indexed_left) indexed_left.emplace(o, old_left, threshold, rank);
                    best = indexed_left->best(n.words_of(ni), partner_of_old, scored);
                }
                if (best != none) {
                    partner_of_old[best] = ni;
                    partner_of_new[ni] = best;
                }
            }
        }
        work::count(work::Counter::reworded_provisions, scored);
    }

    // 3. Report, in new document order with removed provisions before the next provision
    // of their place.
    auto change_for = [&](std::uint32_t oi, std::uint32_t ni) {
        ProvisionChange ch;
        ch.old_place.unit = oi;
        ch.new_place.unit = ni;
        if (oi != none) ch.references_removed = o.refs_of(oi);
        if (ni != none) ch.references_added = n.refs_of(ni);
        if (oi != none && ni != none) {
            const std::vector<std::string> removed = minus(o.refs_of(oi), n.refs_of(ni));
            const std::vector<std::string> added = minus(n.refs_of(ni), o.refs_of(oi));
            ch.references_removed = removed;
            ch.references_added = added;
            const Unit& ou = c.old_analysis.units[oi];
            const Unit& nu = c.new_analysis.units[ni];
            ch.change = classify_pair(ou.what, nu.what, same_text(oi, ni), [&] {
                return dice_but_form(unit_text(*c.old_doc, ou), ou.what, unit_text(*c.new_doc, nu), nu.what) >= negation_similarity;
            });
            ch.also_moved = !same_place(oi, ni) && ch.change != ProvisionChangeKind::moved;
        } else {
            ch.change = oi == none ? ProvisionChangeKind::added : ProvisionChangeKind::removed;
        }
        return ch;
    };
    auto unchanged = [&](std::uint32_t oi, std::uint32_t ni) {
        return oi != none && same_text(oi, ni) && same_place(oi, ni) &&
               c.old_analysis.units[oi].what.kind == c.new_analysis.units[ni].what.kind &&
               c.old_analysis.units[oi].what.polarity == c.new_analysis.units[ni].what.polarity;
    };
    // Counted first and reserved exactly: grown by doubling, the list (136 bytes a change) held
    // its last two copies at once, up to twice the changes' size each.
    std::size_t changes = 0;
    for (std::uint32_t oi : o.normative) changes += partner_of_old[oi] == none;
    for (std::uint32_t ni : n.normative) changes += !unchanged(partner_of_new[ni], ni);
    c.provisions.reserve(c.provisions.size() + changes);
    std::size_t next_old = 0;  // old provisions are emitted when their turn in old order comes
    auto flush_removed_until = [&](std::uint32_t limit) {
        while (next_old < o.normative.size() && o.normative[next_old] < limit) {
            const std::uint32_t oi = o.normative[next_old++];
            if (partner_of_old[oi] == none) c.provisions.push_back(change_for(oi, none));
        }
    };
    for (std::uint32_t ni : n.normative) {
        const std::uint32_t oi = partner_of_new[ni];
        if (oi != none) flush_removed_until(oi);
        if (unchanged(oi, ni)) continue;
        c.provisions.push_back(change_for(oi, ni));
    }
    flush_removed_until(static_cast<std::uint32_t>(c.old_analysis.units.size()));
    for (const ProvisionChange& ch : c.provisions) ++c.provision_counts[static_cast<int>(ch.change)];

    // 4. Documents cited, anywhere and in the normative-references list.
    // Views of the analyses' keys, sorted: a std::set of copies took some 100 bytes a
    // citation, four times over. One sort a draft gives both: a key is normative when any of
    // its citations is in the list. A merge sort: introsort fell back to heapsort on numbers
    // that gain a digit ("GB/T 10000" … "GB/T 109999" in number order).
    auto keys = [](const Analysis& a) {
        std::vector<std::pair<std::string_view, bool>> cited;   // (key, in the list)
        cited.reserve(a.references.size());
        for (const Reference& r : a.references) cited.emplace_back(r.key, r.normative_list);
        std::stable_sort(cited.begin(), cited.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        std::pair<std::vector<std::string_view>, std::vector<std::string_view>> all_and_normative;
        for (std::size_t i = 0; i < cited.size();) {
            bool normative = false;
            std::size_t j = i;
            for (; j < cited.size() && cited[j].first == cited[i].first; ++j) normative = normative || cited[j].second;
            all_and_normative.first.push_back(cited[i].first);
            if (normative) all_and_normative.second.push_back(cited[i].first);
            i = j;
        }
        return all_and_normative;
    };
    const auto [old_all, old_norm] = keys(c.old_analysis);
    const auto [new_all, new_norm] = keys(c.new_analysis);
    c.references.removed = minus(old_all, new_all);
    c.references.added = minus(new_all, old_all);
    c.references.normative_removed = minus(old_norm, new_norm);
    c.references.normative_added = minus(new_norm, old_norm);
}


// ---- Placing provision changes in the entries -------------------------------------------

namespace {

// Clauses of at most this many blocks, and entries of at most this many clauses, are walked to
// place a provision in them; larger ones are looked up in tables of prefix sums, built when
// one is first asked and kept for the rest of the placing (a walk for every provision was
// quadratic: 16,000 provisions of one unchanged clause took 1 s, twice as many four times as
// long). Below these sizes a walk costs no more than a lookup and needs no table.
constexpr std::uint32_t walked_blocks = 16;
constexpr std::size_t walked_clauses = 8;

// Token positions within one draft: where each block's tokens start in its clause's body
// range, and where each token of a block starts and ends in the block's text; where each block
// starts in its clause's own text, and each clause in an entry's text and token sequence.
// Cached, since a clause or a paragraph may hold many provisions. The steps walked (blocks and
// clauses, and the blocks and clauses read to build a table) are counted as
// work::Counter::placing_steps.
class TokenPositions {
public:
    TokenPositions(const Document& doc, const TokenizedDocument& td, const TokenTables& tables)
        : doc_(doc), td_(td), tables_(tables) {}
    ~TokenPositions() { work::count(work::Counter::placing_steps, steps_); }
    TokenPositions(const TokenPositions&) = delete;
    TokenPositions& operator=(const TokenPositions&) = delete;

    // Index (into the token streams) of the first token of block `block` of `clause`.
    std::uint32_t block_begin(ClauseId clause, std::uint32_t block) { return begins(clause)[block - doc_[clause].first_block]; }

    // The breaks the token streams hold inside block `block` of `clause`: one between each two
    // lines of code (artwork), none in prose.
    std::size_t line_breaks(ClauseId clause, std::uint32_t block) const {
        if (block >= doc_[clause].first_block + doc_[clause].block_count) return 0;
        const Block& b = doc_.blocks()[block];
        if (b.kind != BlockKind::code) return 0;
        const std::string_view t = doc_.str(b.text);
        return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n'));
    }

    // Byte offsets in the block's text of its tokens (white space is no token), into `out`.
    // The streams hold the tokens' text in order and nothing but white space lies between
    // them, so each is found where the search for it from the end of the one before stops.
    void block_tokens(ClauseId clause, std::uint32_t block, std::vector<text::Span>& out) {
        out.clear();
        const std::string_view text = doc_.str(doc_.blocks()[block].text);
        const TokenRange r = td_.body[clause];
        std::size_t at = 0;
        std::size_t lines = line_breaks(clause, block);
        for (std::uint32_t i = block_begin(clause, block); i < r.end; ++i) {
            if (td_.exact[i] == tables_.paragraph_break && lines-- == 0) break;
            const std::string_view piece = tables_.exact.text(td_.exact[i]);
            const std::size_t found = text.find(piece, at);
            if (found == std::string_view::npos) break;   // never: the streams were made from this text
            out.push_back({static_cast<std::uint32_t>(found), static_cast<std::uint32_t>(piece.size())});
            at = found + piece.size();
        }
    }

    // The same, kept per block for raw_span(), which may come back to a block at any time.
    const std::vector<text::Span>& tokens(ClauseId clause, std::uint32_t block) {
        auto [it, fresh] = block_tokens_.try_emplace(block);
        if (fresh) block_tokens(clause, block, it->second);
        return it->second;
    }

    // The tokens of unit `u` of the block whose token offsets are `spans`, as indices into the
    // token streams: [first, last); empty when none.
    std::pair<std::uint32_t, std::uint32_t> unit_tokens(const Unit& u, const std::vector<text::Span>& spans) {
        const std::uint32_t begin = block_begin(u.clause, u.block);
        const auto before = [](const text::Span& s, std::uint32_t at) { return s.offset < at; };
        const auto first = std::lower_bound(spans.begin(), spans.end(), u.offset, before);
        const auto last = std::lower_bound(first, spans.end(), u.offset + u.length, before);
        return {begin + static_cast<std::uint32_t>(first - spans.begin()), begin + static_cast<std::uint32_t>(last - spans.begin())};
    }

    // Where block `block` of `clause` starts in the clause's own text (Document::own_text:
    // blocks joined by '\n', none before the first text); one past its last block, the text's
    // length.
    std::uint32_t own_offset(ClauseId clause, std::uint32_t block) {
        const Clause& c = doc_[clause];
        const std::uint32_t k = block - c.first_block;
        std::uint32_t pos = 0;   // the length of the text of the blocks before
        if (c.block_count <= walked_blocks) {
            for (std::uint32_t b = c.first_block; b < block; ++b) pos += (pos > 0 ? 1 : 0) + doc_.blocks()[b].text.length;
            steps_ += k;
        } else {
            pos = own_ends(clause)[k];
        }
        return k < c.block_count && pos > 0 ? pos + 1 : pos;
    }

    // Where a clause's own text starts in the entry's text, its clauses' own texts joined by
    // '\n' (as a writer shows an entry without edits); past the end when it is not one of `ids`.
    // `ids` must stay in place while this object is used (its layout is kept by address).
    std::uint32_t clause_base(const std::vector<ClauseId>& ids, ClauseId clause) {
        if (ids.size() > walked_clauses) {
            const EntryLayout& l = layout(ids);
            const std::size_t k = l.place_of(clause);
            return k == ids.size() ? l.text_length : l.base[k];
        }
        std::uint32_t total = 0;
        for (ClauseId id : ids) {
            ++steps_;
            if (total > 0) total += 1;
            if (id == clause) return total;
            total += own_length(id);
        }
        return total;
    }

    // Flat positions in the token sequence of an entry side (its clauses' bodies joined by one
    // paragraph break each): the same position names the same token on both sides of an entry
    // whose text did not change. The flat position of stream index `token` of `clause`; past
    // the end when `clause` is not one of `ids` (kept by address, as for clause_base).
    std::uint32_t flat(const std::vector<ClauseId>& ids, ClauseId clause, std::uint32_t token) {
        if (ids.size() > walked_clauses) {
            const EntryLayout& l = layout(ids);
            const std::size_t k = l.place_of(clause);
            return k == ids.size() ? l.flat_length : l.flat_begin[k] + (token - td_.body[clause].begin);
        }
        std::uint32_t pos = 0;
        bool any = false;
        for (ClauseId id : ids) {
            ++steps_;
            const TokenRange r = td_.body[id];
            if (id == clause) return pos + (any && r.begin != r.end ? 1 : 0) + (token - r.begin);
            if (r.begin == r.end) continue;
            pos += (any ? 1 : 0) + r.size();
            any = true;
        }
        return pos;
    }

    // The clause and stream index of flat position `at` of the entry side `ids`; no_clause
    // past its end.
    std::pair<ClauseId, std::uint32_t> flat_token(const std::vector<ClauseId>& ids, std::uint32_t at) {
        if (ids.size() > walked_clauses) {
            const EntryLayout& l = layout(ids);
            const auto j = static_cast<std::size_t>(std::upper_bound(l.stop.begin(), l.stop.end(), at) - l.stop.begin());
            if (j == l.stop.size()) return {no_clause, 0};
            const ClauseId id = ids[l.holding[j]];
            return {id, td_.body[id].begin + (at - (l.stop[j] - td_.body[id].size()))};
        }
        std::uint32_t pos = 0;
        bool any = false;
        for (ClauseId id : ids) {
            ++steps_;
            const TokenRange r = td_.body[id];
            if (r.begin == r.end) continue;
            if (any) pos += 1;
            if (at < pos + r.size()) return {id, r.begin + (at - pos)};
            pos += r.size();
            any = true;
        }
        return {no_clause, 0};
    }

    // The token at index `token` of the streams (in `clause`'s body): its bytes in the entry's
    // own text.
    text::Span raw_span(const std::vector<ClauseId>& ids, ClauseId clause, std::uint32_t token) {
        const Clause& c = doc_[clause];
        // The last block whose first token is at or before `token` (the first when none is):
        // block beginnings only grow.
        const std::span<const std::uint32_t> b = begins(clause);
        const auto blocks = std::max<std::size_t>(std::min<std::size_t>(c.block_count, b.size()), 1);
        const std::uint32_t block =
            c.first_block + static_cast<std::uint32_t>(std::upper_bound(b.begin() + 1, b.begin() + blocks, token) - b.begin()) - 1;
        ++steps_;
        const std::uint32_t base = clause_base(ids, clause) + own_offset(clause, block);
        const std::vector<text::Span>& spans = tokens(clause, block);
        const std::uint32_t local = token - b[block - c.first_block];
        if (local >= spans.size()) return {base, 0};
        return {base + spans[local].offset, spans[local].length};
    }

private:
    // Where each clause of an entry side starts in its text and in its token sequence, for
    // entries of more than walked_clauses clauses.
    struct EntryLayout {
        std::vector<std::pair<ClauseId, std::uint32_t>> index;   // (clause, its place in ids), ordered
        std::vector<std::uint32_t> base;         // per clause of ids: clause_base()
        std::vector<std::uint32_t> flat_begin;   // per clause of ids: flat() of its first token
        std::vector<std::uint32_t> stop;         // per clause with tokens, in order: flat() past its last token
        std::vector<std::uint32_t> holding;      // per clause with tokens: its place in ids
        std::uint32_t text_length = 0, flat_length = 0;

        // The first place of `clause` in ids; ids.size() when it is not there.
        std::size_t place_of(ClauseId clause) const {
            const auto it = std::lower_bound(index.begin(), index.end(), std::pair<ClauseId, std::uint32_t>{clause, 0});
            return it != index.end() && it->first == clause ? it->second : base.size();
        }
    };

    const EntryLayout& layout(const std::vector<ClauseId>& ids) {
        auto [it, fresh] = layouts_.try_emplace(ids.data());
        EntryLayout& l = it->second;
        if (!fresh) return l;
        steps_ += ids.size();
        l.index.reserve(ids.size());
        l.base.reserve(ids.size());
        l.flat_begin.reserve(ids.size());
        std::uint32_t total = 0, pos = 0;
        bool any = false;
        for (std::uint32_t k = 0; k < ids.size(); ++k) {
            const ClauseId id = ids[k];
            l.index.push_back({id, k});
            if (total > 0) total += 1;
            l.base.push_back(total);
            total += own_length(id);
            const TokenRange r = td_.body[id];
            l.flat_begin.push_back(pos + (any && r.begin != r.end ? 1 : 0));
            if (r.begin == r.end) continue;
            pos += (any ? 1 : 0) + r.size();
            any = true;
            l.stop.push_back(pos);
            l.holding.push_back(k);
        }
        l.text_length = total;
        l.flat_length = pos;
        std::sort(l.index.begin(), l.index.end());
        return l;
    }

    // The length of a clause's own text.
    std::uint32_t own_length(ClauseId clause) { return own_offset(clause, doc_[clause].first_block + doc_[clause].block_count); }

    // Per block of `clause` and one past its last: the length of the own text of the blocks
    // before it (a clause of more than walked_blocks blocks).
    const std::vector<std::uint32_t>& own_ends(ClauseId clause) {
        auto [it, fresh] = own_ends_.try_emplace(clause);
        if (fresh) {
            const Clause& c = doc_[clause];
            steps_ += c.block_count;
            it->second.reserve(std::size_t{c.block_count} + 1);
            std::uint32_t pos = 0;
            it->second.push_back(pos);
            for (std::uint32_t b = c.first_block; b < c.first_block + c.block_count; ++b)
                it->second.push_back(pos += (pos > 0 ? 1 : 0) + doc_.blocks()[b].text.length);
        }
        return it->second;
    }

    // Per block of `clause`: the index (into the token streams) of its first token. A clause
    // of one block (a term entry, most clauses) needs no table: a hash-map node and a vector
    // for each were some 160 bytes a clause a side, more than the clause's text.
    std::span<const std::uint32_t> begins(ClauseId clause) {
        if (doc_[clause].block_count <= 1) return {&td_.body[clause].begin, 1};
        auto [it, fresh] = block_begins_.try_emplace(clause);
        if (fresh) {
            const TokenRange r = td_.body[clause];
            it->second.reserve(doc_[clause].block_count);   // one a block (a clause may have a million)
            it->second.push_back(r.begin);
            // A break ends a block, except the breaks between the lines of code (engine/tokens).
            std::uint32_t b = doc_[clause].first_block;
            std::size_t inside = line_breaks(clause, b);
            for (std::uint32_t i = r.begin; i < r.end; ++i) {
                if (td_.exact[i] != tables_.paragraph_break) continue;
                if (inside > 0) {
                    --inside;
                    continue;
                }
                it->second.push_back(i + 1);
                inside = line_breaks(clause, ++b);
            }
        }
        return it->second;
    }

    const Document& doc_;
    const TokenizedDocument& td_;
    const TokenTables& tables_;
    std::unordered_map<ClauseId, std::vector<std::uint32_t>> block_begins_;
    std::unordered_map<ClauseId, std::vector<std::uint32_t>> own_ends_;
    std::unordered_map<const ClauseId*, EntryLayout> layouts_;
    std::unordered_map<std::uint32_t, std::vector<text::Span>> block_tokens_;
    std::uint64_t steps_ = 0;
};

// The tokens (TokenPositions::unit_tokens) of the units that provision changes name on one
// side, found in document order, which is block order: each block's token offsets are
// computed once into one buffer, used for its units and dropped. (Kept per block for the
// whole placing, the offsets and a hash-map node per block were 46 MB of 136,000 reworded
// provisions a side.)
class UnitTokens {
public:
    UnitTokens(TokenPositions& positions, const Analysis& a, std::vector<std::uint32_t> units) : units_(std::move(units)) {
        std::sort(units_.begin(), units_.end());
        units_.erase(std::unique(units_.begin(), units_.end()), units_.end());
        tokens_.reserve(units_.size());
        std::vector<text::Span> spans;
        std::uint32_t block = ProvisionPlace::none;
        for (const std::uint32_t unit : units_) {
            const Unit& u = a.units[unit];
            if (u.block != block) positions.block_tokens(u.clause, block = u.block, spans);
            tokens_.push_back(positions.unit_tokens(u, spans));
        }
    }

    // Unit `unit`'s tokens: [first, last) in the token streams; `unit` must be one of those named.
    std::pair<std::uint32_t, std::uint32_t> of(std::uint32_t unit) const {
        return tokens_[static_cast<std::size_t>(std::lower_bound(units_.begin(), units_.end(), unit) - units_.begin())];
    }

private:
    std::vector<std::uint32_t> units_;                              // ascending
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tokens_;   // each one's tokens
};

}  // namespace

void place_provisions(Comparison& c, const EntryDiffer& differ, const std::vector<std::vector<TokenEdit>>& scripts,
                      const TokenizedDocument& ot, const TokenizedDocument& nt, const TokenTables& tables) {
    const Document& od = *c.old_doc;
    const Document& nd = *c.new_doc;
    TokenPositions old_positions(od, ot, tables), new_positions(nd, nt, tables);
    std::vector<std::uint32_t> old_units, new_units;
    for (const ProvisionChange& p : c.provisions) {
        if (p.old_place.present()) old_units.push_back(p.old_place.unit);
        if (p.new_place.present()) new_units.push_back(p.new_place.unit);
    }
    const UnitTokens old_unit_tokens(old_positions, c.old_analysis, std::move(old_units));
    const UnitTokens new_unit_tokens(new_positions, c.new_analysis, std::move(new_units));

    for (std::size_t i = 0; i < c.provisions.size(); ++i) {
        ProvisionChange& p = c.provisions[i];
        if (p.old_place.present()) {
            p.old_place.clause = c.old_analysis.units[p.old_place.unit].clause;
            p.old_place.entry = c.entry_of_old[p.old_place.clause];
        }
        if (p.new_place.present()) {
            p.new_place.clause = c.new_analysis.units[p.new_place.unit].clause;
            p.new_place.entry = c.entry_of_new[p.new_place.clause];
        }
        if (p.old_place.entry != no_entry) c.entries[p.old_place.entry].provisions.push_back(i);
        if (p.new_place.entry != no_entry && p.new_place.entry != p.old_place.entry)
            c.entries[p.new_place.entry].provisions.push_back(i);
    }

    // Sentence offsets in the entry's text on the provision's side. In an entry with edits they
    // are where its first and last tokens land in the text the edits spell out: those tokens are
    // gathered first, then each such entry is spelled once for all of its provisions' places.
    // 16 bytes a place (a size_t entry and a pointer were 32), reserved for every place at once.
    struct Asked {
        std::uint32_t entry;
        std::uint32_t place;         // the provision change's index · 2, + 1 on the new side
        std::uint32_t first, last;   // the sentence's first and last token in the entry's side
        bool old_side() const { return place % 2 == 0; }
    };
    std::vector<Asked> asked;
    asked.reserve(std::count_if(c.provisions.begin(), c.provisions.end(), [](const ProvisionChange& p) { return p.old_place.present(); }) +
                  std::count_if(c.provisions.begin(), c.provisions.end(), [](const ProvisionChange& p) { return p.new_place.present(); }));
    auto locate = [&](std::uint32_t change, bool old_side) {
        ProvisionPlace& place = old_side ? c.provisions[change].old_place : c.provisions[change].new_place;
        if (place.entry == no_entry) return;
        const ClauseEntry& e = c.entries[place.entry];
        const Unit& u = (old_side ? c.old_analysis : c.new_analysis).units[place.unit];
        TokenPositions& positions = old_side ? old_positions : new_positions;
        const std::vector<ClauseId>& ids = old_side ? e.old_ids : e.new_ids;
        const auto [first, last] = (old_side ? old_unit_tokens : new_unit_tokens).of(place.unit);
        if (!e.edits.empty()) {
            if (first == last) return;
            asked.push_back({static_cast<std::uint32_t>(place.entry), change * 2 + (old_side ? 0 : 1),
                             positions.flat(ids, u.clause, first), positions.flat(ids, u.clause, last - 1)});
            return;
        }
        // No edits: the entry shows its clauses' own text, the new one's when it has new
        // clauses. The old side of an unchanged pair has the same tokens as the new side.
        if (!old_side || e.new_ids.empty()) {
            place.offset = positions.clause_base(ids, u.clause) + positions.own_offset(u.clause, u.block) + u.offset;
            place.length = u.length;
            return;
        }
        if (first == last) return;
        const auto [nc, nfirst] = new_positions.flat_token(e.new_ids, old_positions.flat(e.old_ids, u.clause, first));
        const auto [nc_last, nlast] = new_positions.flat_token(e.new_ids, old_positions.flat(e.old_ids, u.clause, last - 1));
        if (nc == no_clause || nc_last == no_clause) return;
        const text::Span a = new_positions.raw_span(e.new_ids, nc, nfirst);
        const text::Span b = new_positions.raw_span(e.new_ids, nc_last, nlast);
        place.offset = a.offset;
        place.length = b.offset + b.length - a.offset;
    };
    for (std::uint32_t i = 0; i < c.provisions.size(); ++i) {
        if (c.provisions[i].old_place.present()) locate(i, true);
        if (c.provisions[i].new_place.present()) locate(i, false);
    }
    // By entry, each entry's in the order asked (which `place` follows): a stable sort without
    // stable_sort's buffer.
    std::sort(asked.begin(), asked.end(), [](const Asked& x, const Asked& y) { return x.entry != y.entry ? x.entry < y.entry : x.place < y.place; });
    std::vector<std::uint32_t> old_tokens, new_tokens;
    for (std::size_t from = 0, to = 0; from < asked.size(); from = to) {
        to = from;
        old_tokens.clear();
        new_tokens.clear();
        for (; to < asked.size() && asked[to].entry == asked[from].entry; ++to) {
            std::vector<std::uint32_t>& tokens = asked[to].old_side() ? old_tokens : new_tokens;
            tokens.push_back(asked[to].first);
            tokens.push_back(asked[to].last);
        }
        for (std::vector<std::uint32_t>* tokens : {&old_tokens, &new_tokens}) {
            std::sort(tokens->begin(), tokens->end());
            tokens->erase(std::unique(tokens->begin(), tokens->end()), tokens->end());
        }
        const std::size_t entry = asked[from].entry;
        const EntryDiffer::Spelling spelled = differ.spelling(c.entries[entry], scripts[entry], old_tokens, new_tokens);
        for (std::size_t k = from; k < to; ++k) {
            const Asked& q = asked[k];
            const std::vector<std::uint32_t>& tokens = q.old_side() ? old_tokens : new_tokens;
            const std::vector<EntryDiffer::Spelled>& places = q.old_side() ? spelled.old_side : spelled.new_side;
            auto place_of = [&](std::uint32_t token) {
                return places[static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), token) - tokens.begin())];
            };
            const EntryDiffer::Spelled first = place_of(q.first), last = place_of(q.last);
            if (!last.found()) continue;   // past the side's sequence
            ProvisionChange& p = c.provisions[q.place / 2];
            ProvisionPlace& place = q.old_side() ? p.old_place : p.new_place;
            place.offset = first.start;
            place.length = last.end - first.start;
        }
    }
    std::vector<Asked>().swap(asked);

    // Last, each change's wording, once the places asked for are freed: made first, the
    // wordings (some 250 bytes a reworded sentence) stood beside them (16 bytes a side).
    for (ProvisionChange& p : c.provisions) {
        switch (p.change) {
        // (Moved in: a list of one edit made from {…} copied its text.)
        case ProvisionChangeKind::removed: p.wording.push_back({.op = EditOp::remove, .text = std::string(unit_text(od, c.old_unit(p)))}); break;
        case ProvisionChangeKind::added: p.wording.push_back({.op = EditOp::insert, .text = std::string(unit_text(nd, c.new_unit(p)))}); break;
        case ProvisionChangeKind::moved: p.wording.push_back({.op = EditOp::equal, .text = std::string(unit_text(nd, c.new_unit(p)))}); break;
        default: {
            // The sentences' own tokens, diffed as a sentence on its own would be.
            const auto [old_first, old_last] = old_unit_tokens.of(p.old_place.unit);
            const auto [new_first, new_last] = new_unit_tokens.of(p.new_place.unit);
            p.wording = differ.words({old_first, old_last}, {new_first, new_last});
            break;
        }
        }
    }
}

}  // namespace redline
