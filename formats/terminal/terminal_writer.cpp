#include "formats/terminal/terminal_writer.hpp"

#include "formats/common/clause_names.hpp"
#include "formats/common/reader_notes.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

namespace redline::formats {

namespace {

// Everything of the drafts — text, labels, titles, paths, reader notes — goes through
// visible_text() on its way in: a draft's ESC or RLO must not act on the terminal. Only
// Style writes escape sequences.
struct Style {
    bool color;
    std::string on(EditOp op) const {
        if (!color) return op == EditOp::remove ? "[-" : op == EditOp::insert ? "{+" : "";
        return op == EditOp::remove ? "\x1b[31;9m" : op == EditOp::insert ? "\x1b[32;4m" : "";
    }
    std::string off(EditOp op) const {
        if (!color) return op == EditOp::remove ? "-]" : op == EditOp::insert ? "+}" : "";
        return op == EditOp::equal ? "" : "\x1b[0m";
    }
    std::string bold(std::string_view s) const { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }
    std::string dim(std::string_view s) const { return color ? fmt::format("\x1b[2m{}\x1b[0m", s) : std::string(s); }
};

// Long unchanged stretches inside a changed clause are cut to their first and last line
// (found without splitting the stretch into lines: it can be most of a draft).
std::string elide(const std::string& text) {
    const std::size_t first_end = text.find('\n');
    if (first_end == std::string::npos) return text;
    const std::size_t last_start = text.rfind('\n') + 1;
    // Five lines or more, that is four newlines, are elided.
    std::size_t newlines = 0;
    for (std::size_t at = first_end; at != std::string::npos && at < last_start && newlines < 4;
         at = text.find('\n', at + 1))
        ++newlines;
    if (newlines < 4) return text;
    return text.substr(0, first_end) + "\n…\n" + text.substr(last_start);
}

// Where a clause is, in the terms of its source: the line of a text draft, the paragraph of a
// Word file (its part named when it is not the body: a footnote's), the page of a PDF.
std::string place_of(const Document& d, ClauseId id) {
    const SourceLocation& w = d[id].where;
    if (w.page != 0) return fmt::format("page {}", w.page);
    if (w.part != 0) {
        const std::string& part = d.parts[w.part - 1];
        if (part == "word/document.xml") return fmt::format("paragraph {}", w.paragraph + 1);
        return fmt::format("{} paragraph {}", part, w.paragraph + 1);
    }
    return fmt::format("line {}", w.line);
}

std::string line_of(const Comparison& c, const ClauseEntry& e) {
    std::string out;
    if (!e.old_ids.empty()) out += "old " + place_of(*c.old_doc, e.old_ids.front());
    if (!e.new_ids.empty()) {
        if (!out.empty()) out += ", ";
        out += "new " + place_of(*c.new_doc, e.new_ids.front());
    }
    return out;
}

// Written edit by edit: the edits of one clause can be most of a comparison (a draft of short
// paragraphs without headings is one clause).
void render_edits(OutputSink& sink, const std::vector<Edit>& edits, const Style& st) {
    std::string& out = sink.text();
    // Indent every line of the clause text by four spaces.
    auto indented = [&out](std::string_view s) {
        for (char ch : s) {
            out += ch;
            if (ch == '\n') out += "    ";
        }
    };
    out += "    ";
    for (const Edit& e : edits) {
        indented(st.on(e.op));
        if (e.op == EditOp::equal) indented(visible_text(elide(e.text)));
        else if (find_hidden(e.text) == std::string_view::npos) indented(e.text);
        else indented(visible_text(e.text));
        indented(st.off(e.op));
        sink.written();
    }
    out += '\n';
}

// Provision changes come first: they are what a reader of a redline is looking for.
void render_provisions(OutputSink& sink, const Comparison& c, const Style& st) {
    std::string& out = sink.text();
    if (c.provisions.empty() && c.references.removed.empty() && c.references.added.empty()) return;
    out += '\n';
    out += st.bold("Provision changes");
    out += '\n';
    for (const ProvisionChange& p : c.provisions) {
        const Unit* ou = p.old_place.present() ? &c.old_unit(p) : nullptr;
        const Unit* nu = p.new_place.present() ? &c.new_unit(p) : nullptr;
        const Unit& main = c.unit(p);
        const std::string where = provision_place(c, p);
        std::string force(to_string(main.what.kind));
        if (ou && nu && ou->what.form != nu->what.form) force = fmt::format("{} → {}", ou->what.form.text(), nu->what.form.text());
        else force += " (" + main.what.form + ")";
        out += visible_text(fmt::format("  {:<12} {}  {}{}\n", to_string(p.change), where, force, p.also_moved ? ", moved" : ""));
        if (p.change == ProvisionChangeKind::moved) {
            out += "    " + visible_text(unit_text(*c.new_doc, *nu)) + "\n";
            continue;
        }
        if (ou) out += "    " + st.on(EditOp::remove) + visible_text(unit_text(*c.old_doc, *ou)) + st.off(EditOp::remove) + "\n";
        if (nu)
            out += "    " + st.on(EditOp::insert) + visible_text(unit_text(*c.new_doc, *nu)) + st.off(EditOp::insert) + "\n";
        for (const auto& r : p.references_removed) out += "    reference removed: " + visible_text(r) + "\n";
        for (const auto& r : p.references_added) out += "    reference added: " + visible_text(r) + "\n";
        sink.written();
    }
    for (const auto& r : c.references.normative_removed) out += "  normative reference removed: " + visible_text(r) + "\n";
    for (const auto& r : c.references.normative_added) out += "  normative reference added: " + visible_text(r) + "\n";
}

}  // namespace

void write_terminal(const Comparison& c, const TerminalOptions& options, OutputSink& sink) {
    const Style st{options.color};
    std::string& out = sink.text();
    out += st.bold(visible_text(fmt::format("redline: {} → {}", c.old_doc->info.path, c.new_doc->info.path))) + "\n";
    std::string counts;
    for (ClauseChange k : {ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved, ClauseChange::added,
                           ClauseChange::removed, ClauseChange::split, ClauseChange::merged, ClauseChange::reorganised,
                           ClauseChange::unchanged}) {
        const auto n = c.summary.counts[static_cast<int>(k)];
        if (n == 0) continue;
        if (!counts.empty()) counts += ", ";
        counts += fmt::format("{} {}", n, to_string(k));
    }
    out += "clauses: " + counts + "\n";
    // The counts above are the whole comparison's; under --only, say how much of it follows.
    if (!options.only.all) {
        std::size_t changed = 0, shown = 0;
        for (const ClauseEntry& e : c.entries) {
            if (e.change == ClauseChange::unchanged || (e.editorial && !options.show_editorial)) continue;
            ++changed;
            shown += options.only.shows(e);
        }
        out += fmt::format("showing {}{} of {} changed {} (--only {})\n", options.only.provisions ? "the provision changes and " : "",
                           shown, changed, changed == 1 ? "clause" : "clauses", chosen_kind_names(options.only));
    }
    if (options.only.shows_provisions()) render_provisions(sink, c, st);
    for (const ClauseEntry& e : c.entries) {
        if (!options.only.shows(e)) continue;
        if (e.editorial && !options.show_editorial) continue;
        const std::string id = e.number ? fmt::format("C{}", e.number) : std::string("ed.");
        const std::string labels = entry_display_name(c, e);
        std::string kind(to_string(e.change));
        for (ClauseChange a : e.also) kind += fmt::format(", {}", to_string(a));
        if (e.editorial) kind += ", editorial";
        out += '\n';
        out += st.bold(visible_text(fmt::format("{:<4} {} {}", id, labels, entry_display_title(c, e))));
        out += "  ";
        out += st.dim(fmt::format("[{}; {}]", kind, line_of(c, e)));
        out += '\n';
        if (e.change == ClauseChange::reorganised) out += "    " + st.dim(visible_text(entry_links(c, e))) + "\n";
        if (e.title_changed) {
            out += "    title: ";
            std::string t;
            for (const Edit& ed : e.title_edits) t += st.on(ed.op) + visible_text(ed.text) + st.off(ed.op);
            out += t + "\n";
        }
        if (!e.edits.empty() && !(e.change == ClauseChange::renumbered)) render_edits(sink, e.edits, st);
        sink.written();
    }
    // What the readers noticed comes last, where a reader who scrolled through looks.
    if (const auto notes = reader_notes(c); !notes.empty()) {
        out += '\n';
        out += st.bold("Reader notes");
        out += '\n';
        for (const ReaderNote& n : notes) {
            out += visible_text(fmt::format("  {} {}: {}\n", n.old_draft ? "old" : "new", n.where, n.warning->message));
            sink.written();
        }
    }
    sink.flush();
}

std::string write_terminal(const Comparison& c, const TerminalOptions& options) {
    StringSink sink;
    write_terminal(c, options, sink);
    return sink.release();
}

}  // namespace redline::formats
