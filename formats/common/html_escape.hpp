// Document text inside HTML (and XML): element content and attribute values.
#pragma once

#include <string>
#include <string_view>

namespace redline::formats {

// Appends `s` escaped (& < > " '). C0 controls other than tab, newline and carriage return
// become their visible Control Pictures (U+2400 + c): XML forbids them, and silently dropping
// them would hide a difference. U+FFFE / U+FFFF become U+FFFD.
void escape(std::string& out, std::string_view s);
std::string esc(std::string_view s);

}  // namespace redline::formats
