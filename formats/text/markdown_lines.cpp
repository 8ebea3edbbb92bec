// read_numbered_markdown: Markdown whose structure is carried by the numbers in its text.
// Each physical line becomes one SourceLine (keeping its line number); Markdown syntax is
// removed or turned into hints, and the structure recogniser does the rest.
#include "formats/reader.hpp"
#include "formats/text/html_table.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/structure.hpp"

#include "engine/text.hpp"

#include <cctype>
#include <deque>
#include <string>
#include <vector>

namespace redline::formats {

namespace {

// The position of the next `ch` at or after a position, remembered so that a line with
// many openers and few closers is still scanned once.
class NextOf {
public:
    NextOf(std::string_view s, char ch) : s_(s), ch_(ch) {}
    std::size_t from(std::size_t i) {
        if (none_) return std::string_view::npos;
        if (known_ && pos_ >= i) return pos_;
        pos_ = s_.find(ch_, i);
        known_ = true;
        if (pos_ == std::string_view::npos) none_ = true;
        return pos_;
    }

private:
    std::string_view s_;
    char ch_;
    std::size_t pos_ = 0;
    bool known_ = false, none_ = false;
};

bool is_ascii_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool is_ascii_space(char c) { return c == ' ' || c == '\t'; }

// ASCII case-insensitive search for a tag such as "<table" ("<TABLE", "<Table").
std::size_t find_tag(std::string_view s, std::string_view tag) {
    for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1))
        if (text::starts_with_ci(s.substr(i), tag)) return i;
    return std::string_view::npos;
}

// HTML elements that only wrap or decorate text in conversions; other tags (such as the
// "<CRI>…</CRI>" of an XML example) are text of the draft and stay.
bool is_wrapper_tag(std::string_view name) {
    static constexpr std::string_view names[] = {"div", "span", "img", "p", "br", "center", "font", "b", "i", "u",
                                                 "sup", "sub", "strong", "em", "a", "figure", "figcaption", "hr",
                                                 "tbody", "thead", "html", "body"};
    for (auto n : names)
        if (text::equals_ci(name, n)) return true;
    return false;
}

// Markdown inline syntax to plain text: emphasis markers, links (text kept), images
// (dropped), code-span backticks, backslash escapes, wrapper tags, common entities.
std::string inline_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    NextOf rbracket(s, ']'), rparen(s, ')'), gt(s, '>');
    const std::size_t n = s.size();
    auto is_space_or_none = [&](std::size_t j) { return j >= n || is_ascii_space(s[j]); };
    for (std::size_t i = 0; i < n;) {
        const char c = s[i];
        if (c == '\\' && i + 1 < n && is_ascii_punct(s[i + 1])) {
            out += s[i + 1];
            i += 2;
            continue;
        }
        if (c == '\\' && i + 1 == n) break;  // a hard line break
        if (c == '`') {
            ++i;
            continue;
        }
        if (c == '*' || c == '_') {
            std::size_t r = i;
            while (r < n && s[r] == c) ++r;
            const std::size_t run = r - i;
            const bool prev_space = out.empty() || is_ascii_space(out.back());
            const bool prev_word = !out.empty() && std::isalnum(static_cast<unsigned char>(out.back()));
            const bool next_space = is_space_or_none(r);
            const bool next_word = r < n && std::isalnum(static_cast<unsigned char>(s[r]));
            bool marker;
            if (c == '_') marker = run >= 2 && !(prev_word && next_word);  // snake_case stays
            else marker = run >= 2 || (prev_space && !next_space) || (!prev_space && (next_space || !next_word));
            if (!marker) out.append(s.substr(i, run));
            i = r;
            continue;
        }
        if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) {
            const bool image = c == '!';
            const std::size_t open = image ? i + 1 : i;
            const std::size_t close = rbracket.from(open + 1);
            if (close != std::string_view::npos && close + 1 < n && s[close + 1] == '(') {
                const std::size_t end = rparen.from(close + 2);
                if (end != std::string_view::npos) {
                    if (!image) out += inline_text(s.substr(open + 1, close - open - 1));
                    i = end + 1;
                    continue;
                }
            }
            out += c;
            ++i;
            continue;
        }
        if (c == '<') {
            std::size_t j = i + 1;
            if (j < n && s[j] == '/') ++j;
            const std::size_t name_begin = j;
            while (j < n && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
            const std::string_view name = s.substr(name_begin, j - name_begin);
            const std::size_t close = gt.from(j);
            if (close != std::string_view::npos && (j < n && (s[j] == '>' || s[j] == ' ' || s[j] == '/')) &&
                is_wrapper_tag(name)) {
                i = close + 1;
                continue;
            }
            if (close != std::string_view::npos && (scan::starts_with(s.substr(i + 1), "http://") ||
                                                    scan::starts_with(s.substr(i + 1), "https://"))) {
                out.append(s.substr(i + 1, close - i - 1));
                i = close + 1;
                continue;
            }
            out += c;
            ++i;
            continue;
        }
        if (c == '&') {
            static constexpr std::pair<std::string_view, std::string_view> entities[] = {
                {"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
            bool done = false;
            for (const auto& [e, v] : entities) {
                if (scan::starts_with(s.substr(i), e)) {
                    out.append(v);
                    i += e.size();
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out += c;
        ++i;
    }
    return out;
}

bool needs_inline(std::string_view s) { return s.find_first_of("*_`[<\\&") != std::string_view::npos; }

// "---", "***", "___", "- - -": a thematic break, which in a conversion marks a page break.
bool is_thematic_break(std::string_view t) {
    char mark = 0;
    int count = 0;
    for (char c : t) {
        if (c == ' ' || c == '\t') continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (mark == 0) mark = c;
        if (c != mark) return false;
        ++count;
    }
    return count >= 3;
}

// The length of a list marker with its following space ("- ", "* ", "+ ", "12. ", "3) ").
std::size_t list_marker_length(std::string_view t) {
    if (t.size() >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && is_ascii_space(t[1])) return 1;
    std::size_t i = 0;
    while (i < t.size() && i < 9 && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i > 0 && i + 1 < t.size() && (t[i] == '.' || t[i] == ')') && is_ascii_space(t[i + 1])) return i + 1;
    return 0;
}

// "|---|:---:|": the delimiter row under a GFM table's header.
bool is_delimiter_row(std::string_view t) {
    bool dash = false, bar = false;
    for (char c : t) {
        if (c == '-') dash = true;
        else if (c == '|') bar = true;
        else if (c != ':' && c != ' ' && c != '\t') return false;
    }
    return dash && bar;
}

// The cells of a GFM table row, inline syntax removed, joined by " | ".
std::string pipe_row(std::string_view t) {
    t = scan::trim(t);
    if (!t.empty() && t.front() == '|') t.remove_prefix(1);
    if (!t.empty() && t.back() == '|' && (t.size() < 2 || t[t.size() - 2] != '\\')) t.remove_suffix(1);
    std::string out, cell;
    auto push = [&] {
        if (!out.empty()) out += " | ";
        out += text::fold_space(inline_text(scan::trim(cell)));
        cell.clear();
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
            cell += '|';
            ++i;
        } else if (t[i] == '|') {
            push();
        } else {
            cell += t[i];
        }
    }
    push();
    return out;
}

class Converter {
public:
    explicit Converter(std::string_view src) : src_(src) {}

    void run() {
        split();
        std::size_t first = front_matter();
        // One line out per line in, nearly always (a table or a comment inside a line can make
        // two): reserved rather than doubled, which held up to three times the array at once.
        lines.reserve(physical_.size() - first);
        for (std::size_t k = first; k < physical_.size(); ++k) line(static_cast<std::uint32_t>(k + 1), physical_[k]);
        if (table_open_) finish_table(static_cast<std::uint32_t>(physical_.size()), {});  // unclosed at the end
        std::vector<std::string_view>().swap(physical_);   // 16 bytes a line, not needed while the structure is built
    }

    std::vector<SourceLine> lines;
    std::string yaml_title;

private:
    void split() { physical_ = text::split_lines(src_); }

    // YAML front matter ("---" on line 1 up to "---" or "..."): metadata, not text; its
    // title is kept for DocumentInfo. Returns the index of the first line after it.
    std::size_t front_matter() {
        if (physical_.size() < 2 || scan::trim_right(physical_[0]) != "---") return 0;
        // A "---" that opens a page rather than metadata: its next line is no "key:".
        const std::string_view first = physical_[1];
        std::size_t k0 = 0;
        while (k0 < first.size() && (std::isalnum(static_cast<unsigned char>(first[k0])) || first[k0] == '_' ||
                                     first[k0] == '-'))
            ++k0;
        if (k0 == 0 || k0 >= first.size() || first[k0] != ':') return 0;
        for (std::size_t k = 1; k < physical_.size() && k < 1000; ++k) {
            const std::string_view t = scan::trim_right(physical_[k]);
            if (t == "---" || t == "...") {
                for (std::size_t j = 1; j < k; ++j) {
                    std::string_view l = physical_[j];
                    if (!scan::starts_with(l, "title:")) continue;
                    std::string_view v = scan::trim(l.substr(6));
                    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
                        v = v.substr(1, v.size() - 2);
                    yaml_title = std::string(v);
                }
                return k + 1;
            }
        }
        return 0;
    }

    std::string_view keep(std::string s) {
        store_.push_back(std::move(s));
        return store_.back();
    }

    void emit(std::uint32_t n, std::string_view text, LineHint hint, std::uint8_t level = 0, bool item = false) {
        SourceLine l;
        l.text = text;
        l.line = n;
        l.hint = hint;
        l.level = level;
        l.list_item = item;
        lines.push_back(l);
    }

    // HTML comments are removed. As in CommonMark, only a comment that starts a line may
    // run on over the following lines; inside a line an unclosed "<!--" is text.
    std::string_view without_comments(std::string_view s) {
        if (in_comment_) {
            const std::size_t e = s.find("-->");
            if (e == std::string_view::npos) return {};
            in_comment_ = false;
            s = s.substr(e + 3);
        }
        if (s.find("<!--") == std::string_view::npos) return s;
        std::string out;
        std::size_t i = 0;
        while (i < s.size()) {
            const std::size_t b = s.find("<!--", i);
            if (b == std::string_view::npos) break;
            const std::size_t e = s.find("-->", b + 4);
            if (e == std::string_view::npos) {
                if (scan::is_blank(s.substr(0, b))) {
                    in_comment_ = true;
                    return keep(std::move(out));
                }
                break;
            }
            out.append(s.substr(i, b - i));
            i = e + 3;
        }
        out.append(s.substr(i));
        return keep(std::move(out));
    }

    // Emits the rows of the collected table; returns what followed "</table>" on its line.
    std::string_view finish_table(std::uint32_t end_line, std::string_view after) {
        table_open_ = false;
        const std::vector<html::Row> rows = html::table_rows(table_html_);
        if (rows.empty()) {
            std::string text = html::strip_tags(table_html_);
            if (!scan::is_blank(text)) emit(table_line_, keep(std::move(text)), LineHint::none);
        }
        for (const html::Row& r : rows) {
            const std::uint32_t line = std::min(end_line, table_line_ + r.line - 1);
            emit(line, keep(r.text), LineHint::table_row);
        }
        table_html_.clear();
        return after;
    }

    void line(std::uint32_t n, std::string_view raw) {
        if (fence_) {
            const std::string_view t = scan::trim(raw);
            std::size_t run = 0;
            while (run < t.size() && t[run] == fence_) ++run;
            if (run >= fence_len_ && scan::is_blank(t.substr(run))) {
                fence_ = 0;
                return;
            }
            emit(n, raw, LineHint::code);
            return;
        }
        std::string_view s = without_comments(raw);
        if (table_open_) {
            if (scan::is_blank(s)) {
                finish_table(n - 1, {});
                emit(n, {}, LineHint::blank);
                return;
            }
            const std::size_t e = find_tag(s, "</table>");
            table_html_ += '\n';
            if (e == std::string_view::npos) {
                table_html_.append(s);
                return;
            }
            table_html_.append(s.substr(0, e + 8));
            const std::string_view after = finish_table(n, s.substr(e + 8));
            if (!scan::is_blank(after)) text_line(n, after);
            return;
        }
        if (scan::is_blank(s)) {
            pipe_table_ = false;
            emit(n, {}, LineHint::blank);
            return;
        }
        const std::string_view t = scan::trim(s);
        if (pipe_table_) {
            if (is_delimiter_row(t)) return;
            if (t.find('|') != std::string_view::npos) {
                emit(n, keep(pipe_row(t)), LineHint::table_row);
                return;
            }
            pipe_table_ = false;
        }
        if (t.find('|') != std::string_view::npos && n < physical_.size() &&
            is_delimiter_row(scan::trim(physical_[n]))) {
            pipe_table_ = true;
            emit(n, keep(pipe_row(t)), LineHint::table_row);
            return;
        }
        if (t.size() >= 3 && (scan::starts_with(t, "```") || scan::starts_with(t, "~~~"))) {
            fence_ = t[0];
            fence_len_ = 0;
            while (fence_len_ < t.size() && t[fence_len_] == fence_) ++fence_len_;
            return;
        }
        if (is_thematic_break(t)) {
            emit(n, {}, LineHint::page_break);
            return;
        }
        if (t.find_first_not_of('=') == std::string_view::npos && !lines.empty() && lines.back().line == n - 1 &&
            lines.back().hint == LineHint::none && !lines.back().list_item) {
            lines.back().hint = LineHint::heading;  // a setext heading underline
            lines.back().level = 1;
            return;
        }
        text_line(n, s);
    }

    // HTML tables on this line are parsed one after another (a loop, not recursion: a
    // hostile line may hold a million of them); past max_tables the markup stays text.
    void text_line(std::uint32_t n, std::string_view s) {
        while (tables_ < max_tables) {
            const std::size_t p = find_tag(s, "<table");
            if (p == std::string_view::npos) break;
            if (!scan::is_blank(s.substr(0, p))) plain_line(n, s.substr(0, p));
            ++tables_;
            table_open_ = true;
            table_line_ = n;
            const std::string_view rest = s.substr(p);
            const std::size_t e = find_tag(rest, "</table>");
            if (e == std::string_view::npos) {
                table_html_.assign(rest);
                return;
            }
            table_html_.assign(rest.substr(0, e + 8));
            s = finish_table(n, rest.substr(e + 8));
            if (scan::is_blank(s)) return;
        }
        plain_line(n, s);
    }

    void plain_line(std::uint32_t n, std::string_view s) {
        std::string_view t = scan::trim(s);
        while (!t.empty() && t[0] == '>') t = scan::trim(t.substr(1));  // block quotes
        LineHint hint = LineHint::none;
        std::uint8_t level = 0;
        if (!t.empty() && t[0] == '#') {
            std::size_t h = 0;
            while (h < t.size() && t[h] == '#') ++h;
            if (h <= 6 && (h == t.size() || is_ascii_space(t[h]))) {
                hint = LineHint::heading;
                level = static_cast<std::uint8_t>(h);
                t = scan::trim(t.substr(h));
                // closing sequence "## Title ##" and a kramdown anchor "{#id}"
                if (!t.empty() && t.back() == '}') {
                    if (const std::size_t a = t.rfind("{#"); a != std::string_view::npos) t = scan::trim(t.substr(0, a));
                }
                std::size_t e = t.size();
                while (e > 0 && t[e - 1] == '#') --e;
                if (e < t.size() && (e == 0 || is_ascii_space(t[e - 1]))) t = scan::trim(t.substr(0, e));
            }
        }
        std::string_view marker;
        if (hint == LineHint::none) {
            if (const std::size_t m = list_marker_length(t)) {
                marker = t.substr(0, m);
                t = scan::trim(t.substr(m));
            }
        }
        std::string_view text = t;
        if (needs_inline(t) || !marker.empty()) {
            std::string cleaned = needs_inline(t) ? inline_text(t) : std::string(t);
            if (!marker.empty()) cleaned = std::string(marker) + " " + cleaned;
            text = keep(std::move(cleaned));
        }
        if (scan::is_blank(text) || (!marker.empty() && scan::trim(text) == scan::trim(marker))) {
            emit(n, {}, LineHint::blank);
            return;
        }
        emit(n, text, hint, level, !marker.empty());
    }

    std::string_view src_;
    std::vector<std::string_view> physical_;
    std::deque<std::string> store_;
    char fence_ = 0;
    std::size_t fence_len_ = 0;
    bool in_comment_ = false;
    static constexpr std::size_t max_tables = 10000;
    std::size_t tables_ = 0;
    bool table_open_ = false;
    bool pipe_table_ = false;
    std::uint32_t table_line_ = 0;
    std::string table_html_;
};

}  // namespace

Document read_numbered_markdown(std::string_view utf8, const ReadOptions& options) {
    Converter conv(utf8);
    conv.run();
    DocumentBuilder b;
    b.reserve_text(utf8.size());
    // A block is at most one per line with text (a paragraph of several lines is one).
    std::size_t with_text = 0;
    for (const SourceLine& l : conv.lines) with_text += !scan::is_blank(l.text);
    b.reserve_blocks(with_text);
    StructureOptions so;
    so.language = options.language;
    build_structure(std::move(conv.lines), b, so);
    DocumentInfo& info = b.document().info;
    if (info.title.empty()) info.title = conv.yaml_title;
    return b.finish();
}

}  // namespace redline::formats
