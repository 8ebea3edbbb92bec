#include "formats/docx/symbol_font.hpp"

#include <span>

namespace redline::formats::docx {

namespace {

struct Map {
    char32_t from;
    char32_t to;
};

constexpr Map symbol_font[] = {{0xB7, U'•'}, {0xD7, U'×'}, {0xB3, U'≥'}, {0xA3, U'≤'}, {0xB1, U'±'},
                               {0xAE, U'→'}, {0xAC, U'←'}, {0xB9, U'≠'}, {0xBB, U'≈'}, {0xA5, U'∞'},
                               {0x2D, U'−'}, {0xB4, U'÷'}, {0x44, U'Δ'}, {0x6D, U'μ'}, {0x70, U'π'}};
constexpr Map wingdings_font[] = {{0xA7, U'▪'}, {0x9F, U'•'}, {0xFC, U'✓'}, {0xFB, U'✗'},
                                  {0xD8, U'➢'}, {0x6C, U'●'}, {0x6E, U'■'}, {0x71, U'❑'}};

}  // namespace

char32_t symbol_char(std::string_view font, char32_t c) {
    const bool wingdings = font.starts_with("Wingdings");
    const bool symbol = wingdings || font == "Symbol";
    const bool private_use = c >= 0xF000 && c <= 0xF0FF;
    // A symbol font's code may also be written without its F0 prefix ("·" for Symbol's bullet).
    if (!private_use && !(symbol && c >= 0x20 && c <= 0xFF)) return c;
    const char32_t low = private_use ? c - 0xF000 : c;
    for (const Map& m : wingdings ? std::span<const Map>(wingdings_font) : std::span<const Map>(symbol_font))
        if (m.from == low) return m.to;
    return private_use ? 0 : c;
}

}  // namespace redline::formats::docx
