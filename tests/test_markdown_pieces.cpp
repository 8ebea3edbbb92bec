#define BOOST_TEST_MODULE markdown_pieces
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"

#include "formats/json/document_json.hpp"
#include "formats/markdown/markdown_reader.hpp"
#include "formats/markdown/pieces.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

// A Markdown draft is parsed by cmark-gfm a piece at a time (formats/markdown/pieces.hpp); the
// pieces must give exactly the clause tree of the draft parsed whole. Each draft is read with
// the smallest pieces (a cut at every heading allowed) and whole, and the two documents are
// compared as `parse --format json` writes them: every clause, block, place and warning.

namespace fs = std::filesystem;
using redline::Document;
using redline::formats::ReadOptions;
using redline::formats::write_document_json;
namespace markdown = redline::formats::markdown;

namespace {

constexpr std::size_t whole = std::numeric_limits<std::size_t>::max();

struct Read {
    std::string json;
    std::uint32_t pieces = 0;
};

Read read(const std::string& text, std::size_t piece_bytes, const std::string& path = "test.md") {
    Read r;
    const Document doc = markdown::read_markdown(text, ReadOptions{path}, piece_bytes, &r.pieces);
    r.json = write_document_json(doc);
    return r;
}

// Reads `text` in the smallest pieces and whole; returns how many cuts the first made (a
// kramdown-rfc draft's sections are parsed one by one either way).
std::uint32_t cuts_in(const std::string& text, const std::string& path = "test.md") {
    const Read in_pieces = read(text, 1, path);
    const Read at_once = read(text, whole, path);
    BOOST_TEST(in_pieces.json == at_once.json, path << ": read in " << in_pieces.pieces << " pieces differs from read whole");
    return in_pieces.pieces - at_once.pieces;
}

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// Every Markdown draft under `dir`; returns how many, and adds the cuts made in them.
std::size_t drafts_read_the_same(const fs::path& dir, std::size_t& cuts) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".md" && e.path().filename() != "README.md")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) cuts += cuts_in(slurp(f), f.string());
    return files.size();
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_repository_drafts_read_the_same_in_pieces) {
    std::size_t cuts = 0;
    const std::size_t drafts = drafts_read_the_same(fs::path(REDLINE_SOURCE_DIR) / "tests" / "corpus", cuts);
    BOOST_TEST(drafts >= 6u);
    // The laws are read line by line (numbered articles); the TLS drafts are cut at their sections.
    BOOST_TEST(cuts > 40u);
}

BOOST_AUTO_TEST_CASE(the_evaluation_drafts_read_the_same_in_pieces, *boost::unit_test::precondition(shared_corpus_present)) {
    std::size_t cuts = 0;
    const std::size_t drafts = drafts_read_the_same(fs::path(REDLINE_SHARED_DIR) / "corpus", cuts);
    BOOST_TEST(drafts >= 10u);
    BOOST_TEST(cuts > 10 * drafts, cuts << " cuts in " << drafts << " drafts");
}

// A cut goes before a heading in the first column after a blank line, and nowhere else.
BOOST_AUTO_TEST_CASE(cuts_go_before_headings_after_a_blank_line) {
    const std::string text =
        "# One\n\ntext\n\n"            // cut before "## Two"
        "## Two\ntext\n"               // no blank line before "# Three": no cut
        "# Three\n\n"
        " # Indented\n\n"              // not in the first column: no cut
        "####### Seven\n\n"            // not a heading: no cut
        "#hash\n\n"                    // not a heading: no cut
        "###\n\n"                      // an empty heading: cut
        "#\tTab\r\n\r\n"               // cut before the next one (a CRLF blank line)
        "# Last\n";
    BOOST_TEST(cuts_in(text) == 4u);
    BOOST_TEST(read(text, 1).pieces == 5u);
}

// Blocks that a heading does not close keep the text past it: the piece is parsed further.
BOOST_AUTO_TEST_CASE(a_block_left_open_at_a_cut_keeps_what_follows) {
    const std::vector<std::string> texts = {
        // A fence open across headings, closed later.
        "# A\n\n```\ncode\n\n# not a heading\n\nmore code\n```\n\n# B\n\ntext\n",
        // Never closed: the rest of the draft is code.
        "# A\n\n~~~~\n\n# not a heading\n\n~~~\n\n# still code\n",
        // Closed by a longer fence of the same character only.
        "# A\n\n````\n\n# x\n\n```\n\n# y\n\n`````\n\n# B\n",
        // HTML comments and raw blocks running over headings.
        "# A\n\n<!-- a comment\n\n# not a heading\n\n-->\n\n# B\n",
        "# A\n\n<script>\n\n# x\n\n</script>\n\n# B\n\n<?php\n\n# y\n\n?>\n\n# C\n\n<![CDATA[\n\n# z\n\n]]>\n\n# D\n",
        "# A\n\n<!DOCTYPE x\n\n# y\n\n>\n\n# B\n",
        // Opened and closed on one line, or ended by the blank line: nothing runs over.
        "# A\n\n<!-- one line -->\n\n# B\n\n<div>\ntext\n\n# C\n",
        // Inside a list item or a block quote: the heading closes the container and the fence.
        "# A\n\n- item\n\n  ```\n  code\n\n# B\n\n> ```\n> quoted\n\n# C\n",
        // A fence inside an HTML block is text of the block; after the blank line a fence opens.
        "# A\n\n<div>\n```\n\n```\n\n# inside the fence\n\n```\n\n# B\n",
        // An indented code block ends at the heading.
        "# A\n\n    code\n\n# B\n",
    };
    for (const std::string& text : texts) cuts_in(text);
    // The first: the heading inside the fence is code, B is a clause after it.
    const Read r = read(texts[0], 1);
    BOOST_TEST(r.json.find("\"not a heading\"") == std::string::npos);
    BOOST_TEST(r.json.find("# not a heading") != std::string::npos);
    BOOST_TEST(r.pieces == 2u);
}

// A link reference definition applies to the whole draft: a text that may hold one is not cut.
BOOST_AUTO_TEST_CASE(a_draft_with_a_link_reference_definition_is_parsed_whole) {
    const std::string text = "# A\n\nSee [the spec][s].\n\n# B\n\n[s]: https://example.com/spec\n\n# C\n\ntext\n";
    BOOST_TEST(cuts_in(text) == 0u);
    const Read r = read(text, 1);
    BOOST_TEST(r.pieces == 1u);
    // The reference resolved: the link reads as its text, the definition as nothing.
    BOOST_TEST(r.json.find("See the spec.") != std::string::npos);
    BOOST_TEST(r.json.find("example.com") == std::string::npos);
}

// kramdown-rfc: attribute lists before and after headings, unnumbered sections, back matter.
BOOST_AUTO_TEST_CASE(kramdown_sections_read_the_same_in_pieces) {
    const std::string text =
        "---\ntitle: Pieces\ndocname: draft-pieces-00\n---\n\n--- abstract\n\nAbstract text.\n\n--- middle\n\n"
        "# Introduction\n\nThe device SHALL work.\n\n"
        "{:numbered=\"false\"}\n# Unnumbered\n\ntext\n\n## Under it\n\ntext\n\n"
        "# Numbered {#anchor}\n{: .x}\n\ntext\n\n"
        "--- back\n\n# Appendix\n\ntext\n\n# Another\n\ntext\n";
    // Before Introduction, Under it, Numbered, Appendix and Another; not before Unnumbered,
    // whose attribute list is on the line above it.
    BOOST_TEST(cuts_in(text) == 5u);
}

// A draft of many sections is parsed in pieces of about the size asked for, whatever its size.
BOOST_AUTO_TEST_CASE(a_draft_of_many_sections_is_parsed_a_bounded_piece_at_a_time) {
    std::string text;
    for (int i = 0; i < 4000; ++i) text += "## Section " + std::to_string(i) + "\n\nThe device shall log event " + std::to_string(i) + ".\n\n";
    const std::size_t piece = 4096;
    const Read r = read(text, piece);
    BOOST_TEST(r.pieces >= text.size() / (piece + 64));
    BOOST_TEST(r.pieces <= text.size() / piece + 1);
    BOOST_TEST(r.json == read(text, whole).json);
    // Drafts smaller than the default piece are parsed whole.
    BOOST_TEST(read(text.substr(0, 100'000), markdown::default_piece_bytes).pieces == 1u);
}
