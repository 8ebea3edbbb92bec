// `redline parse --format outline`: the clause tree as a person reads it, one node a line:
// source line, kind, indentation by depth, label and title (or the start of the node's
// text when it has no title).
#pragma once

#include "engine/document.hpp"

#include <string>

namespace redline::formats {

std::string write_outline(const Document& doc);

}  // namespace redline::formats
