#include "formats/text/numbering.hpp"

#include "formats/common/section_roles.hpp"
#include "formats/text/scan.hpp"

#include <cctype>

namespace redline::formats::numbering {

using text::next;

std::string Number::str() const {
    std::string out;
    for (std::size_t k = 0; k < depth; ++k) {
        if (k > 0) out += '.';
        if (k == 0 && annex) out += annex;
        else out += std::to_string(part[k]);
    }
    return out;
}

bool Number::is_prefix_of(const Number& other) const {
    if (annex != other.annex || depth >= other.depth) return false;
    for (std::size_t k = 0; k < depth; ++k)
        if (part[k] != other.part[k]) return false;
    return true;
}

namespace {

bool is_separator(char32_t c) { return c == '.' || c == 0xFF0E; }

// Counts the white space at s[i…): code points, and the position after them.
std::size_t count_space(std::string_view s, std::size_t& i) {
    std::size_t n = 0;
    while (i < s.size()) {
        std::size_t j = i;
        if (!text::prints_blank(next(s, j))) break;
        i = j;
        ++n;
    }
    return n;
}

bool is_open_paren(char32_t c) { return c == '(' || c == 0xFF08; }
bool is_close_paren(char32_t c) { return c == ')' || c == 0xFF09; }

int chinese_digit(char32_t c) {
    switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
    }
}

int chinese_unit(char32_t c) {
    switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
    }
}

bool is_numeral_char(char32_t c) { return chinese_digit(c) >= 0 || chinese_unit(c) > 0; }

bool is_bullet(char32_t c) {
    switch (c) {
    case U'•': case U'·': case U'●': case U'○': case U'▪': case U'■': case U'□': case U'◆':
    case U'◇': case U'►': case U'‣': case U'⁃': case U'∙': case U'・': case U'◦': case U'▶':
        return true;
    default:
        return false;
    }
}

// The bracketed annex kind starting at s[i] ("（规范性）", "(informative)"), or npos.
std::size_t annex_kind_end(std::string_view s, std::size_t i) {
    std::size_t j = i;
    if (j >= s.size() || !is_open_paren(next(s, j))) return std::string_view::npos;
    const std::size_t inner = j;
    std::size_t k = j;
    int count = 0;
    while (k < s.size() && count < 16) {
        std::size_t at = k;
        const char32_t c = next(s, k);
        if (is_close_paren(c)) {
            std::string_view word = scan::trim(s.substr(inner, at - inner));
            static constexpr std::string_view zh[] = {"规范", "资料", "提示", "参考", "标准"};
            for (auto w : zh)
                if (scan::starts_with(word, w)) return k;
            if (text::equals_ci(word, "normative") || text::equals_ci(word, "informative")) return k;
            return std::string_view::npos;
        }
        ++count;
    }
    return std::string_view::npos;
}

}  // namespace

std::optional<NumberedLine> parse_number(std::string_view line, bool long_parts) {
    NumberedLine out;
    Number& n = out.number;
    std::size_t i = 0;
    bool need_sep = false;
    {
        std::size_t j = 0;
        const char32_t c = line.empty() ? 0 : next(line, j);
        if (const char letter = scan::upper_letter(c)) {
            n.annex = letter;
            n.part[0] = static_cast<std::uint32_t>(letter - 'A' + 1);
            n.depth = 1;
            i = j;
            need_sep = true;
        }
    }
    std::size_t label_end = i;
    while (true) {
        std::size_t j = i;
        if (need_sep) {
            if (j >= line.size() || !is_separator(next(line, j))) break;
            std::size_t peek = j;
            if (peek >= line.size() || scan::digit(next(line, peek)) < 0) {
                if (n.depth > 0 && !(n.annex && n.depth == 1)) {
                    out.trailing_dot = true;
                    i = j;
                }
                break;
            }
        }
        unsigned value = 0;
        int digits = 0;
        bool leading_zero = false;
        while (j < line.size()) {
            std::size_t k = j;
            const int d = scan::digit(next(line, k));
            if (d < 0) break;
            if (digits == 0 && d == 0) leading_zero = true;
            value = value * 10 + static_cast<unsigned>(d);
            ++digits;
            j = k;
            if (digits > (long_parts ? max_part_digits : short_part_digits)) return std::nullopt;
        }
        if (digits == 0) return std::nullopt;
        if (leading_zero && digits > 1) return std::nullopt;
        if (n.depth >= max_parts) return std::nullopt;
        if (digits > short_part_digits) out.long_part = true;
        n.part[n.depth++] = static_cast<std::uint32_t>(value);
        i = j;
        label_end = j;
        need_sep = true;
    }
    if (n.depth == 0 || (n.annex && n.depth < 2)) return std::nullopt;
    out.label = line.substr(0, label_end);
    std::size_t after = i;
    const std::size_t spaces = count_space(line, after);
    out.spaced = spaces > 0 || after >= line.size();
    out.wide_gap = spaces >= 2;
    out.rest = scan::trim(line.substr(after));
    return out;
}

std::string_view too_deep_number(std::string_view line) {
    std::size_t i = 0, parts = 0, end = 0;
    while (i < line.size()) {
        std::size_t j = i, digits = 0;
        while (j < line.size()) {
            std::size_t k = j;
            if (scan::digit(next(line, k)) < 0) break;
            j = k;
            ++digits;
        }
        if (digits == 0 || digits > max_part_digits) return {};
        ++parts;
        end = j;
        if (j >= line.size()) break;
        std::size_t k = j;
        if (!is_separator(next(line, k))) break;
        std::size_t peek = k;
        if (peek >= line.size() || scan::digit(next(line, peek)) < 0) break;   // a trailing dot
        i = k;
    }
    if (parts <= max_parts) return {};
    std::size_t after = end;
    if (after < line.size()) {
        std::size_t k = after;
        if (is_separator(next(line, k))) after = k;   // "…1.1. Title"
    }
    if (after < line.size() && count_space(line, after) == 0) return {};
    return line.substr(0, end);
}

std::optional<std::uint32_t> chinese_numeral(std::string_view s) {
    std::uint32_t value = 0, cur = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = next(s, i);
        if (++count > 12) return std::nullopt;
        if (const int d = chinese_digit(c); d >= 0) {
            cur = static_cast<std::uint32_t>(d);
        } else if (const int u = chinese_unit(c); u > 0) {
            value += (cur == 0 ? 1 : cur) * static_cast<std::uint32_t>(u);
            cur = 0;
        } else {
            return std::nullopt;
        }
    }
    if (count == 0) return std::nullopt;
    return value + cur;
}

std::optional<LawLine> parse_law_unit(std::string_view line) {
    if (!scan::starts_with(line, "第")) return std::nullopt;
    std::size_t i = std::string_view("第").size();
    const std::size_t num_begin = i;
    std::size_t num_end = i;
    bool arabic = false;
    int count = 0;
    while (i < line.size() && count < 12) {
        std::size_t j = i;
        const char32_t c = next(line, j);
        if (is_numeral_char(c) && !arabic) {
        } else if (scan::digit(c) >= 0 && (count == 0 || arabic)) {
            arabic = true;
        } else {
            break;
        }
        i = j;
        num_end = j;
        ++count;
    }
    if (count == 0 || i >= line.size()) return std::nullopt;
    std::size_t j = i;
    LawLine out;
    switch (next(line, j)) {
    case U'编': out.level = LawLevel::part; break;
    case U'章': out.level = LawLevel::chapter; break;
    case U'节': out.level = LawLevel::section; break;
    case U'条': out.level = LawLevel::article; break;
    default: return std::nullopt;
    }
    std::size_t after = j;
    if (count_space(line, after) == 0 && after < line.size()) return std::nullopt;
    const std::string_view digits = line.substr(num_begin, num_end - num_begin);
    if (arabic) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < digits.size();) v = v * 10 + static_cast<std::uint32_t>(scan::digit(next(digits, k)));
        out.value = v;
    } else {
        const auto v = chinese_numeral(digits);
        if (!v) return std::nullopt;
        out.value = *v;
    }
    out.label = line.substr(0, j);
    out.rest = scan::trim(line.substr(after));
    return out;
}

std::optional<ListMarker> parse_article_item(std::string_view line, std::uint32_t& value) {
    std::size_t i = 0;
    std::uint32_t v = 0;
    int digits = 0;
    while (i < line.size()) {
        std::size_t k = i;
        const int d = scan::digit(next(line, k));
        if (d < 0) break;
        if (++digits > 2) return std::nullopt;
        v = v * 10 + static_cast<std::uint32_t>(d);
        i = k;
    }
    if (digits == 0 || i >= line.size()) return std::nullopt;
    std::size_t j = i;
    const char32_t mark = next(line, j);
    if (!is_separator(mark) && mark != U'、') return std::nullopt;
    std::size_t h = j;
    count_space(line, h);
    if (h >= line.size()) return std::nullopt;
    std::size_t after = h;
    if (!text::is_han(next(line, after))) return std::nullopt;
    ListMarker m;
    m.type = ListType::digit_dot;
    m.label = line.substr(0, j);
    m.rest = scan::trim(line.substr(j));
    value = v;
    return m;
}

std::optional<ListMarker> parse_list_marker(std::string_view line, bool markdown_item) {
    if (line.empty()) return std::nullopt;
    std::size_t i = 0;
    const char32_t c = next(line, i);
    auto make = [&](ListType type, std::size_t end) {
        ListMarker m;
        m.type = type;
        m.label = line.substr(0, end);
        m.rest = scan::trim(line.substr(end));
        return m;
    };
    auto space_follows = [&](std::size_t at) {
        std::size_t k = at;
        return at >= line.size() || text::prints_blank(next(line, k));
    };
    // RFC bullets "o  text"; Word's second-level bullet "o" (Courier New) where the source
    // says the line is a list item.
    if (c == 'o' && (scan::starts_with(line.substr(i), "  ") || (markdown_item && scan::starts_with(line.substr(i), " "))))
        return make(ListType::dash, i);
    if (scan::lower_letter(c)) {
        std::size_t j = i;
        if (j < line.size() && is_close_paren(next(line, j))) return make(ListType::alpha, j);
        return std::nullopt;
    }
    if (scan::digit(c) >= 0) {
        std::size_t j = i;
        int digits = 1;
        while (j < line.size()) {
            std::size_t k = j;
            const char32_t d = next(line, k);
            if (scan::digit(d) >= 0) {
                if (++digits > 2) return std::nullopt;
                j = k;
                continue;
            }
            if (is_close_paren(d)) return make(ListType::digit, k);
            if (markdown_item && (d == '.' || d == 0xFF0E) && space_follows(k)) return make(ListType::digit_dot, k);
            break;
        }
        return std::nullopt;
    }
    if (is_open_paren(c)) {
        std::size_t j = i;
        int count = 0;
        bool arabic = false, cn = false;
        // Up to three digits ("(999)"; a year in brackets is no item) or seven Chinese
        // numerals ("（一千九百九十九）": statutes list more than 99 items).
        while (j < line.size() && count < 8) {
            std::size_t k = j;
            const char32_t d = next(line, k);
            if (is_close_paren(d)) {
                if (count == 0 || (arabic && count > 3)) return std::nullopt;
                if (arabic) return make(ListType::paren_digit, k);
                if (cn) return make(ListType::cn_paren, k);
                return std::nullopt;
            }
            if (scan::digit(d) >= 0 && !cn) arabic = true;
            else if (is_numeral_char(d) && !arabic) cn = true;
            else return std::nullopt;
            ++count;
            j = k;
        }
        return std::nullopt;
    }
    if ((c >= 0x2460 && c <= 0x2487) || (c >= 0x2776 && c <= 0x2793)) return make(ListType::circled, i);
    if (c == 0x2014 || c == 0x2015) {  // ——, —
        std::size_t j = i;
        while (j < line.size()) {
            std::size_t k = j;
            const char32_t d = next(line, k);
            if (d != 0x2014 && d != 0x2015) break;
            j = k;
        }
        if (j >= line.size()) return std::nullopt;  // a line of dashes is a rule, not an item
        return make(ListType::dash, j);
    }
    if (c == 0xFF0D || c == 0x2013) {  // －－ –
        std::size_t j = i;
        std::size_t k = j;
        if (j < line.size() && next(line, k) == c) j = k;
        if (j >= line.size()) return std::nullopt;
        if (j == i && !space_follows(j)) return std::nullopt;
        return make(ListType::dash, j);
    }
    if (c == '-') {
        if (i < line.size() && line[i] == '-') {
            if (i + 1 < line.size() && line[i + 1] == '-') return std::nullopt;  // "---" is a rule
            if (i + 1 >= line.size()) return std::nullopt;
            return make(ListType::dash, i + 1);
        }
        if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) return make(ListType::dash, i);
        return std::nullopt;
    }
    if (is_bullet(c)) {
        if (i >= line.size()) return std::nullopt;
        return make(ListType::dash, i);
    }
    if ((c == '*' || c == '+') && i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        if (c == '+' && !markdown_item) return std::nullopt;
        return make(ListType::dash, i);
    }
    return std::nullopt;
}

std::optional<NoteLine> parse_note(std::string_view line) {
    NoteLine out;
    auto with_colon = [&](std::string_view head, ClauseKind kind, bool colon_optional) -> std::optional<NoteLine> {
        if (!scan::starts_with(line, head)) return std::nullopt;
        std::size_t i = head.size();
        std::size_t label_end = i;
        count_space(line, i);
        bool any_digit = false;
        while (i < line.size()) {
            std::size_t k = i;
            if (scan::digit(next(line, k)) < 0) break;
            i = k;
            label_end = k;
            any_digit = true;
        }
        if (!any_digit) i = head.size();
        count_space(line, i);
        std::size_t k = i;
        const char32_t c = i < line.size() ? next(line, k) : 0;
        if (c == U'：' || c == ':') {
            out.kind = kind;
            out.label = line.substr(0, label_end);
            out.rest = scan::trim(line.substr(k));
            return out;
        }
        if (colon_optional && i >= line.size()) {
            out.kind = kind;
            out.label = line.substr(0, label_end);
            return out;
        }
        return std::nullopt;
    };
    if (auto n = with_colon("注", ClauseKind::note, false)) return n;
    if (auto n = with_colon("示例", ClauseKind::example, true)) return n;

    // ISO: "NOTE", "NOTE 2", "EXAMPLE 1" followed by two spaces, a colon, a dash or nothing;
    // "Note 1 to entry:" and "Example 2:" always with the colon.
    auto iso = [&](std::string_view upper, std::string_view mixed, ClauseKind kind) -> std::optional<NoteLine> {
        const bool caps = scan::starts_with(line, upper);
        if (!caps && !scan::starts_with(line, mixed)) return std::nullopt;
        std::size_t i = upper.size();
        std::size_t label_end = i;
        {
            std::size_t j = i;
            count_space(line, j);
            bool digits = false;
            while (j < line.size() && line[j] >= '0' && line[j] <= '9') {
                ++j;
                digits = true;
            }
            if (digits) {
                i = j;
                label_end = j;
                if (scan::starts_with(line.substr(j), " to entry")) {
                    i = j + 9;
                    label_end = i;
                }
            }
        }
        if (i < line.size()) {
            const char d = line[i];
            if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9')) return std::nullopt;
        }
        std::size_t j = i;
        count_space(line, j);
        std::size_t k = j;
        const char32_t c = j < line.size() ? next(line, k) : 0;
        if (c == ':' || c == U'：' || c == 0x2014 || c == 0x2013) {
            j = k;
        } else if (!caps) {
            return std::nullopt;
        }
        out.kind = kind;
        out.label = line.substr(0, label_end);
        out.rest = scan::trim(line.substr(j));
        return out;
    };
    if (auto n = iso("NOTE", "Note", ClauseKind::note)) return n;
    if (auto n = iso("EXAMPLE", "Example", ClauseKind::example)) return n;
    return std::nullopt;
}

std::optional<AnnexLine> parse_annex(std::string_view line) {
    AnnexLine out;
    std::size_t i = 0;
    if (scan::starts_with(line, "附")) {
        i = std::string_view("附").size();
        count_space(line, i);
        if (!scan::starts_with(line.substr(i), "录")) return std::nullopt;
        i += std::string_view("录").size();
        out.label = "附录 ";
    } else if (scan::starts_with(line, "Annex ")) {
        i = 5;
        out.label = "Annex ";
    } else if (scan::starts_with(line, "Appendix ") || scan::starts_with(line, "APPENDIX ")) {
        i = 8;
        out.label = "Appendix ";
    } else if (scan::starts_with(line, "ANNEX ")) {
        i = 5;
        out.label = "Annex ";
    } else {
        return std::nullopt;
    }
    count_space(line, i);
    if (i >= line.size()) return std::nullopt;
    const char letter = scan::upper_letter(next(line, i));
    if (!letter) return std::nullopt;
    out.letter = letter;
    out.label += letter;
    if (i < line.size()) {
        std::size_t k = i;
        const char32_t c = next(line, k);
        if (c == '.' || c == ':') {
            // "Appendix A.  Title"; but "A.1" is a clause number, not an annex heading.
            std::size_t p = k;
            if (p < line.size() && scan::digit(next(line, p)) >= 0) return std::nullopt;
            out.appendix_dot = true;
            i = k;
        } else if (!text::prints_blank(c) && !is_open_paren(c)) {
            return std::nullopt;  // "附录A给出了…", "Annex Alpha"
        }
    }
    std::size_t j = i;
    count_space(line, j);
    const std::size_t kind_end = annex_kind_end(line, j);
    if (kind_end != std::string_view::npos) {
        out.kind_text = line.substr(j, kind_end - j);
        j = kind_end;
    } else if (j == i && j < line.size()) {
        return std::nullopt;  // an unknown bracket right after the letter
    }
    out.rest = scan::trim(line.substr(j));
    return out;
}

std::optional<std::string_view> parse_annex_kind(std::string_view line) {
    line = scan::trim(line);
    const std::size_t end = annex_kind_end(line, 0);
    if (end != line.size()) return std::nullopt;
    return line;
}

SectionRole named_section(std::string_view line) {
    line = scan::trim(line);
    if (line.size() > 64) return SectionRole::none;
    switch (const SectionRole role = title_role(line)) {
    case SectionRole::contents:
    case SectionRole::foreword:
    case SectionRole::introduction:
    case SectionRole::abstract:
    case SectionRole::boilerplate:
    case SectionRole::bibliography:
    case SectionRole::index: return role;
    default: return SectionRole::none;
    }
}

std::optional<Caption> parse_table_caption(std::string_view line) {
    std::size_t i = 0;
    if (scan::starts_with(line, "表")) i = std::string_view("表").size();
    else if (scan::starts_with(line, "Table ")) i = 5;
    else return std::nullopt;
    count_space(line, i);
    std::size_t j = i;
    if (j < line.size()) {
        std::size_t k = j;
        if (scan::upper_letter(next(line, k)) && k < line.size()) {
            std::size_t s = k;
            if (is_separator(next(line, s))) j = s;
        }
    }
    bool digits = false, dot_ok = true;
    while (j < line.size()) {
        std::size_t k = j;
        const char32_t c = next(line, k);
        if (scan::digit(c) >= 0) {
            digits = true;
            dot_ok = true;
            j = k;
        } else if (is_separator(c) && digits && dot_ok) {
            std::size_t p = k;
            if (p >= line.size() || scan::digit(next(line, p)) < 0) break;
            dot_ok = false;
            j = k;
        } else {
            break;
        }
    }
    if (!digits) return std::nullopt;
    std::size_t after = j;
    if (after < line.size()) {
        std::size_t k = after;
        const char32_t c = next(line, k);
        if (!text::prints_blank(c) && c != 0x2014 && c != '-' && c != 0x2013 && !is_open_paren(c) && c != ':' &&
            c != U'：')
            return std::nullopt;  // "表1中的数据…"
    }
    Caption out;
    out.label = line.substr(0, j);
    std::string_view rest = scan::trim(line.substr(after));
    while (!rest.empty()) {
        std::size_t k = 0;
        const char32_t c = next(rest, k);
        if (c != 0x2014 && c != '-' && c != 0x2013 && c != ':' && c != U'：') break;
        rest = scan::trim(rest.substr(k));
    }
    out.title = rest;
    return out;
}

namespace {

bool is_leader(char32_t c) {
    return c == '.' || c == 0x2026 || c == 0x00B7 || c == 0x22EF || c == 0x2025 || c == 0x30FB || c == 0xFF0E ||
           c == 0x2219;
}

bool is_roman(char32_t c) {
    switch (c) {
    case 'I': case 'V': case 'X': case 'L': case 'C': case 'i': case 'v': case 'x': case 'l': case 'c':
        return true;
    default:
        return c >= 0x2160 && c <= 0x217F;
    }
}

// Where the entry text ends (before the leaders), or npos when the line is no TOC entry.
std::size_t toc_text_end(std::string_view line) {
    line = scan::trim_right(line);
    std::size_t e = line.size();
    int page_chars = 0;
    bool digits = false, roman = false;
    while (e > 0 && page_chars < 6) {
        std::size_t p = e;
        const char32_t c = text::prev(line, p);
        if (scan::digit(c) >= 0 && !roman) digits = true;
        else if (is_roman(c) && !digits) roman = true;
        else break;
        e = p;
        ++page_chars;
    }
    if (page_chars == 0) return std::string_view::npos;
    int leaders = 0;
    while (e > 0) {
        std::size_t p = e;
        const char32_t c = text::prev(line, p);
        if (is_leader(c)) ++leaders;
        else if (!text::prints_blank(c)) break;
        e = p;
    }
    if (leaders < 2) {
        // Word's tab leaders arrive as a tab (or a run of spaces) before the page number.
        const std::string_view before = line.substr(0, e);
        const bool gap = !before.empty() && (before.back() == '\t' || scan::ends_with(before, "  "));
        if (leaders > 0 || !gap) return std::string_view::npos;
    }
    if (scan::trim(line.substr(0, e)).empty()) return std::string_view::npos;
    return e;
}

}  // namespace

bool is_toc_entry(std::string_view line) { return toc_text_end(line) != std::string_view::npos; }

std::string_view toc_entry_text(std::string_view line) {
    const std::size_t e = toc_text_end(line);
    if (e != std::string_view::npos) return scan::trim(line.substr(0, e));
    // "1 范围 1": a page number after a space, without leaders
    line = scan::trim(line);
    std::size_t p = line.size();
    int n = 0;
    while (p > 0 && n < 6) {
        std::size_t q = p;
        const char32_t c = text::prev(line, q);
        if (scan::digit(c) < 0 && !is_roman(c)) break;
        p = q;
        ++n;
    }
    if (n > 0 && p > 0) {
        std::size_t q = p;
        if (text::prints_blank(text::prev(line, q))) return scan::trim(line.substr(0, p));
    }
    return line;
}

std::size_t identifier_length(std::string_view s) {
    static constexpr std::string_view prefixes[] = {"GB/T", "GB/Z", "GB", "GM/T", "GA/T", "YD/T", "JR/T", "SJ/T",
                                                     "ISO/IEC", "ISO", "IEC", "RFC", "BCP", "IEEE", "ITU-T"};
    std::size_t i = 0;
    for (auto p : prefixes) {
        if (scan::starts_with(s, p)) {
            i = p.size();
            break;
        }
    }
    if (i == 0) return 0;
    // ISO stage qualifiers: "ISO/DIS 17301-1", "ISO/IEC FDIS 27001"
    auto upper_run = [&](std::size_t at) {
        std::size_t k = at;
        while (k < s.size() && s[k] >= 'A' && s[k] <= 'Z') ++k;
        return k - at;
    };
    if (i < s.size() && s[i] == '/' && upper_run(i + 1) >= 2) {
        // "ISO/TC 154", "ISO/IEC JTC 1/SC 27" name committees, not documents.
        const std::string_view q = s.substr(i + 1, upper_run(i + 1));
        if (q == "TC" || q == "SC" || q == "JTC" || q == "WG") return 0;
        i += 1 + upper_run(i + 1);
    }
    if (i + 4 < s.size() && s.substr(i, 4) == " JTC") return 0;
    if (i < s.size() && s[i] == ' ' && upper_run(i + 1) >= 2 && i + 1 + upper_run(i + 1) < s.size() &&
        s[i + 1 + upper_run(i + 1)] == ' ')
        i += 1 + upper_run(i + 1);
    std::size_t j = i;
    count_space(s, j);
    const std::size_t num_begin = j;
    while (j < s.size()) {
        std::size_t k = j;
        const char32_t c = next(s, k);
        if (scan::digit(c) >= 0 || c == 'X' || c == 'x' ||
            ((c == '.' || c == '-') && j > num_begin && k < s.size() && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == 'X')))
            j = k;
        else
            break;
    }
    if (j == num_begin) return 0;
    std::size_t end = j;
    // the year: "—2012", "-2012", ":2022", "—XXXX"
    std::size_t k = j;
    count_space(s, k);
    if (k < s.size()) {
        std::size_t p = k;
        const char32_t c = next(s, p);
        if (c == 0x2014 || c == 0x2013 || c == '-' || c == ':' || c == 0xFF0D || c == 0x2010) {
            count_space(s, p);
            std::size_t q = p;
            int n = 0;
            while (q < s.size() && n < 4 && (std::isdigit(static_cast<unsigned char>(s[q])) || s[q] == 'X' || s[q] == 'x')) {
                ++q;
                ++n;
            }
            if (n == 4) end = q;
        }
    }
    return end;
}

}  // namespace redline::formats::numbering
