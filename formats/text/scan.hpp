// Internal to formats/text: small UTF-8 scanning helpers for recognising labels at the start
// of a line without copying it. The recogniser looks at prefixes and suffixes only, so that a
// 10 MB line costs one pass, never a fold of the whole line per rule. Code points and
// character classes (text::prints_blank, text::is_han) are the engine's: engine/utf8.hpp
// holds their one definition, and folding (text::fold_space) is in engine/text.hpp.
#pragma once

#include "engine/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::formats::scan {

// Blank is text::prints_blank: white space, and the zero-width spaces that converted drafts
// leave on otherwise empty lines. The position after the blanks at s[i…).
inline std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        std::size_t j = i;
        if (!text::prints_blank(text::next(s, j))) break;
        i = j;
    }
    return i;
}

inline std::string_view trim_left(std::string_view s) { return s.substr(skip_space(s, 0)); }

inline std::string_view trim_right(std::string_view s) {
    std::size_t e = s.size();
    while (e > 0) {
        std::size_t p = e;
        if (!text::prints_blank(text::prev(s, p))) break;
        e = p;
    }
    return s.substr(0, e);
}

inline std::string_view trim(std::string_view s) { return trim_right(trim_left(s)); }

inline bool is_blank(std::string_view s) { return skip_space(s, 0) == s.size(); }

// Digits 0–9 in ASCII or full width; -1 otherwise.
inline int digit(char32_t c) {
    if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
    return -1;
}

// Upper-case Latin letters in ASCII or full width, as 'A'..'Z'; 0 otherwise.
inline char upper_letter(char32_t c) {
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c);
    if (c >= 0xFF21 && c <= 0xFF3A) return static_cast<char>('A' + (c - 0xFF21));
    return 0;
}

inline char lower_letter(char32_t c) {
    if (c >= 'a' && c <= 'z') return static_cast<char>(c);
    if (c >= 0xFF41 && c <= 0xFF5A) return static_cast<char>('a' + (c - 0xFF41));
    return 0;
}

inline bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Han, CJK punctuation and full-width forms: characters around which Chinese text takes no
// space when a wrapped line is re-joined.
inline bool is_cjk(char32_t c) {
    return text::is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x2E80 && c <= 0x2FDF) || c == 0x2014 || c == 0x2026 || c == 0x201C || c == 0x201D;
}

// Display columns: two for East Asian wide characters.
inline std::size_t width(std::string_view s) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = text::next(s, i);
        w += (c >= 0x1100 && (is_cjk(c) || (c >= 0xAC00 && c <= 0xD7A3))) ? 2 : 1;
    }
    return w;
}

// Sentence-final and clause-final punctuation: a line that ends with one of these ends its
// sentence, so the next line is not its continuation.
inline bool is_terminal(char32_t c) {
    switch (c) {
    case U'.': case U';': case U':': case U'!': case U'?':
    case U'。': case U'；': case U'：': case U'！': case U'？': case U'．':
        return true;
    default:
        return false;
    }
}

// The last character that is not a closing quote or bracket, so that "…。”" and "…。）" end
// a sentence too.
inline char32_t last_significant(std::string_view s) {
    s = trim_right(s);
    std::size_t e = s.size();
    int steps = 0;
    while (e > 0 && steps < 4) {
        const char32_t c = text::prev(s, e);
        if (c == U'”' || c == U'’' || c == U'"' || c == U'\'' || c == U'）' || c == U')' || c == U'」' ||
            c == U'』' || c == U'】' || c == U']') {
            ++steps;
            continue;
        }
        return c;
    }
    return 0;
}

inline bool ends_sentence(std::string_view s) { return is_terminal(last_significant(s)); }

inline bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Leading columns of white space (a tab counts to the next multiple of 8).
inline std::size_t indent(std::string_view s) {
    std::size_t col = 0;
    for (char c : s) {
        if (c == ' ') ++col;
        else if (c == '\t') col = (col / 8 + 1) * 8;
        else break;
    }
    return col;
}

// The text without any white space: "前　　言" and "前言", "GB/T 1.1—2020" and "GB/T1.1—2020"
// compare equal this way.
inline std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        if (!text::prints_blank(text::next(s, i))) out.append(s.substr(at, i - at));
    }
    return out;
}

// squeeze(s) == key, without the copy.
inline bool squeezed_equals(std::string_view s, std::string_view key) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        if (text::prints_blank(text::next(s, i))) continue;
        if (key.substr(k, i - at) != s.substr(at, i - at)) return false;
        k += i - at;
    }
    return k == key.size();
}

}  // namespace redline::formats::scan
