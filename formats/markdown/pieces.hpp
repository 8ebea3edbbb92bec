// Where a stretch of Markdown may be cut so that cmark-gfm, reading the pieces one after the
// other, builds the same blocks as from the whole: a draft of many short sections is then
// never held whole as cmark-gfm's nodes (some 25 times the text: 106 MB for a 4.3 MB draft of
// 136,000 headings and paragraphs), only a piece at a time.
//
// A cut goes only before an ATX heading ("#" to "######") in the first column of a line that
// follows a blank line. Such a heading closes every block that is open, except three:
//   - a link reference definition applies to the whole document: when the text holds "]:"
//     anywhere (a definition cannot be written without it) nothing is cut;
//   - a top-level fenced code block or a top-level HTML block of kinds 1 to 5 (<script>,
//     <!--, <?, <!X, <![CDATA[) runs until its own closing line, whatever comes between:
//     rather than foresee them, the piece is parsed and checked (ends_open below). One that
//     is still open at the cut would have read the heading as its own text; the piece is then
//     parsed again, longer, up to a later cut (at least twice as far, so that retries cost at
//     most the piece once more).
// Every other container (block quote, list item) needs a marker or an indent on the heading's
// line, and a heading never continues a paragraph lazily; HTML blocks of kinds 6 and 7, tables
// and paragraphs end at the blank line.
#pragma once

#include "formats/markdown/guard.hpp"

#include <cmark-gfm.h>

#include <cstddef>
#include <cstdint>

namespace redline::formats::markdown {

// Pieces are cut at the first place allowed after this many bytes: drafts smaller than this
// are parsed whole.
inline constexpr std::size_t default_piece_bytes = std::size_t{256} << 10;

// False when nothing in lines first..last may be cut (a link reference definition may be there).
bool may_cut(const HardenedText& text, std::uint32_t first, std::uint32_t last);

// The last line of the piece that starts at line `from`: the line before the first cut allowed
// after at least `bytes` bytes of lines from..; `last` when there is none before it.
std::uint32_t piece_end(const HardenedText& text, std::uint32_t from, std::uint32_t last, std::size_t bytes);

// True when the tree cmark-gfm made of a piece of `lines` lines (cut before a heading, so its
// last line is blank) ends in a top-level fenced code block or HTML block that reaches that
// last line: one left open, which the whole text would have continued past the cut.
bool ends_open(cmark_node* root, std::uint32_t lines);

}  // namespace redline::formats::markdown
