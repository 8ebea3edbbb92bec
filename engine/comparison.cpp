#include "engine/comparison.hpp"

#include "engine/beside.hpp"
#include "engine/diff.hpp"
#include "engine/provision_changes.hpp"
#include "engine/text.hpp"

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace redline {

std::string_view to_string(ClauseChange change) {
    switch (change) {
    case ClauseChange::unchanged: return "unchanged";
    case ClauseChange::modified: return "modified";
    case ClauseChange::renumbered: return "renumbered";
    case ClauseChange::moved: return "moved";
    case ClauseChange::added: return "added";
    case ClauseChange::removed: return "removed";
    case ClauseChange::split: return "split";
    case ClauseChange::merged: return "merged";
    }
    return "unchanged";
}

std::ostream& operator<<(std::ostream& os, ClauseChange change) { return os << to_string(change); }

bool Comparison::has_substantive_changes() const {
    return !provisions.empty() || !references.removed.empty() || !references.added.empty() ||
           std::any_of(entries.begin(), entries.end(), [](const ClauseEntry& e) { return e.number != 0; });
}

namespace {

// Above this share of changed words, a clause reads better as old block then new block.
constexpr double replaced_share = 0.6;

// Tokens of one or more node ranges gathered into one sequence for the diff.
struct Seq {
    std::vector<std::uint32_t> exact, key;
    std::vector<std::uint8_t> word, space;

    void add(const TokenizedDocument& td, TokenRange r, const TokenTables& tables) {
        if (r.begin == r.end) return;
        if (!exact.empty()) {
            exact.push_back(tables.paragraph_break);
            key.push_back(tables.key_of_exact[tables.paragraph_break]);
            word.push_back(0);
            space.push_back(0);
        }
        exact.insert(exact.end(), td.exact.begin() + r.begin, td.exact.begin() + r.end);
        key.insert(key.end(), td.key.begin() + r.begin, td.key.begin() + r.end);
        word.insert(word.end(), td.is_word.begin() + r.begin, td.is_word.begin() + r.end);
        space.insert(space.end(), td.space_before.begin() + r.begin, td.space_before.begin() + r.end);
    }

    std::string text(const TokenTables& tables, std::uint32_t begin, std::uint32_t end) const {
        std::string out;
        for (std::uint32_t i = begin; i < end; ++i) {
            if (space[i] && i != begin) out += ' ';
            out += tables.exact.text(exact[i]);
        }
        return out;
    }

    std::uint32_t words() const {
        std::uint32_t n = 0;
        for (auto w : word) n += w;
        return n;
    }
};

// The exact ids of the tokens that end a sentence unit for the diff's coarse pass, sorted.
std::vector<std::uint32_t> sentence_end_ids(const TokenTables& tables) {
    std::vector<std::uint32_t> ends;
    for (std::string_view end : {".", "。", ";", "；", "!", "！", "?", "？", "\n"})
        if (const std::uint32_t id = tables.exact.find(end); id != text::Interner::npos) ends.push_back(id);
    std::sort(ends.begin(), ends.end());
    return ends;
}

struct EditResult {
    std::vector<Edit> edits;
    bool changed = false;       // the token sequences differ
    bool substantive = false;   // some difference is not editorial
    bool replaced = false;
};

EditResult diff_seqs(const Seq& a, const Seq& b, const TokenTables& tables,
                     const std::vector<std::uint32_t>& sentence_ends, bool ignore_editorial, bool may_replace = true) {
    EditResult r;
    r.changed = a.exact != b.exact;
    if (!r.changed) return r;
    DiffInput in{a.exact, b.exact, a.key, b.key, a.word, b.word, sentence_ends, tables.paragraph_break};
    std::vector<TokenEdit> script = diff_tokens(in);
    std::uint32_t changed_words = 0;
    for (const TokenEdit& e : script) {
        if (e.op == EditOp::equal || e.editorial) continue;
        r.substantive = true;
        for (std::uint32_t i = e.a_begin; i < e.a_end; ++i) changed_words += a.word[i];
        for (std::uint32_t i = e.b_begin; i < e.b_end; ++i) changed_words += b.word[i];
    }
    const std::uint32_t total = a.words() + b.words();
    r.replaced = may_replace && !a.exact.empty() && !b.exact.empty() && total > 0 &&
                 static_cast<double>(changed_words) / total > replaced_share;
    if (r.replaced) {
        r.edits.push_back({EditOp::remove, a.text(tables, 0, static_cast<std::uint32_t>(a.exact.size())), false});
        r.edits.push_back({EditOp::insert, b.text(tables, 0, static_cast<std::uint32_t>(b.exact.size())), false});
        return r;
    }
    for (const TokenEdit& e : script) {
        Edit out;
        out.op = e.op;
        out.editorial = e.editorial;
        if (e.op == EditOp::remove) {
            if (ignore_editorial && e.editorial) continue;  // its insert partner stands as equal text
            out.text = a.text(tables, e.a_begin, e.a_end);
        } else {
            out.text = b.text(tables, e.b_begin, e.b_end);
            if (ignore_editorial && e.editorial) out.op = EditOp::equal, out.editorial = false;
        }
        // Keep the space that joins this run to the previous one inside the text.
        const bool lead = e.op == EditOp::remove ? (e.a_begin > 0 && a.space[e.a_begin]) : (e.b_begin > 0 && b.space[e.b_begin]);
        if (lead) out.text.insert(out.text.begin(), ' ');
        if (!r.edits.empty() && r.edits.back().op == out.op && r.edits.back().editorial == out.editorial)
            r.edits.back().text += out.text;
        else
            r.edits.push_back(std::move(out));
    }
    return r;
}

std::string label_key(std::string_view label) { return text::fold_space(text::fold_width(label)); }

// Indices (into `seq`) of a longest strictly increasing subsequence.
std::vector<std::size_t> lis(const std::vector<ClauseId>& seq) {
    std::vector<std::size_t> tails, prev(seq.size(), static_cast<std::size_t>(-1));
    for (std::size_t i = 0; i < seq.size(); ++i) {
        auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                                   [&](std::size_t t, ClauseId v) { return seq[t] < v; });
        if (it != tails.begin()) prev[i] = *(it - 1);
        if (it == tails.end()) tails.push_back(i);
        else *it = i;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = tails.empty() ? static_cast<std::size_t>(-1) : tails.back(); i != static_cast<std::size_t>(-1); i = prev[i])
        out.push_back(i);
    std::reverse(out.begin(), out.end());
    return out;
}

class Builder {
public:
    Builder(PreparedDraft&& o, PreparedDraft&& n, const CompareOptions& options)
        : old_(*o.doc), new_(*n.doc), options_(options), old_analysis_(std::move(o.analysis)),
          new_analysis_(std::move(n.analysis)), old_keys_(std::move(o.keys)), new_keys_(std::move(n.keys)),
          tables_(std::move(o.tables)), ot_(std::move(o.tokens)), nt_(std::move(n.tokens)) {
        new_key_map_ = retable(nt_, n.tables, tables_);
        sentence_ends_ = sentence_end_ids(tables_);
        al_ = align(old_, ot_, new_, nt_);
    }

    Comparison run() {
        mark_moves();
        index_splits_and_merges();
        place_removed();
        Comparison c;
        c.old_doc = &old_;
        c.new_doc = &new_;
        c.old_analysis = std::move(old_analysis_);
        c.new_analysis = std::move(new_analysis_);
        std::vector<ClauseId> old_to_new = al_.old_to_new;
        for (const Merge& m : al_.merges)
            for (ClauseId o : m.old_ids) old_to_new[o] = m.new_id;

        // Diffing the clause pairs and matching the provisions depend on the alignment alone:
        // a second thread matches the provisions and diffs the later entries while this one
        // diffs the earlier ones. The entries' order is fixed before either starts.
        const std::vector<Job> jobs = entry_jobs();
        std::vector<std::uint64_t> weight(jobs.size() + 1, 0);   // running token count
        for (std::size_t i = 0; i < jobs.size(); ++i) weight[i + 1] = weight[i] + tokens_of(jobs[i]);
        // The second thread also matches the provisions: give this one a little more than half.
        const std::size_t split = static_cast<std::size_t>(
            std::lower_bound(weight.begin(), weight.end(), weight.back() * 11 / 20) - weight.begin());
        c.entries.resize(jobs.size());
        Beside later([&] {
            join_word_ids(old_keys_, new_keys_, new_key_map_, tables_.key);
            compare_provisions(c, old_to_new, old_keys_, new_keys_);
            for (std::size_t i = split; i < jobs.size(); ++i) c.entries[i] = entry(jobs[i]);
        });
        for (std::size_t i = 0; i < split && i < jobs.size(); ++i) c.entries[i] = entry(jobs[i]);
        later.wait();

        std::uint32_t number = 0;
        for (ClauseEntry& e : c.entries) {
            if (e.change != ClauseChange::unchanged && !e.editorial) e.number = ++number;
            ++c.summary.counts[static_cast<int>(e.change)];
        }
        return c;
    }

private:
    const Document& old_;
    const Document& new_;
    CompareOptions options_;
    Analysis old_analysis_, new_analysis_;
    ProvisionKeys old_keys_, new_keys_;
    TokenTables tables_;
    std::vector<std::uint32_t> new_key_map_;   // the new draft's key ids → tables_.key (retable)
    TokenizedDocument ot_, nt_;
    std::vector<std::uint32_t> sentence_ends_;
    Alignment al_;
    std::vector<std::uint8_t> moved_;                        // per new node
    std::unordered_map<ClauseId, std::size_t> split_of_;     // old node → split index
    std::unordered_map<ClauseId, std::size_t> merge_of_;     // new node → merge index
    std::unordered_map<ClauseId, char> secondary_split_;     // new parts after the first
    std::unordered_map<ClauseId, char> merged_old_;          // old parts besides the partner
    std::vector<std::vector<ClauseId>> removed_after_;       // per old node

    // A matched node moved when its parent's counterpart is not its counterpart's parent, or
    // when it falls out of the longest run of siblings that kept their order.
    void mark_moves() {
        moved_.assign(new_.size(), 0);
        for (ClauseId p = 0; p < new_.size(); ++p) {
            std::vector<ClauseId> olds;
            std::vector<ClauseId> news;
            for (ClauseId n = new_.first_child(p); n != no_clause; n = new_.next_sibling(n)) {
                const ClauseId o = al_.new_to_old[n];
                if (o == no_clause) continue;
                const ClauseId po = old_[o].parent;
                if (po == no_clause || al_.old_to_new[po] != p) {
                    moved_[n] = 1;
                    continue;
                }
                olds.push_back(o);
                news.push_back(n);
            }
            std::vector<std::uint8_t> keep(olds.size(), 0);
            for (std::size_t i : lis(olds)) keep[i] = 1;
            for (std::size_t i = 0; i < olds.size(); ++i)
                if (!keep[i]) moved_[news[i]] = 1;
        }
    }

    void index_splits_and_merges() {
        for (std::size_t i = 0; i < al_.splits.size(); ++i) {
            split_of_[al_.splits[i].old_id] = i;
            for (ClauseId n : al_.splits[i].new_ids)
                if (al_.new_to_old[n] != al_.splits[i].old_id) secondary_split_[n] = 1;
        }
        for (std::size_t i = 0; i < al_.merges.size(); ++i) {
            merge_of_[al_.merges[i].new_id] = i;
            for (ClauseId o : al_.merges[i].old_ids)
                if (al_.old_to_new[o] != al_.merges[i].new_id) merged_old_[o] = 1;
        }
    }

    // A removed clause is shown right after the closest clause before it (in old document
    // order) that has a place in the new document.
    void place_removed() {
        removed_after_.assign(old_.size(), {});
        ClauseId anchor = 0;
        for (ClauseId o = 1; o < old_.size(); ++o) {
            if (al_.old_to_new[o] != no_clause || merged_old_.count(o)) {
                anchor = o;
                continue;
            }
            removed_after_[anchor].push_back(o);
        }
    }

    // One entry to make: a pair (o, n), an added clause (n) or a removed one (o).
    struct Job {
        ClauseId o = no_clause, n = no_clause;
    };

    // The entries in order: new document order, each removed clause after the closest clause
    // before it that kept a place.
    std::vector<Job> entry_jobs() const {
        std::vector<Job> jobs;
        auto removed_after = [&](ClauseId o) {
            for (ClauseId r : removed_after_[o]) jobs.push_back({r, no_clause});
        };
        removed_after(0);
        for (ClauseId n = 1; n < new_.size(); ++n) {
            if (secondary_split_.count(n)) continue;
            const ClauseId o = al_.new_to_old[n];
            jobs.push_back({o, n});
            if (o == no_clause) continue;
            removed_after(o);
            if (const auto m = merge_of_.find(n); m != merge_of_.end())
                for (ClauseId other : al_.merges[m->second].old_ids)
                    if (other != o) removed_after(other);
        }
        return jobs;
    }

    std::uint64_t tokens_of(const Job& j) const {
        std::uint64_t t = 0;
        if (j.o != no_clause) t += ot_.body[j.o].size() + ot_.title[j.o].size();
        if (j.n != no_clause) t += nt_.body[j.n].size() + nt_.title[j.n].size();
        return t;
    }

    ClauseEntry entry(const Job& j) const {
        if (j.n == no_clause) return removed(j.o);
        if (j.o == no_clause) return added(j.n);
        return paired(j.o, j.n);
    }

    Seq body(const TokenizedDocument& td, const std::vector<ClauseId>& ids) const {
        Seq s;
        for (ClauseId id : ids) s.add(td, td.body[id], tables_);
        return s;
    }
    Seq title(const TokenizedDocument& td, ClauseId id) const {
        Seq s;
        s.add(td, td.title[id], tables_);
        return s;
    }

    // A clause present on one side only: its whole text is one deletion or insertion.
    ClauseEntry one_sided(ClauseId id, bool old_side) const {
        ClauseEntry e;
        e.change = old_side ? ClauseChange::removed : ClauseChange::added;
        (old_side ? e.old_ids : e.new_ids) = {id};
        const Seq s = body(old_side ? ot_ : nt_, {id});
        if (!s.exact.empty())
            e.edits.push_back({old_side ? EditOp::remove : EditOp::insert,
                               s.text(tables_, 0, static_cast<std::uint32_t>(s.exact.size())), false});
        return e;
    }
    ClauseEntry removed(ClauseId o) const { return one_sided(o, true); }
    ClauseEntry added(ClauseId n) const { return one_sided(n, false); }

    ClauseEntry paired(ClauseId o, ClauseId n) const {
        ClauseEntry e;
        e.score = al_.score[n];
        e.reason = al_.reason[n];
        e.old_ids = {o};
        e.new_ids = {n};
        bool is_split = false, is_merge = false;
        if (const auto s = split_of_.find(o); s != split_of_.end()) {
            e.new_ids = al_.splits[s->second].new_ids;
            is_split = true;
        }
        if (const auto m = merge_of_.find(n); m != merge_of_.end()) {
            e.old_ids = al_.merges[m->second].old_ids;
            is_merge = true;
        }
        const EditResult b = diff_seqs(body(ot_, e.old_ids), body(nt_, e.new_ids), tables_, sentence_ends_, options_.ignore_editorial);
        const EditResult t = diff_seqs(title(ot_, o), title(nt_, n), tables_, sentence_ends_, options_.ignore_editorial);
        e.replaced = b.replaced;
        e.title_changed = t.changed && !(options_.ignore_editorial && !t.substantive);
        if (e.title_changed) e.title_edits = t.edits;
        const bool changed = (b.changed && !(options_.ignore_editorial && !b.substantive)) || e.title_changed;
        if (changed) {
            e.edits = b.edits;
            if (e.edits.empty()) {
                // Only the title changed: the body is shown as equal text for context.
                const Seq s = body(nt_, e.new_ids);
                if (!s.exact.empty()) e.edits.push_back({EditOp::equal, s.text(tables_, 0, static_cast<std::uint32_t>(s.exact.size())), false});
            }
        }
        const bool substantive = b.substantive || t.substantive;
        const bool renumbered = label_key(old_.label(o)) != label_key(new_.label(n));
        const bool moved = moved_[n] != 0;
        if (is_split || is_merge) {
            e.change = is_split ? ClauseChange::split : ClauseChange::merged;
        } else if (moved) {
            e.change = ClauseChange::moved;
            if (changed) e.also.push_back(ClauseChange::modified);
            if (renumbered) e.also.push_back(ClauseChange::renumbered);
        } else if (changed) {
            e.change = ClauseChange::modified;
            if (renumbered) e.also.push_back(ClauseChange::renumbered);
        } else if (renumbered) {
            e.change = ClauseChange::renumbered;
        }
        e.editorial = (e.change == ClauseChange::modified || e.change == ClauseChange::renumbered) && !substantive;
        if (!changed) e.edits.clear();
        return e;
    }
};

}  // namespace

PreparedDraft prepare(const Document& doc, const CompareOptions& options) {
    PreparedDraft d;
    d.doc = &doc;
    d.tables = make_token_tables();
    d.tokens = tokenize_document(doc, d.tables);
    d.analysis = analyse(doc, options.auto_profile ? choose_profile(doc) : options.profile);
    d.keys = provision_keys(doc, d.analysis, d.tables);
    return d;
}

Comparison compare(PreparedDraft old_draft, PreparedDraft new_draft, const CompareOptions& options) {
    if (old_draft.doc == nullptr || new_draft.doc == nullptr)
        throw std::invalid_argument("compare: a draft was not prepared");
    return Builder(std::move(old_draft), std::move(new_draft), options).run();
}

Comparison compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options) {
    PreparedDraft old_draft;
    Beside old_side([&] { old_draft = prepare(old_doc, options); });
    PreparedDraft new_draft = prepare(new_doc, options);
    old_side.wait();
    return compare(std::move(old_draft), std::move(new_draft), options);
}

std::vector<Edit> diff_text(std::string_view old_text, std::string_view new_text) {
    auto one_paragraph = [](std::string_view text) {
        DocumentBuilder b;
        b.open(ClauseKind::paragraph, "", "", SourceLocation{1, 0, 0});
        b.add_block(BlockKind::paragraph, text, SourceLocation{1, 0, 0});
        return b.finish();
    };
    const Document a = one_paragraph(old_text), b = one_paragraph(new_text);
    TokenTables tables = make_token_tables();
    const TokenizedDocument ta = tokenize_document(a, tables), tb = tokenize_document(b, tables);
    Seq sa, sb;
    sa.add(ta, ta.body[1], tables);
    sb.add(tb, tb.body[1], tables);
    if (sa.exact == sb.exact) return {{EditOp::equal, sb.text(tables, 0, static_cast<std::uint32_t>(sb.exact.size())), false}};
    return diff_seqs(sa, sb, tables, sentence_end_ids(tables), false, false).edits;
}

}  // namespace redline
