// Internal to formats/docx: reading WordprocessingML attributes with pugixml.
#pragma once

#include <pugixml.hpp>

#include <charconv>
#include <cstring>
#include <string_view>

namespace redline::formats::docx {

// w:val of an element, "" when absent.
inline std::string_view val(pugi::xml_node n) { return n.attribute("w:val").value(); }

inline int to_int(std::string_view s, int fallback) {
    int v = fallback;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() ? v : fallback;
}

// w:val as an integer; `fallback` when the element or attribute is missing or not a number.
inline int val_int(pugi::xml_node n, int fallback) { return n ? to_int(val(n), fallback) : fallback; }

// An ST_OnOff toggle (<w:b/>, <w:isLgl w:val="0"/>): present and not false.
inline bool on(pugi::xml_node n) {
    if (!n) return false;
    const std::string_view v = val(n);
    return !(v == "0" || v == "false" || v == "off");
}

inline bool is(pugi::xml_node n, const char* name) { return std::strcmp(n.name(), name) == 0; }

}  // namespace redline::formats::docx
