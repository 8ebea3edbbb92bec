#include "formats/terminal/display_width.hpp"

#include "engine/utf8.hpp"

namespace redline::formats {

namespace {

// The East_Asian_Width W and F ranges that drafts use (UAX #11), not the whole table: CJK
// text and its punctuation are what make a Chinese line wider than its character count.
constexpr bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

constexpr bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
           c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

std::size_t display_width(std::string_view line) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] == '\x1b' && i + 1 < line.size() && line[i + 1] == '[') {
            i += 2;
            while (i < line.size() && !(line[i] >= '@' && line[i] <= '~')) ++i;
            ++i;
            continue;
        }
        const char32_t c = text::next(line, i);
        width += is_wide(c) ? 2 : is_zero_width(c) ? 0 : 1;
    }
    return width;
}

std::size_t display_rows(std::string_view text, std::size_t columns) {
    if (columns == 0) columns = 1;
    std::size_t rows = 0;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        const std::size_t width = display_width(text.substr(0, nl));
        rows += width == 0 ? 1 : (width + columns - 1) / columns;
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return rows;
}

}  // namespace redline::formats
