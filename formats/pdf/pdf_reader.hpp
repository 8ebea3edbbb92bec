// The PDF reader's text stage (formats/pdf), for read_pdf, the fuzz target and the bench: a
// PDF's bytes → the text it shows, without page furniture, one paragraph per line.
#pragma once

#include "engine/document.hpp"
#include "formats/pdf/extract.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::pdf {

// "%PDF-" within the first 1024 bytes, where PDF readers look for it.
bool looks_like_pdf(std::string_view bytes);

struct ExtractedLine {
    std::uint32_t page = 0;            // 1-based
    std::uint8_t heading_level = 0;    // 0: no heading by its font; 1 = the largest heading size
    // A blank line follows, except after a bare clause number ("3.1"), whose term or title is
    // the next line, as in a plain-text draft.
    bool blank_after = true;
    bool list_item = false;            // opens with a list marker set apart from its text ("o", "•")
};

struct Extracted {
    std::string text;                  // one paragraph a line, each followed by a blank line but see below
    std::vector<ExtractedLine> lines;  // one per paragraph
    std::vector<Warning> warnings;     // page furniture removed, unmapped glyphs, poppler's complaints
    std::uint32_t pages = 0;
};

// Throws InputError as pdf::extract does, and "not a PDF" without a %PDF- header.
Extracted extract_text(std::string_view bytes, const Limits& limits = default_limits);

}  // namespace redline::formats::pdf
