// Internal to formats/pdf: the words of a PDF, with their boxes and fonts, page by page, from
// poppler's C++ API (poppler::page::text_list), in the module poppler_module.cpp that
// extract.cpp loads on first use (the only file that includes poppler).
//
// Poppler gives the words of a page in its own reading order (flows, then blocks, then lines:
// the columns of a two-column page one after the other); the layout stage keeps that order.
// Glyphs whose font gives no Unicode mapping come out as control characters, private-use
// code points or U+FFFD: they are counted per font and left out of the words (see
// `Extraction::unmapped`). Everything poppler would print on stderr is collected instead, so
// that a damaged file's complaints become one error or one warning.
#pragma once

#include "engine/document.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::pdf {

// Limits on one PDF (docs/limits.md). Exceeding one is an InputError.
struct Limits {
    std::uint32_t max_pages = 5000;            // pages in the document
    std::size_t max_words = 4'000'000;         // words over all pages
    double max_seconds = 120;                  // reading the text of all pages
    double max_unmapped_share = 0.05;          // glyphs without a Unicode mapping, over all glyphs
};
inline const Limits default_limits{};

struct Word {
    std::string text;          // UTF-8, never empty
    float x0 = 0, y0 = 0;      // top left, in points from the page's top left corner
    float x1 = 0, y1 = 0;      // bottom right
    float size = 0;            // font size in points
    std::uint16_t font = 0;    // index into Extraction::fonts
    bool space_after = false;  // poppler saw a space between this word and the next
    bool rotated = false;      // not upright (vertical or upside-down text)
};

struct Page {
    float width = 0, height = 0;
    std::vector<Word> words;   // in poppler's reading order
};

struct Font {
    std::string name;          // as the PDF names it, subset prefix ("BCDEEE+") removed
    bool bold = false;         // Bold, Black, Heavy, Semibold, Demi; 黑体 (…Hei…), as GB/T headings use
    std::size_t glyphs = 0;    // glyphs read in this font
    std::size_t unmapped = 0;  // of which had no Unicode mapping
};

struct Extraction {
    std::vector<Page> pages;
    std::vector<Font> fonts;
    std::size_t glyphs = 0, unmapped = 0;
    std::vector<std::string> problems;   // what poppler reported while reading (first few)
    std::size_t problem_count = 0;
};

// Reads the words of every page. Throws InputError: a damaged file, one that needs a password,
// no text layer at all, too many unmapped glyphs (naming the font), or a limit exceeded.
Extraction extract(std::string_view bytes, const Limits& limits = default_limits);

}  // namespace redline::formats::pdf
