#include "formats/markdown/blocks.hpp"

#include "formats/markdown/lines.hpp"

#include "engine/text.hpp"
#include "engine/utf8.hpp"

#include <cmark-gfm-core-extensions.h>

#include <algorithm>
#include <cstring>

namespace redline::formats::markdown {

namespace {

struct IterFree {
    void operator()(cmark_iter* it) const { cmark_iter_free(it); }
};
using Iter = std::unique_ptr<cmark_iter, IterFree>;
using Ranges = std::vector<std::pair<std::size_t, std::size_t>>;

constexpr std::size_t sample_limit = text::language_sample_bytes;

std::string_view literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? std::string_view(s) : std::string_view();
}

bool starts_definition(std::string_view text) {
    return text.size() >= 2 && text[0] == ':' && (text[1] == ' ' || text[1] == '\t');
}

// The plain-text contribution of one inline node (its children are visited separately).
void append_inline(cmark_node* n, std::string& out, Ranges* code_spans) {
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT: out.append(literal(n)); break;
    case CMARK_NODE_CODE: {
        const std::size_t start = out.size();
        out.append(literal(n));
        if (code_spans) code_spans->push_back({start, out.size()});
        break;
    }
    case CMARK_NODE_SOFTBREAK: out.push_back(' '); break;
    case CMARK_NODE_LINEBREAK: out.push_back('\n'); break;
    case CMARK_NODE_LINK:
        // "[](https://…)": kramdown-rfc prints the target when the link has no text.
        if (!cmark_node_first_child(n)) {
            const char* url = cmark_node_get_url(n);
            if (url) out.append(url);
        }
        break;
    default: break;   // emphasis, strong, links, images: their children carry the text
    }
}

bool is_comment_only(std::string_view html) {
    html = trim(html);
    return html.starts_with("<!--") && html.ends_with("-->") &&
           html.find("-->") == html.size() - 3;
}

}  // namespace

BlockWriter::BlockWriter(DocumentBuilder& out, const HardenedText& source, bool kramdown)
    : out_(out), source_(source), kramdown_(kramdown), repaired_(source.edits().size(), false) {}

std::uint32_t BlockWriter::start_line(cmark_node* node) const {
    const int l = cmark_node_get_start_line(node);
    return l > 0 ? static_cast<std::uint32_t>(l) + line_offset_ : 0;
}

std::uint32_t BlockWriter::end_line(cmark_node* node) const {
    const int l = cmark_node_get_end_line(node);
    return l > 0 ? static_cast<std::uint32_t>(l) + line_offset_ : 0;
}

std::uint32_t BlockWriter::block_line(cmark_node* node) const {
    if (const std::uint32_t l = start_line(node)) return l;
    // The table extension splits the lines above a table's header off into a paragraph of
    // their own that has no position; the table node keeps the line where they start.
    for (cmark_node* s = cmark_node_next(node); s; s = cmark_node_next(s))
        if (const std::uint32_t l = start_line(s)) return l;
    for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
        if (const std::uint32_t l = start_line(p)) return l;
    return line_offset_ + 1;
}

void BlockWriter::add(BlockKind kind, std::string_view text, std::uint32_t line) {
    out_.add_block(kind, text, SourceLocation{line, 0, 0});
    if (kind != BlockKind::code) add_to_sample(text);
}

void BlockWriter::add_to_sample(std::string_view text) {
    if (sample_.size() >= sample_limit) return;
    // Cut at a character boundary: the sample goes to ICU-based detection.
    sample_.append(text.substr(0, text::char_boundary(text, sample_limit - sample_.size())));
    sample_.push_back('\n');
}

std::string BlockWriter::inline_text(cmark_node* node) const {
    std::string out;
    Iter it(cmark_iter_new(node));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it.get());
        if (ev == CMARK_EVENT_ENTER && n != node) append_inline(n, out, nullptr);
    }
    return std::string(trim(out));
}

bool BlockWriter::attribute_paragraph(cmark_node* node, Attributes& attrs) const {
    if (cmark_node_get_type(node) != CMARK_NODE_PARAGRAPH) return false;
    cmark_node* first = cmark_node_first_child(node);
    // Cheap test first: only a paragraph opening with "{:" can be an attribute list.
    if (!first || cmark_node_get_type(first) != CMARK_NODE_TEXT || !literal(first).starts_with("{:"))
        return false;
    return parse_attribute_lists(inline_text(node), attrs);
}

void BlockWriter::write(cmark_node* node) {
    Iter it(cmark_iter_new(node));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it.get());
        const cmark_node_type type = cmark_node_get_type(n);
        bool leaf = true;
        if (type == CMARK_NODE_PARAGRAPH) {
            paragraph(n);
        } else if (type == CMARK_NODE_HEADING) {
            // A heading inside a block quote or list item is not a section of the draft.
            std::string text = inline_text(n);
            emit(BlockKind::paragraph, std::move(text), block_line(n), {});
        } else if (type == CMARK_NODE_CODE_BLOCK) {
            int length = 0, offset = 0;
            char fence = 0;
            code(n, literal(n), cmark_node_get_fenced(n, &length, &offset, &fence) != 0);
        } else if (type == CMARK_NODE_HTML_BLOCK) {
            // Comments are the editors' notes to each other; no rendering of the draft shows them.
            if (!is_comment_only(literal(n))) code(n, literal(n), false);
        } else if (is_table(n)) {
            table(n);
        } else {
            leaf = false;   // document, block quote, list, item: their children follow
        }
        if (leaf && cmark_node_first_child(n)) cmark_iter_reset(it.get(), n, CMARK_EVENT_EXIT);
    }
}

void BlockWriter::paragraph(cmark_node* node) {
    Attributes attrs;
    if (kramdown_ && attribute_paragraph(node, attrs)) {
        if (!attrs.title.empty()) add(BlockKind::figure, attrs.title, block_line(node));
        return;
    }
    std::string text;
    Ranges code_spans;
    std::uint32_t breaks = 0;
    const std::uint32_t first_line = block_line(node);
    std::uint32_t line = first_line;
    bool definition = kramdown_;   // a paragraph opening with ": " is a definition
    Iter it(cmark_iter_new(node));
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(it.get());
        if (ev != CMARK_EVENT_ENTER || n == node) continue;
        const cmark_node_type type = cmark_node_get_type(n);
        if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) ++breaks;
        if (type == CMARK_NODE_HTML_INLINE) {
            const std::string_view html = literal(n);
            breaks += static_cast<std::uint32_t>(std::count(html.begin(), html.end(), '\n'));
            continue;
        }
        if (type == CMARK_NODE_SOFTBREAK && kramdown_ && cmark_node_parent(n) == node) {
            // "term\n: definition": kramdown's definition list; the definition is a block.
            cmark_node* next = cmark_node_next(n);
            if (next && cmark_node_get_type(next) == CMARK_NODE_TEXT && starts_definition(literal(next))) {
                emit(BlockKind::paragraph, std::move(text), line, code_spans);
                text.clear();
                code_spans.clear();
                line = first_line + breaks;
                definition = true;
                continue;
            }
        }
        if (definition && type == CMARK_NODE_TEXT && starts_definition(literal(n))) {
            std::string_view lit = literal(n).substr(1);
            while (!lit.empty() && (lit.front() == ' ' || lit.front() == '\t')) lit.remove_prefix(1);
            text.append(lit);
        } else {
            append_inline(n, text, &code_spans);
        }
        definition = false;
    }
    emit(BlockKind::paragraph, std::move(text), line, code_spans);
}

void BlockWriter::emit(BlockKind kind, std::string text, std::uint32_t line, const Ranges& code_spans) {
    if (kramdown_) {
        if (text.find("{:") != std::string::npos) text = strip_attribute_lists(text, code_spans);
        if (in_comment_ || text.find("{::comment}") != std::string::npos) text = remove_comments(text, in_comment_);
    }
    const std::string_view t = trim(text);
    if (!t.empty()) add(kind, t, line);
}

void BlockWriter::code(cmark_node* node, std::string_view lit, bool fenced) {
    std::string text = repair(lit, start_line(node) + (fenced ? 1 : 0));
    if (kramdown_ && in_comment_) text = remove_comments(text, in_comment_);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    if (is_blank(text) && text.find('\n') == std::string::npos) return;
    add(BlockKind::code, text, start_line(node));
}

std::string BlockWriter::repair(std::string_view lit, std::uint32_t first_line) {
    const auto& edits = source_.edits();
    if (edits.empty() || first_line == 0) return std::string(lit);
    const auto n_lines = static_cast<std::uint32_t>(std::count(lit.begin(), lit.end(), '\n')) + 1;
    const auto lo = std::lower_bound(edits.begin(), edits.end(), first_line,
                                     [](const GuardEdit& e, std::uint32_t v) { return e.line < v; });
    if (lo == edits.end() || lo->line >= first_line + n_lines) return std::string(lit);

    // The guard escaped characters on some of these lines; in code a '\' would show, so
    // each such line is taken from the original input instead. A code line is the tail of
    // its source line (container prefix and indentation removed), which locates it there.
    std::string out;
    out.reserve(lit.size());
    std::size_t pos = 0;
    for (std::uint32_t j = 0; j < n_lines; ++j) {
        std::size_t nl = lit.find('\n', pos);
        if (nl == std::string_view::npos) nl = lit.size();
        const std::string_view line = lit.substr(pos, nl - pos);
        const auto [first, last] = source_.edits_on(first_line + j);
        if (first != last && source_.line(first_line + j).ends_with(line)) {
            out.append(source_.original_tail(first_line + j, line));
            for (std::size_t e = first; e < last; ++e) repaired_[e] = true;
        } else {
            out.append(line);
        }
        if (nl < lit.size()) out.push_back('\n');
        pos = nl + 1;
    }
    return out;
}

void BlockWriter::table(cmark_node* node) {
    const std::size_t columns = cmark_gfm_extensions_get_table_columns(node);
    // The header row reports the line where the table's paragraph began, which is not the
    // header's when text lines precede it; the header is the line above the delimiter row,
    // which is above the first body row or, without one, the table's last line.
    std::uint32_t header_line = end_line(node) ? end_line(node) - 1 : block_line(node);
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        if (is_table_row(row) && !cmark_gfm_extensions_get_table_row_is_header(row) && start_line(row) > 1) {
            header_line = start_line(row) - 2;
            break;
        }
    }
    for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        if (!is_table_row(row)) continue;
        const std::uint32_t line = cmark_gfm_extensions_get_table_row_is_header(row) ? header_line
                                   : start_line(row)                                    ? start_line(row)
                                                                                        : block_line(node);
        std::vector<std::string> cells;
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
            cells.push_back(inline_text(cell));
        // GFM drops the cells of a row beyond the header's width; they are text of the
        // draft all the same, so they are taken from the source line as written.
        if (line != 0 && cells.size() == columns) {
            const std::vector<std::string_view> raw = split_table_row(source_.line(line));
            for (std::size_t i = columns; i < raw.size(); ++i) {
                // "\|" is an escaped pipe; one pass (erasing in place was quadratic).
                const std::string_view raw_cell = trim(raw[i]);
                std::string cell;
                cell.reserve(raw_cell.size());
                for (std::size_t p = 0; p < raw_cell.size(); ++p)
                    if (!(raw_cell[p] == '\\' && p + 1 < raw_cell.size() && raw_cell[p + 1] == '|')) cell += raw_cell[p];
                cells.push_back(std::move(cell));
            }
        }
        // cmark-gfm pads short rows to the header's width; the padding is not text.
        while (!cells.empty() && cells.back().empty()) cells.pop_back();
        Attributes attrs;
        if (kramdown_ && cells.size() == 1 && parse_attribute_lists(cells[0], attrs)) {
            // "{: #id title="…"}" under a table, read by GFM as one more row: the caption.
            if (!attrs.title.empty()) add(BlockKind::figure, attrs.title, line);
            continue;
        }
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) text.append(" | ");
            text.append(cells[i]);
        }
        emit(BlockKind::table_row, std::move(text), line, {});
    }
}

}  // namespace redline::formats::markdown
