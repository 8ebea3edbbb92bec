#include "engine/provision_changes.hpp"

#include "engine/text.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace redline {

std::string_view to_string(ProvisionChangeKind kind) {
    switch (kind) {
    case ProvisionChangeKind::removed: return "removed";
    case ProvisionChangeKind::added: return "added";
    case ProvisionChangeKind::weakened: return "weakened";
    case ProvisionChangeKind::strengthened: return "strengthened";
    case ProvisionChangeKind::negated: return "negated";
    case ProvisionChangeKind::modified: return "modified";
    case ProvisionChangeKind::moved: return "moved";
    }
    return "modified";
}

namespace {

// Provisions are compared by their words (comparison keys), not by clause numbers.
constexpr double same_clause_similarity = 0.5;    // a reworded provision in its own clause
constexpr double other_clause_similarity = 0.7;   // a provision that moved and changed

double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    if (a.empty() && b.empty()) return 1.0;
    std::size_t i = 0, j = 0, same = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) ++i;
        else if (b[j] < a[i]) ++j;
        else { ++same; ++i; ++j; }
    }
    return 2.0 * static_cast<double>(same) / static_cast<double>(a.size() + b.size());
}

std::vector<std::string> minus(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

ProvisionChangeKind classify_pair(const Classification& o, const Classification& n, bool same_text) {
    if (o.kind == n.kind && o.polarity != n.polarity) return ProvisionChangeKind::negated;
    if (n.kind < o.kind) return ProvisionChangeKind::weakened;
    if (n.kind > o.kind) return ProvisionChangeKind::strengthened;
    return same_text ? ProvisionChangeKind::moved : ProvisionChangeKind::modified;
}

}  // namespace

ProvisionKeys provision_keys(const Document& doc, const Analysis& a, const TokenTables& tables) {
    ProvisionKeys p;
    p.key.resize(a.units.size());
    p.words.resize(a.units.size());
    p.refs.resize(a.units.size());
    std::vector<text::Token> tokens;
    std::unordered_map<std::string, std::uint32_t> extra;
    // A word's comparison key was interned when the draft was tokenised: find it there rather
    // than computing it again. A unit tokenised on its own may, rarely, cut a word the whole
    // paragraph did not: its key is computed, and kept aside when the table lacks it.
    auto key_id = [&](std::string_view word) {
        if (const std::uint32_t exact = tables.exact.find(word); exact != text::Interner::npos)
            return tables.key_of_exact[exact];
        std::string key = text::comparison_key(word);
        if (key.empty()) key = word;
        if (const std::uint32_t id = tables.key.find(key); id != text::Interner::npos) return id;
        const auto [it, added] = extra.try_emplace(std::move(key), ProvisionKeys::extra_word + static_cast<std::uint32_t>(p.extra_words.size()));
        if (added) p.extra_words.push_back(it->first);
        return it->second;
    };
    for (std::uint32_t i = 0; i < a.units.size(); ++i) {
        const Unit& u = a.units[i];
        if (u.what.kind == ProvisionKind::statement) continue;
        p.normative.push_back(i);
        const std::string_view t = unit_text(doc, u);
        p.key[i] = text::comparison_key(t);
        text::tokenize(t, tokens);
        for (const text::Token& tok : tokens)
            if (tok.kind != text::TokenKind::space && tok.kind != text::TokenKind::punct)
                p.words[i].push_back(key_id(t.substr(tok.offset, tok.length)));
        std::sort(p.words[i].begin(), p.words[i].end());
    }
    // Units and references are both in document order (block, then offset): one merge.
    std::size_t k = 0;
    for (std::uint32_t i : p.normative) {
        const Unit& u = a.units[i];
        while (k < a.references.size() &&
               (a.references[k].block < u.block || (a.references[k].block == u.block && a.references[k].offset < u.offset)))
            ++k;
        for (std::size_t r = k; r < a.references.size() && a.references[r].block == u.block &&
                                a.references[r].offset < u.offset + u.length;
             ++r)
            p.refs[i].push_back(a.references[r].key);
    }
    for (auto& r : p.refs) {
        std::sort(r.begin(), r.end());
        r.erase(std::unique(r.begin(), r.end()), r.end());
    }
    return p;
}

void join_word_ids(ProvisionKeys& o, ProvisionKeys& n, const std::vector<std::uint32_t>& new_key_map,
                   const text::Interner& joined_keys) {
    std::unordered_map<std::string_view, std::uint32_t> beyond;   // extra words the joined table lacks
    auto extra_id = [&](const std::string& word) {
        if (const std::uint32_t id = joined_keys.find(word); id != text::Interner::npos) return id;
        return beyond.try_emplace(word, static_cast<std::uint32_t>(joined_keys.size() + beyond.size())).first->second;
    };
    for (std::vector<std::uint32_t>& words : o.words) {
        bool changed = false;
        for (std::uint32_t& w : words)
            if (w >= ProvisionKeys::extra_word) w = extra_id(o.extra_words[w - ProvisionKeys::extra_word]), changed = true;
        if (changed) std::sort(words.begin(), words.end());
    }
    for (std::vector<std::uint32_t>& words : n.words) {
        if (words.empty()) continue;
        for (std::uint32_t& w : words)
            w = w >= ProvisionKeys::extra_word ? extra_id(n.extra_words[w - ProvisionKeys::extra_word]) : new_key_map[w];
        std::sort(words.begin(), words.end());
    }
}

void compare_provisions(Comparison& c, const std::vector<ClauseId>& old_to_new, const ProvisionKeys& o,
                        const ProvisionKeys& n) {
    const std::uint32_t none = ProvisionChange::none;
    std::vector<std::uint32_t> partner_of_new(c.new_analysis.units.size(), none);
    std::vector<std::uint32_t> partner_of_old(c.old_analysis.units.size(), none);
    auto same_place = [&](std::uint32_t oi, std::uint32_t ni) {
        return old_to_new[c.old_analysis.units[oi].clause] == c.new_analysis.units[ni].clause;
    };

    // 1. The same text: in its own clause (unchanged) or elsewhere (moved). Repeated texts are
    // paired in document order, preferring the counterpart clause.
    std::unordered_map<std::string, std::vector<std::uint32_t>> old_by_key;
    for (std::uint32_t oi : o.normative) old_by_key[o.key[oi]].push_back(oi);
    for (int pass = 0; pass < 2; ++pass)
        for (std::uint32_t ni : n.normative) {
            if (partner_of_new[ni] != none) continue;
            const auto it = old_by_key.find(n.key[ni]);
            if (it == old_by_key.end()) continue;
            for (std::uint32_t oi : it->second)
                if (partner_of_old[oi] == none && (pass == 1 || same_place(oi, ni))) {
                    partner_of_old[oi] = ni;
                    partner_of_new[ni] = oi;
                    break;
                }
        }
    // 2. Reworded: most similar unpaired provision of the counterpart clause, then anywhere.
    std::unordered_map<ClauseId, std::vector<std::uint32_t>> old_by_clause;
    for (std::uint32_t oi : o.normative)
        if (partner_of_old[oi] == none) old_by_clause[old_to_new[c.old_analysis.units[oi].clause]].push_back(oi);
    std::vector<std::uint32_t> old_left;
    for (std::uint32_t oi : o.normative)
        if (partner_of_old[oi] == none) old_left.push_back(oi);
    for (int pass = 0; pass < 2; ++pass)
        for (std::uint32_t ni : n.normative) {
            if (partner_of_new[ni] != none) continue;
            const std::vector<std::uint32_t>* pool = &old_left;
            if (pass == 0) {
                const auto it = old_by_clause.find(c.new_analysis.units[ni].clause);
                if (it == old_by_clause.end()) continue;
                pool = &it->second;
            }
            std::uint32_t best = none;
            double best_sim = pass == 0 ? same_clause_similarity : other_clause_similarity;
            for (std::uint32_t oi : *pool) {
                if (partner_of_old[oi] != none) continue;
                const double sim = dice(o.words[oi], n.words[ni]);
                if (sim >= best_sim) best = oi, best_sim = sim + 1e-9;  // ties: the first in order
            }
            if (best != none) {
                partner_of_old[best] = ni;
                partner_of_new[ni] = best;
            }
        }

    // 3. Report, in new document order with removed provisions before the next provision
    // of their place.
    auto change_for = [&](std::uint32_t oi, std::uint32_t ni) {
        ProvisionChange ch;
        ch.old_unit = oi;
        ch.new_unit = ni;
        if (oi != none) ch.references_removed = o.refs[oi];
        if (ni != none) ch.references_added = n.refs[ni];
        if (oi != none && ni != none) {
            const std::vector<std::string> removed = minus(o.refs[oi], n.refs[ni]);
            const std::vector<std::string> added = minus(n.refs[ni], o.refs[oi]);
            ch.references_removed = removed;
            ch.references_added = added;
            const bool same_text = o.key[oi] == n.key[ni];
            ch.change = classify_pair(c.old_analysis.units[oi].what, c.new_analysis.units[ni].what, same_text);
            ch.also_moved = !same_place(oi, ni) && ch.change != ProvisionChangeKind::moved;
        } else {
            ch.change = oi == none ? ProvisionChangeKind::added : ProvisionChangeKind::removed;
        }
        return ch;
    };
    std::vector<std::uint32_t> removed_after_new(0);
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
        if (oi != none && o.key[oi] == n.key[ni] && same_place(oi, ni) &&
            c.old_analysis.units[oi].what.kind == c.new_analysis.units[ni].what.kind &&
            c.old_analysis.units[oi].what.polarity == c.new_analysis.units[ni].what.polarity)
            continue;  // unchanged
        c.provisions.push_back(change_for(oi, ni));
    }
    flush_removed_until(static_cast<std::uint32_t>(c.old_analysis.units.size()));
    for (const ProvisionChange& ch : c.provisions) ++c.provision_counts[static_cast<int>(ch.change)];

    // 4. Documents cited, anywhere and in the normative-references list.
    auto keys = [](const Analysis& a, bool normative_only) {
        std::set<std::string> out;
        for (const Reference& r : a.references)
            if (!normative_only || r.normative_list) out.insert(r.key);
        return std::vector<std::string>(out.begin(), out.end());
    };
    const auto old_all = keys(c.old_analysis, false), new_all = keys(c.new_analysis, false);
    const auto old_norm = keys(c.old_analysis, true), new_norm = keys(c.new_analysis, true);
    c.references.removed = minus(old_all, new_all);
    c.references.added = minus(new_all, old_all);
    c.references.normative_removed = minus(old_norm, new_norm);
    c.references.normative_added = minus(new_norm, old_norm);
}

}  // namespace redline
