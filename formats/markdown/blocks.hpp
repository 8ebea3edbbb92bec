// Turns cmark-gfm block nodes (other than section headings) into the Document's blocks.
//
// Each paragraph, code block, raw HTML block and table row becomes one block of the current
// clause, in reading order, with the input line where it starts. Containers (block quotes,
// lists, list items) add no structure of their own: their paragraphs become blocks. List
// items are deliberately not clauses: IETF drafts and most Markdown never cite a list item
// by number, their markers carry no identity ("*", "-", renumbered "1."), and a list item
// as a block still gets its own diff and its own provisions. Readers of numbered texts
// (GB/T "a)" items) produce list_item clauses from the numbering instead.
//
// Text is the plain text of the inline content: emphasis and links reduced to their text
// (an empty link to its URL, as kramdown-rfc prints it), code spans kept verbatim, raw
// inline HTML tags dropped, soft line breaks as spaces. In kramdown-rfc mode, attribute
// lists and comments are removed, a paragraph of attribute lists carrying title="…" becomes
// a figure block (the caption of the figure or table before it), and definition-list lines
// (": definition") start a block of their own.
#pragma once

#include "engine/document.hpp"
#include "formats/markdown/attributes.hpp"
#include "formats/markdown/cmark_tree.hpp"
#include "formats/markdown/guard.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::markdown {

class BlockWriter {
public:
    BlockWriter(DocumentBuilder& out, const HardenedText& source, bool kramdown);

    // cmark numbers the lines of the chunk it parsed from 1; line 1 of the current chunk is
    // input line offset + 1.
    void set_line_offset(std::uint32_t offset) { line_offset_ = offset; }
    std::uint32_t start_line(cmark_node* node) const;
    std::uint32_t end_line(cmark_node* node) const;
    // start_line, or for a node cmark-gfm left without a position, the line it starts on.
    std::uint32_t block_line(cmark_node* node) const;

    // Adds the blocks of `node` and everything inside it to the current clause.
    void write(cmark_node* node);
    // Adds one block (used for captions found next to headings).
    void add(BlockKind kind, std::string_view text, std::uint32_t line);

    // The plain text of an inline container (heading, paragraph, table cell).
    std::string inline_text(cmark_node* node) const;
    // True when `node` is a paragraph made only of kramdown attribute lists.
    bool attribute_paragraph(cmark_node* node, Attributes& attrs) const;

    // Guard edits that were undone inside code (the others are real flattening).
    const std::vector<bool>& repaired() const { return repaired_; }
    // Up to 64 KiB of titles and block text, for language detection.
    const std::string& sample() const { return sample_; }
    void add_to_sample(std::string_view text);

private:
    void paragraph(cmark_node* node);
    void code(cmark_node* node, std::string_view literal, bool fenced);
    void table(cmark_node* node);
    void emit(BlockKind kind, std::string text, std::uint32_t line,
              const std::vector<std::pair<std::size_t, std::size_t>>& code_spans);
    std::string repair(std::string_view literal, std::uint32_t first_line);

    DocumentBuilder& out_;
    const HardenedText& source_;
    bool kramdown_;
    bool in_comment_ = false;
    std::uint32_t line_offset_ = 0;
    std::vector<bool> repaired_;
    std::string sample_;
};

}  // namespace redline::formats::markdown
