// `redline diff --format json`: the comparison report, schema "redline.report/2" — a stable
// contract documented in docs/json.md. Every clause of both documents appears in exactly one
// entry; key order is fixed; the same inputs give byte-identical output.
#pragma once

#include "engine/comparison.hpp"
#include "formats/common/output_sink.hpp"

#include <string>

namespace redline::formats {

inline constexpr const char* report_schema = "redline.report/2";

// Streams into `sink` (and flushes it); the other form returns the whole text.
void write_report_json(const Comparison& comparison, OutputSink& sink);
std::string write_report_json(const Comparison& comparison);

}  // namespace redline::formats
