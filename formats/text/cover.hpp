// Internal to formats/text: facts taken from the lines before a draft's first section — the
// cover of a GB/T or ISO draft, the header block of an RFC or Internet-Draft, the title and
// enactment history of a law.
#pragma once

#include "engine/document.hpp"
#include "formats/text/structure.hpp"

#include <span>

namespace redline::formats::cover {

// Fills identifier, classifications, title, alt_title, stage and replaces of `info` from the
// cover lines (fields already set are kept). `language` decides which of a bilingual cover's
// titles is the title and which the alt_title.
void read_cover(std::span<const SourceLine> lines, Language language, DocumentInfo& info);

}  // namespace redline::formats::cover
