// Internal to formats/pdf: page furniture — what pagination and the publisher added to every
// page rather than to the draft — found by position and repetition, and removed with a
// warning for each kind, never silently:
//
//   running headers and footers  a line in the top or bottom tenth of the page whose text,
//                                with its numbers (arabic or Roman) masked, recurs at the same
//                                height on at least a fifth of the pages (and on two or more)
//   page numbers                 a line in those bands that is only a page number: "7", "— 3 —",
//                                "- iv -", "Page 10 of 231", "10/231", "第 3 页"
//   margin line numbers          bare numbers left or right of the text column, three or more
//                                on a page, on at least half of the pages
//   watermarks                   text set in more than twice the body size, or turned, that
//                                recurs on two pages or more, or reads as a known watermark
//                                (DRAFT, 征求意见稿, 送审稿, 报批稿, 草案, CONFIDENTIAL)
#pragma once

#include "engine/document.hpp"
#include "formats/pdf/layout.hpp"

#include <vector>

namespace redline::formats::pdf {

// Removes the furniture from `lines` (all pages, in order) and appends the warnings.
void remove_furniture(std::vector<Line>& lines, const std::vector<Page>& pages, float body_size,
                      std::vector<Warning>& warnings);

}  // namespace redline::formats::pdf
