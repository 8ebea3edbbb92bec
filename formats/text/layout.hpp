// Internal to formats/text: removing what pagination added to a draft's text — RFC page
// footers ("Rescorla  Standards Track  [Page 12]") and the running header after each page
// break, running headers and footers repeated on many pages of a PDF conversion, and bare
// page numbers next to a page break. Page breaks stay (as LineHint::page_break) so that the
// recogniser can re-join a paragraph split across two pages.
#pragma once

#include "engine/document.hpp"
#include "formats/text/structure.hpp"

#include <vector>

namespace redline::formats::layout {

struct Result {
    std::vector<SourceLine> lines;   // the input without page furniture
    bool rfc_pages = false;          // RFC-style "[Page N]" footers were found
};

// Takes the lines by value and filters them in place: a draft of short paragraphs has as many
// lines as it has bytes over a few, and each copy of them costs 24 bytes a line.
Result remove_page_furniture(std::vector<SourceLine> lines, std::vector<Warning>& warnings);

}  // namespace redline::formats::layout
