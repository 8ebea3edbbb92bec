#include "formats/common/html_escape.hpp"

namespace redline::formats {

void escape(std::string& out, std::string_view s) {
    std::size_t run = 0;
    auto flush = [&](std::size_t i) { out.append(s.data() + run, i - run); };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const char* rep = nullptr;
        char picture[4];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                const unsigned cp = 0x2400u + c;
                picture[0] = static_cast<char>(0xE0 | (cp >> 12));
                picture[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                picture[2] = static_cast<char>(0x80 | (cp & 0x3F));
                picture[3] = 0;
                rep = picture;
            } else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                       (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
                flush(i);
                out += "\xEF\xBF\xBD";
                i += 2;
                run = i + 1;
                continue;
            }
        }
        if (!rep) continue;
        flush(i);
        out += rep;
        run = i + 1;
    }
    flush(s.size());
}

std::string esc(std::string_view s) {
    std::string out;
    escape(out, s);
    return out;
}

}  // namespace redline::formats
