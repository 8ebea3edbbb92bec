// `redline parse --format outline`: the clause tree as a person reads it, one node a line:
// source line, kind, indentation by depth, label and title (or the start of the node's
// text when it has no title), and with an analysis the count of each provision kind in the
// node's own text ("[2 req, 1 rec]").
#pragma once

#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/common/output_sink.hpp"

#include <string>

namespace redline::formats {

// Streams into `sink` (and flushes it); the other form returns the whole text.
void write_outline(const Document& doc, const Analysis* analysis, OutputSink& sink);
std::string write_outline(const Document& doc, const Analysis* analysis = nullptr);

}  // namespace redline::formats
