// Shared by the reader tests: a document's section roles as text, to compare with a literal.
#pragma once

#include "engine/document.hpp"

#include <string>

namespace redline::test {

// The nodes that have a section role, one a line: "label title → role" (an untitled,
// unlabelled node shows its first block).
inline std::string roles(const Document& d) {
    std::string out;
    for (ClauseId i = 1; i < d.size(); ++i) {
        if (d[i].role == SectionRole::none) continue;
        std::string name(d.label(i));
        if (!d.title(i).empty()) name += (name.empty() ? "" : " ") + std::string(d.title(i));
        if (name.empty() && d[i].block_count > 0) name = std::string(d.str(d.blocks_begin(i)->text));
        out += name + " → " + std::string(to_string(d[i].role)) + "\n";
    }
    return out;
}

}  // namespace redline::test
