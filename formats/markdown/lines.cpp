#include "formats/markdown/lines.hpp"

#include "engine/text.hpp"

namespace redline::formats::markdown {

SourceText split_lines(std::string_view s) {
    SourceText out;
    out.text = s;
    out.lines = text::split_lines(s);
    return out;
}

bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\f\v");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(first, last - first + 1);
}

}  // namespace redline::formats::markdown
