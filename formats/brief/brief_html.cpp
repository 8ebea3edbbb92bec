// The brief as one self-contained HTML page: no script at all (its Content-Security-Policy
// forbids any), an inline SVG chart of where the changes are, the redline page's colours.
#include "formats/brief/brief.hpp"
#include "formats/brief/brief_text.hpp"
#include "formats/common/html_escape.hpp"
#include "formats/common/utf8_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace redline::formats {

namespace {

using namespace brief_text;

constexpr const char* css = R"css(
:root { color-scheme: light dark; --fg: #1f2328; --bg: #fff; --muted: #59636e; --line: #d1d9e0;
  --del-fg: #82071e; --del-bg: #ffebe9; --ins-fg: #055d20; --ins-bg: #dafbe1; --accent: #0969da; --warn-bg: #fff8c5;
  font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC",
    "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
  --del-fg: #ffdcd7; --del-bg: #67060c; --ins-fg: #aff5b4; --ins-bg: #033a16; --accent: #4493f8; --warn-bg: #3b2e00; } }
body { margin: 0 auto; max-width: 52rem; padding: 1.5rem; color: var(--fg); background: var(--bg); line-height: 1.6; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
.meta { color: var(--muted); font-size: .875rem; margin: 0 0 .5rem; }
.watch { background: var(--warn-bg); border-radius: 4px; padding: 0 .375rem; font-weight: 600; color: var(--fg); }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); white-space: pre-wrap; }
del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; }
ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: underline; }
.hidden-note { background: var(--warn-bg); border-radius: 4px; padding: .125rem .5rem; font-weight: 600; }
.hidden-char { unicode-bidi: isolate; direction: ltr; font-family: ui-monospace, monospace; font-size: .8em; padding: 0 .15em;
  border-radius: 3px; background: var(--warn-bg); outline: 1px solid var(--muted); }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .2rem .6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg text { fill: var(--fg); font-size: 12px; }
.k-modified { fill: #0969da; } .k-added { fill: #1a7f37; } .k-removed { fill: #cf222e; } .k-moved { fill: #9a6700; }
.legend span { display: inline-block; width: .8em; height: .8em; margin: 0 .25em 0 .75em; vertical-align: middle; }
.legend .k-modified { background: #0969da; } .legend .k-added { background: #1a7f37; }
.legend .k-removed { background: #cf222e; } .legend .k-moved { background: #9a6700; }
@media print { body { max-width: none; } del, ins, .watch, .hidden-char { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
)css";

std::string quote(const BriefFinding& f) {
    std::string out = fmt::format("<blockquote lang=\"{}\">", f.quote_lang.empty() ? "en" : f.quote_lang);
    for (const Edit& e : f.wording) {
        if (e.op == EditOp::remove) out += "<del>" + esc_marked(e.text) + "</del>";
        else if (e.op == EditOp::insert) out += "<ins>" + esc_marked(e.text) + "</ins>";
        else out += esc_marked(e.text);
    }
    return out + "</blockquote>\n";
}

// One stacked bar per top-level clause: modified, added, removed, moved.
std::string svg_chart(const Brief& b) {
    if (b.chart.empty()) return {};
    std::uint32_t max = 1;
    for (const ChartBar& bar : b.chart) max = std::max(max, bar.total());
    const int row = 22, label_w = 150, bar_w = 420, height = row * static_cast<int>(b.chart.size()) + 4;
    std::string out = fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
                                  "aria-label=\"{}\">",
                                  label_w + bar_w + 40, height, label_w + bar_w + 40, height,
                                  esc(word(b, "Substantive changes per top-level clause", "各章的实质性变化")));
    int y = 2;
    for (const ChartBar& bar : b.chart) {
        const std::string name = chart_name(b, bar);
        out += fmt::format("<text x=\"0\" y=\"{}\">{}</text>", y + 14, esc(excerpt(name, 20)));
        double x = label_w;
        const std::pair<std::uint32_t, const char*> parts[] = {
            {bar.modified, "k-modified"}, {bar.added, "k-added"}, {bar.removed, "k-removed"}, {bar.moved, "k-moved"}};
        for (const auto& [n, cls] : parts) {
            if (!n) continue;
            const double w = static_cast<double>(bar_w) * n / max;
            out += fmt::format("<rect class=\"{}\" x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{} {}</title></rect>", cls, x, y + 3,
                               w, row - 8, n, cls + 2);
            x += w;
        }
        out += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>", x + 4, y + 14, bar.total());
        y += row;
    }
    out += "</svg>\n";
    out += "<p class=\"legend\"><span class=\"k-modified\"></span>" + word(b, "modified", "修改") + "<span class=\"k-added\"></span>" +
           word(b, "added", "增加") + "<span class=\"k-removed\"></span>" + word(b, "removed", "删除") +
           "<span class=\"k-moved\"></span>" + word(b, "moved", "移动") + "</p>\n";
    return out;
}

}  // namespace

void write_brief_html(const Brief& b, OutputSink& sink) {
    std::string out;   // written piece by piece
    auto emit = [&] {
        sink.append(out);
        out.clear();
    };
    out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n", zh(b) ? "zh" : "en");
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\"/>\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"redline\"/>\n";
    out += "<title>" + esc(title_line(b)) + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n";
    out += "<header><h1>" + esc_marked(title_line(b)) + "</h1>\n";
    if (!b.date.empty()) out += "<p class=\"meta\">" + esc_marked(word(b, "Compared on ", "比较日期：") + b.date) + "</p>\n";
    out += "</header>\n<main>\n<section aria-labelledby=\"summary\"><h2 id=\"summary\">" + esc_marked(word(b, "Summary", "概要")) + "</h2>\n<table>\n";
    out += "<tr><th>" + esc_marked(word(b, "Category", "类别")) + "</th><th>" + esc_marked(word(b, "Findings", "条数")) + "</th></tr>\n";
    for (const auto& [category, count] : summary_rows(b))
        out += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", esc_marked(category), count);
    out += "</table>\n";
    out += svg_chart(b);
    if (const std::string line = distribution_line(b); !line.empty()) out += "<p class=\"meta\">" + esc_marked(line) + "</p>\n";
    out += "</section>\n<section aria-labelledby=\"findings\"><h2 id=\"findings\">" + esc_marked(word(b, "Findings", "主要变化")) + "</h2>\n";
    std::size_t n = 0;
    for (const BriefFinding& f : b.findings) {
        if (n == shown(b)) break;
        out += fmt::format("<article class=\"finding\" id=\"f{}\"><h3>{}. {}</h3>\n", n + 1, n + 1, esc_marked(f.headline));
        ++n;
        out += "<p class=\"meta\">" + esc_marked(location(b, f));
        for (const std::string& w : f.watched) out += " <span class=\"watch\">" + esc_marked(word(b, "watch: ", "关注：") + w) + "</span>";
        out += "</p>\n";
        if (!f.wording.empty()) out += quote(f);
        if (const std::string note = hidden_note(b, f); !note.empty()) out += "<p class=\"hidden-note\">" + esc_marked(note) + "</p>\n";
        if (!f.items_removed.empty() || !f.items_added.empty()) {
            out += "<ul>";
            for (const auto& s : f.items_removed) out += "<li><del>" + esc_marked(s) + "</del></li>";
            for (const auto& s : f.items_added) out += "<li><ins>" + esc_marked(s) + "</ins></li>";
            out += "</ul>\n";
        }
        if (!f.references_removed.empty() || !f.references_added.empty()) {
            out += "<p class=\"meta\">" + esc_marked(word(b, "References: ", "引用文件："));
            for (const auto& r : f.references_removed) out += "<del>" + esc_marked(r) + "</del> ";
            for (const auto& r : f.references_added) out += "<ins>" + esc_marked(r) + "</ins> ";
            out += "</p>\n";
        }
        out += "</article>\n";
    }
    if (b.order.empty()) out += "<p>" + esc_marked(word(b, "No substantive changes.", "无实质性变化。")) + "</p>\n";
    out += "</section>\n";
    if (shown(b) < b.order.size()) {
        out += "<section aria-labelledby=\"other-findings\"><h2 id=\"other-findings\">" + esc_marked(other_findings_heading(b)) + "</h2>\n<table>\n";
        auto row = [&](const std::vector<std::string>& cells, bool header) {
            out += "<tr>";
            const char* tag = header ? "th" : "td";
            for (std::size_t k = 0; k < cells.size(); ++k)
                out += fmt::format("<{0}{2}>{1}</{0}>", tag, esc_marked(cells[k]), !header && k == 0 ? " class=\"n\"" : "");
            out += "</tr>\n";
        };
        row(other_findings_header(b), true);
        emit();
        for (std::size_t k = shown(b); k < b.order.size(); ++k) {
            row(other_findings_row(b, k), false);
            emit();
        }
        out += "</table>\n</section>\n";
    }
    if (const auto notes = reader_note_lines(b); !notes.empty()) {
        out += "<section aria-labelledby=\"reader-notes\"><h2 id=\"reader-notes\">" + esc_marked(reader_notes_heading(b)) + "</h2>\n<ul>\n";
        for (const std::string& n : notes) out += "<li>" + esc_marked(n) + "</li>\n";
        out += "</ul>\n</section>\n";
    }
    if (!b.renumbering.empty()) {
        out += "<section aria-labelledby=\"renumbering\"><h2 id=\"renumbering\">" +
               esc_marked(word(b, "Appendix: renumbered and moved clauses", "附：重新编号和移动的条款")) + "</h2>\n<table>\n";
        const auto rows = renumbering_rows(b);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out += "<tr>";
            const char* tag = r == 0 ? "th" : "td";
            for (const std::string& cell : rows[r]) out += fmt::format("<{0}>{1}</{0}>", tag, esc_marked(cell));
            out += "</tr>\n";
        }
        out += "</table>\n</section>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    emit();
    sink.flush();
}

std::string write_brief_html(const Brief& b) {
    StringSink sink;
    write_brief_html(b, sink);
    return sink.release();
}

}  // namespace redline::formats
