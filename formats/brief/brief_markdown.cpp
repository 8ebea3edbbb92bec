// The brief as Markdown (GFM): removed words ~~struck~~, inserted words **bold**.
#include "formats/brief/brief.hpp"
#include "formats/brief/brief_text.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

namespace redline::formats {

namespace {

using namespace brief_text;

// Document text inside Markdown: characters that make inline markup or HTML are escaped
// (a draft's "<script>" stays text when the Markdown is rendered); the rest is left
// readable, since briefs are read as plain text as often as rendered.
std::string md(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

// Wraps each line of `t` in `marker`, tight against its text (GFM ignores "~~ x ~~"): a
// strike or bold never spans a paragraph break, which Markdown would not close.
std::string marked(std::string_view t, std::string_view marker) {
    std::string out;
    for (std::size_t start = 0;;) {
        const std::size_t nl = t.find('\n', start);
        std::string_view line = t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::size_t lead = 0;
        while (lead < line.size() && line[lead] == ' ') ++lead;
        std::string_view core = line.substr(lead);
        std::size_t trail = 0;
        while (trail < core.size() && core[core.size() - 1 - trail] == ' ') ++trail;
        core.remove_suffix(trail);
        if (core.empty()) out += line;
        else out += std::string(lead, ' ') + std::string(marker) + std::string(core) + std::string(marker) + std::string(trail, ' ');
        if (nl == std::string_view::npos) break;
        out += '\n';
        start = nl + 1;
    }
    return out;
}

std::string quote(std::span<const Edit> wording) {
    std::string body;
    for (const Edit& e : wording) {
        const std::string t = md(e.text);
        if (e.op == EditOp::remove) body += marked(t, "~~");
        else if (e.op == EditOp::insert) body += marked(t, "**");
        else body += t;
    }
    std::string out = "> ";
    for (char c : body) {
        if (c == '\n') out += "\n>\n> ";
        else out += c;
    }
    return out + "\n";
}

}  // namespace

void write_brief_markdown(const Brief& b, OutputSink& sink) {
    // Written piece by piece. Read as plain text as often as rendered: no control or
    // invisible character stays raw (each piece is whole characters, so shown as in the whole).
    std::string out;
    auto emit = [&] {
        append_visible(sink.text(), out);
        sink.written();
        out.clear();
    };
    out = "# " + md(title_line(b)) + "\n\n";
    if (!b.date.empty()) out += word(b, "Compared on ", "比较日期：") + b.date + word(b, " by redline.", "（redline）。") + "\n\n";
    out += "## " + word(b, "Summary", "概要") + "\n\n";
    out += "| " + word(b, "Category", "类别") + " | " + word(b, "Findings", "条数") + " |\n|---|---:|\n";
    for (const auto& [category, count] : summary_rows(b)) out += fmt::format("| {} | {} |\n", category, count);
    out += "\n";
    if (const std::string line = distribution_line(b); !line.empty()) out += md(line) + "\n\n";
    out += "## " + word(b, "Findings", "主要变化") + "\n\n";
    out += word(b, "~~Struck~~ words were removed, **bold** words were added.", "~~删除线~~为删除的文字，**粗体**为增加的文字。") + "\n\n";
    std::size_t n = 0;
    for (const BriefFinding& f : b.findings) {
        if (n == shown(b)) break;
        out += fmt::format("### {}. {}\n\n", ++n, md(f.headline));
        // Appended piece by piece: GCC 12 reports "*" + s + "*" as an overlapping copy at -O3.
        std::string meta = "*";
        meta += md(location(b, f));
        meta += '*';
        for (const std::string& w : f.watched) meta += " · **" + word(b, "watch: ", "关注：") + md(w) + "**";
        out += meta + "\n\n";
        if (!f.wording.empty()) out += quote(f.wording) + "\n";
        if (const std::string note = hidden_note(b, f); !note.empty()) out += "**" + md(note) + "**\n\n";
        if (!f.items_removed.empty()) {
            out += word(b, "Removed:", "删除：") + "\n\n";
            for (const auto& s : f.items_removed) out += "- ~~" + md(s) + "~~\n";
            out += "\n";
        }
        if (!f.items_added.empty()) {
            out += word(b, "Added:", "增加：") + "\n\n";
            for (const auto& s : f.items_added) out += "- **" + md(s) + "**\n";
            out += "\n";
        }
        if (!f.references_removed.empty() || !f.references_added.empty()) {
            std::string refs;
            for (const auto& r : f.references_removed) refs += (refs.empty() ? "" : "; ") + word(b, "removed ", "删除 ") + md(r);
            for (const auto& r : f.references_added) refs += (refs.empty() ? "" : "; ") + word(b, "added ", "增加 ") + md(r);
            out += word(b, "References: ", "引用文件：") + refs + "\n\n";
        }
    }
    if (b.order.empty()) out += word(b, "No substantive changes.", "无实质性变化。") + "\n\n";
    if (shown(b) < b.order.size()) {
        out += "## " + md(other_findings_heading(b)) + "\n\n";
        auto row = [&](const std::vector<std::string>& cells) {
            out += "|";
            for (const std::string& cell : cells) {  // piece by piece, as the meta line above
                out += ' ';
                out += md(cell);
                out += " |";
            }
        };
        row(other_findings_header(b));
        out += "\n|---:|---|---|\n";
        emit();
        for (std::size_t k = shown(b); k < b.order.size(); ++k) {
            row(other_findings_row(b, k));
            out += "\n";
            emit();
        }
        out += "\n";
    }
    if (const auto notes = reader_note_lines(b); !notes.empty()) {
        out += "## " + reader_notes_heading(b) + "\n\n";
        for (const std::string& n : notes) out += "- " + md(n) + "\n";
        out += "\n";
    }
    if (!b.renumbering.empty()) {
        out += "## " + word(b, "Appendix: renumbered and moved clauses", "附：重新编号和移动的条款") + "\n\n";
        const auto rows = renumbering_rows(b);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out += "|";
            for (const std::string& cell : rows[r]) {
                if (r == 0 && cell.empty()) {
                    out += " |";
                    continue;
                }
                out += ' ';
                out += md(cell);
                out += " |";
            }
            out += r == 0 ? "\n|---|---|---|---|\n" : "\n";
        }
        out += "\n";
    }
    emit();
    sink.flush();
}

std::string write_brief_markdown(const Brief& b) {
    StringSink sink;
    write_brief_markdown(b, sink);
    return sink.release();
}

}  // namespace redline::formats
