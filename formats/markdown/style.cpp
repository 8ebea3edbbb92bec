#include "formats/markdown/style.hpp"

#include "engine/utf8.hpp"

namespace redline::formats::markdown {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// One UTF-8 sequence at the front of s, or empty.
std::string_view first_char(std::string_view s) {
    if (s.empty()) return {};
    return s.substr(0, text::sequence_length(static_cast<unsigned char>(s[0])));
}

bool is_chinese_numeral(std::string_view ch) {
    static constexpr std::string_view numerals[] = {"零", "〇", "一", "二", "三", "四", "五", "六",
                                                    "七", "八", "九", "十", "百", "千", "两"};
    for (std::string_view n : numerals)
        if (ch == n) return true;
    return ch.size() == 1 && is_digit(ch[0]);
}

// "第" numerals unit, where unit is one of `units`; returns the length matched or 0.
std::size_t chinese_designation(std::string_view s, std::initializer_list<std::string_view> units) {
    if (!s.starts_with("第")) return 0;
    std::size_t i = std::string_view("第").size(), digits = 0;
    while (i < s.size()) {
        const std::string_view ch = first_char(s.substr(i));
        if (!is_chinese_numeral(ch)) break;
        i += ch.size();
        ++digits;
    }
    if (digits == 0) return 0;
    for (std::string_view u : units)
        if (s.substr(i).starts_with(u)) return i + u.size();
    return 0;
}

// A separator after a number: end of text, white space (ASCII or U+3000), or a non-ASCII
// character (Chinese titles often follow the number directly after OCR).
bool number_ends_here(std::string_view s, std::size_t i) {
    if (i >= s.size()) return true;
    const auto c = static_cast<unsigned char>(s[i]);
    return c == ' ' || c == '\t' || c >= 0x80;
}

// The text of an ATX heading line, or false when the line is not one.
bool atx_heading_text(std::string_view line, std::string_view& text) {
    std::size_t i = 0;
    while (i < line.size() && i < 3 && line[i] == ' ') ++i;
    std::size_t hashes = 0;
    while (i + hashes < line.size() && line[i + hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6) return false;
    i += hashes;
    if (i < line.size() && line[i] != ' ' && line[i] != '\t') return false;
    text = trim(line.substr(i));
    return true;
}

bool is_fence(std::string_view line) {
    const std::string_view t = trim(line);
    return t.starts_with("```") || t.starts_with("~~~");
}

// Drops leading emphasis marks ("**第一条**") so that bold article numbers count.
std::string_view skip_emphasis(std::string_view s) {
    while (!s.empty() && (s.front() == '*' || s.front() == '_')) s.remove_prefix(1);
    return s;
}

}  // namespace

std::string_view leading_clause_number(std::string_view text, std::string_view& rest) {
    std::size_t i = 0;
    while (true) {
        const std::size_t start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == start || i - start > 4) return {};
        if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
            ++i;
            continue;
        }
        break;
    }
    const std::size_t number_end = i;
    if (i < text.size() && text[i] == '.') ++i;
    if (!number_ends_here(text, i)) return {};
    rest = trim(text.substr(i));
    return text.substr(0, number_end);
}

bool starts_with_clause_designation(std::string_view text) {
    text = skip_emphasis(trim(text));
    std::string_view rest;
    if (!leading_clause_number(text, rest).empty()) return true;
    if (chinese_designation(text, {"章", "节", "编", "条", "部分"}) > 0) return true;
    if (text.starts_with("附录") || text.starts_with("附 录")) return true;
    for (std::string_view word : {"Annex ", "Appendix ", "ANNEX ", "APPENDIX "}) {
        if (text.starts_with(word)) {
            const std::string_view after = trim(text.substr(word.size()));
            if (!after.empty() && is_upper(after[0]) && number_ends_here(after, 1)) return true;
        }
    }
    // "A.1 …": an annex subclause.
    if (text.size() >= 3 && is_upper(text[0]) && text[1] == '.' && is_digit(text[2])) {
        std::size_t i = 2;
        while (i < text.size() && (is_digit(text[i]) || text[i] == '.')) ++i;
        return number_ends_here(text, i);
    }
    return false;
}

Style detect_style(const SourceText& src, const FrontMatter& fm) {
    const std::uint32_t first = fm.present ? fm.close_line + (fm.closed_by_marker ? 0 : 1) : 1;
    for (const SectionMarker& m : find_section_markers(src, first))
        if (is_kramdown_rfc_marker(m.name)) return Style::kramdown_rfc;
    if (fm.has_docname) return Style::kramdown_rfc;

    std::uint32_t headings = 0, designated = 0, articles = 0, numbered_lines = 0;
    bool in_code = false;
    for (std::uint32_t n = fm.present ? fm.close_line + 1 : 1; n <= src.line_count(); ++n) {
        const std::string_view line = src.line(n);
        if (is_fence(line)) {
            in_code = !in_code;
            continue;
        }
        if (in_code) continue;
        std::string_view text;
        const bool heading = atx_heading_text(line, text);
        if (!heading) text = trim(line);
        text = skip_emphasis(text);
        if (chinese_designation(text, {"条"}) > 0) ++articles;
        if (heading) {
            if (++headings > 1 && starts_with_clause_designation(text)) ++designated;
        } else {
            std::string_view rest;
            const std::string_view number = leading_clause_number(text, rest);
            if (number.find('.') != std::string_view::npos && !rest.empty()) ++numbered_lines;
        }
    }
    if (articles >= 3) return Style::numbered;
    if (designated >= 2 && 2 * designated >= headings - 1) return Style::numbered;
    if (headings == 0 && numbered_lines >= 3) return Style::numbered;
    return fm.has_title ? Style::kramdown_rfc : Style::plain;
}

}  // namespace redline::formats::markdown
