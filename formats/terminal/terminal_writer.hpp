// `redline diff --format text`: the comparison for a terminal. Changed clauses only, each
// under a header with its change number and old → new label; removed words red and struck
// through, inserted words green and underlined — or, without colour, wdiff's [-…-] {+…+}.
#pragma once

#include "engine/comparison.hpp"
#include "formats/common/output_sink.hpp"
#include "formats/terminal/change_kinds.hpp"

#include <string>

namespace redline::formats {

struct TerminalOptions {
    bool color = false;
    bool show_editorial = true;   // list editorial-only entries (renumbering, punctuation)
    ChangeKinds only;             // --only: the provision changes and clause entries shown
};

// Streams into `sink` (and flushes it); the other form returns the whole text.
void write_terminal(const Comparison& comparison, const TerminalOptions& options, OutputSink& sink);
std::string write_terminal(const Comparison& comparison, const TerminalOptions& options);

}  // namespace redline::formats
