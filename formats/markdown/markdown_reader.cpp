// read_markdown: decides the style of a Markdown draft (see style.hpp) and builds its
// clause tree — kramdown-rfc and plain Markdown through cmark-gfm (sections.hpp), numbered
// texts through the line-based structure recogniser (formats/text/structure.hpp).
#include "engine/error.hpp"
#include "engine/text.hpp"
#include "formats/markdown/front_matter.hpp"
#include "formats/markdown/guard.hpp"
#include "formats/markdown/lines.hpp"
#include "formats/markdown/markdown_reader.hpp"
#include "formats/markdown/pieces.hpp"
#include "formats/markdown/sections.hpp"
#include "formats/markdown/style.hpp"
#include "formats/reader.hpp"
#include "formats/text/structure.hpp"

#include <string>
#include <vector>

namespace redline::formats {

namespace {

using namespace markdown;

// The input with the front matter's lines emptied (their line ends kept), so that the
// structure recogniser sees the body at its true line numbers and no YAML as text.
std::string without_front_matter(const SourceText& src, const FrontMatter& fm) {
    const std::string_view last = src.line(fm.close_line);
    const std::size_t body = static_cast<std::size_t>(last.data() + last.size() - src.text.data());
    std::string out;
    out.reserve(src.text.size());
    for (std::size_t i = 0; i < body; ++i)
        if (src.text[i] == '\n' || src.text[i] == '\r') out.push_back(src.text[i]);
    out.append(src.text.substr(body));
    return out;
}

// Takes `src` to free its line array, which the line-by-line reader does not use (16 bytes a
// line: a draft of one-word paragraphs has one every four bytes).
Document read_numbered(SourceText&& src, const FrontMatter& fm, const ReadOptions& options,
                       std::vector<Warning>& warnings) {
    const std::string stripped = fm.present ? without_front_matter(src, fm) : std::string();
    const std::string_view body = fm.present ? std::string_view(stripped) : src.text;
    std::vector<std::string_view>().swap(src.lines);
    Document doc = read_numbered_markdown(body, options);
    if (doc.info.title.empty() && fm.has_title) doc.info.title = fm.title;
    if (doc.info.identifier.empty() && fm.has_docname) doc.info.identifier = draft_identifier(fm.docname, options.path);
    doc.warnings.insert(doc.warnings.begin(), warnings.begin(), warnings.end());
    return doc;
}

std::string note_title(std::string_view name) {
    std::string title(name.starts_with("note_") ? name.substr(5) : name);
    for (char& c : title)
        if (c == '_') c = ' ';
    return title;
}

// One warning per kind of flattening, naming the first line, instead of one per line.
void report_guard_edits(const HardenedText& hardened, const std::vector<bool>& repaired,
                        std::vector<Warning>& warnings) {
    const auto& edits = hardened.edits();
    for (const auto kind : {GuardEdit::Kind::nesting, GuardEdit::Kind::table, GuardEdit::Kind::pipes,
                            GuardEdit::Kind::images}) {
        std::size_t count = 0;
        const GuardEdit* first = nullptr;
        for (std::size_t i = 0; i < edits.size(); ++i) {
            if (edits[i].kind != kind || repaired[i]) continue;
            if (count++ == 0) first = &edits[i];
        }
        if (count == 0) continue;
        const std::string where = std::to_string(count) + " line(s), first at line " + std::to_string(first->line);
        const std::string where_zh = "共 " + std::to_string(count) + " 行，首见于第 " + std::to_string(first->line) + " 行";
        std::string message;
        std::string zh;
        switch (kind) {
        case GuardEdit::Kind::nesting:
            message = "block quotes or list items nested deeper than " + std::to_string(max_line_nesting) +
                      " levels (or indented more than " + std::to_string(max_container_indent) + " columns) on " +
                      where + "; the deeper markers are read as text";
            zh = "引用块或列表项嵌套超过 " + std::to_string(max_line_nesting) + " 层（或缩进超过 " +
                 std::to_string(max_container_indent) + " 列），" + where_zh + "；更深的标记按正文读取";
            break;
        case GuardEdit::Kind::table:
            message = "tables too large for their text (" + std::to_string(first->detail) + " columns) on " + where +
                      "; they are read as text";
            zh = "表格相对其文字过大（" + std::to_string(first->detail) + " 列），" + where_zh + "；按正文读取";
            break;
        case GuardEdit::Kind::pipes:
            message = "rows of more than " + std::to_string(max_row_cells) + " cells on " + where +
                      "; the further '|' are read as text";
            zh = "表格行超过 " + std::to_string(max_row_cells) + " 个单元格，" + where_zh + "；其后的“|”按正文读取";
            break;
        case GuardEdit::Kind::images:
            message = "image markup in paragraphs too full of it on " + where + "; \"![\" is read as text";
            zh = "段落中图片标记过多，" + where_zh + "；“![”按正文读取";
            break;
        }
        warnings.push_back({SourceLocation{first->line, 0, 0}, std::move(message), std::move(zh)});
    }
}

Document read_structured(const SourceText& src, const FrontMatter& fm, bool kramdown,
                         const ReadOptions& options, std::size_t piece_bytes, std::uint32_t* pieces,
                         std::vector<Warning>& warnings) {
    const std::uint32_t body_first = fm.present ? fm.close_line + 1 : 1;
    const std::uint32_t count = src.line_count();
    std::vector<SectionMarker> markers;
    if (kramdown) markers = find_section_markers(src, fm.present && fm.closed_by_marker ? fm.close_line : body_first);

    std::vector<bool> is_marker(count + 1, false);
    for (const SectionMarker& m : markers) is_marker[m.line] = true;
    const HardenedText hardened(src, [&](std::uint32_t n) { return n < body_first || is_marker[n]; });

    DocumentBuilder out;
    out.reserve_text(src.text.size());
    SectionReader reader(src, hardened, out, kramdown, piece_bytes);
    if (!kramdown) {
        reader.read(body_first, count, SectionMode::plain);
    } else {
        bool has_middle = false;
        for (const SectionMarker& m : markers) has_middle = has_middle || m.name == "middle";
        // Text before the first marker: the body itself when there are no sections.
        const std::uint32_t preamble_end = markers.empty() ? count : markers.front().line - 1;
        reader.read(body_first, preamble_end, has_middle ? SectionMode::front : SectionMode::middle);
        for (std::size_t i = 0; i < markers.size(); ++i) {
            const SectionMarker& m = markers[i];
            const std::uint32_t last = i + 1 < markers.size() ? markers[i + 1].line - 1 : count;
            out.close_all();
            if (m.name == "middle") {
                reader.read(m.line + 1, last, SectionMode::middle);
            } else if (m.name == "back") {
                reader.restart_back_matter();
                reader.read(m.line + 1, last, SectionMode::back);
            } else {
                const bool abstract = m.name == "abstract";
                const ClauseId id = out.open(ClauseKind::front_matter, "", abstract ? std::string("Abstract") : note_title(m.name),
                                             SourceLocation{m.line, 0, 0});
                if (abstract) out.set_role(id, SectionRole::abstract);
                reader.read(m.line + 1, last, SectionMode::front);
            }
        }
    }
    out.close_all();

    Document& doc = out.document();
    if (fm.has_title)
        doc.info.title = fm.title;
    else if (!kramdown && reader.level_one_headings() == 1)
        doc.info.title = reader.first_level_one_title();
    if (fm.has_docname) doc.info.identifier = draft_identifier(fm.docname, options.path);

    const Language language =
        options.language != Language::unknown ? options.language : text::detect_language(reader.blocks().sample());
    doc.language = language;
    for (ClauseId id = 0; id < doc.size(); ++id) out.clause(id).language = language;

    if (pieces) *pieces = reader.pieces();
    report_guard_edits(hardened, reader.blocks().repaired(), warnings);
    doc.warnings.insert(doc.warnings.end(), warnings.begin(), warnings.end());
    return out.finish();
}

}  // namespace

namespace markdown {

Document read_markdown(std::string_view utf8, const ReadOptions& options, std::size_t piece_bytes,
                       std::uint32_t* pieces) {
    if (pieces) *pieces = 0;
    if (utf8.size() > max_input_bytes)
        throw InputError("", "input larger than " + std::to_string(max_input_bytes >> 20) + " MiB");
    SourceText src = split_lines(utf8);
    std::vector<Warning> warnings;
    const FrontMatter fm = read_front_matter(src, warnings);
    const Style style = detect_style(src, fm);
    if (style != Style::numbered && estimate_cmark_nodes(src) > max_cmark_nodes) {
        warnings.push_back({SourceLocation{1, 0, 0},
                            "too much Markdown markup to parse it as Markdown within memory bounds "
                            "(more than " + std::to_string(max_cmark_nodes) +
                                " lines and markup characters); the text is read line by line",
                            "Markdown 标记过多（行数与标记字符超过 " + std::to_string(max_cmark_nodes) +
                                "），无法在内存限度内按 Markdown 解析；按行读取"});
        return read_numbered(std::move(src), fm, options, warnings);
    }
    switch (style) {
    case Style::numbered: return read_numbered(std::move(src), fm, options, warnings);
    case Style::kramdown_rfc: return read_structured(src, fm, true, options, piece_bytes, pieces, warnings);
    case Style::plain: break;
    }
    return read_structured(src, fm, false, options, piece_bytes, pieces, warnings);
}

}  // namespace markdown

Document read_markdown(std::string_view utf8, const ReadOptions& options) {
    return markdown::read_markdown(utf8, options, markdown::default_piece_bytes);
}

}  // namespace redline::formats
