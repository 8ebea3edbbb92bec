// The redline page: one self-contained HTML5 file (inline CSS and script, no external
// requests, a Content-Security-Policy that allows only its own two inline blocks) showing
// a Comparison inline or side by side, with an outline, filters, change numbers and the
// provision changes. The markup is also well-formed XML. Every document string is escaped.
#pragma once

#include "engine/comparison.hpp"
#include "formats/common/output_sink.hpp"

#include <string>

namespace redline::formats {

struct HtmlOptions {
    std::string date;   // the comparison date shown in the header (YYYY-MM-DD); empty: none
};

// Streams into `sink` (and flushes it); the other form returns the whole page.
void write_redline_html(const Comparison& comparison, const HtmlOptions& options, OutputSink& sink);
std::string write_redline_html(const Comparison& comparison, const HtmlOptions& options = {});

}  // namespace redline::formats
