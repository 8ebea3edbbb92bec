#include "formats/markdown/cmark_tree.hpp"

#include <cmark-gfm-core-extensions.h>

#include <mutex>
#include <new>

// The table extension's node types are exported by libcmark-gfm-extensions but declared
// only in a header that Debian does not install.
extern "C" {
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
}

namespace redline::formats::markdown {

namespace {

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

cmark_syntax_extension* table_extension() {
    // Registration mutates a global list inside cmark-gfm: once, whatever the thread.
    static std::once_flag once;
    static cmark_syntax_extension* table = nullptr;
    std::call_once(once, [] {
        cmark_gfm_core_extensions_ensure_registered();
        table = cmark_find_syntax_extension("table");
    });
    return table;
}

}  // namespace

CmarkTree parse_cmark(std::string_view markdown) {
    // VALIDATE_UTF8: callers normally pass decoded UTF-8, but a stray ill-formed sequence
    // must become U+FFFD, never reach the engine.
    std::unique_ptr<cmark_parser, ParserFree> parser(
        cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8));
    if (!parser) throw std::bad_alloc();
    if (cmark_syntax_extension* table = table_extension())
        cmark_parser_attach_syntax_extension(parser.get(), table);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    CmarkTree tree(cmark_parser_finish(parser.get()));
    if (!tree) throw std::bad_alloc();
    return tree;
}

bool is_table(cmark_node* node) { return cmark_node_get_type(node) == CMARK_NODE_TABLE; }
bool is_table_row(cmark_node* node) { return cmark_node_get_type(node) == CMARK_NODE_TABLE_ROW; }
bool is_table_cell(cmark_node* node) { return cmark_node_get_type(node) == CMARK_NODE_TABLE_CELL; }

}  // namespace redline::formats::markdown
