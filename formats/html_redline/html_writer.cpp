#include "formats/html_redline/html_writer.hpp"

#include "formats/common/clause_names.hpp"
#include "formats/common/html_escape.hpp"
#include "formats/common/reader_notes.hpp"
#include "formats/common/utf8_excerpt.hpp"
#include "formats/html_redline/html_assets.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redline::formats {

namespace {

// ---- Content-Security-Policy -----------------------------------------------------------

std::string hex_to_base64(std::string_view hex) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto nibble = [](char h) { return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10; };
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                                (i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

std::string content_security_policy() {
    return fmt::format("default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; "
                       "form-action 'none'",
                       hex_to_base64(html_assets::css_sha256_hex), hex_to_base64(html_assets::script_sha256_hex));
}

// ---- Words -----------------------------------------------------------------------------

std::string_view lang_of(const Document& doc) { return doc.language == Language::zh ? "zh" : "en"; }

std::string plural(std::uint32_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string where(const Document& doc, const SourceLocation& at) { return source_place(doc, at); }


// ---- The page --------------------------------------------------------------------------

class Page {
public:
    Page(const Comparison& c, const HtmlOptions& o) : c_(c), o_(o) {
        notes_.resize(c.entries.size());
        pc_kinds_.resize(c.entries.size());
        sentence_marks_.resize(c.entries.size());
        for (std::size_t p = 0; p < c.provisions.size(); ++p) attach_provision(p);
        // A moved clause leaves a stub at its old place: before everything (0) or after entry i (i + 1).
        stubs_after_.resize(c.entries.size() + 1);
        for (std::size_t i = 0; i < c.entries.size(); ++i)
            if (c.entries[i].is(ClauseChange::moved))
                stubs_after_[c.entries[i].moved_from_after == no_entry ? 0 : c.entries[i].moved_from_after + 1].push_back(i);
    }

    std::string render() {
        out_.reserve(1 << 16);
        const Document& nd = *c_.new_doc;
        out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n";
        out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + content_security_policy() + "\"/>\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
        out_ += "<meta name=\"generator\" content=\"redline\"/>\n";
        out_ += "<title>Redline: " + esc(doc_name(*c_.old_doc)) + " → " + esc(doc_name(nd)) + "</title>\n";
        out_ += "<style>";
        out_ += html_assets::css;
        out_ += "</style>\n</head>\n<body class=\"view-inline show-all\">\n";
        header();
        out_ += "<div class=\"layout\">\n";
        outline();
        out_ += "<main id=\"main\" aria-label=\"Comparison\">\n";
        provisions();
        entries();
        out_ += "</main>\n</div>\n<script>";
        out_ += html_assets::script;
        out_ += "</script>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // A provision sentence to mark where it stands in a clause's text: its offset in that side
    // of the entry's text (ProvisionPlace).
    struct SentenceMark {
        bool new_side;
        std::size_t offset;
        std::string label;
    };

    static std::string doc_name(const Document& d) {
        if (!d.info.identifier.empty()) return d.info.identifier;
        if (!d.info.title.empty()) return d.info.title;
        return d.info.path;
    }

    std::string entry_anchor(std::size_t i) const { return fmt::format("e{}", i); }

    // What to call an entry in headings and the outline: its label (or, for the unlabelled
    // cover, its kind) and its title (or, for list items and paragraphs, their first words).
    std::string label_of(const ClauseEntry& e) const { return entry_display_name(c_, e); }
    std::string title_of(const ClauseEntry& e) const { return entry_display_title(c_, e); }

    std::uint32_t depth_of(const ClauseEntry& e) const {
        return e.new_ids.empty() ? (*c_.old_doc)[e.old_ids.front()].depth : (*c_.new_doc)[e.new_ids.front()].depth;
    }

    // The change number or the editorial mark, as in the JSON report and the terminal.
    std::string number_of(const ClauseEntry& e) const {
        if (e.number) return fmt::format("C{}", e.number);
        return e.change == ClauseChange::unchanged ? std::string() : std::string("ed.");
    }

    // ---- Provision changes, described ----

    std::string force(const Unit& u) const { return std::string(to_string(u.what.kind)); }

    std::string describe(const ProvisionChange& p) const {
        switch (p.change) {
        case ProvisionChangeKind::removed: return force(c_.old_unit(p)) + " removed";
        case ProvisionChangeKind::added: return force(c_.new_unit(p)) + " added";
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened:
        case ProvisionChangeKind::negated:
            return fmt::format("{} {} → {}", to_string(p.change), c_.old_unit(p).what.form, c_.new_unit(p).what.form);
        case ProvisionChangeKind::modified: return force(c_.new_unit(p)) + " reworded";
        case ProvisionChangeKind::moved: return force(c_.new_unit(p)) + " moved";
        }
        return "";
    }

    void attach_provision(std::size_t p) {
        const ProvisionChange& pc = c_.provisions[p];
        const std::string kind = fmt::format("pc-{}", to_string(pc.change));
        auto add = [&](std::size_t entry, std::string note) {
            if (entry == none) return;
            notes_[entry].push_back(std::move(note));
            if (std::find(pc_kinds_[entry].begin(), pc_kinds_[entry].end(), kind) == pc_kinds_[entry].end())
                pc_kinds_[entry].push_back(kind);
        };
        const ProvisionPlace& op = pc.old_place;
        const ProvisionPlace& np = pc.new_place;
        const std::size_t in_new = np.entry, in_old = op.entry;
        std::string note = "<span class=\"mark\">" + esc_marked(describe(pc)) + "</span>" + provision_quotes(pc);
        // The sentence itself is marked where it stands in the clause text: on the old side
        // when it is gone, on the new side otherwise; a moved provision at both places.
        const std::string label = describe(pc);
        if (op.present() && in_old != none && (pc.change == ProvisionChangeKind::removed || in_old != in_new))
            sentence_marks_[in_old].push_back({false, op.offset,
                                               in_new != none && in_old != in_new && np.present()
                                                   ? label + " → " + clause_name(*c_.new_doc, np.clause)
                                                   : label});
        // A provision that changed clause inside one entry (a merge, a reorganisation) still
        // says where it came from.
        const bool changed_clause = in_old != none && op.present() &&
                                    (in_old != in_new || pc.change == ProvisionChangeKind::moved || pc.also_moved);
        if (np.present() && in_new != none)
            sentence_marks_[in_new].push_back(
                {true, np.offset, changed_clause ? label + " ← " + clause_name(*c_.old_doc, op.clause) : label});
        if (in_new != none && in_old != none && in_new != in_old) {
            // The provision changed clause: say so at both places, each linking to the other.
            add(in_new, note + fmt::format(" <a href=\"#{}\">from {}</a>", entry_anchor(in_old),
                                           esc_marked(clause_name(*c_.old_doc, op.clause))));
            add(in_old, note + fmt::format(" <a href=\"#{}\">now in {}</a>", entry_anchor(in_new),
                                           esc_marked(clause_name(*c_.new_doc, np.clause))));
            return;
        }
        add(in_new != none ? in_new : in_old, note);
    }

    std::string provision_quotes(const ProvisionChange& p) const {
        const Document& od = *c_.old_doc;
        const Document& nd = *c_.new_doc;
        std::string out;
        const bool has_old = p.old_place.present(), has_new = p.new_place.present();
        if (p.change == ProvisionChangeKind::moved) {
            out += fmt::format(": <q lang=\"{}\">{}</q>", lang_of(nd), esc_marked(unit_text(nd, c_.new_unit(p))));
        } else {
            if (has_old)
                out += fmt::format(": <q class=\"old\" lang=\"{}\">{}</q>", lang_of(od), esc_marked(unit_text(od, c_.old_unit(p))));
            if (has_new)
                out += fmt::format("{}<q class=\"new\" lang=\"{}\">{}</q>", has_old ? " → " : ": ", lang_of(nd),
                                   esc_marked(unit_text(nd, c_.new_unit(p))));
        }
        for (const auto& r : p.references_removed) out += " <span class=\"ref\">reference removed: " + esc_marked(r) + "</span>";
        for (const auto& r : p.references_added) out += " <span class=\"ref\">reference added: " + esc_marked(r) + "</span>";
        return out;
    }

    // ---- Header ----

    void doc_card(const Document& d, std::string_view role) {
        out_ += fmt::format("<div class=\"doc\" lang=\"{}\"><div class=\"role\">{}</div>", lang_of(d), role);
        out_ += "<div class=\"title\">" + esc_marked(d.info.title.empty() ? d.info.path : d.info.title) + "</div>";
        std::string meta;
        auto add = [&](std::string_view s) {
            if (s.empty()) return;
            if (!meta.empty()) meta += " · ";
            meta += esc_marked(s);
        };
        add(d.info.identifier);
        add(d.info.stage);
        add(d.info.path);
        out_ += "<div class=\"meta\">" + meta + "</div></div>\n";
    }

    void header() {
        out_ += "<header class=\"top\">\n<h1>Redline</h1>\n<div class=\"docs\">\n";
        doc_card(*c_.old_doc, "Old");
        doc_card(*c_.new_doc, "New");
        out_ += "</div>\n";
        if (!o_.date.empty()) out_ += "<p class=\"compared\">Compared on " + esc_marked(o_.date) + " by redline.</p>\n";
        out_ += "<div class=\"summary\" role=\"group\" aria-label=\"Changes by kind (click to show only these)\">";
        out_ += "<span class=\"group-label\">Clauses</span>";
        for (ClauseChange k : {ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved, ClauseChange::added,
                               ClauseChange::removed, ClauseChange::split, ClauseChange::merged,
                               ClauseChange::reorganised}) {
            const auto n = c_.summary.counts[static_cast<int>(k)];
            if (n == 0) continue;
            out_ += fmt::format("<button type=\"button\" data-group=\"only\" data-value=\"{0}\" aria-pressed=\"false\">{1} {0}</button>",
                                to_string(k), n);
        }
        out_ += fmt::format("<span class=\"group-label\">{} unchanged</span>",
                            c_.summary.counts[static_cast<int>(ClauseChange::unchanged)]);
        bool any = false;
        for (ProvisionChangeKind k : {ProvisionChangeKind::removed, ProvisionChangeKind::added, ProvisionChangeKind::weakened,
                                      ProvisionChangeKind::strengthened, ProvisionChangeKind::negated,
                                      ProvisionChangeKind::modified, ProvisionChangeKind::moved}) {
            const auto n = c_.provision_counts[static_cast<int>(k)];
            if (n == 0) continue;
            if (!any) out_ += "<span class=\"group-label\">Provisions</span>";
            any = true;
            out_ += fmt::format("<button type=\"button\" data-group=\"only\" data-value=\"pc-{0}\" aria-pressed=\"false\">{1} {0}</button>",
                                to_string(k), n);
        }
        out_ += "</div>\n<div class=\"toolbar\" role=\"toolbar\" aria-label=\"View and filters\">";
        out_ += "<span class=\"group-label\">View</span>"
                "<button type=\"button\" data-group=\"view\" data-value=\"inline\" aria-pressed=\"true\">Inline</button>"
                "<button type=\"button\" data-group=\"view\" data-value=\"side\" aria-pressed=\"false\">Side by side</button>"
                "<span class=\"group-label\">Show</span>"
                "<button type=\"button\" data-group=\"show\" data-value=\"all\" aria-pressed=\"true\">All changes</button>"
                "<button type=\"button\" data-group=\"show\" data-value=\"substantive\" aria-pressed=\"false\">Substantive only</button>"
                "<button type=\"button\" data-group=\"show\" data-value=\"provisions\" aria-pressed=\"false\">Provision changes only</button>"
                "<button type=\"button\" data-group=\"editorial\" aria-pressed=\"false\">Collapse editorial</button>"
                "<span class=\"keys\"><kbd>n</kbd> / <kbd>p</kbd> next / previous change</span>";
        out_ += "</div>\n";
        reader_notes_block();
        out_ += "</header>\n";
    }

    // What the readers noticed about the drafts (a running header removed, …).
    void reader_notes_block() {
        const auto notes = reader_notes(c_);
        if (notes.empty()) return;
        out_ += "<details class=\"reader-notes\" open=\"\"><summary>" +
                plural(static_cast<std::uint32_t>(notes.size()), "reader note", "reader notes") + "</summary><ul>";
        for (const ReaderNote& n : notes)
            out_ += "<li>" + esc_marked(fmt::format("{} draft, {}: {}", n.old_draft ? "Old" : "New", n.where, n.warning->message)) + "</li>";
        out_ += "</ul></details>\n";
    }

    // ---- Outline ----

    void outline() {
        out_ += "<nav class=\"outline\" aria-label=\"Outline\">\n<h2>Outline</h2>\n<ol>\n";
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            const ClauseEntry& e = c_.entries[i];
            const std::string num = number_of(e);
            out_ += fmt::format("<li class=\"k-{} depth-{}\"><a href=\"#{}\">", to_string(e.change), std::min(depth_of(e), 5u),
                                entry_anchor(i));
            if (!num.empty())
                out_ += fmt::format("<span class=\"badge k-{}{}\">{}</span>", to_string(e.change), e.editorial ? " editorial" : "", num);
            out_ += "<span class=\"nlabel\">" + esc_marked(label_of(e)) + "</span> <span class=\"ntitle\">" + esc_marked(title_of(e)) +
                    "</span>";
            if (e.change != ClauseChange::unchanged)
                out_ += fmt::format("<span class=\"visually-hidden\"> ({})</span>", to_string(e.change));
            out_ += "</a></li>\n";
        }
        out_ += "</ol>\n</nav>\n";
    }

    // ---- Provision changes section ----

    void provisions() {
        if (c_.provisions.empty() && c_.references.normative_removed.empty() && c_.references.normative_added.empty()) return;
        out_ += "<section class=\"provisions\" aria-labelledby=\"provisions-h\">\n<h2 id=\"provisions-h\">Provision changes</h2>\n";
        out_ += "<p class=\"legend\">Requirement (shall, MUST, 应) › recommendation (should, SHOULD, 宜) › permission (may, MAY, 可) "
                "› possibility (can, 能). Weakened: a lower force; strengthened: a higher one; negated: the polarity flipped "
                "(应 → 不应); reworded: same force, new wording; moved: the same provision in another clause. "
                "<q class=\"old\">Struck</q> is old wording, <q class=\"new\">underlined</q> new; "
                "<span class=\"pmark\">marks</span> stand before each changed provision in its clause.</p>\n";
        for (std::size_t p = 0; p < c_.provisions.size(); ++p) {
            const ProvisionChange& pc = c_.provisions[p];
            const std::size_t entry = pc.place().entry;
            const std::string place = provision_place(c_, pc);
            const std::string num = entry != none ? number_of(c_.entries[entry]) : std::string();
            out_ += fmt::format("<div class=\"pc pc-{}\"><a href=\"#{}\">{}{}</a> <span class=\"what\">{}</span>{}</div>\n",
                                to_string(pc.change), entry_anchor(entry), num.empty() ? "" : "<span class=\"cnum\">" + num + "</span> ",
                                esc_marked(place), esc_marked(describe(pc)), provision_quotes(pc));
        }
        for (const auto& r : c_.references.normative_removed)
            out_ += "<div class=\"pc pc-removed\"><span class=\"what\">normative reference removed</span>: " + esc_marked(r) + "</div>\n";
        for (const auto& r : c_.references.normative_added)
            out_ += "<div class=\"pc pc-added\"><span class=\"what\">normative reference added</span>: " + esc_marked(r) + "</div>\n";
        out_ += "</section>\n";
    }

    // ---- Clause entries ----

    // (offset within a run's text, mark), sorted by offset.
    using Marks = std::vector<std::pair<std::size_t, const SentenceMark*>>;

    void mark(const SentenceMark& m) {
        out_ += fmt::format("<span class=\"pmark {}\" role=\"note\">{}</span>", m.new_side ? "pm-new" : "pm-old", esc_marked(m.label));
    }

    // Writes text, putting each mark before the sentence that starts at its offset.
    void text_with_marks(std::string_view text, const Marks& marks, std::size_t first = 0) {
        std::size_t at = 0;
        for (std::size_t k = first; k < marks.size(); ++k) {
            escape_marked(out_, text.substr(at, marks[k].first - at));
            mark(*marks[k].second);
            at = marks[k].first;
        }
        escape_marked(out_, text.substr(at));
    }

    // The clause text as edit runs. Marks never split a run: the counts of <del> and <ins>
    // stay those of the report's edits.
    void edits(const std::vector<Edit>& list, bool replaced, const std::vector<SentenceMark>& marks = {}) {
        // Where each mark's sentence starts in the old and new texts the runs spell out.
        Marks old_marks, new_marks;
        for (const SentenceMark& m : marks) (m.new_side ? new_marks : old_marks).emplace_back(m.offset, &m);
        std::sort(old_marks.begin(), old_marks.end());
        std::sort(new_marks.begin(), new_marks.end());
        std::size_t old_pos = 0, new_pos = 0;
        for (const Edit& ed : list) {
            Marks here;
            auto take = [&](const Marks& from, std::size_t pos) {
                for (const auto& [offset, m] : from)
                    if (offset >= pos && offset < pos + ed.text.size()) here.emplace_back(offset - pos, m);
            };
            if (ed.op != EditOp::insert) take(old_marks, old_pos);
            if (ed.op != EditOp::remove) take(new_marks, new_pos);
            std::sort(here.begin(), here.end());
            if (ed.op != EditOp::insert) old_pos += ed.text.size();
            if (ed.op != EditOp::remove) new_pos += ed.text.size();
            const char* tag = ed.op == EditOp::remove ? "del" : ed.op == EditOp::insert ? "ins" : nullptr;
            if (!tag) {
                text_with_marks(ed.text, here);
                continue;
            }
            const bool block = replaced || ed.replaced;   // the whole text, or one rewritten block
            if (block) out_ += ed.op == EditOp::remove ? "<div class=\"replaced-old\">" : "<div class=\"replaced-new\">";
            // A sentence that starts the run is marked just before it, outside the deletion
            // or insertion (so that neither reads the mark as changed text).
            std::size_t inside = 0;
            for (; inside < here.size() && here[inside].first == 0; ++inside) mark(*here[inside].second);
            if (ed.moved) out_ += fmt::format("<{} class=\"mv{}\" title=\"moved inside the clause\">", tag, ed.editorial ? " ed" : "");
            else out_ += fmt::format("<{}{}>", tag, ed.editorial ? " class=\"ed\"" : "");
            text_with_marks(ed.text, here, inside);
            out_ += fmt::format("</{}>", tag);
            if (block) out_ += "</div>";
        }
    }

    void moved_stub(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        const ClauseId o = e.old_ids.front();
        out_ += fmt::format("<div class=\"moved-stub\" id=\"s{}\">{} {} moved to <a href=\"#{}\">{}</a></div>\n", i,
                            esc_marked(clause_name(*c_.old_doc, o)), esc_marked(c_.old_doc->title(o)), entry_anchor(i),
                            esc_marked(clause_names(*c_.new_doc, e.new_ids)));
    }

    void entry(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        const Document& od = *c_.old_doc;
        const Document& nd = *c_.new_doc;
        const std::uint32_t depth = depth_of(e);
        std::string cls = fmt::format("entry k-{} depth-{}", to_string(e.change), depth);
        if (e.number) cls += " substantive";
        if (e.editorial) cls += " editorial";
        for (ClauseChange a : e.also) cls += fmt::format(" also-{}", to_string(a));
        if (!pc_kinds_[i].empty()) cls += " has-provisions";
        for (const std::string& k : pc_kinds_[i]) cls += " " + k;
        out_ += fmt::format("<article class=\"{}\" id=\"{}\" tabindex=\"-1\" aria-labelledby=\"h{}\"", cls, entry_anchor(i), i);
        if (!e.old_ids.empty()) out_ += " data-old=\"" + esc(clause_names(od, e.old_ids)) + "\"";
        if (!e.new_ids.empty()) out_ += " data-new=\"" + esc(clause_names(nd, e.new_ids)) + "\"";
        out_ += ">\n";
        const unsigned level = std::min(depth + 2, 6u);
        out_ += fmt::format("<h{} class=\"head\" id=\"h{}\">", level, i);
        const std::string num = number_of(e);
        if (e.number) out_ += "<span class=\"cnum\">" + num + "</span> ";
        out_ += "<span class=\"label\">" + esc_marked(label_of(e)) + "</span> <span class=\"title\">" + esc_marked(title_of(e)) + "</span> ";
        out_ += fmt::format("<span class=\"badge k-{}\">{}</span>", to_string(e.change), to_string(e.change));
        for (ClauseChange a : e.also) out_ += fmt::format(" <span class=\"badge k-{0}\">{0}</span>", to_string(a));
        if (e.editorial) out_ += " <span class=\"badge editorial\">editorial</span>";
        out_ += fmt::format("</h{}>\n", level);

        std::string lines;
        if (!e.old_ids.empty()) lines += "old " + where(od, od[e.old_ids.front()].where);
        if (!e.new_ids.empty()) lines += std::string(lines.empty() ? "" : " · ") + "new " + where(nd, nd[e.new_ids.front()].where);
        out_ += "<p class=\"lines\">" + esc_marked(lines) + "</p>\n";
        if (e.is(ClauseChange::moved)) {
            const ClauseId o = e.old_ids.front();
            const ClauseId parent = od[o].parent;
            std::string from = clause_name(od, o);
            if (parent != no_clause && parent != od.root())
                from += " (under " + clause_name(od, parent) + " " + std::string(od.title(parent)) + ")";
            out_ += fmt::format("<p class=\"links\">Moved from {} — <a href=\"#s{}\">its old place</a></p>\n", esc_marked(from), i);
        }
        if (e.change == ClauseChange::split)
            out_ += "<p class=\"links\">Split: " + esc_marked(clause_names(od, e.old_ids)) + " became " +
                    esc_marked(clause_names(nd, e.new_ids)) + "</p>\n";
        if (e.change == ClauseChange::merged)
            out_ += "<p class=\"links\">Merged: " + esc_marked(clause_names(od, e.old_ids)) + " became " +
                    esc_marked(clause_names(nd, e.new_ids)) + "</p>\n";
        if (e.change == ClauseChange::reorganised)
            out_ += "<p class=\"links\">Reorganised: " + esc_marked(entry_links(c_, e)) + "</p>\n";
        if (!notes_[i].empty()) {
            out_ += "<ul class=\"notes\" aria-label=\"Provision changes in this clause\">";
            for (const std::string& n : notes_[i]) out_ += "<li>" + n + "</li>";
            out_ += "</ul>\n";
        }
        if (e.title_changed) {
            out_ += "<p class=\"title-edit\">Title: ";
            edits(e.title_edits, false);
            out_ += "</p>\n";
        }
        const Document& text_doc = e.new_ids.empty() ? od : nd;
        out_ += fmt::format("<div class=\"inline-body text\" lang=\"{}\">", lang_of(text_doc));
        if (!e.edits.empty()) {
            edits(e.edits, e.replaced, sentence_marks_[i]);
        } else {
            std::string text;
            for (ClauseId id : e.new_ids.empty() ? e.old_ids : e.new_ids) {
                if (!text.empty()) text += '\n';
                text += text_doc.own_text(id);
            }
            edits({{EditOp::equal, text, false}}, false, sentence_marks_[i]);
        }
        out_ += "</div>\n</article>\n";
    }

    void entries() {
        out_ += "<h2 class=\"visually-hidden\">Clauses</h2>\n";
        std::size_t run_start = none;  // an open run of unchanged entries
        std::size_t run_length = 0;
        auto close_run = [&] {
            if (run_start == none) return;
            run_start = none;
            out_ += "</details>\n";
        };
        auto stubs = [&](std::size_t at) {
            for (std::size_t m : stubs_after_[at]) {
                close_run();
                moved_stub(m);
            }
        };
        stubs(0);
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            const bool unchanged = c_.entries[i].change == ClauseChange::unchanged && notes_[i].empty();
            if (unchanged && run_start == none) {
                run_length = 0;
                for (std::size_t j = i; j < c_.entries.size() && c_.entries[j].change == ClauseChange::unchanged &&
                                        notes_[j].empty() && (j == i || stubs_after_[j].empty());
                     ++j)
                    ++run_length;
                run_start = i;
                out_ += "<details class=\"unchanged-run\"><summary>" + plural(static_cast<std::uint32_t>(run_length), "unchanged clause", "unchanged clauses") +
                        "</summary>\n";
            } else if (!unchanged) {
                close_run();
            }
            entry(i);
            if (run_start != none && i + 1 - run_start == run_length) close_run();
            stubs(i + 1);
        }
        close_run();
    }

    const Comparison& c_;
    const HtmlOptions& o_;
    std::string out_;
    std::vector<std::vector<std::string>> notes_;      // provision notes per entry (markup)
    std::vector<std::vector<SentenceMark>> sentence_marks_;  // provision sentences to mark, per entry
    std::vector<std::vector<std::string>> pc_kinds_;   // "pc-removed", … per entry
    std::vector<std::vector<std::size_t>> stubs_after_;  // moved entries whose old place is before entry i
};

}  // namespace

std::string write_redline_html(const Comparison& comparison, const HtmlOptions& options) {
    return Page(comparison, options).render();
}

}  // namespace redline::formats
