// cmark-gfm, wrapped: parsing one chunk of Markdown (with source positions and the GFM
// table extension) into a tree that frees itself, and the node types of that extension.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace redline::formats::markdown {

struct CmarkNodeFree {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkTree = std::unique_ptr<cmark_node, CmarkNodeFree>;

// Parses `markdown`; line 1 of the chunk is reported as line 1 by the nodes.
CmarkTree parse_cmark(std::string_view markdown);

bool is_table(cmark_node* node);
bool is_table_row(cmark_node* node);
bool is_table_cell(cmark_node* node);

}  // namespace redline::formats::markdown
