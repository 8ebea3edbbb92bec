// UTF-8 at the level of bytes and code points, with no ICU and no other engine header: the
// one definition of decoding a code point, encoding one, a sequence's length and validity.
// The engine and the readers reach it through engine/text.hpp; writers (which must not
// include engine/text.hpp) may include this header alone, e.g. JSON output for validity.
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

// Index of the first byte that is not part of well-formed UTF-8 (overlong forms, surrogates
// and values above U+10FFFF are ill-formed), or npos when s is valid.
std::size_t find_invalid_utf8(std::string_view s);

}  // namespace redline::text
