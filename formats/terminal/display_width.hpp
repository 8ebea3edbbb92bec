// How many terminal columns text takes, for the views that line up columns (--stat) and for
// deciding whether a view fits on the screen (the pager).
#pragma once

#include <cstddef>
#include <string_view>

namespace redline::formats {

// Columns of one line: East Asian wide and fullwidth characters (Han, kana, Hangul, fullwidth
// forms, CJK punctuation) take two, combining marks and zero-width characters none, ANSI
// escape sequences (CSI … final byte) none, everything else one.
std::size_t display_width(std::string_view line);

// Rows `text` fills on a screen `columns` wide, long lines wrapping; a final line without a
// newline counts, an empty text is 0 rows.
std::size_t display_rows(std::string_view text, std::size_t columns);

}  // namespace redline::formats
