#define BOOST_TEST_MODULE markdown_reader
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"

#include "engine/error.hpp"
#include "engine/pipeline.hpp"
#include "formats/markdown/front_matter.hpp"
#include "formats/markdown/style.hpp"
#include "formats/reader.hpp"
#include "formats/text/structure.hpp"
#include "tests/support/roles.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <algorithm>
#include <string>
#include <vector>

using namespace redline;
using redline::formats::ReadOptions;
using redline::formats::read_markdown;

namespace {

using redline::test::roles;

Document md(const std::string& text) { return read_markdown(text, ReadOptions{"test.md"}); }

// One clause as the tests compare it.
struct Row {
    ClauseKind kind;
    std::string label;
    std::string title;
    std::uint32_t line;
    std::string anchor;
    std::uint32_t depth;

    bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Row& r) {
    return os << "{" << r.kind << " '" << r.label << "' '" << r.title << "' @" << r.line << " #" << r.anchor
              << " d" << r.depth << "}";
}

std::vector<Row> rows(const Document& d) {
    std::vector<Row> out;
    for (ClauseId i = 1; i < d.size(); ++i)
        out.push_back({d[i].kind, std::string(d.label(i)), std::string(d.title(i)), d[i].where.line,
                       std::string(d.str(d[i].anchor)), d[i].depth});
    return out;
}

struct BlockRow {
    BlockKind kind;
    std::string text;
    std::uint32_t line;
    bool operator==(const BlockRow&) const = default;
};

std::ostream& operator<<(std::ostream& os, const BlockRow& b) {
    return os << "{" << b.kind << " '" << b.text << "' @" << b.line << "}";
}

std::vector<BlockRow> blocks(const Document& d, ClauseId id) {
    std::vector<BlockRow> out;
    for (const Block* b = d.blocks_begin(id); b != d.blocks_end(id); ++b)
        out.push_back({b->kind, std::string(d.str(b->text)), b->where.line});
    return out;
}

ClauseId find_title(const Document& d, std::string_view title) {
    for (ClauseId i = 1; i < d.size(); ++i)
        if (d.title(i) == title) return i;
    return no_clause;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const ClauseKind C = ClauseKind::clause;
const ClauseKind A = ClauseKind::annex;
const ClauseKind F = ClauseKind::front_matter;
const ClauseKind P = ClauseKind::paragraph;

}  // namespace

// ---- kramdown-rfc ---------------------------------------------------------------------

const char* const kDraft =
    "---\n"                                   // 1
    "title: \"An Example Protocol\"\n"        // 2
    "abbrev: Example\n"                       // 3
    "docname: draft-example-proto-03\n"       // 4
    "# a YAML comment, not a heading\n"       // 5
    "author:\n"                               // 6
    "  - name: A. Person\n"                   // 7
    "\n"                                      // 8
    "--- abstract\n"                          // 9
    "\n"                                      // 10
    "This is the *abstract*.\n"               // 11
    "\n"                                      // 12
    "--- note_Note_to_Readers\n"              // 13
    "\n"                                      // 14
    "See [the list](https://example.org).\n"  // 15
    "\n"                                      // 16
    "--- middle\n"                            // 17
    "\n"                                      // 18
    "# Introduction {#intro}\n"               // 19
    "\n"                                      // 20
    "Intro text.\n"                           // 21
    "\n"                                      // 22
    "## Terms\n"                              // 23
    "\n"                                      // 24
    "### The `ACK` Frame {#ack-frame}\n"      // 25
    "\n"                                      // 26
    "Text after the deep one.\n"              // 27
    "\n"                                      // 28
    "# Protocol {#proto title=\"x\"}\n"       // 29
    "\n"                                      // 30
    "#### Skipped Levels\n"                   // 31
    "\n"                                      // 32
    "## Back Up\n"                            // 33
    "\n"                                      // 34
    "--- back\n"                              // 35
    "\n"                                      // 36
    "# First Appendix {#app-a}\n"             // 37
    "\n"                                      // 38
    "## Inner\n"                              // 39
    "\n"                                      // 40
    "# Second Appendix\n";                    // 41

BOOST_AUTO_TEST_CASE(kramdown_sections_numbers_and_anchors) {
    const Document d = md(kDraft);
    BOOST_TEST(d.info.title == "An Example Protocol");
    BOOST_TEST(d.info.identifier == "draft-example-proto-03");
    const std::vector<Row> expected = {
        {F, "", "Abstract", 9, "", 1},
        {F, "", "Note to Readers", 13, "", 1},
        {C, "1", "Introduction", 19, "intro", 1},
        {C, "1.1", "Terms", 23, "", 2},
        {C, "1.1.1", "The ACK Frame", 25, "ack-frame", 3},
        {C, "2", "Protocol", 29, "proto", 1},
        {C, "2.0.0.1", "Skipped Levels", 31, "", 2},
        {C, "2.1", "Back Up", 33, "", 2},
        {A, "A", "First Appendix", 37, "app-a", 1},
        {C, "A.1", "Inner", 39, "", 2},
        {A, "B", "Second Appendix", 41, "", 1},
    };
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 1) == (std::vector<BlockRow>{{BlockKind::paragraph, "This is the abstract.", 11}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 2) == (std::vector<BlockRow>{{BlockKind::paragraph, "See the list.", 15}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 3) == (std::vector<BlockRow>{{BlockKind::paragraph, "Intro text.", 21}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 5) == (std::vector<BlockRow>{{BlockKind::paragraph, "Text after the deep one.", 27}}),
               boost::test_tools::per_element());
    BOOST_TEST(d.blocks().size() == 4u);
    BOOST_TEST(d.warnings.empty());
}

BOOST_AUTO_TEST_CASE(kramdown_without_section_markers_numbers_the_body) {
    // A docname makes it an Internet-Draft even without "--- middle": the body is numbered.
    const Document d = md("---\ndocname: draft-x-00\n---\n\n# One\n\n## One A\n\n# Two\n");
    const std::vector<Row> expected = {
        {C, "1", "One", 5, "", 1}, {C, "1.1", "One A", 7, "", 2}, {C, "2", "Two", 9, "", 1}};
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(d.info.identifier == "draft-x-00");
    BOOST_TEST(d.info.title.empty());
}

BOOST_AUTO_TEST_CASE(kramdown_markers_without_front_matter) {
    const Document d = md("--- middle\n\n# Only\n\nText.\n\n--- back\n\n## Orphan\n");
    // strip_md letters a back-matter level-1 counter of 0 as '@' (chr(ord('A') - 1)).
    const std::vector<Row> expected = {{C, "1", "Only", 3, "", 1}, {C, "@.1", "Orphan", 9, "", 1}};
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unnumbered_sections) {
    const Document d = md(
        "--- middle\n"                // 1
        "\n"                          // 2
        "# First\n"                   // 3
        "\n"                          // 4
        "# Thanks\n"                  // 5
        "{:numbered=\"false\"}\n"     // 6
        "\n"                          // 7
        "Thank you.\n"                // 8
        "\n"                          // 9
        "## Under Thanks\n"           // 10
        "\n"                          // 11
        "{: numbered='false' #pre}\n" // 12
        "# Marked Before\n"           // 13
        "\n"                          // 14
        "# Second {#second}\n"        // 15
        "\n"                          // 16
        "# Pandoc Style {-}\n"        // 17
        "\n"                          // 18
        "--- back\n"                  // 19
        "\n"                          // 20
        "# Contributors\n"            // 21
        "{:numbered=\"false\"}\n");   // 22
    // As xml2rfc prints them: unnumbered headings take no number from the sequence, and
    // their subsections are unnumbered too.
    const std::vector<Row> expected = {
        {C, "1", "First", 3, "", 1},          {C, "", "Thanks", 5, "", 1},
        {C, "", "Under Thanks", 10, "", 2},   {C, "", "Marked Before", 13, "pre", 1},
        {C, "2", "Second", 15, "second", 1},  {C, "", "Pandoc Style", 17, "", 1},
        {A, "", "Contributors", 21, "", 1},
    };
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 2) == (std::vector<BlockRow>{{BlockKind::paragraph, "Thank you.", 8}}),
               boost::test_tools::per_element());
    BOOST_TEST(d.blocks().size() == 1u);   // the attribute lists are markup, not text
}

BOOST_AUTO_TEST_CASE(attribute_list_between_a_figure_and_a_heading) {
    // Directly under a figure, an attribute list is the figure's, even with a heading
    // directly below it.
    const Document d = md(
        "--- middle\n"                       // 1
        "# A\n"                              // 2
        "~~~\n"                              // 3
        "art\n"                              // 4
        "~~~\n"                              // 5
        "{: #f1 title=\"Caption\"}\n"      // 6
        "# B\n"                              // 7
        "\n"                                 // 8
        "{:numbered=\"false\"}\n"          // 9
        "# C\n");                            // 10
    const std::vector<Row> expected = {{C, "1", "A", 2, "", 1}, {C, "2", "B", 7, "", 1}, {C, "", "C", 10, "", 1}};
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 1) ==
                   (std::vector<BlockRow>{{BlockKind::code, "art", 3}, {BlockKind::figure, "Caption", 6}}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(degenerate_documents) {
    for (const char* text : {"", "\n\n", "---", "---\n", "--- middle", "--- back\n# \n", "#", "{:", "{::comment}",
                             "```", "|", "-|-", "> ", "\r", "---\n---\n"}) {
        BOOST_TEST_CONTEXT(text) {
            const Document d = md(text);
            BOOST_TEST(d.size() <= 2u);
            BOOST_TEST(d.warnings.empty());
        }
    }
    // An empty heading still counts, as strip_md counts it.
    const Document h = md("--- back\n# \n");
    BOOST_TEST(rows(h) == (std::vector<Row>{{A, "A", "", 2, "", 1}}), boost::test_tools::per_element());
    // A document may open with a thematic break: no front matter, no warning.
    const Document t = md("---\n\n# Title\n\nText.\n");
    BOOST_TEST(rows(t) == (std::vector<Row>{{C, "", "Title", 3, "", 1}}), boost::test_tools::per_element());
    BOOST_TEST(t.warnings.empty());
}

BOOST_AUTO_TEST_CASE(language_is_set_on_every_clause) {
    ReadOptions options{"x.md"};
    options.language = Language::zh;
    const Document d = read_markdown("--- middle\n# A\n## B\ntext\n", options);
    BOOST_TEST(d.language == Language::zh);
    for (ClauseId i = 0; i < d.size(); ++i) BOOST_TEST(d[i].language == Language::zh);
}

BOOST_AUTO_TEST_CASE(heading_attributes_are_removed_from_titles) {
    const Document d = md(
        "--- middle\n"
        "# Alpha {#a_b_c}\n"                       // 2: underscores of the id survive
        "# Beta {: #beta-id}\n"                    // 3: IAL form of the id
        "# Gamma {#gamma title=\"Other\"}\n"       // 4: strip_md: id up to white space
        "# Delta {: .class} tail {#delta}\n"       // 5
        "# *Emph* and [link](http://x) {#e}\n");   // 6
    const std::vector<Row> expected = {
        {C, "1", "Alpha", 2, "a_b_c", 1},   {C, "2", "Beta", 3, "beta-id", 1},
        {C, "3", "Gamma", 4, "gamma", 1},   {C, "4", "Delta  tail", 5, "delta", 1},
        {C, "5", "Emph and link", 6, "e", 1},
    };
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(kramdown_blocks) {
    const Document d = md(
        "--- middle\n"                                          // 1
        "# Blocks\n"                                            // 2
        "\n"                                                    // 3
        "Cites {{RFC2119}} and {{?RFC8174}}; `code {: x}` kept,\n"  // 4
        "<b>tags</b> dropped; [](https://u.example) shows its URL.\n"  // 5
        "{:br }\n"                                              // 6
        "\n"                                                    // 7
        "term one\n"                                            // 8
        ": the first definition\n"                              // 9
        "  continues here.\n"                                   // 10
        "\n"                                                    // 11
        "<!-- an editor's note\n"                               // 12
        "# not a heading -->\n"                                 // 13
        "\n"                                                    // 14
        "Visible {::comment}hidden{:/comment} text.\n"          // 15
        "\n"                                                    // 16
        "{::comment}\n"                                         // 17
        "\n"                                                    // 18
        "Hidden paragraph.\n"                                   // 19
        "\n"                                                    // 20
        "{:/comment}\n"                                         // 21
        "\n"                                                    // 22
        "~~~ ascii-art\n"                                       // 23
        "# inside a fence\n"                                    // 24
        "  ## also inside\n"                                    // 25
        "~~~\n"                                                 // 26
        "{: #fig-one title=\"Figure One\"}\n"                   // 27
        "\n"                                                    // 28
        "| Type | Name |\n"                                      // 29
        "|:-----|------|\n"                                     // 30
        "| 0x01 | *One* |\n"                                    // 31
        "| 0x02 |\n"                                            // 32
        "{: #tab title=\"The Types\"}\n"                        // 33
        "\n"                                                    // 34
        "    indented code\n"                                   // 35
        "    # not a heading\n");                               // 36
    BOOST_TEST(d.size() == 2u);
    const std::vector<BlockRow> expected = {
        {BlockKind::paragraph,
         "Cites {{RFC2119}} and {{?RFC8174}}; code {: x} kept, tags dropped; https://u.example shows its URL.", 4},
        {BlockKind::paragraph, "term one", 8},
        {BlockKind::paragraph, "the first definition continues here.", 9},
        {BlockKind::paragraph, "Visible  text.", 15},
        {BlockKind::code, "# inside a fence\n  ## also inside", 23},
        {BlockKind::figure, "Figure One", 27},
        {BlockKind::table_row, "Type | Name", 29},
        {BlockKind::table_row, "0x01 | One", 31},
        {BlockKind::table_row, "0x02", 32},
        {BlockKind::figure, "The Types", 33},
        {BlockKind::code, "indented code\n# not a heading", 35},
    };
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(own_text_and_paragraph_nodes) {
    const Document d = md(
        "--- abstract\n"     // 1
        "\n"                 // 2
        "Summary.\n"         // 3
        "\n"                 // 4
        "--- middle\n"       // 5
        "\n"                 // 6
        "Loose text.\n"      // 7
        "\n"                 // 8
        "# Parent\n"         // 9
        "Own text.\n"        // 10
        "## Child\n"         // 11
        "Child text.\n"      // 12
        "# Next\n");         // 13
    // Text before a section's first subsection is its own; the middle's text before the
    // first section follows the abstract, a child of the root: it gets a paragraph node.
    const std::vector<Row> expected = {{F, "", "Abstract", 1, "", 1}, {P, "", "", 7, "", 1},
                                       {C, "1", "Parent", 9, "", 1},  {C, "1.1", "Child", 11, "", 2},
                                       {C, "2", "Next", 13, "", 1}};
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 2) == (std::vector<BlockRow>{{BlockKind::paragraph, "Loose text.", 7}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 3) == (std::vector<BlockRow>{{BlockKind::paragraph, "Own text.", 10}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 4) == (std::vector<BlockRow>{{BlockKind::paragraph, "Child text.", 12}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 0).empty());
}

BOOST_AUTO_TEST_CASE(lists_and_block_quotes_are_blocks) {
    const Document d = md(
        "--- middle\n"                // 1
        "# Lists\n"                   // 2
        "\n"                          // 3
        "* Stream multiplexing\n"     // 4
        "  - nested one,\n"           // 5
        "  - nested two\n"            // 6
        "    wrapped.\n"              // 7
        "* Second\n"                  // 8
        "\n"                          // 9
        "  Second's own paragraph.\n" // 10
        "\n"                          // 11
        "1. first\n"                  // 12
        "2. second\n"                 // 13
        "\n"                          // 14
        "> Quoted *text*\n"           // 15
        "> continues.\n"              // 16
        ">\n"                         // 17
        "> # Quoted heading\n"        // 18
        "> > inner quote\n");         // 19
    BOOST_TEST(d.size() == 2u);   // list items and quotes make no clauses
    const std::vector<BlockRow> expected = {
        {BlockKind::paragraph, "Stream multiplexing", 4},
        {BlockKind::paragraph, "nested one,", 5},
        {BlockKind::paragraph, "nested two wrapped.", 6},
        {BlockKind::paragraph, "Second", 8},
        {BlockKind::paragraph, "Second's own paragraph.", 10},
        {BlockKind::paragraph, "first", 12},
        {BlockKind::paragraph, "second", 13},
        {BlockKind::paragraph, "Quoted text continues.", 15},
        {BlockKind::paragraph, "Quoted heading", 18},
        {BlockKind::paragraph, "inner quote", 19},
    };
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(setext_headings) {
    const Document k = md("--- middle\n\nFirst Title\n===========\n\nSecond *Title*\n---\n\ntext\n");
    const std::vector<Row> ek = {{C, "1", "First Title", 3, "", 1}, {C, "1.1", "Second Title", 6, "", 2}};
    BOOST_TEST(rows(k) == ek, boost::test_tools::per_element());
    const Document p = md("Plain Title\n===\n\nSub\n---\n");
    const std::vector<Row> ep = {{C, "", "Plain Title", 1, "", 1}, {C, "", "Sub", 4, "", 2}};
    BOOST_TEST(rows(p) == ep, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_endings) {
    const Document crlf = md("--- middle\r\n\r\n# One\r\n\r\ntext\r\n\r\n## Two\r\n");
    const std::vector<Row> e = {{C, "1", "One", 3, "", 1}, {C, "1.1", "Two", 7, "", 2}};
    BOOST_TEST(rows(crlf) == e, boost::test_tools::per_element());
    BOOST_TEST(blocks(crlf, 1) == (std::vector<BlockRow>{{BlockKind::paragraph, "text", 5}}),
               boost::test_tools::per_element());
    const Document cr = md("--- middle\r\r# One\r\rtext\r\r## Two\r");
    BOOST_TEST(rows(cr) == e, boost::test_tools::per_element());
}

// ---- plain CommonMark / GFM ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(plain_markdown) {
    const Document d = md(
        "# User Guide\n"            // 1
        "\n"                        // 2
        "Welcome.\n"                // 3
        "\n"                        // 4
        "## Install\n"              // 5
        "\n"                        // 6
        "```sh\n"                   // 7
        "# a shell comment\n"       // 8
        "```\n"                     // 9
        "\n"                        // 10
        "## 2.1 Configure\n"        // 11
        "### 3. Run it\n"           // 12
        "## Appendix B. Tables\n"   // 13
        "## Annex C\n"              // 14
        "## 2024 Roadmap {#road}\n" // 15
        "## 第5章 no space\n"       // 16
        "## Usage\n"                // 17
        "## FAQ\n"                  // 18
        "## Help\n"                 // 19
        "## Credits\n"              // 20
        "## License\n"              // 21
        "## Contact\n");            // 22
    BOOST_TEST(d.info.title == "User Guide");
    const std::vector<Row> expected = {
        {C, "", "User Guide", 1, "", 1},       {C, "", "Install", 5, "", 2},      {C, "2.1", "Configure", 11, "", 2},
        {C, "3", "Run it", 12, "", 3},         {A, "B", "Tables", 13, "", 2},     {A, "C", "", 14, "", 2},
        {C, "2024", "Roadmap", 15, "road", 2}, {C, "", "第5章 no space", 16, "", 2}, {C, "", "Usage", 17, "", 2},
        {C, "", "FAQ", 18, "", 2},             {C, "", "Help", 19, "", 2},        {C, "", "Credits", 20, "", 2},
        {C, "", "License", 21, "", 2},         {C, "", "Contact", 22, "", 2},
    };
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 1) == (std::vector<BlockRow>{{BlockKind::paragraph, "Welcome.", 3}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 2) == (std::vector<BlockRow>{{BlockKind::code, "# a shell comment", 7}}),
               boost::test_tools::per_element());
    // Plain Markdown keeps kramdown-looking text: it is not kramdown.
    const Document k = md("# T\n\nA {: x} b.\n{:br}\n");
    BOOST_TEST(blocks(k, 1) == (std::vector<BlockRow>{{BlockKind::paragraph, "A {: x} b. {:br}", 3}}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(table_cells_beyond_the_header_are_kept) {
    const Document d = md("# T\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 \\| x | *4* |\n> | q | r |\n> |---|---|\n> | s | t | u |\n");
    const std::vector<BlockRow> expected = {
        {BlockKind::table_row, "a | b", 3}, {BlockKind::table_row, "1 | 2 | 3 | x | *4*", 5},
        {BlockKind::table_row, "q | r", 6}, {BlockKind::table_row, "s | t | u", 8}};
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(table_directly_under_text) {
    // cmark-gfm gives the header row the paragraph's first line and the lines above the
    // header no position at all; both are put right.
    const Document d = md("# T\n\nIntro line\nmore\n| x | y |\n|---|---|\n| 1 | 2 |\n\n> quoted\n> | q |\n> |---|\n");
    const std::vector<BlockRow> expected = {
        {BlockKind::paragraph, "Intro line more", 3}, {BlockKind::table_row, "x | y", 5},
        {BlockKind::table_row, "1 | 2", 7},           {BlockKind::paragraph, "quoted", 9},
        {BlockKind::table_row, "q", 10}};
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(jekyll_front_matter) {
    // Metadata without title or docname: plain Markdown, the YAML hidden, lines kept.
    const Document d = md("---\nlayout: post\ntags: [a, b]\n---\n# Heading\n\nText.\n");
    const std::vector<Row> expected = {{C, "", "Heading", 5, "", 1}};
    BOOST_TEST(rows(d) == expected, boost::test_tools::per_element());
    BOOST_TEST(d.blocks().size() == 1u);
    BOOST_TEST(d.info.title == "Heading");
    // With a title: kramdown-rfc numbering, the title from the YAML.
    const Document t = md("---\ntitle: Doc\n...\n# Heading\n");
    BOOST_TEST(rows(t) == (std::vector<Row>{{C, "1", "Heading", 4, "", 1}}), boost::test_tools::per_element());
    BOOST_TEST(t.info.title == "Doc");
}

// ---- front matter errors ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(invalid_yaml_front_matter) {
    try {
        md("---\ntitle: ok\nauthor: [unclosed\nx: y\n--- abstract\n\nText.\n");
        BOOST_FAIL("no InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.place() == "line 4");   // where yaml-cpp finds the flow sequence unfinished
        BOOST_TEST(std::string(e.what()) == "invalid YAML front matter: end of sequence flow not found");
    }
    try {
        md("---\ntitle: a\n  bad: indentation\n---\n");
        BOOST_FAIL("no InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.place() == "line 3");
    }
    try {
        md("---\ntitle: \"x\"\n- a list item after a mapping\n---\n");
        BOOST_FAIL("no InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.place() == "line 3");
    }
}

// Text before the first heading, or a draft with no heading at all, is compared like any
// other: a requirement weakened there is reported (it was left on the root and compared with
// nothing, so such a diff said "no changes").
BOOST_AUTO_TEST_CASE(text_outside_any_heading_is_compared) {
    for (const auto& [old_text, new_text] : {std::pair<std::string, std::string>{"The device shall log.\n\nKeep it.\n",
                                                                                "The device should log.\n\nKeep it.\n"},
                                             {"The device shall log.\n\n# Scope\n\nText.\n",
                                              "The device should log.\n\n# Scope\n\nText.\n"}}) {
        const Document old_doc = md(old_text), new_doc = md(new_text);
        const Comparison c = compare(old_doc, new_doc);
        BOOST_TEST_CONTEXT(old_text) {
            BOOST_TEST(c.summary.counts[static_cast<int>(ClauseChange::modified)] == 1u);
            BOOST_REQUIRE(c.provisions.size() == 1u);
            BOOST_TEST((c.provisions[0].change == ProvisionChangeKind::weakened));
        }
    }
}

BOOST_AUTO_TEST_CASE(unterminated_or_non_yaml_front_matter) {
    // Never closed: read as Markdown (a thematic break, then text), with a warning.
    const Document d = md("---\ntitle: x\n\n# Heading\n\nText.\n");
    // The text before the heading is a paragraph node, as at the top level of any draft: the
    // comparison pairs nodes, so text left on the root would be compared with nothing.
    BOOST_TEST(rows(d) == (std::vector<Row>{{ClauseKind::paragraph, "", "", 2, "", 1}, {C, "", "Heading", 4, "", 1}}),
               boost::test_tools::per_element());
    BOOST_TEST(blocks(d, 0).empty());
    BOOST_TEST(blocks(d, 1) == (std::vector<BlockRow>{{BlockKind::paragraph, "title: x", 2}}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 1u);
    BOOST_TEST(d.info.title == "Heading");   // the only level-1 heading, not the YAML's title
    // A block between "---" lines that is not a YAML mapping is Markdown: a thematic break
    // and a setext heading.
    const Document s = md("---\nSome text\n---\n\nBody.\n");
    BOOST_TEST(rows(s) == (std::vector<Row>{{C, "", "Some text", 2, "", 1}}), boost::test_tools::per_element());
    BOOST_TEST(s.warnings.empty());
}

// ---- style detection -------------------------------------------------------------------

namespace {
formats::markdown::Style style_of(const std::string& text) {
    using namespace formats::markdown;
    const SourceText src = split_lines(text);
    std::vector<Warning> w;
    return detect_style(src, read_front_matter(src, w));
}
}  // namespace

BOOST_AUTO_TEST_CASE(style_detection) {
    using formats::markdown::Style;
    BOOST_TEST((style_of("# 标准\n\n## 1 范围\n\n## 2 规范性引用文件\n\n### 2.1 x\n") == Style::numbered));
    BOOST_TEST((style_of("# 法\n\n## 第一章 总则\n\n第一条 为了……\n\n第二条 ……\n\n第三条 ……\n") == Style::numbered));
    BOOST_TEST((style_of("# 法\n\n**第一条** 甲\n\n**第二条** 乙\n\n**第三条** 丙\n") == Style::numbered));
    BOOST_TEST((style_of("Title\n\n5.1 概述\n\n5.2 要求\n\n5.3 方法\n") == Style::numbered));
    BOOST_TEST((style_of("# T\n\n## 附录 A\n\n## 附录 B\n\n## Other\n") == Style::numbered));
    BOOST_TEST((style_of("# Guide\n\n## Install\n\n## 2.1 Configure\n\n## Run\n\n## Help\n") == Style::plain));
    BOOST_TEST((style_of("```\n## 1 x\n## 2 y\n```\n# Plain\n") == Style::plain));
    BOOST_TEST((style_of("intro\n--- middle\n# x\n") == Style::kramdown_rfc));
    BOOST_TEST((style_of("---\ndocname: draft-a-00\n---\n## 1 Numbered\n## 2 Anyway\n") == Style::kramdown_rfc));
    BOOST_TEST((style_of("---\ntitle: T\n---\n## 1 范围\n## 2 术语\n## 3 要求\n") == Style::numbered));
    BOOST_TEST((style_of("---\ntitle: T\n---\n## 1 范围\n## Other\n") == Style::kramdown_rfc));
}

BOOST_AUTO_TEST_CASE(numbered_documents_go_to_the_structure_recogniser) {
    const std::string law = "# 某法\n\n## 第一章 总则\n\n第一条 为了规范……\n\n第二条 本法……\n\n第三条 其他……\n";
    const Document a = md(law);
    const Document b = formats::read_numbered_markdown(law, ReadOptions{"test.md"});
    BOOST_TEST(rows(a) == rows(b), boost::test_tools::per_element());
    BOOST_TEST(a.blocks().size() == b.blocks().size());

    // Front matter is hidden from the recogniser, line numbers kept, its title used.
    const std::string with_fm = "---\ntitle: 标准\n---\n## 1 范围\n\n本文件规定了……\n\n## 2 术语\n## 3 要求\n";
    const std::string blanked = "\n\n\n## 1 范围\n\n本文件规定了……\n\n## 2 术语\n## 3 要求\n";
    const Document c = md(with_fm);
    const Document e = formats::read_numbered_markdown(blanked, ReadOptions{"test.md"});
    BOOST_TEST(rows(c) == rows(e), boost::test_tools::per_element());
    BOOST_TEST(c.info.title == (e.info.title.empty() ? std::string("标准") : e.info.title));
}

// ---- section roles -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(section_roles_of_a_kramdown_rfc_draft) {
    const Document d = md(
        "---\ntitle: Example\ndocname: draft-example-roles-00\n---\n\n"
        "--- abstract\n\nShort.\n\n--- note_Note_to_Readers\n\nNotes.\n\n--- middle\n\n"
        "# Introduction\n\n## Terms and Definitions\n\n# Protocol\n\n## Introduction\n\n## Security Considerations\n\n"
        "# Security Considerations\n\n# IANA Considerations\n\n"
        "--- back\n\n# Change Log\n\n## Since -00\n\n# Acknowledgments\n{:numbered=\"false\"}\n");
    BOOST_TEST(roles(d) == "Abstract → abstract\n"
                           "1 Introduction → introduction\n"
                           "1.1 Terms and Definitions → terms\n"
                           "3 Security Considerations → security-considerations\n"
                           "4 IANA Considerations → iana-considerations\n"
                           "A Change Log → annex\n"
                           "Acknowledgments → annex\n");
    // References written out in the back matter are lists, not appendices.
    const Document r = md("---\ndocname: draft-x-00\n---\n--- middle\n\n# One\n\n--- back\n\n"
                          "# References\n\n## Normative References\n\n## Informative References\n\n# Extra\n");
    BOOST_TEST(roles(r) == "A References → references\n"
                           "A.1 Normative References → normative-references\n"
                           "A.2 Informative References → informative-references\n"
                           "B Extra → annex\n");
}

BOOST_AUTO_TEST_CASE(section_roles_of_a_gbt_markdown_conversion) {
    // Numbered Markdown (a GB/T draft converted from PDF) goes to the structure recogniser.
    const Document d = md("# 信息安全技术 示例规范\n\n## 前　言\n\n本文件起草单位：甲研究院、乙公司。\n\n## 1 范围\n\n本文件规定了要求。\n\n"
                          "## 2 规范性引用文件\n\n下列文件适用。\n\n## 3 术语和定义\n\n### 3.1\n\n设备 device\n\n用于办公的设备。\n\n"
                          "## 4 要求\n\n### 4.1 范围\n\n设备应安全。\n\n## 附录 A（资料性）示例\n\n## 参考文献\n\n[1] GB/T 1.1—2020\n");
    BOOST_TEST(roles(d) == "信息安全技术 示例规范 → cover\n"
                           "前言 → foreword\n"
                           "甲研究院 → drafting-organisation\n"
                           "乙公司 → drafting-organisation\n"
                           "1 范围 → scope\n"
                           "2 规范性引用文件 → normative-references\n"
                           "3 术语和定义 → terms\n"
                           "附录 A 示例 → annex\n"
                           "参考文献 → bibliography\n");
}

BOOST_AUTO_TEST_CASE(section_roles_of_plain_markdown) {
    const Document d = md("# Example Guide\n\n## Foreword\n\nText.\n\n## Install\n\n### Introduction\n\nText.\n\n"
                          "## 1 Scope\n\nText.\n\n## 1.1 Introduction\n\n## References\n\n### Normative references\n\n"
                          "## Appendix B. Tables\n\n## Bibliography\n");
    BOOST_TEST(roles(d) == "Foreword → foreword\n"
                           "1 Scope → scope\n"
                           "References → references\n"
                           "Normative references → normative-references\n"
                           "B Tables → annex\n"
                           "Bibliography → bibliography\n");
}

// ---- hostile input ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(deeply_nested_block_quotes) {
    const std::string text = std::string(100000, '>') + " deep\n\nafter\n";
    Document d;
    d = md(text);
    // 64 levels are quotes; the rest of the markers are text of the innermost paragraph.
    const std::vector<BlockRow> expected = {{BlockKind::paragraph, std::string(100000 - 64, '>') + " deep", 1},
                                            {BlockKind::paragraph, "after", 3}};
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 1u);
}

BOOST_AUTO_TEST_CASE(deeply_nested_lists) {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "- ";
    text += "deep\n";
    text += std::string(100000, '\n');   // each blank line walks every open list item
    text += "1. ";
    for (int i = 0; i < 100000; ++i) text += "1. ";
    text += "x\n";
    Document d;
    d = md(text);
    std::string rest_bullets;
    for (int i = 64; i < 100000; ++i) rest_bullets += "- ";
    std::string rest_ordered;
    for (int i = 64; i < 100001; ++i) rest_ordered += "1. ";
    const std::vector<BlockRow> expected = {{BlockKind::paragraph, rest_bullets + "deep", 1},
                                            {BlockKind::paragraph, rest_ordered + "x", 100002}};
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 1u);
    BOOST_TEST(d.warnings[0].message.find("on 2 line(s)") != std::string::npos);

    // Nesting by indentation: each line one level deeper, then many blank lines.
    std::string staircase;
    for (int i = 0; i < 1000; ++i) staircase += std::string(2 * i, ' ') + "- x\n";
    staircase += std::string(200000, '\n');
    d = md(staircase);
    // Items up to 256 columns deep; the deeper lines continue the last item's paragraph.
    BOOST_TEST(d.blocks().size() == 129u);
    BOOST_TEST(d.warnings.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_ten_megabyte_line) {
    std::string line;
    while (line.size() < 10u << 20) line += "All work and no play makes a draft a dull draft. ";
    Document d;
    d = md("# Long\n\n" + line + "\n");
    BOOST_REQUIRE(d.blocks().size() == 1u);
    BOOST_TEST(d.str(d.blocks()[0].text).size() == line.size() - 1);   // the trailing space is trimmed
    BOOST_TEST(d.blocks()[0].where.line == 3u);
}

BOOST_AUTO_TEST_CASE(quadratic_cmark_inputs_stay_fast) {
    Document d;
    // Links after many unclosed image openers (CVE-2023-22486 in this cmark-gfm).
    std::string images;
    for (int i = 0; i < 100000; ++i) images += "![[]()";
    d = md(images + "\n");
    BOOST_REQUIRE(d.blocks().size() == 1u);
    std::string shown;
    for (int i = 0; i < 100000; ++i) shown += "![";   // "!" and "[" as text, the empty links vanish
    BOOST_TEST(d.str(d.blocks()[0].text) == shown);
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 1u);

    // A table row of 100,000 cells (cmark-gfm appends cells to a list one by one): the
    // cells beyond 32 are read as the text of the last one.
    const std::string wide = "a|b\n-|-\n" + std::string(100000, '|') + "\n";
    d = md(wide);
    BOOST_REQUIRE(d.blocks().size() == 2u);
    const std::string row(d.str(d.blocks()[1].text));
    BOOST_TEST(row.size() == 31 * 3 + 99968 - 1);   // 31 empty cells joined by " | ", trimmed
    BOOST_TEST(row.ends_with(" | " + std::string(99968, '|')));
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 3u);

    // A wide header over many one-character rows: every row padded to the header's width.
    std::string head = "|", delim = "|";
    for (int i = 0; i < 30; ++i) head += "h|", delim += "-|";
    std::string rows_text;
    for (int i = 0; i < 100000; ++i) rows_text += "x\n";
    d = md(head + "\n" + delim + "\n" + rows_text);
    BOOST_REQUIRE(d.warnings.size() == 1u);
    BOOST_TEST(d.warnings[0].where.line == 2u);
    BOOST_TEST(d.warnings[0].message.find("table") != std::string::npos);
    BOOST_REQUIRE(d.blocks().size() == 1u);   // one paragraph: header, delimiter, rows
    BOOST_TEST(d.str(d.blocks()[0].text).starts_with(head + " " + delim + " x x"));
}

BOOST_AUTO_TEST_CASE(guard_escapes_never_show_in_code) {
    const std::string art = std::string(100, '>') + " |" + std::string(40, '|');
    const Document d = md("# Art\n\n```\n" + art + "\n```\n\n    " + art + "\n");
    const std::vector<BlockRow> expected = {{BlockKind::code, art, 3}, {BlockKind::code, art, 7}};
    BOOST_TEST(blocks(d, 1) == expected, boost::test_tools::per_element());
    BOOST_TEST(d.warnings.empty());
}

BOOST_AUTO_TEST_CASE(markup_heavy_documents_are_read_line_by_line) {
    // Every "[" is a cmark node of ~200 bytes: beyond the budget the reader does not use cmark.
    const std::string text = "# T\n\n" + std::string(3'000'000, '[') + "\n";
    Document d;
    d = md(text);
    BOOST_REQUIRE(!d.warnings.empty());
    BOOST_TEST(d.warnings[0].message.find("read line by line") != std::string::npos);
}

// ---- the corpus ------------------------------------------------------------------------

namespace {

// The alignment scorer's strip_md, ported: ATX headings outside fences, numbered by level,
// the top level lettered after "--- back"; anchors with their line, title and number.
struct ScorerHeading {
    std::uint32_t line;
    std::string title;
    std::string number;
};
struct ScorerView {
    std::vector<std::uint32_t> heading_lines;   // outside front matter
    std::map<std::string, ScorerHeading> anchors;
};

bool py_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string py_strip(std::string_view s) {
    while (!s.empty() && py_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && py_space(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// The regex \{#([^\s}]+)([^}]*)\}: the first match at or after `from` as [begin, end) with
// the id, or begin == npos.
struct AnchorMatch {
    std::size_t begin = std::string::npos, end = 0;
    std::string id;
};
AnchorMatch find_anchor(const std::string& s, std::size_t from = 0) {
    for (std::size_t p = s.find("{#", from); p != std::string::npos; p = s.find("{#", p + 1)) {
        std::size_t i = p + 2;
        while (i < s.size() && !py_space(s[i]) && s[i] != '}') ++i;
        if (i == p + 2) continue;
        const std::size_t close = s.find('}', i);
        if (close == std::string::npos) continue;
        return {p, close + 1, s.substr(p + 2, i - p - 2)};
    }
    return {};
}

// The alignment scorer's strip_md, ported line by line: FENCE ^\s*(```|~~~) toggles code,
// "--- back" restarts the counters with letters, MD_HEAD ^(#{1,6})\s+(.*?)\s*$ is a
// heading (the line keeps its newline, which \s+ may match).
ScorerView strip_md(const std::string& text) {
    ScorerView out;
    std::istringstream in(text);
    std::string line;
    bool in_code = false, back = false, in_front_matter = false;
    int counters[7] = {};
    for (std::uint32_t n = 1; std::getline(in, line); ++n) {
        if (!in.eof()) line += '\n';
        if (n == 1 && py_strip(line) == "---")
            in_front_matter = true;
        else if (in_front_matter && line.rfind("---", 0) == 0)
            in_front_matter = false;
        const std::size_t first = line.find_first_not_of(" \t\n\r\f\v");
        if (first != std::string::npos && (line.compare(first, 3, "```") == 0 || line.compare(first, 3, "~~~") == 0))
            in_code = !in_code;
        if (!in_code && line.rfind("--- back", 0) == 0) {
            back = true;
            std::fill(std::begin(counters), std::end(counters), 0);
        }
        if (in_code) continue;
        std::size_t hashes = 0;
        while (hashes < line.size() && line[hashes] == '#') ++hashes;
        if (hashes == 0 || hashes > 6 || hashes == line.size() || !py_space(line[hashes])) continue;
        const int level = static_cast<int>(hashes);
        ++counters[level];
        for (int k = level + 1; k < 7; ++k) counters[k] = 0;
        std::string number;
        for (int k = 1; k <= level; ++k) {
            if (k > 1) number += '.';
            if (k == 1 && back && counters[1] <= 26)
                number += static_cast<char>('A' + counters[1] - 1);
            else
                number += std::to_string(counters[k]);
        }
        if (!in_front_matter) out.heading_lines.push_back(n);
        const AnchorMatch am = find_anchor(line);
        if (am.begin == std::string::npos) continue;
        std::string rest = py_strip(line.substr(hashes)), title;
        for (std::size_t from = 0;;) {   // MD_ANCHOR.sub('', group 2)
            const AnchorMatch m = find_anchor(rest, from);
            if (m.begin == std::string::npos) {
                title += rest.substr(from);
                break;
            }
            title += rest.substr(from, m.begin - from);
            from = m.end;
        }
        out.anchors[am.id] = {n, py_strip(title), number};
    }
    return out;
}

std::vector<std::filesystem::path> ietf_drafts() {
    std::vector<std::filesystem::path> files;
    for (const char* dir : {"ietf-quic-transport", "ietf-tls13"})
        for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(REDLINE_SHARED_DIR) / "corpus" / dir))
            if (e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

BOOST_AUTO_TEST_CASE(corpus_headings_and_anchors_agree_with_the_scorer, *boost::unit_test::precondition(shared_corpus_present)) {
    const auto files = ietf_drafts();
    BOOST_TEST(files.size() == 10u);
    std::size_t anchors_checked = 0;
    for (const auto& path : files) {
        BOOST_TEST_CONTEXT(path.filename().string()) {
            const std::string text = slurp(path);
            const Document d = md(text);
            const ScorerView truth = strip_md(text);
            std::vector<std::uint32_t> lines;
            std::map<std::string, ClauseId> by_anchor;
            for (ClauseId i = 1; i < d.size(); ++i) {
                if (d[i].kind != C && d[i].kind != A) continue;
                lines.push_back(d[i].where.line);
                if (!d[i].anchor.empty()) by_anchor[std::string(d.str(d[i].anchor))] = i;
            }
            BOOST_TEST(lines == truth.heading_lines, boost::test_tools::per_element());
            BOOST_TEST(by_anchor.size() == truth.anchors.size());
            for (const auto& [anchor, h] : truth.anchors) {
                BOOST_TEST_CONTEXT(anchor) {
                    const auto it = by_anchor.find(anchor);
                    BOOST_REQUIRE(it != by_anchor.end());
                    BOOST_TEST(d.label(it->second) == h.number);
                    BOOST_TEST(d[it->second].where.line == h.line);
                    BOOST_TEST(d.title(it->second) == h.title);
                    ++anchors_checked;
                }
            }
            BOOST_TEST(d.info.identifier.starts_with("draft-ietf-"));
            BOOST_TEST(d.warnings.empty());
        }
    }
    BOOST_TEST(anchors_checked == 687u);
}

// kramdown-rfc sources call themselves "…-latest"; the file's name gives the revision.
BOOST_AUTO_TEST_CASE(a_latest_docname_takes_the_revision_from_the_file_name) {
    using redline::formats::markdown::draft_identifier;
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "corpus/draft-ietf-quic-transport-29.md") ==
               "draft-ietf-quic-transport-29");
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "draft-ietf-quic-transport-07.mkd") ==
               "draft-ietf-quic-transport-07");
    // Anything else keeps the docname: another draft's file, no revision, stdin, no "-latest".
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "draft-ietf-quic-recovery-29.md") ==
               "draft-ietf-quic-transport-latest");
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "draft-ietf-quic-transport-latest.md") ==
               "draft-ietf-quic-transport-latest");
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "draft-ietf-quic-transport-2024.md") ==
               "draft-ietf-quic-transport-latest");
    BOOST_TEST(draft_identifier("draft-ietf-quic-transport-latest", "-") == "draft-ietf-quic-transport-latest");
    BOOST_TEST(draft_identifier("draft-ietf-tls-tls13-13", "draft-ietf-tls-tls13-14.md") == "draft-ietf-tls-tls13-13");
    BOOST_TEST(draft_identifier("latest", "x-01.md") == "latest");

    const std::string text = "---\ntitle: T\ndocname: draft-ietf-example-latest\n---\n\n--- middle\n\n# Intro\n\nText.\n";
    BOOST_TEST(read_markdown(text, ReadOptions{"drafts/draft-ietf-example-03.md"}).info.identifier == "draft-ietf-example-03");
    BOOST_TEST(read_markdown(text, ReadOptions{"notes.md"}).info.identifier == "draft-ietf-example-latest");
}

BOOST_AUTO_TEST_CASE(corpus_spot_checks, *boost::unit_test::precondition(shared_corpus_present)) {
    const auto dir = std::filesystem::path(REDLINE_SHARED_DIR) / "corpus";
    const Document q = md(slurp(dir / "ietf-quic-transport/draft-ietf-quic-transport-29.md"));
    BOOST_TEST(q.info.title == "QUIC: A UDP-Based Multiplexed and Secure Transport");
    BOOST_TEST(q.info.identifier == "draft-ietf-quic-transport-latest");
    const auto row = [&](const Document& d, std::string_view title) {
        const ClauseId id = find_title(d, title);
        BOOST_REQUIRE(id != no_clause);
        return Row{d[id].kind, std::string(d.label(id)), std::string(d.title(id)), d[id].where.line,
                   std::string(d.str(d[id].anchor)), d[id].depth};
    };
    BOOST_TEST(row(q, "Abstract") == (Row{F, "", "Abstract", 93, "", 1}));
    BOOST_TEST(row(q, "Introduction") == (Row{C, "1", "Introduction", 112, "", 1}));
    BOOST_TEST(row(q, "Security Considerations") == (Row{C, "21", "Security Considerations", 6156, "", 1}));
    BOOST_TEST(row(q, "IANA Considerations") == (Row{C, "22", "IANA Considerations", 6682, "iana", 1}));
    BOOST_TEST(row(q, "Sample Packet Number Decoding Algorithm") ==
               (Row{A, "A", "Sample Packet Number Decoding Algorithm", 6936, "sample-packet-number-decoding", 1}));
    BOOST_TEST(row(q, "Change Log") == (Row{A, "C", "Change Log", 7012, "", 1}));
    BOOST_TEST(row(q, "Contributors") == (Row{A, "", "Contributors", 7551, "", 1}));
    const ClauseId intro = find_title(q, "Introduction");
    BOOST_TEST(blocks(q, intro).size() == 7u);
    BOOST_TEST(blocks(q, intro)[1] == (BlockRow{BlockKind::paragraph, "Stream multiplexing", 117}));

    const Document t = md(slurp(dir / "ietf-tls13/draft-ietf-tls-tls13-14.md"));
    BOOST_TEST(row(t, "Overview of Security Properties") ==
               (Row{A, "D", "Overview of Security Properties", 4245, "security-analysis", 1}));
}

BOOST_AUTO_TEST_CASE(corpus_styles, *boost::unit_test::precondition(shared_corpus_present)) {
    using formats::markdown::Style;
    const auto dir = std::filesystem::path(REDLINE_SHARED_DIR) / "corpus";
    for (const char* f : {"gbt/GB-T-19771-XXXX-draft-for-comments.md", "gbt/GB-T-40949-2021.md",
                          "cn-laws/company-law-2018.md", "cn-laws/company-law-2023.md",
                          "cn-laws/legislation-law-2015.md", "cn-laws/legislation-law-2023.md"})
        BOOST_TEST((style_of(slurp(dir / f)) == Style::numbered), f);
    for (const auto& path : ietf_drafts())
        BOOST_TEST((style_of(slurp(path)) == Style::kramdown_rfc), path.filename().string());
}

// Cells beyond the header's width are taken from the source line, with "\|" unescaped — in
// one pass: a row of 300,000 escaped pipes took 29 s when each was erased in place.
BOOST_AUTO_TEST_CASE(cells_beyond_the_header_keep_their_escaped_pipes_as_text) {
    const Document d = md("# T\n\n## 1 Scope\n\n| a | b |\n|---|---|\n| x | y | p\\|q | r |\n");
    std::string all;
    for (ClauseId id = 0; id < d.size(); ++id) all += d.own_text(id) + "\n";
    BOOST_TEST(all.find("x | y | p|q | r") != std::string::npos, all);
    std::string wide = "# T\n\n## 1 Scope\n\n| a | b |\n|---|---|\n| x | y | ";
    for (int i = 0; i < 300000; ++i) wide += "\\|";
    const Document w = md(wide + " |\n");
    std::string text;
    for (ClauseId id = 0; id < w.size(); ++id) text += w.own_text(id);
    BOOST_TEST(std::count(text.begin(), text.end(), '|') >= 300000);
}

BOOST_AUTO_TEST_CASE(yaml_nested_beyond_yaml_cpps_limit_says_so) {
    // yaml-cpp's depth guard reports "bad file"; the error says what happened and where.
    const std::string deep = "---\ntitle: ok\nauthor: " + std::string(600, '[') + std::string(600, ']') + "\n---\n\n# Heading\n";
    try {
        md(deep);
        BOOST_FAIL("no InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.place() == "line 3");
        BOOST_TEST(std::string(e.what()) ==
                   "invalid YAML front matter: nested 500 levels deep, beyond yaml-cpp's limit (yaml-cpp reported \"bad file\")");
    }
}
