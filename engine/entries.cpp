#include "engine/entries.hpp"

#include "engine/diff.hpp"
#include "engine/sequence.hpp"
#include "engine/text.hpp"

#include <algorithm>
#include <span>

namespace redline {

namespace {

// Above this share of changed words, a paragraph reads better as old block then new block
// (and a clause none of whose paragraphs survived as its old text then its new text).
constexpr double replaced_share = 0.6;

static_assert(DiffInput::word_flag == TokenizedDocument::word_flag);

// Tokens of one or more node ranges as one sequence for the diff: a view of the token stream
// when it is one range (a clause's body: a clause of a million paragraphs was copied whole,
// ten bytes a token, for each diff and again for each spelling), gathered into a copy of its
// own ids and flags when it is several, a paragraph break between each two.
class Seq {
public:
    Seq() = default;
    Seq(const Seq&) = delete;   // the views may point into `own_`
    Seq& operator=(const Seq&) = delete;
    Seq(Seq&&) = default;       // a moved vector keeps its buffer: the views stay valid

    Seq(const TokenizedDocument& td, std::span<const TokenRange> ranges, const TokenTables& tables) {
        std::size_t parts = 0, size = 0;
        const TokenRange* one = nullptr;
        for (const TokenRange& r : ranges)
            if (r.begin != r.end) ++parts, size += r.size() + 1, one = &r;
        if (parts == 1) {
            exact = std::span<const std::uint32_t>(td.exact).subspan(one->begin, one->size());
            flags = std::span<const std::uint8_t>(td.flags).subspan(one->begin, one->size());
            return;
        }
        own_exact_.reserve(size);
        own_flags_.reserve(size);
        for (const TokenRange& r : ranges) {
            if (r.begin == r.end) continue;
            if (!own_exact_.empty()) {
                own_exact_.push_back(tables.paragraph_break);
                own_flags_.push_back(0);
            }
            own_exact_.insert(own_exact_.end(), td.exact.begin() + r.begin, td.exact.begin() + r.end);
            own_flags_.insert(own_flags_.end(), td.flags.begin() + r.begin, td.flags.begin() + r.end);
        }
        exact = own_exact_;
        flags = own_flags_;
    }

    std::span<const std::uint32_t> exact;
    std::span<const std::uint8_t> flags;   // TokenizedDocument's: word_flag | space_flag

    std::uint32_t size() const { return static_cast<std::uint32_t>(exact.size()); }
    bool space(std::uint32_t i) const { return (flags[i] & TokenizedDocument::space_flag) != 0; }
    bool same_tokens(const Seq& other) const { return std::ranges::equal(exact, other.exact); }

    // The text of tokens [begin, end), after a space when `lead`; measured first, so that a
    // long text (a clause shown replaced) is not grown by doubling.
    std::string text(const TokenTables& tables, std::uint32_t begin, std::uint32_t end, bool lead = false) const {
        std::size_t size = lead ? 1 : 0;
        for (std::uint32_t i = begin; i < end; ++i) size += (space(i) && i != begin ? 1 : 0) + tables.exact.text(exact[i]).size();
        std::string out;
        out.reserve(size);
        if (lead) out += ' ';
        for (std::uint32_t i = begin; i < end; ++i) {
            if (space(i) && i != begin) out += ' ';
            out += tables.exact.text(exact[i]);
        }
        return out;
    }

private:
    std::vector<std::uint32_t> own_exact_;
    std::vector<std::uint8_t> own_flags_;
};

// The exact ids of the tokens that end a sentence unit for the diff's coarse pass, sorted.
struct EditResult {
    std::vector<Edit> edits;
    bool changed = false;       // the token sequences differ
    bool substantive = false;   // some difference is not editorial
    bool replaced = false;
    bool over_budget = false;   // some part went over the diff's budget and is shown replaced
};

// The byte places of the tokens asked for on one side, noted as the side is spelled: each
// side's tokens are spelled once, in order.
struct Marks {
    std::span<const std::uint32_t> tokens;      // sorted, unique
    std::vector<EntryDiffer::Spelled> places;   // in the same order

    explicit Marks(std::span<const std::uint32_t> asked) : tokens(asked), places(asked.size()) {}
    // Token i, the next one of its side, stands at [start, end).
    void note(std::uint32_t i, std::uint32_t start, std::uint32_t end) {
        if (next_ < tokens.size() && tokens[next_] == i) places[next_++] = {start, end};
    }

private:
    std::size_t next_ = 0;
};

// The places of `seq`'s tokens [begin, stop) spelled as Seq::text() spells them from `at` on,
// after a lead space when `lead`, handed to on_token(i, start, end); returns the place after
// them.
template <class OnToken>
std::uint32_t spell(const Seq& seq, const TokenTables& tables, std::uint32_t begin, std::uint32_t stop, std::uint32_t at,
                    bool lead, OnToken on_token) {
    if (lead) ++at;
    for (std::uint32_t i = begin; i < stop; ++i) {
        if (seq.space(i) && i != begin) ++at;
        const std::uint32_t start = at;
        at += static_cast<std::uint32_t>(tables.exact.text(seq.exact[i]).size());
        on_token(i, start, at);
    }
    return at;
}

// The plain spelling of one sequence: what a one-sided edit or a replaced block shows.
void spell_whole(const Seq& seq, const TokenTables& tables, Marks& marks) {
    spell(seq, tables, 0, seq.size(), 0, false, [&](std::uint32_t i, std::uint32_t s, std::uint32_t e) { marks.note(i, s, e); });
}

// When `may_replace`, the blocks of the two sequences are aligned first (diff_blocks): a
// rewritten block is shown whole, and the whole text when no block survived. `kept`, when
// given, receives the token script (left empty for a text shown whole).
EditResult diff_seqs(const Seq& a, const Seq& b, const TokenTables& tables,
                     const std::vector<std::uint32_t>& sentence_ends, bool ignore_editorial, bool may_replace = true,
                     std::vector<TokenEdit>* kept = nullptr) {
    EditResult r;
    r.changed = !a.same_tokens(b);
    if (!r.changed) return r;
    const DiffInput in{a.exact, b.exact, a.flags, b.flags, tables.key_of_exact, sentence_ends, tables.paragraph_break};
    std::vector<TokenEdit> script;
    if (may_replace) {
        BlockDiff d = diff_blocks(in, replaced_share);
        script = std::move(d.script);
        r.replaced = d.replaced;
        r.over_budget = d.over_budget;
    } else {
        script = diff_tokens(in, &r.over_budget);
    }
    for (const TokenEdit& e : script)
        if (e.op != EditOp::equal && !e.editorial) r.substantive = true;
    if (r.replaced) {
        r.edits.push_back({.op = EditOp::remove, .text = a.text(tables, 0, a.size())});
        r.edits.push_back({.op = EditOp::insert, .text = b.text(tables, 0, b.size())});
        return r;   // a replaced text needs no script to be spelled again
    }
    for (const TokenEdit& e : script) {
        Edit out;
        out.op = e.op;
        out.editorial = e.editorial;
        out.replaced = e.block;
        out.moved = e.moved;
        // Keep the space that joins this run to the previous one inside the text.
        const bool lead = e.op == EditOp::remove ? (e.a_begin > 0 && a.space(e.a_begin)) : (e.b_begin > 0 && b.space(e.b_begin));
        if (e.op == EditOp::remove) {
            if (ignore_editorial && e.editorial) continue;  // its insert partner stands as equal text
            out.text = a.text(tables, e.a_begin, e.a_end, lead);
        } else {
            out.text = b.text(tables, e.b_begin, e.b_end, lead);
            if (ignore_editorial && e.editorial) out.op = EditOp::equal, out.editorial = false;
        }
        if (!r.edits.empty() && r.edits.back().op == out.op && r.edits.back().editorial == out.editorial &&
            r.edits.back().replaced == out.replaced && r.edits.back().moved == out.moved)
            r.edits.back().text += out.text;
        else
            r.edits.push_back(std::move(out));
    }
    if (kept) *kept = std::move(script);
    return r;
}

// Where the tokens asked for on both sides land in the texts that diff_seqs() spells from
// `script` on each side, without spelling them: the same runs, lead spaces and equal runs
// taken from the new side.
void spell_script(const Seq& a, const Seq& b, const std::vector<TokenEdit>& script, bool ignore_editorial,
                  const TokenTables& tables, Marks& old_marks, Marks& new_marks) {
    std::uint32_t old_at = 0, new_at = 0;   // lengths of the two sides' texts so far
    auto note_old = [&](std::uint32_t i, std::uint32_t s, std::uint32_t e) { old_marks.note(i, s, e); };
    auto note_new = [&](std::uint32_t i, std::uint32_t s, std::uint32_t e) { new_marks.note(i, s, e); };
    for (const TokenEdit& e : script) {
        if (e.op == EditOp::remove) {
            if (ignore_editorial && e.editorial) {   // not shown: its insert partner stands as equal text
                for (std::uint32_t i = e.a_begin; i < e.a_end; ++i) old_marks.note(i, old_at, old_at);
                continue;
            }
            old_at = spell(a, tables, e.a_begin, e.a_end, old_at, e.a_begin > 0 && a.space(e.a_begin), note_old);
            continue;
        }
        const bool lead = e.b_begin > 0 && b.space(e.b_begin);
        if (e.op == EditOp::insert && !(ignore_editorial && e.editorial)) {
            new_at = spell(b, tables, e.b_begin, e.b_end, new_at, lead, note_new);
            continue;
        }
        // Shown on both sides as the new side spells it; an equal run's old tokens match its
        // new ones one for one.
        const std::uint32_t base = new_at, old_base = old_at;
        new_at = spell(b, tables, e.b_begin, e.b_end, new_at, lead, [&](std::uint32_t k, std::uint32_t s, std::uint32_t end) {
            new_marks.note(k, s, end);
            if (k - e.b_begin < e.a_end - e.a_begin) old_marks.note(e.a_begin + (k - e.b_begin), old_base + (s - base), old_base + (end - base));
        });
        old_at += new_at - base;
    }
}

std::string label_key(std::string_view label) { return text::fold_space(text::fold_width(label)); }


Seq body(const TokenizedDocument& td, const std::vector<ClauseId>& ids, const TokenTables& tables) {
    std::vector<TokenRange> ranges;
    ranges.reserve(ids.size());
    for (ClauseId id : ids) ranges.push_back(td.body[id]);
    return Seq(td, ranges, tables);
}

Seq title(const TokenizedDocument& td, ClauseId id, const TokenTables& tables) {
    return Seq(td, std::span<const TokenRange>(&td.title[id], 1), tables);
}

}  // namespace

EntryPlan plan_entries(const Document& old_doc, const Document& new_doc, const Alignment& al) {
    EntryPlan plan;
    // A matched node moved when its parent's counterpart is not its counterpart's parent, or
    // when it falls out of the longest run of siblings that kept their order.
    plan.moved.assign(new_doc.size(), 0);
    for (ClauseId p = 0; p < new_doc.size(); ++p) {
        std::vector<ClauseId> olds;
        std::vector<ClauseId> news;
        for (ClauseId n = new_doc.first_child(p); n != no_clause; n = new_doc.next_sibling(n)) {
            const ClauseId o = al.new_to_old[n];
            if (o == no_clause) continue;
            const ClauseId po = old_doc[o].parent;
            if (po == no_clause || al.old_to_new[po] != p) {
                plan.moved[n] = 1;
                continue;
            }
            olds.push_back(o);
            news.push_back(n);
        }
        std::vector<std::uint8_t> keep(olds.size(), 0);
        for (std::size_t i : seq::longest_increasing_subsequence(olds)) keep[i] = 1;
        for (std::size_t i = 0; i < olds.size(); ++i)
            if (!keep[i]) plan.moved[news[i]] = 1;
    }

    // A group's entry stands where its primary new clause does; its other clauses have no
    // entry of their own, and its old clauses are not removed.
    std::vector<std::uint8_t> secondary_new(new_doc.size(), 0), grouped_old(old_doc.size(), 0);
    for (std::size_t i = 0; i < al.groups.size(); ++i) {
        const Group& g = al.groups[i];
        plan.group_of[g.primary_new] = i;
        for (ClauseId n : g.new_ids)
            if (n != g.primary_new) secondary_new[n] = 1;
        for (ClauseId o : g.old_ids) grouped_old[o] = 1;
    }

    // A removed clause is shown right after the closest clause before it (in old document
    // order) that has a place in the new document.
    std::vector<std::vector<ClauseId>> removed_after(old_doc.size());
    ClauseId anchor = 0;
    for (ClauseId o = 1; o < old_doc.size(); ++o) {
        if (al.old_to_new[o] != no_clause || grouped_old[o]) {
            anchor = o;
            continue;
        }
        removed_after[anchor].push_back(o);
    }

    auto removed_after_old = [&](ClauseId o) {
        for (ClauseId r : removed_after[o]) plan.jobs.push_back({r, no_clause});
    };
    removed_after_old(0);
    for (ClauseId n = 1; n < new_doc.size(); ++n) {
        if (secondary_new[n]) continue;
        const ClauseId o = al.new_to_old[n];
        plan.jobs.push_back({o, n});
        if (o == no_clause) continue;
        removed_after_old(o);
        if (const auto g = plan.group_of.find(n); g != plan.group_of.end())
            for (ClauseId other : al.groups[g->second].old_ids)
                if (other != o) removed_after_old(other);
    }
    return plan;
}

EntryDiffer::EntryDiffer(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                         const TokenizedDocument& new_tokens, const TokenTables& tables, const Alignment& alignment,
                         const EntryPlan& plan, bool ignore_editorial)
    : old_doc_(old_doc), new_doc_(new_doc), ot_(old_tokens), nt_(new_tokens), tables_(tables), al_(alignment),
      plan_(plan), ignore_editorial_(ignore_editorial), sentence_ends_(sentence_end_ids(tables)) {}

std::uint64_t EntryDiffer::tokens_of(const EntryJob& j) const {
    std::uint64_t t = 0;
    if (j.o != no_clause) t += ot_.body[j.o].size() + ot_.title[j.o].size();
    if (j.n != no_clause) t += nt_.body[j.n].size() + nt_.title[j.n].size();
    return t;
}

ClauseEntry EntryDiffer::entry(const EntryJob& j, std::vector<TokenEdit>* script) const {
    if (j.n == no_clause) return one_sided(j.o, true);
    if (j.o == no_clause) return one_sided(j.n, false);
    return paired(j.o, j.n, script);
}

// A clause present on one side only: its whole text is one deletion or insertion.
ClauseEntry EntryDiffer::one_sided(ClauseId id, bool old_side) const {
    ClauseEntry e;
    e.change = old_side ? ClauseChange::removed : ClauseChange::added;
    (old_side ? e.old_ids : e.new_ids) = {id};
    const Seq s = body(old_side ? ot_ : nt_, {id}, tables_);
    if (!s.exact.empty())
        e.edits.push_back({.op = old_side ? EditOp::remove : EditOp::insert,
                           .text = s.text(tables_, 0, s.size())});
    return e;
}

ClauseEntry EntryDiffer::paired(ClauseId o, ClauseId n, std::vector<TokenEdit>* script) const {
    ClauseEntry e;
    e.score = al_.score[n];
    e.reason = al_.reason[n];
    e.old_ids = {o};
    e.new_ids = {n};
    const Group* group = nullptr;
    if (const auto g = plan_.group_of.find(n); g != plan_.group_of.end()) {
        group = &al_.groups[g->second];
        e.old_ids = group->old_ids;
        e.new_ids = group->new_ids;
        e.links = group->links;
    }
    EditResult b = diff_seqs(body(ot_, e.old_ids, tables_), body(nt_, e.new_ids, tables_), tables_, sentence_ends_,
                             ignore_editorial_, true, script);
    EditResult t = diff_seqs(title(ot_, o, tables_), title(nt_, n, tables_), tables_, sentence_ends_, ignore_editorial_);
    e.replaced = b.replaced;
    e.over_budget = b.over_budget || t.over_budget;
    e.title_changed = t.changed && !(ignore_editorial_ && !t.substantive);
    if (e.title_changed) e.title_edits = std::move(t.edits);
    const bool changed = (b.changed && !(ignore_editorial_ && !b.substantive)) || e.title_changed;
    if (changed) {
        e.edits = std::move(b.edits);   // (a copy was a second whole text of a large clause)
        if (e.edits.empty()) {
            // Only the title changed: the body is shown as equal text for context.
            const Seq s = body(nt_, e.new_ids, tables_);
            if (!s.exact.empty())
                e.edits.push_back({.op = EditOp::equal, .text = s.text(tables_, 0, s.size())});
        }
    }
    const bool substantive = b.substantive || t.substantive;
    const bool renumbered = label_key(old_doc_.label(o)) != label_key(new_doc_.label(n));
    const bool moved = plan_.moved[n] != 0;
    if (group) {
        e.change = e.old_ids.size() == 1 ? ClauseChange::split
                   : e.new_ids.size() == 1 ? ClauseChange::merged
                                           : ClauseChange::reorganised;
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

EntryDiffer::Spelling EntryDiffer::spelling(const ClauseEntry& e, const std::vector<TokenEdit>& script,
                                            std::span<const std::uint32_t> old_tokens,
                                            std::span<const std::uint32_t> new_tokens) const {
    const Seq a = body(ot_, e.old_ids, tables_), b = body(nt_, e.new_ids, tables_);
    Marks old_marks(old_tokens), new_marks(new_tokens);
    if (e.old_ids.empty() || e.new_ids.empty() || e.replaced) {
        spell_whole(a, tables_, old_marks);
        spell_whole(b, tables_, new_marks);
    } else if (a.same_tokens(b)) {
        // Only the title changed: both sides show the new body.
        spell(b, tables_, 0, b.size(), 0, false, [&](std::uint32_t i, std::uint32_t s, std::uint32_t end) {
            old_marks.note(i, s, end);
            new_marks.note(i, s, end);
        });
    } else if (!script.empty()) {
        spell_script(a, b, script, ignore_editorial_, tables_, old_marks, new_marks);
    } else {
        DiffInput in{a.exact, b.exact, a.flags, b.flags, tables_.key_of_exact, sentence_ends_, tables_.paragraph_break};
        spell_script(a, b, diff_blocks(in, replaced_share).script, ignore_editorial_, tables_, old_marks, new_marks);
    }
    return {std::move(old_marks.places), std::move(new_marks.places)};
}

std::vector<Edit> EntryDiffer::words(TokenRange old_tokens, TokenRange new_tokens) const {
    const Seq a(ot_, std::span<const TokenRange>(&old_tokens, 1), tables_), b(nt_, std::span<const TokenRange>(&new_tokens, 1), tables_);
    if (a.same_tokens(b)) return {{.op = EditOp::equal, .text = b.text(tables_, 0, b.size())}};
    return diff_seqs(a, b, tables_, sentence_ends_, false, false).edits;
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
    const Seq sa(ta, std::span<const TokenRange>(&ta.body[1], 1), tables), sb(tb, std::span<const TokenRange>(&tb.body[1], 1), tables);
    if (sa.same_tokens(sb)) return {{.op = EditOp::equal, .text = sb.text(tables, 0, sb.size())}};
    return diff_seqs(sa, sb, tables, sentence_end_ids(tables), false, false).edits;
}

}  // namespace redline
