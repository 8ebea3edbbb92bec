// Document text inside HTML (and XML): element content and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace redline::formats {

// Appends `s` escaped (& < > " '), safe in element content and in attribute values alike.
// Controls and invisible format characters (formats/common/visible_text) become their
// visible tokens ("␁", "⟨RLO⟩") as plain text: XML forbids most controls, and a bidi control
// left in would reorder what the reader sees. U+FFFE / U+FFFF become U+FFFD.
void escape(std::string& out, std::string_view s);
std::string esc(std::string_view s);

// The same for element content only: each token stands in an isolated, highlighted element,
// <bdi class="hidden-char" title="U+202E RIGHT-TO-LEFT OVERRIDE">⟨RLO⟩</bdi>, which no
// surrounding text can reorder and a reader cannot miss. Never inside an attribute value or
// an element that holds text only (<title>, SVG <text>).
void escape_marked(std::string& out, std::string_view s);
std::string esc_marked(std::string_view s);

}  // namespace redline::formats
