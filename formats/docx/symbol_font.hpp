// Internal to formats/docx: what a symbol font's character shows. Word stores a character of
// Symbol or Wingdings (w:sym, a bullet level's w:lvlText) as the font's own code, usually in
// the private-use range U+F000–U+F0FF; the marks drafts use are mapped to the Unicode
// character Word displays.
#pragma once

#include <string_view>

namespace redline::formats::docx {

// The character `c` of font `font` as displayed: a private-use code U+F0xx (or the same code
// without the F0 prefix, in Symbol or Wingdings) mapped for the marks drafts use; another
// private-use code U+F0xx gives 0 (nothing that can be shown); any other character is itself.
char32_t symbol_char(std::string_view font, char32_t c);

}  // namespace redline::formats::docx
