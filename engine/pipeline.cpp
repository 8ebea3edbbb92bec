#include "engine/pipeline.hpp"

#include "engine/beside.hpp"
#include "engine/entries.hpp"
#include "engine/findings.hpp"
#include "engine/match.hpp"
#include "engine/reorganise.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

namespace redline {

namespace {

// `first` on a second thread (started on another processor: engine/beside), `second` on this
// one. When both throw, `first`'s error wins.
void at_once(const std::function<void()>& first, const std::function<void()>& second) {
    std::exception_ptr second_error;
    Beside beside(first);
    try {
        second();
    } catch (...) {
        second_error = std::current_exception();
    }
    beside.wait();   // rethrows what `first` threw
    if (second_error) std::rethrow_exception(second_error);
}

PreparedDraft prepare_shared(std::shared_ptr<const Document> doc, const PrepareOptions& options) {
    PreparedDraft d;
    d.doc = std::move(doc);
    d.profile = profile_for(*d.doc, options);
    d.language = d.doc->language;
    d.tables = make_token_tables();
    d.tokens = tokenize_document(*d.doc, d.tables);
    d.analysis = analyse(*d.doc, d.profile);
    d.keys = provision_keys(*d.doc, d.analysis, d.tables);
    return d;
}

// The stages of one comparison, in order. Each reads what the ones before it made.
class Stages {
public:
    Stages(PreparedDraft&& o, PreparedDraft&& n, const CompareOptions& options)
        : old_(std::move(o)), new_(std::move(n)), options_(options) {}

    Comparison run() {
        join_tables();
        align_clauses();
        classify();
        diff_entries_and_match_provisions();
        number_entries();
        note_budgets();
        place_provision_changes();
        rank_findings();
        return std::move(c_);
    }

private:
    // The new draft's tokens re-expressed in the old draft's tables, as if both had been
    // tokenised into one.
    void join_tables() {
        new_key_map_ = retable(new_.tokens, new_.tables, old_.tables);
        new_.tables = TokenTables();   // its ids now live in the joined tables and new_key_map_
        join_extra_words(old_.keys, new_.keys, old_.tables.key);
        seal(old_.tables);
        c_.old_doc = old_.doc;
        c_.new_doc = new_.doc;
    }

    void align_clauses() {
        al_ = align(*old_.doc, old_.tokens, *new_.doc, new_.tokens, old_.tables, at_once);
        trace_reorganisations(*old_.doc, old_.tokens, *new_.doc, new_.tokens, old_.tables, al_, at_once);
    }

    // Moves, splits and merges; the entries' order.
    void classify() { plan_ = plan_entries(*old_.doc, *new_.doc, al_); }

    // Diffing the entries and matching the provisions depend on the alignment alone: a second
    // thread matches the provisions and diffs the later entries while this one diffs the
    // earlier ones.
    void diff_entries_and_match_provisions() {
        std::vector<ClauseId> counterpart = al_.old_to_new;
        // An old part of a group without a pair of its own counts as gone to its first linked part.
        for (const Group& g : al_.groups)
            for (auto [i, j] : g.links)
                if (counterpart[g.old_ids[i]] == no_clause) counterpart[g.old_ids[i]] = g.new_ids[j];
        c_.old_analysis = std::move(old_.analysis);
        c_.new_analysis = std::move(new_.analysis);

        differ_.emplace(*old_.doc, old_.tokens, *new_.doc, new_.tokens, old_.tables, al_, plan_, options_.ignore_editorial);
        const EntryDiffer& differ = *differ_;
        const std::vector<EntryJob>& jobs = plan_.jobs;
        // Placing the provisions spells an entry from its script, or diffs it again when it
        // has none. A short entry's script costs more to keep than to make again: some 140
        // bytes and an allocation for a clause of one sentence, 20 MB for 152,000 of them.
        auto script_for = [&](std::size_t i) {
            return differ.tokens_of(jobs[i]) > kept_script_tokens ? &scripts_[i] : nullptr;
        };
        std::vector<std::uint64_t> weight(jobs.size() + 1, 0);   // running token count
        for (std::size_t i = 0; i < jobs.size(); ++i) weight[i + 1] = weight[i] + differ.tokens_of(jobs[i]);
        // The second thread also matches the provisions: give this one a little more than half.
        const std::size_t split = static_cast<std::size_t>(
            std::lower_bound(weight.begin(), weight.end(), weight.back() * 11 / 20) - weight.begin());
        c_.entries.resize(jobs.size());
        scripts_.resize(jobs.size());
        at_once(
            [&] {
                join_word_ids(old_.keys, new_.keys, new_key_map_);
                compare_provisions(c_, al_.old_to_new, counterpart, old_.keys, new_.keys);
                release_keys();
                for (std::size_t i = split; i < jobs.size(); ++i) c_.entries[i] = differ.entry(jobs[i], script_for(i));
            },
            [&] {
                for (std::size_t i = 0; i < split && i < jobs.size(); ++i) c_.entries[i] = differ.entry(jobs[i], script_for(i));
            });
        // Grown by doubling, the provision changes' vector may hold nearly twice their number
        // (152,000 changes in room for 262,144: 36 MB, where 21 MB do) through the later stages.
        c_.provisions.shrink_to_fit();
        // The entries are made: the alignment and the plan are read no more (placing the
        // provisions asks differ_ only for spellings and words, which read the token streams).
        al_ = Alignment();
        plan_ = EntryPlan();
    }

    // The provisions are matched: their keys are read no more. Each stage gives back what
    // only it reads, so that later stages reuse the memory instead of adding to the peak. The
    // keys go as soon as the matching (the second thread's first task, and their only reader)
    // is done, while the entries are still being diffed, so that the entries' edits take
    // their place: freed after the diffs, the keys (10 MB for 48,000 term entries a side)
    // stood beside all of the edits.
    void release_keys() {
        old_.keys = ProvisionKeys();
        new_.keys = ProvisionKeys();
        std::vector<std::uint32_t>().swap(new_key_map_);   // (assigning {} would keep its capacity)
    }

    // Change numbers, the summary, the clause → entry lookups and moved clauses' old places.
    void number_entries() {
        std::uint32_t number = 0;
        for (ClauseEntry& e : c_.entries) {
            if (e.change != ClauseChange::unchanged && !e.editorial) e.number = ++number;
            ++c_.summary.counts[static_cast<int>(e.change)];
        }
        c_.entry_of_old.assign(old_.doc->size(), no_entry);
        c_.entry_of_new.assign(new_.doc->size(), no_entry);
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            for (ClauseId id : c_.entries[i].old_ids) c_.entry_of_old[id] = i;
            for (ClauseId id : c_.entries[i].new_ids) c_.entry_of_new[id] = i;
        }
        // A moved clause used to stand after the entry of the nearest earlier old clause that
        // did not move itself.
        for (ClauseEntry& e : c_.entries) {
            if (!e.is(ClauseChange::moved)) continue;
            for (ClauseId p = e.old_ids.front(); p-- > 1;) {
                const std::size_t at = c_.entry_of_old[p];
                if (at != no_entry && !c_.entries[at].is(ClauseChange::moved)) {
                    e.moved_from_after = at;
                    break;
                }
            }
        }
    }

    // An entry whose word diff went over its budget says so, at the clause it shows.
    void note_budgets() {
        for (const ClauseEntry& e : c_.entries) {
            if (!e.over_budget) continue;
            const Document& d = c_.doc_of(e);
            const ClauseId id = c_.clause_of(e);
            std::string name = d.label(id).empty() ? "“" + std::string(d.title(id)) + "”" : std::string(d.label(id));
            c_.warnings.push_back({d[id].where, "clause " + name + ": too different to diff word by word within the limits of " +
                                                    "docs/limits.md (" + std::to_string(max_diff_diagonals) +
                                                    " diagonals of the edit search, " + std::to_string(max_token_diff) +
                                                    " tokens of a changed stretch); parts of it are shown removed and inserted whole",
                                   name + "：差异过大，超出 docs/limits.md 规定的逐词比较限度（编辑搜索 " +
                                       std::to_string(max_diff_diagonals) + " 条对角线，变化段 " +
                                       std::to_string(max_token_diff) + " 个词元）；部分内容整段显示为删除和插入"});
        }
    }

    void place_provision_changes() {
        place_provisions(c_, *differ_, scripts_, old_.tokens, new_.tokens, old_.tables);
        // The last stage that reads the token streams and the alignment.
        std::vector<std::vector<TokenEdit>>().swap(scripts_);
        differ_.reset();
        old_.tokens = TokenizedDocument();
        new_.tokens = TokenizedDocument();
        old_.tables = TokenTables();
    }

    void rank_findings() { c_.findings = find_findings(c_); }

    PreparedDraft old_, new_;
    CompareOptions options_;
    std::vector<std::uint32_t> new_key_map_;   // the new draft's key ids → the joined key table
    Alignment al_;
    EntryPlan plan_;
    std::optional<EntryDiffer> differ_;
    // Per entry: its body's token edit script, kept for entries of more than
    // kept_script_tokens tokens (both sides, titles included).
    static constexpr std::uint64_t kept_script_tokens = 256;
    std::vector<std::vector<TokenEdit>> scripts_;
    Comparison c_;
};

// A shared pointer that does not own: the caller keeps the document alive.
std::shared_ptr<const Document> borrowed(const Document& doc) {
    return std::shared_ptr<const Document>(std::shared_ptr<const Document>(), &doc);
}

}  // namespace

Profile profile_for(const Document& doc, const PrepareOptions& options) {
    return options.profile ? *options.profile : choose_profile(doc);
}

PreparedDraft prepare(const Document& doc, const PrepareOptions& options) { return prepare_shared(borrowed(doc), options); }

PreparedDraft prepare(Document&& doc, const PrepareOptions& options) {
    return prepare_shared(std::make_shared<const Document>(std::move(doc)), options);
}

std::pair<PreparedDraft, PreparedDraft> prepare_pair(const std::function<Document()>& read_old,
                                                     const std::function<Document()>& read_new,
                                                     const PrepareOptions& options) {
    std::pair<PreparedDraft, PreparedDraft> drafts;
    at_once([&] { drafts.first = prepare(read_old(), options); }, [&] { drafts.second = prepare(read_new(), options); });
    return drafts;
}

Comparison compare(PreparedDraft old_draft, PreparedDraft new_draft, const CompareOptions& options) {
    if (!old_draft.doc || !new_draft.doc) throw std::invalid_argument("compare: a draft was not prepared");
    return Stages(std::move(old_draft), std::move(new_draft), options).run();
}

Comparison compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options,
                   const PrepareOptions& prepare_options) {
    std::pair<PreparedDraft, PreparedDraft> drafts;
    at_once([&] { drafts.first = prepare(old_doc, prepare_options); },
            [&] { drafts.second = prepare(new_doc, prepare_options); });
    return compare(std::move(drafts.first), std::move(drafts.second), options);
}

}  // namespace redline
