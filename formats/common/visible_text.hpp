// Characters a reader of the output would not see as themselves, and how every writer shows
// them instead (docs/limits.md, "Characters shown, not obeyed"):
//
// - controls — C0 other than tab and newline, DEL, C1 (U+0080–U+009F) — would act on a
//   terminal (ESC starts escape sequences: clear the screen, set the title, write the
//   clipboard) or vanish on a page. C0 and DEL are shown as their Control Pictures (U+2400 +
//   c, U+2421 for DEL: "␛", "␍", "␡"); C1 controls, which have no picture, as "⟨CSI⟩".
// - invisible format characters — bidirectional controls (U+061C, U+200E/F, U+202A–U+202E,
//   U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060–U+2064) and U+FEFF — print
//   as nothing or reorder the text around them, so that what a reviewer reads differs from
//   what was compared. They are shown as a marked token naming them: "⟨RLO⟩", "⟨ZWSP⟩",
//   "⟨BOM⟩".
//
// Text outputs (terminal, outline, Markdown, the text and DOCX briefs) write the token in
// place of the character; HTML writes the same token inside an isolated, highlighted element
// (formats/common/html_escape); JSON keeps the character and escapes it as \uXXXX.
//
// Clean text is the common case and costs one table lookup per byte: only the bytes that can
// begin such a character (ASCII controls, 0x7F, and the lead bytes 0xC2, 0xD8, 0xE2, 0xEF)
// are looked at more closely.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::formats {

// One hidden character found in a string.
struct HiddenChar {
    char32_t code_point = 0;
    std::size_t bytes = 0;       // its UTF-8 length; 0: none at that place
    std::string_view shown;      // what text outputs write instead: "␛", "⟨RLO⟩"
    std::string_view name;       // its Unicode name: "ESCAPE", "RIGHT-TO-LEFT OVERRIDE"
    bool format = false;         // an invisible format character rather than a control
    explicit operator bool() const { return bytes != 0; }
};

namespace visible_detail {
inline constexpr std::array<bool, 256> may_begin = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = c != '\t' && c != '\n';
    for (int c : {0x7F, 0xC2, 0xD8, 0xE2, 0xEF}) t[static_cast<std::size_t>(c)] = true;
    return t;
}();
}  // namespace visible_detail

// Can a hidden character begin with this byte? False for nearly all bytes of clean text.
constexpr bool may_begin_hidden(unsigned char byte) { return visible_detail::may_begin[byte]; }

// The hidden character that begins at s[i], if any (bytes == 0 when none).
HiddenChar hidden_at(std::string_view s, std::size_t i);

// The offset of the first hidden character at or after `from`; npos when there is none.
std::size_t find_hidden(std::string_view s, std::size_t from = 0);

// Appends s with each hidden character replaced by what text outputs show for it.
void append_visible(std::string& out, std::string_view s);
std::string visible_text(std::string_view s);
// The same, reusing s when it holds nothing hidden (no copy).
std::string visible_text(std::string&& s);

// "U+202E RIGHT-TO-LEFT OVERRIDE", for warnings and tooltips.
std::string describe_hidden(const HiddenChar& h);

}  // namespace redline::formats
