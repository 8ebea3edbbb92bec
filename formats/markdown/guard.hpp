// The text cmark-gfm reads, hardened against hostile input.
//
// The cmark-gfm packaged with Debian 12 (0.29.0.gfm.6) has costs that grow faster than its
// input on some inputs:
//   - every line walks all open containers, so a line opening 100,000 nested block quotes
//     or list items followed by many blank lines takes quadratic time;
//   - the table extension pads every row to the header's width (a wide header over many
//     short lines multiplies memory) and appends a row's cells to a linked list one by one
//     (quadratic in the cells of one line);
//   - closing a link walks back over every unclosed image opener "![" of the paragraph
//     (quadratic in a paragraph of "![" and links; fixed upstream as CVE-2023-22486).
// Each is bounded here, before parsing, by backslash escapes on the offending line: an
// escaped character ("\>", "\-", "1\.", "\|", "\!") reads as the character itself, so no
// text is lost; only the excess structure (nesting beyond max_tree_depth levels, an
// oversized table, cells beyond max_row_cells, image syntax in a hostile paragraph) is read
// as text. Every edit is recorded so that code blocks, where a backslash would show, can
// undo it, and the reader warns about the others.
//
// The same pass replaces lines that are not Markdown (front matter, kramdown-rfc section
// markers) by empty lines, which keeps cmark's line numbers equal to the input's.
#pragma once

#include "formats/markdown/lines.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline::formats::markdown {

struct GuardEdit {
    enum class Kind : std::uint8_t {
        nesting,   // '\' before the container marker at `column`
        table,     // '\' before the first '-' of a table delimiter row, at `column`
        pipes,     // '\' before every unescaped '|' from `column` on
        images,    // '\' before every unescaped "![" from `column` on
    };
    std::uint32_t line = 0;     // 1-based
    std::uint32_t column = 0;   // byte offset in the original line
    Kind kind = Kind::nesting;
    std::uint32_t detail = 0;   // table: its number of columns
};

class HardenedText {
public:
    // `blank(n)` tells which lines to replace by empty lines.
    template <class BlankPredicate>
    HardenedText(const SourceText& src, BlankPredicate blank) : src_(src) {
        std::vector<bool> blanked(src.line_count() + 1, false);
        for (std::uint32_t n = 1; n <= src.line_count(); ++n) blanked[n] = static_cast<bool>(blank(n));
        build(blanked);
    }

    std::string_view text() const { return text_; }
    // Lines first..last (1-based, inclusive) including their terminators.
    std::string_view lines(std::uint32_t first, std::uint32_t last) const;
    std::string_view line(std::uint32_t n) const;   // without terminator
    const std::vector<GuardEdit>& edits() const { return edits_; }
    // Index range [first, second) into edits() of the edits on line n (usually empty).
    std::pair<std::size_t, std::size_t> edits_on(std::uint32_t n) const;
    // The part of the original line n that `tail`, a suffix of the hardened line n, came
    // from; `tail` itself when it is not such a suffix.
    std::string original_tail(std::uint32_t n, std::string_view tail) const;

private:
    void build(const std::vector<bool>& blanked);

    const SourceText& src_;
    std::string text_;
    std::vector<std::uint32_t> starts_;   // starts_[n-1] = offset of line n; one extra at the end
    std::vector<GuardEdit> edits_;        // sorted by line, then column
};

// The cells of a table row as written on its (hardened) line: the container prefix ("> ",
// "- ") skipped, split at unescaped '|', without the optional leading and trailing pipe.
std::vector<std::string_view> split_table_row(std::string_view line);

// Nesting depth (block quotes and list items opened on one line) beyond which markers are
// read as text; the indentation (columns) beyond which a marker cannot open a container;
// the cells of one line beyond which '|' is read as text.
inline constexpr std::uint32_t max_line_nesting = 64;
inline constexpr std::uint32_t max_container_indent = 256;
inline constexpr std::uint32_t max_row_cells = 32;

// cmark-gfm holds the whole tree of a document in memory, some 200 bytes per node, and
// every line and nearly every inline markup character ("[", "*", "`", "|", …) can make a
// node: a hostile file can ask for a hundred times its size. Beyond this estimate (about
// a 60 MB draft of typical density) the reader does not use cmark at all.
inline constexpr std::size_t max_cmark_nodes = 2'000'000;
std::size_t estimate_cmark_nodes(const SourceText& src);

}  // namespace redline::formats::markdown
