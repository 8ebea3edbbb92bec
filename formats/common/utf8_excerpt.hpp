// Shortening display text without cutting a UTF-8 sequence in half.
#pragma once

#include <string>
#include <string_view>

namespace redline::formats {

// The first `max_chars` code points of `s` with white space folded, plus "…" when cut.
std::string excerpt(std::string_view s, std::size_t max_chars);

}  // namespace redline::formats
