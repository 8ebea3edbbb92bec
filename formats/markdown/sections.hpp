// Builds the clause tree of one chunk of Markdown (a kramdown-rfc section, or the whole body
// of a plain document): top-level headings open clauses, everything else becomes blocks of
// the clause that is open.
//
// A heading's parent is the nearest open heading of a lower level, so a skipped level
// ("#" then "###") nests one step, while its label still shows the skipped level ("1.0.1").
// Headings marked {:numbered="false"} (or {.unnumbered}, {-}) get an empty label, take no
// number from the sequence (xml2rfc prints the next numbered sibling as if they were not
// there), and make their subsections unnumbered too. Each heading gets the section role its
// title names where it stands (role_of).
#pragma once

#include "engine/document.hpp"
#include "formats/markdown/attributes.hpp"
#include "formats/markdown/blocks.hpp"
#include "formats/markdown/guard.hpp"
#include "formats/markdown/lines.hpp"
#include "formats/markdown/numbering.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace redline::formats::markdown {

enum class SectionMode : std::uint8_t {
    front,    // abstract, notes: unnumbered
    middle,   // kramdown-rfc body: 1, 1.2, 1.2.3
    back,     // kramdown-rfc back matter: A, A.1; level-1 headings are annexes
    plain,    // CommonMark/GFM: a label only when the heading starts with a number
};

class SectionReader {
public:
    // Lines are parsed in pieces of at least `piece_bytes` where a cut is allowed (pieces.hpp).
    SectionReader(const SourceText& src, const HardenedText& hardened, DocumentBuilder& out, bool kramdown,
                  std::size_t piece_bytes);

    // Reads input lines first..last (1-based, inclusive) into the clause that is current.
    void read(std::uint32_t first, std::uint32_t last, SectionMode mode);
    // strip_md restarts the back-matter counters at every "--- back".
    void restart_back_matter() { back_.reset(); }

    const BlockWriter& blocks() const { return writer_; }
    std::uint32_t level_one_headings() const { return level_one_; }
    // How many pieces cmark-gfm parsed, for tests.
    std::uint32_t pieces() const { return pieces_; }
    const std::string& first_level_one_title() const { return first_level_one_title_; }

private:
    void heading(cmark_node* node, Attributes attrs, SectionMode mode);
    // The section role of a heading about to open, from its title (formats/common/
    // section_roles.hpp) and where it stands: kramdown-rfc middle "#" headings are the top
    // level ("Introduction", "Security Considerations"), back-matter "#" headings appendices
    // unless they are reference lists; in plain Markdown a single-number label ("1 Scope") or
    // an unnumbered heading at the top or under the unnumbered "#" title ("## Foreword").
    SectionRole role_of(std::string_view title, std::string_view label, ClauseKind kind, SectionMode mode) const;

    struct OpenHeading {
        int level;
        ClauseId id;
    };

    const SourceText& src_;
    const HardenedText& hardened_;
    DocumentBuilder& out_;
    bool kramdown_;
    BlockWriter writer_;
    SectionNumberer middle_{false};
    SectionNumberer back_{true};
    std::vector<OpenHeading> open_;
    ClauseId base_ = 0;
    int unnumbered_level_ = 0;   // level of the unnumbered heading whose subtree is open; 0 = none
    std::uint32_t level_one_ = 0;
    std::string first_level_one_title_;
    std::size_t piece_bytes_;
    std::uint32_t pieces_ = 0;
};

}  // namespace redline::formats::markdown
