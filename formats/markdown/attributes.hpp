// kramdown attribute syntax in kramdown-rfc sources: header ids ("# Title {#anchor}"),
// inline/block attribute lists ("{: #fig-x title="Caption"}", "{:numbered="false"}"),
// attribute list definitions ("{:br: vspace="0"}") and comments ("{::comment}…{:/comment}").
// None of it is text of the draft; it is removed from titles and blocks, and what it says
// (anchor, numbering, caption) is kept where the model has room for it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline::formats::markdown {

struct Attributes {
    std::string anchor;        // from "#id" or "{#id}"
    std::string title;         // from title="…": a figure or table caption
    bool unnumbered = false;   // numbered="false", .unnumbered, {-}
};

// True when `text` consists only of kramdown attribute lists ("{: …}", "{:name: …}"),
// separated by white space; their content is merged into `out`.
bool parse_attribute_lists(std::string_view text, Attributes& out);

// The anchor of a raw heading line exactly as the alignment scorer finds it: the first
// "{#id…}" anywhere in the line (id = the characters up to white space or '}').
std::string_view heading_anchor(std::string_view raw_line);

// A heading's text without "{#id …}" and "{: …}" anywhere and without a trailing Pandoc
// attribute block ("{-}", "{.unnumbered}"); what they said is merged into `attrs`.
std::string strip_heading_attributes(std::string_view title, Attributes& attrs);

// Removes inline attribute lists ("{: …}", "{:name: …}") from block text, except those that
// start inside one of the `keep` byte ranges [first, second) (code spans), sorted by start.
std::string strip_attribute_lists(std::string_view text,
                                  const std::vector<std::pair<std::size_t, std::size_t>>& keep);

// Removes kramdown comments ("{::comment}" … "{:/comment}" or "{:/}"). A comment may span
// several blocks: `in_comment` carries it from one call to the next.
std::string remove_comments(std::string_view text, bool& in_comment);

}  // namespace redline::formats::markdown
