#include "formats/common/utf8_excerpt.hpp"

#include "engine/utf8.hpp"

#include <algorithm>

namespace redline::formats {

std::string excerpt(std::string_view s, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = std::min(text::sequence_length(c), s.size() - i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            ++i;
            continue;
        }
        if (chars == max_chars) {
            out += "…";
            return out;
        }
        if (pending_space) {
            out += ' ';
            ++chars;
            pending_space = false;
            if (chars == max_chars) {
                out += "…";
                return out;
            }
        }
        out.append(s.substr(i, len));
        ++chars;
        i += len;
    }
    return out;
}

}  // namespace redline::formats
