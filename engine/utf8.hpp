// Text without ICU: UTF-8 at the level of bytes and code points (decoding a code point,
// encoding one, a sequence's length, validity), character classes (white space, the
// zero-width spaces, Han) and ASCII case. The one definition of each: the engine and the
// readers reach it through engine/text.hpp, which includes it; writers and formats/common,
// which must not include engine/text.hpp, may include this header alone (JSON output for
// validity, file extensions and section titles for ASCII case).
//
// Strings are UTF-8 and offsets are bytes. The readers' input is well-formed (decode() in
// engine/text.hpp rules out anything else); on ill-formed bytes these functions still make
// progress and stay inside the string, reading U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::text {

// ---- Code points -----------------------------------------------------------------------

// Bytes of the UTF-8 sequence that `lead` starts: 1 for ASCII, 2, 3 or 4 by the lead byte's
// high bits. A stray continuation byte (0x80–0xBF) counts as 2: callers that only step over
// well-formed text never see one, and callers that may clamp to the string's end.
constexpr std::size_t sequence_length(unsigned char lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

constexpr bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The code point at s[i], advancing i past it. An ill-formed byte reads as U+FFFD and
// advances i by one, so a scan always makes progress.
inline char32_t next(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    const int len = b0 >= 0xF8 ? 0 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if (!is_continuation(b)) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

// The code point that ends at s[end), moving end back to its first byte.
inline char32_t prev(std::string_view s, std::size_t& end) {
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && is_continuation(static_cast<unsigned char>(s[start]))) --start;
    std::size_t i = start;
    const char32_t cp = next(s, i);
    if (i != end) {
        end -= 1;
        return 0xFFFD;
    }
    end = start;
    return cp;
}

// The first and the last code point of s; 0 for an empty string.
inline char32_t first(std::string_view s) {
    std::size_t i = 0;
    return s.empty() ? 0 : next(s, i);
}

inline char32_t last(std::string_view s) {
    std::size_t e = s.size();
    return s.empty() ? 0 : prev(s, e);
}

// Appends the UTF-8 form of cp; a surrogate or a value above U+10FFFF appends nothing.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        if (cp >= 0xD800 && cp <= 0xDFFF) return;
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp <= 0x10FFFF) {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The largest offset k <= n that does not fall inside a UTF-8 sequence of s: where to cut s
// to at most n bytes without splitting a character. n at or past the end gives s.size().
inline std::size_t char_boundary(std::string_view s, std::size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && is_continuation(static_cast<unsigned char>(s[n]))) --n;
    return n;
}

// ---- Characters ------------------------------------------------------------------------

// Unicode White_Space (PropList.txt), the property ICU's u_isUWhiteSpace tests: TAB, LF,
// VT, FF, CR, space, NEL U+0085, NBSP U+00A0, U+1680, the spaces U+2000–U+200A, the line
// and paragraph separators U+2028/U+2029, U+202F, U+205F and the ideographic space U+3000.
// These separate words: fold_space() and comparison_key() fold them, tokenize() makes them
// space tokens.
constexpr bool is_white_space(char32_t c) {
    if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

// U+200B ZERO WIDTH SPACE and U+FEFF ZERO WIDTH NO-BREAK SPACE (the byte-order mark). They
// are format characters (Cf), not White_Space: they print as nothing and separate no words
// ("foo\u200Bbar" reads "foobar"), so they must not become a space. Converted drafts carry
// them on otherwise empty lines (company-law-2023.md has 42 such lines) and at the start
// of pasted text.
constexpr bool is_zero_width_space(char32_t c) { return c == 0x200B || c == 0xFEFF; }

// Prints as blank space or as nothing: White_Space and the zero-width spaces. What readers
// trim from lines and skip when deciding that a line is blank or where a label ends.
constexpr bool prints_blank(char32_t c) { return is_white_space(c) || is_zero_width_space(c); }

// Han ideographs (Script=Han and Ideographic): U+3007 IDEOGRAPHIC NUMBER ZERO "〇" (dates
// such as "二〇二三年"), CJK Unified Ideographs U+4E00–U+9FFF and Extension A U+3400–U+4DBF,
// CJK Compatibility Ideographs U+F900–U+FAFF, and planes 2 and 3 up to U+323AF, which hold
// Extensions B–I, the CJK Compatibility Ideographs Supplement U+2F800–U+2FA1F and nothing
// else. Radicals, strokes and the iteration mark "々" are Han script but not ideographs.
constexpr bool is_han(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x323AF) || c == 0x3007;
}

// ---- ASCII case ------------------------------------------------------------------------

// Case-insensitive matching of ASCII letters only, for file extensions and English keywords
// and headings ("Foreword", "SHALL", "Terms and definitions"); other characters compare as
// they are. comparison_key() is the full Unicode fold.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

constexpr bool equals_ci(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

constexpr bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && equals_ci(s.substr(0, prefix.size()), prefix);
}

constexpr bool ends_with_ci(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && equals_ci(s.substr(s.size() - suffix.size()), suffix);
}

// ---- Validity --------------------------------------------------------------------------

// Index of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates
// and values above U+10FFFF are ill-formed), or npos when s is valid.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace redline::text
