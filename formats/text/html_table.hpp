// Internal to formats/text: the rows of an HTML <table> in a Markdown conversion (OCR tools
// emit them on one line), parsed with libxml2's forgiving HTML parser.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::html {

struct Row {
    std::string text;          // cells joined by " | ", each with its white space folded
    std::uint32_t line = 0;    // 1-based line of the row's <tr> within `html`
};

// Rows in document order; rows of a table nested in a cell are part of that cell's text.
// Empty rows are left out. An unparsable fragment gives no rows.
std::vector<Row> table_rows(std::string_view html);

// Text of an HTML fragment without its tags, entities decoded (for fragments that hold no
// table rows).
std::string strip_tags(std::string_view html);

}  // namespace redline::formats::html
