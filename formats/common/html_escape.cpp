#include "formats/common/html_escape.hpp"

#include "formats/common/visible_text.hpp"

#include <array>

namespace redline::formats {

namespace {

// Bytes that need a look: the markup characters, and those that may begin a hidden
// character or U+FFFE / U+FFFF (0xEF, already one of them). Everything else is copied in runs.
constexpr std::array<bool, 256> special = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) t[c] = may_begin_hidden(static_cast<unsigned char>(c));
    for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
    return t;
}();

void escape_with(std::string& out, std::string_view s, bool marked) {
    std::size_t run = 0;  // [run, i) is copied as it is
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (!special[c]) continue;
        std::string_view rep;
        std::size_t bytes = 1;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if (const HiddenChar h = hidden_at(s, i)) {
                out.append(s.data() + run, i - run);
                if (marked) {
                    out += "<bdi class=\"hidden-char\" title=\"";
                    out += describe_hidden(h);
                    out += "\">";
                    out += h.shown;
                    out += "</bdi>";
                } else {
                    out += h.shown;
                }
                i += h.bytes - 1;
                run = i + 1;
                continue;
            }
            if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
                rep = "\xEF\xBF\xBD";
                bytes = 3;
                break;
            }
            continue;
        }
        out.append(s.data() + run, i - run);
        out += rep;
        i += bytes - 1;
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace

void escape(std::string& out, std::string_view s) { escape_with(out, s, false); }

std::string esc(std::string_view s) {
    std::string out;
    escape(out, s);
    return out;
}

void escape_marked(std::string& out, std::string_view s) { escape_with(out, s, true); }

std::string esc_marked(std::string_view s) {
    std::string out;
    escape_marked(out, s);
    return out;
}

}  // namespace redline::formats
