// `redline parse --format json`: the clause tree, schema "redline.document/1" (docs/json.md).
// Keys are written in a fixed order and the output is byte-identical for the same input.
#pragma once

#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/common/output_sink.hpp"

#include <string>

namespace redline::formats {

inline constexpr const char* document_schema = "redline.document/1";

// With an analysis, adds "profile", "provisions" (normative units: clause, kind, polarity,
// form, text and its span) and "references" (key, as printed, dated, normative list).
// Streams into `sink` (and flushes it); the other form returns the whole text.
void write_document_json(const Document& doc, const Analysis* analysis, OutputSink& sink);
std::string write_document_json(const Document& doc, const Analysis* analysis = nullptr);

}  // namespace redline::formats
