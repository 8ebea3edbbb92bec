// `redline diff --format json`: the comparison report, schema "redline.report/2" — a stable
// contract documented in docs/json.md. Every clause of both documents appears in exactly one
// entry; key order is fixed; the same inputs give byte-identical output.
#pragma once

#include "engine/comparison.hpp"

#include <string>

namespace redline::formats {

inline constexpr const char* report_schema = "redline.report/2";

std::string write_report_json(const Comparison& comparison);

}  // namespace redline::formats
