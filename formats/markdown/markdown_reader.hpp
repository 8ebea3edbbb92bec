// read_markdown (formats/reader.hpp) with the size given of the pieces cmark-gfm parses
// (pieces.hpp): tests read a draft in pieces of one section each and compare it with the
// draft read whole.
#pragma once

#include "engine/document.hpp"
#include "formats/reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace redline::formats::markdown {

// `pieces`, when given, is set to how many pieces cmark-gfm parsed (0 when the draft was read
// line by line).
Document read_markdown(std::string_view utf8, const ReadOptions& options, std::size_t piece_bytes,
                       std::uint32_t* pieces = nullptr);

}  // namespace redline::formats::markdown
