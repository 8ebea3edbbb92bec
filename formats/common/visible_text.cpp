#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace redline::formats {

namespace {

// The Control Pictures U+2400–U+241F in UTF-8 (E2 90 80+c), for C0 control c.
constexpr std::array<std::array<char, 3>, 32> c0_pictures = [] {
    std::array<std::array<char, 3>, 32> t{};
    for (std::size_t c = 0; c < 32; ++c) t[c] = {'\xE2', '\x90', static_cast<char>(0x80 + c)};
    return t;
}();

constexpr std::string_view c0_names[32] = {
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
    "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "FILE SEPARATOR", "GROUP SEPARATOR", "RECORD SEPARATOR", "UNIT SEPARATOR"};

struct Named {
    std::string_view shown, name;
};

// C1 controls U+0080–U+009F: the abbreviations and names of ISO/IEC 6429.
constexpr Named c1[32] = {
    {"⟨PAD⟩", "PADDING CHARACTER"},
    {"⟨HOP⟩", "HIGH OCTET PRESET"},
    {"⟨BPH⟩", "BREAK PERMITTED HERE"},
    {"⟨NBH⟩", "NO BREAK HERE"},
    {"⟨IND⟩", "INDEX"},
    {"⟨NEL⟩", "NEXT LINE"},
    {"⟨SSA⟩", "START OF SELECTED AREA"},
    {"⟨ESA⟩", "END OF SELECTED AREA"},
    {"⟨HTS⟩", "CHARACTER TABULATION SET"},
    {"⟨HTJ⟩", "CHARACTER TABULATION WITH JUSTIFICATION"},
    {"⟨VTS⟩", "LINE TABULATION SET"},
    {"⟨PLD⟩", "PARTIAL LINE FORWARD"},
    {"⟨PLU⟩", "PARTIAL LINE BACKWARD"},
    {"⟨RI⟩", "REVERSE LINE FEED"},
    {"⟨SS2⟩", "SINGLE SHIFT TWO"},
    {"⟨SS3⟩", "SINGLE SHIFT THREE"},
    {"⟨DCS⟩", "DEVICE CONTROL STRING"},
    {"⟨PU1⟩", "PRIVATE USE ONE"},
    {"⟨PU2⟩", "PRIVATE USE TWO"},
    {"⟨STS⟩", "SET TRANSMIT STATE"},
    {"⟨CCH⟩", "CANCEL CHARACTER"},
    {"⟨MW⟩", "MESSAGE WAITING"},
    {"⟨SPA⟩", "START OF GUARDED AREA"},
    {"⟨EPA⟩", "END OF GUARDED AREA"},
    {"⟨SOS⟩", "START OF STRING"},
    {"⟨SGC⟩", "SINGLE GRAPHIC CHARACTER INTRODUCER"},
    {"⟨SCI⟩", "SINGLE CHARACTER INTRODUCER"},
    {"⟨CSI⟩", "CONTROL SEQUENCE INTRODUCER"},
    {"⟨ST⟩", "STRING TERMINATOR"},
    {"⟨OSC⟩", "OPERATING SYSTEM COMMAND"},
    {"⟨PM⟩", "PRIVACY MESSAGE"},
    {"⟨APC⟩", "APPLICATION PROGRAM COMMAND"},
};

// U+200B–U+200F, U+202A–U+202E, U+2060–U+2064 and U+2066–U+2069, by their last UTF-8 byte.
constexpr Named u200b[5] = {{"⟨ZWSP⟩", "ZERO WIDTH SPACE"},
                            {"⟨ZWNJ⟩", "ZERO WIDTH NON-JOINER"},
                            {"⟨ZWJ⟩", "ZERO WIDTH JOINER"},
                            {"⟨LRM⟩", "LEFT-TO-RIGHT MARK"},
                            {"⟨RLM⟩", "RIGHT-TO-LEFT MARK"}};
constexpr Named u202a[5] = {{"⟨LRE⟩", "LEFT-TO-RIGHT EMBEDDING"},
                            {"⟨RLE⟩", "RIGHT-TO-LEFT EMBEDDING"},
                            {"⟨PDF⟩", "POP DIRECTIONAL FORMATTING"},
                            {"⟨LRO⟩", "LEFT-TO-RIGHT OVERRIDE"},
                            {"⟨RLO⟩", "RIGHT-TO-LEFT OVERRIDE"}};
// U+2061–U+2064 have no customary abbreviation: their code point stands in for one.
constexpr Named u2060[5] = {{"⟨WJ⟩", "WORD JOINER"},
                            {"⟨U+2061⟩", "FUNCTION APPLICATION"},
                            {"⟨U+2062⟩", "INVISIBLE TIMES"},
                            {"⟨U+2063⟩", "INVISIBLE SEPARATOR"},
                            {"⟨U+2064⟩", "INVISIBLE PLUS"}};
constexpr Named u2066[4] = {{"⟨LRI⟩", "LEFT-TO-RIGHT ISOLATE"},
                            {"⟨RLI⟩", "RIGHT-TO-LEFT ISOLATE"},
                            {"⟨FSI⟩", "FIRST STRONG ISOLATE"},
                            {"⟨PDI⟩", "POP DIRECTIONAL ISOLATE"}};
constexpr Named alm{"⟨ALM⟩", "ARABIC LETTER MARK"};
constexpr Named bom{"⟨BOM⟩", "ZERO WIDTH NO-BREAK SPACE"};

HiddenChar format_char(char32_t cp, const Named& n) { return {cp, cp < 0x800 ? 2u : 3u, n.shown, n.name, true}; }

}  // namespace

HiddenChar hidden_at(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (!may_begin_hidden(b0)) return {};
    if (b0 < 0x20) return {b0, 1, std::string_view(c0_pictures[b0].data(), 3), c0_names[b0], false};
    if (b0 == 0x7F) return {0x7F, 1, "␡", "DELETE", false};
    if (i + 1 >= s.size()) return {};
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xC2) {
        if (b1 >= 0x80 && b1 <= 0x9F) return {b1, 2, c1[b1 - 0x80].shown, c1[b1 - 0x80].name, false};
        return {};
    }
    if (b0 == 0xD8) return b1 == 0x9C ? format_char(0x061C, alm) : HiddenChar{};
    if (i + 2 >= s.size()) return {};
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 == 0xEF) return b1 == 0xBB && b2 == 0xBF ? format_char(0xFEFF, bom) : HiddenChar{};
    // b0 == 0xE2: U+2000–U+207F are E2 80 xx and E2 81 xx.
    const char32_t cp = 0x2000 + ((b1 & 0x3F) << 6) + (b2 & 0x3F);
    if (b1 == 0x80) {
        if (b2 >= 0x8B && b2 <= 0x8F) return format_char(cp, u200b[b2 - 0x8B]);
        if (b2 >= 0xAA && b2 <= 0xAE) return format_char(cp, u202a[b2 - 0xAA]);
    } else if (b1 == 0x81) {
        if (b2 >= 0xA0 && b2 <= 0xA4) return format_char(cp, u2060[b2 - 0xA0]);
        if (b2 >= 0xA6 && b2 <= 0xA9) return format_char(cp, u2066[b2 - 0xA6]);
    }
    return {};
}

namespace {

// Past the eight-byte words of printable ASCII (0x20–0x7E) from i: no such byte can begin a
// hidden character. A word with a control (tab and newline included), DEL or a non-ASCII
// byte stops the skip, and the bytes are looked at one by one.
std::size_t skip_printable_ascii(std::string_view s, std::size_t i) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        const std::uint64_t below_space = (w - 0x20 * ones) & ~w;  // high bit of bytes < 0x20
        const std::uint64_t del_or_high = (w + ones) | w;          // high bit of bytes >= 0x7F
        if ((below_space | del_or_high) & highs) break;
    }
    return i;
}

}  // namespace

std::size_t find_hidden(std::string_view s, std::size_t from) {
    for (std::size_t i = from; i < s.size();) {
        i = skip_printable_ascii(s, i);
        for (const std::size_t end = std::min(i + 8, s.size()); i < end; ++i)
            if (may_begin_hidden(static_cast<unsigned char>(s[i])) && hidden_at(s, i)) return i;
    }
    return std::string_view::npos;
}

void append_visible(std::string& out, std::string_view s) {
    std::size_t run = 0;  // [run, i) is copied as it is
    for (std::size_t i = find_hidden(s); i != std::string_view::npos; i = find_hidden(s, i)) {
        const HiddenChar h = hidden_at(s, i);
        out.append(s.data() + run, i - run);
        out += h.shown;
        i += h.bytes;
        run = i;
    }
    out.append(s.data() + run, s.size() - run);
}

std::string visible_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_visible(out, s);
    return out;
}

std::string visible_text(std::string&& s) {
    if (find_hidden(s) == std::string_view::npos) return std::move(s);
    return visible_text(std::string_view(s));
}

std::string describe_hidden(const HiddenChar& h) { return fmt::format("U+{:04X} {}", static_cast<std::uint32_t>(h.code_point), h.name); }

}  // namespace redline::formats
