#include "formats/markdown/guard.hpp"

#include "formats/reader.hpp"

#include <algorithm>
#include <array>

namespace redline::formats::markdown {

static_assert(max_line_nesting == max_tree_depth, "the flattening depth is the model's depth limit");

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The remainder of a line from `p` is a thematic break ("- - -", "***", "_ _ _"): cmark
// reads it as one leaf, not as nested list items, so it needs no escape.
bool is_thematic_break(std::string_view s, std::size_t p) {
    const char c = s[p];
    if (c != '-' && c != '*' && c != '_') return false;
    std::size_t count = 0;
    for (std::size_t i = p; i < s.size(); ++i) {
        if (s[i] == c)
            ++count;
        else if (!is_ws(s[i]))
            return false;
    }
    return count >= 3;
}

// If a container marker starts at `p`: its length and where an escape must go.
struct Marker {
    std::size_t length = 0;
    std::size_t escape_at = 0;
};
Marker container_marker(std::string_view s, std::size_t p) {
    if (p >= s.size()) return {};
    const char c = s[p];
    if (c == '>') return {1, p};
    if (c == '-' || c == '+' || c == '*') {
        if (p + 1 == s.size() || is_ws(s[p + 1])) return {1, p};
        return {};
    }
    if (is_digit(c)) {
        std::size_t i = p;
        while (i < s.size() && i - p < 10 && is_digit(s[i])) ++i;
        if (i - p > 9 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return {};
        if (i + 1 == s.size() || is_ws(s[i + 1])) return {i + 1 - p, i};   // "1\." keeps "1."
    }
    return {};
}

// Where the escape goes on a line whose container prefix is too deep or too indented, or
// npos when the line is fine.
std::size_t nesting_escape(std::string_view s) {
    std::uint32_t markers = 0, columns = 0;
    std::size_t p = 0;
    while (p < s.size()) {
        if (is_ws(s[p])) {
            columns += s[p] == '\t' ? 4 - columns % 4 : 1;
            ++p;
            continue;
        }
        const Marker m = container_marker(s, p);
        if (m.length == 0) return std::string_view::npos;
        if (markers >= max_line_nesting || columns > max_container_indent)
            return is_thematic_break(s, p) ? std::string_view::npos : m.escape_at;
        ++markers;
        ++columns;
        p += m.length;
    }
    return std::string_view::npos;
}

// Skips a container prefix ("> - 1. ") without limits: where a table row's text starts.
std::size_t skip_containers(std::string_view s) {
    std::size_t p = 0;
    while (p < s.size()) {
        if (is_ws(s[p])) {
            ++p;
            continue;
        }
        const Marker m = container_marker(s, p);
        if (m.length == 0) break;
        p += m.length;
    }
    return p;
}

// Columns of a GFM table delimiter row ("|:---|---:|"), 0 when the line is not one.
std::uint32_t delimiter_columns(std::string_view s) {
    std::uint32_t cells = 0;
    bool in_dashes = false, dash_seen = false;
    for (std::size_t i = skip_containers(s); i < s.size(); ++i) {
        const char c = s[i];
        if (c == '-') {
            if (!in_dashes) ++cells;
            in_dashes = dash_seen = true;
        } else if (c == '|' || c == ':' || is_ws(c)) {
            if (c == '|') in_dashes = false;
        } else {
            return 0;
        }
    }
    return dash_seen ? cells : 0;
}

// Calls f(i) for each character of s that a backslash does not already escape.
template <class F>
void for_each_unescaped(std::string_view s, F&& f) {
    bool escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (escaped) {
            escaped = false;
        } else if (s[i] == '\\') {
            escaped = true;
        } else {
            f(i);
        }
    }
}

// The position of the first unescaped '|' past max_row_cells of them, or npos.
std::size_t excess_pipes(std::string_view s) {
    if (static_cast<std::size_t>(std::count(s.begin(), s.end(), '|')) <= max_row_cells) return std::string_view::npos;
    std::uint32_t count = 0;
    std::size_t at = std::string_view::npos;
    for_each_unescaped(s, [&](std::size_t i) {
        if (s[i] == '|' && ++count == max_row_cells + 1) at = i;
    });
    return at;
}

bool image_opener(std::string_view s, std::size_t i) {
    return s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[';
}

// The original line with the escapes of `edits` (all on this line) inserted; `map`, when
// given, receives for each position of the result the position in `s` it came from (an
// inserted '\' maps to the character it escapes), plus one entry for the end.
std::string apply_edits(std::string_view s, const GuardEdit* begin, const GuardEdit* end,
                        std::vector<std::uint32_t>* map) {
    std::vector<bool> before(s.size() + 1, false);
    for (const GuardEdit* e = begin; e != end; ++e) {
        switch (e->kind) {
        case GuardEdit::Kind::nesting:
        case GuardEdit::Kind::table: before[e->column] = true; break;
        case GuardEdit::Kind::pipes:
            for_each_unescaped(s, [&](std::size_t i) {
                if (i >= e->column && s[i] == '|') before[i] = true;
            });
            break;
        case GuardEdit::Kind::images:
            for_each_unescaped(s, [&](std::size_t i) {
                if (i >= e->column && image_opener(s, i)) before[i] = true;
            });
            break;
        }
    }
    std::string out;
    out.reserve(s.size() + 16);
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (before[i]) {
            out.push_back('\\');
            if (map) map->push_back(static_cast<std::uint32_t>(i));
        }
        out.push_back(s[i]);
        if (map) map->push_back(static_cast<std::uint32_t>(i));
    }
    if (map) map->push_back(static_cast<std::uint32_t>(s.size()));
    return out;
}

}  // namespace

std::vector<std::string_view> split_table_row(std::string_view line) {
    std::vector<std::string_view> cells;
    std::string_view s = trim(line.substr(skip_containers(line)));
    if (s.starts_with('|')) s.remove_prefix(1);
    std::size_t start = 0;
    bool ended_by_pipe = false;
    for_each_unescaped(s, [&](std::size_t i) {
        if (s[i] != '|') return;
        cells.push_back(s.substr(start, i - start));
        start = i + 1;
        ended_by_pipe = i + 1 == s.size();
    });
    if (!ended_by_pipe) cells.push_back(s.substr(start));
    return cells;
}

std::size_t estimate_cmark_nodes(const SourceText& src) {
    static constexpr auto special = [] {
        std::array<std::uint8_t, 256> t{};
        for (const unsigned char c : std::string_view("[]!*_`<\\&|~")) t[c] = 1;
        return t;
    }();
    std::size_t nodes = src.line_count();
    for (const char c : src.text) nodes += special[static_cast<unsigned char>(c)];
    return nodes;
}

std::string_view HardenedText::lines(std::uint32_t first, std::uint32_t last) const {
    if (first < 1 || first > last || last >= starts_.size()) return {};
    return std::string_view(text_).substr(starts_[first - 1], starts_[last] - starts_[first - 1]);
}

std::string_view HardenedText::line(std::uint32_t n) const {
    std::string_view l = lines(n, n);
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    return l;
}

std::pair<std::size_t, std::size_t> HardenedText::edits_on(std::uint32_t n) const {
    const auto lo = std::lower_bound(edits_.begin(), edits_.end(), n,
                                     [](const GuardEdit& e, std::uint32_t v) { return e.line < v; });
    auto hi = lo;
    while (hi != edits_.end() && hi->line == n) ++hi;
    return {static_cast<std::size_t>(lo - edits_.begin()), static_cast<std::size_t>(hi - edits_.begin())};
}

std::string HardenedText::original_tail(std::uint32_t n, std::string_view tail) const {
    const auto [first, last] = edits_on(n);
    const std::string_view hardened = line(n);
    if (first == last || !hardened.ends_with(tail)) return std::string(tail);
    std::vector<std::uint32_t> map;
    apply_edits(src_.line(n), edits_.data() + first, edits_.data() + last, &map);
    return std::string(src_.line(n).substr(map[hardened.size() - tail.size()]));
}

void HardenedText::build(const std::vector<bool>& blanked) {
    const std::uint32_t count = src_.line_count();
    auto add = [&](std::uint32_t n, std::size_t column, GuardEdit::Kind kind, std::uint32_t detail = 0) {
        edits_.push_back(GuardEdit{n, static_cast<std::uint32_t>(column), kind, detail});
    };
    for (std::uint32_t n = 1; n <= count; ++n) {
        if (blanked[n]) continue;
        const std::string_view l = src_.line(n);
        const std::size_t nest = nesting_escape(l);
        if (nest != std::string_view::npos) add(n, nest, GuardEdit::Kind::nesting);
        const std::size_t pipes = excess_pipes(l);
        if (pipes != std::string_view::npos) add(n, pipes, GuardEdit::Kind::pipes);
    }
    // Runs of non-blank lines: an upper bound of a paragraph (for image openers) and of a
    // table (the header, the delimiter row and every following line).
    for (std::uint32_t n = 1; n <= count;) {
        if (blanked[n] || is_blank(src_.line(n))) {
            ++n;
            continue;
        }
        std::uint32_t last = n;
        while (last + 1 <= count && !blanked[last + 1] && !is_blank(src_.line(last + 1))) ++last;
        std::uint64_t openers = 0, closers = 0;
        std::vector<std::uint64_t> bytes_before{0};   // bytes of lines n..k-1, for k = n..last+1
        for (std::uint32_t k = n; k <= last; ++k) {
            const std::string_view l = src_.line(k);
            bytes_before.push_back(bytes_before.back() + l.size() + 1);
            if (l.find("![") == std::string_view::npos) continue;
            for_each_unescaped(l, [&](std::size_t i) { openers += image_opener(l, i); });
        }
        // Closing brackets matter only where image openers are; most paragraphs have none.
        if (openers > 0) {
            for (std::uint32_t k = n; k <= last; ++k) {
                const std::string_view l = src_.line(k);
                if (l.find(']') == std::string_view::npos) continue;
                for_each_unescaped(l, [&](std::size_t i) { closers += l[i] == ']'; });
            }
        }
        if (openers * closers > 16 * bytes_before.back() + 4096) {
            for (std::uint32_t k = n; k <= last; ++k)
                if (src_.line(k).find("![") != std::string_view::npos) add(k, 0, GuardEdit::Kind::images);
        }
        for (std::uint32_t k = n + 1; k <= last; ++k) {
            const std::uint32_t columns = delimiter_columns(src_.line(k));
            if (columns < 2) continue;
            // Cells cmark-gfm would create if the table ran to the end of the run.
            const std::uint64_t table_bytes = bytes_before.back() - bytes_before[k - 1 - n];
            const std::uint64_t cells = std::uint64_t{std::min(columns, max_row_cells + 1)} * (last - k + 2);
            if (cells > 4096 + 2 * table_bytes) {
                const std::string_view row = src_.line(k);
                add(k, row.find('-', skip_containers(row)), GuardEdit::Kind::table, columns);
            }
        }
        n = last + 1;
    }
    std::sort(edits_.begin(), edits_.end(), [](const GuardEdit& a, const GuardEdit& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });

    text_.reserve(src_.text.size() + edits_.size() + 1);
    starts_.reserve(count + 1);
    std::size_t next = 0;
    for (std::uint32_t n = 1; n <= count; ++n) {
        starts_.push_back(static_cast<std::uint32_t>(text_.size()));
        std::size_t end = next;
        while (end < edits_.size() && edits_[end].line == n) ++end;
        if (blanked[n]) {
            // nothing: the line stays, empty
        } else if (end == next) {
            text_.append(src_.line(n));
        } else {
            text_.append(apply_edits(src_.line(n), edits_.data() + next, edits_.data() + end, nullptr));
        }
        next = end;
        text_.push_back('\n');
    }
    starts_.push_back(static_cast<std::uint32_t>(text_.size()));
}

}  // namespace redline::formats::markdown
