// Internal to formats/pdf: words → lines → paragraphs, from geometry alone.
//
// Lines: consecutive words (in poppler's reading order) whose boxes share a baseline band,
// moving right, with less than three ems between them. Words are joined with a space where
// poppler saw one or the gap is wider than a quarter em — but never between two CJK
// characters (justified Chinese text spreads its characters; an extractor that spaces them
// breaks every word), and full-width punctuation stays as printed. A list marker set a tab
// apart from its text ("•", "o", "a)", "1."; in a column poppler gives apart, or in the line)
// marks the line as an item's first.
//
// Paragraphs: a line continues the paragraph before it unless something says otherwise — a
// different font size or weight, a vertical gap wider than the document's usual line pitch
// for that size, a first-line indent, a previous line that ended well short of the column's
// right edge, a line opening with a clause number or list marker after a finished sentence,
// a marker set apart (however short the items), or a table-of-contents entry. Across a page
// or column break, a paragraph continues only when its last line ended mid-sentence and the
// next begins in lower case or CJK text, in the same font size and weight. An English word
// hyphenated at a line end is joined; its hyphen is dropped when the document spells the word
// without one elsewhere, kept otherwise ("re-approve").
#pragma once

#include "formats/pdf/extract.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace redline::formats::pdf {

struct Line {
    std::string text;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float size = 0;            // the font size of most of its characters
    bool bold = false;         // all of it in a bold face
    bool rotated = false;
    bool monospace = false;    // all of it in a monospace face (Courier, Consolas, … Mono)
    bool marker = false;       // opens with a list marker set apart from its text (Word's bullets)
    std::uint32_t page = 0;    // 1-based
};

struct Paragraph {
    std::string text;
    std::uint32_t page = 0;    // of its first line, 1-based
    float size = 0;
    bool bold = false;
    bool toc_entry = false;    // a table-of-contents entry (leaders and a page number)
    bool list_item = false;    // opens with a list marker set apart from its text
};

// The lines of one page (1-based `page_number`), in reading order.
void page_lines(const Page& page, const std::vector<Font>& fonts, std::uint32_t page_number, std::vector<Line>& out);

// The font size most characters are set in.
float body_size(const std::vector<Line>& lines);

// Paragraphs from the lines of all pages (page furniture already removed), in order.
std::vector<Paragraph> paragraphs(const std::vector<Line>& lines);

}  // namespace redline::formats::pdf
