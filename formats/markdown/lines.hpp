// Physical lines of a Markdown source, split exactly as cmark-gfm splits them ("\n", "\r\n"
// and a lone "\r" each end a line: text::split_lines in engine/text.hpp, which every reader
// uses), so that a line number computed here and a source position reported by cmark name
// the same line. Python's universal newlines (used by the alignment scorer) agree.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace redline::formats::markdown {

struct SourceText {
    std::string_view text;
    std::vector<std::string_view> lines;   // lines[0] is line 1; terminators excluded

    std::uint32_t line_count() const { return static_cast<std::uint32_t>(lines.size()); }
    // Line `n` (1-based); empty for a number outside the text.
    std::string_view line(std::uint32_t n) const {
        return n >= 1 && n <= lines.size() ? lines[n - 1] : std::string_view();
    }
};

SourceText split_lines(std::string_view text);

// True when the line holds nothing but spaces and tabs.
bool is_blank(std::string_view line);

std::string_view trim(std::string_view s);

}  // namespace redline::formats::markdown
