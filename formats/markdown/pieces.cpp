#include "formats/markdown/pieces.hpp"

#include <string_view>

namespace redline::formats::markdown {

namespace {

// A line as cmark-gfm sees its content: without a "\r" left by a "\r\n" terminator.
std::string_view content(const HardenedText& text, std::uint32_t n) {
    std::string_view line = text.line(n);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// "#" to "######" in the first column, then a space, a tab or the end of the line.
bool opens_atx_heading(std::string_view line) {
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes == 0 || hashes > 6) return false;
    return hashes == line.size() || line[hashes] == ' ' || line[hashes] == '\t';
}

}  // namespace

bool may_cut(const HardenedText& text, std::uint32_t first, std::uint32_t last) {
    return text.lines(first, last).find("]:") == std::string_view::npos;
}

std::uint32_t piece_end(const HardenedText& text, std::uint32_t from, std::uint32_t last, std::size_t bytes) {
    const std::size_t begin = static_cast<std::size_t>(text.lines(from, from).data() - text.text().data());
    for (std::uint32_t n = from + 1; n <= last; ++n) {
        const std::string_view line = text.lines(n, n);
        if (static_cast<std::size_t>(line.data() - text.text().data()) - begin < bytes) continue;
        if (opens_atx_heading(content(text, n)) && is_blank(content(text, n - 1))) return n - 1;
    }
    return last;
}

bool ends_open(cmark_node* root, std::uint32_t lines) {
    cmark_node* last = cmark_node_last_child(root);
    if (last == nullptr) return false;
    const cmark_node_type type = cmark_node_get_type(last);
    bool may_stay_open = type == CMARK_NODE_HTML_BLOCK;
    if (type == CMARK_NODE_CODE_BLOCK) {
        int length = 0;
        int offset = 0;
        char fence = 0;
        may_stay_open = cmark_node_get_fenced(last, &length, &offset, &fence) != 0;
    }
    // A closed one ends on its closing line, which is not blank: before the piece's last line.
    return may_stay_open && cmark_node_get_end_line(last) >= static_cast<int>(lines);
}

}  // namespace redline::formats::markdown
