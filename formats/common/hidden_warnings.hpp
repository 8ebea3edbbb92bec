// The reader warning that a draft holds characters its reader would not see as themselves —
// controls, bidi controls, zero-width characters (formats/common/visible_text) — naming the
// clause: "clause 6.1.3: text contains invisible control characters (U+202E RIGHT-TO-LEFT
// OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1)". Every output shows the characters
// themselves; the warning says that they are there and where, since "The device shall
// ⟨RLO⟩tpyrcne ton⟨PDF⟩ stored data." was compared as written but renders elsewhere as
// "The device shall not encrypt stored data.".
#pragma once

#include "engine/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace redline::formats {

// Clauses warned about one by one; past this many, one more warning counts the rest.
inline constexpr std::size_t max_hidden_character_warnings = 100;

// Appends the warnings to doc.warnings, in document order: one per clause whose label, titles
// or text hold such characters, placed at the first of them; then one for the document's
// title and identifier (DocumentInfo) when they hold any that no clause holds (front matter),
// placed at line 1.
void warn_hidden_characters(Document& doc);

// The hidden characters of `text` with their counts, in order of first appearance:
// "U+202E RIGHT-TO-LEFT OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1"; "" for none.
std::string list_hidden_characters(std::string_view text);

}  // namespace redline::formats
