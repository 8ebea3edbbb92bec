// `redline parse --format json`: the clause tree, schema "redline.document/1" (docs/json.md).
// Keys are written in a fixed order and the output is byte-identical for the same input.
#pragma once

#include "engine/document.hpp"

#include <string>

namespace redline::formats {

inline constexpr const char* document_schema = "redline.document/1";

std::string write_document_json(const Document& doc);

}  // namespace redline::formats
