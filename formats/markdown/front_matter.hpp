// YAML front matter and kramdown-rfc section markers.
//
// kramdown-rfc sources open with a YAML block ("---" on line 1) that ends at the first
// section marker ("--- abstract", "--- note_…", "--- middle", "--- back") or at a plain
// "---" / "..." line; the markers then cut the body into sections. Jekyll-style documents
// use the same "---" fences for metadata.
#pragma once

#include "engine/document.hpp"
#include "formats/markdown/lines.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::markdown {

struct FrontMatter {
    bool present = false;
    std::uint32_t close_line = 0;   // the line that ends it; lines 1..close_line are front matter
    bool closed_by_marker = false;  // the closing line is a section marker ("--- abstract")
    bool has_title = false;
    bool has_docname = false;
    std::string title;
    std::string docname;
};

// Finds and parses the front matter. A "---" first line whose block does not read as a YAML
// mapping (its first entry is not "key:"), or that is never closed, is not front matter: the
// text is read as Markdown and, for the unclosed case, a warning says why. Throws InputError
// ("line N") when the block is meant as YAML but is malformed.
FrontMatter read_front_matter(const SourceText& src, std::vector<Warning>& warnings);

// The draft's name for the document identifier. kramdown-rfc sources call themselves
// "draft-…-latest" (the revision number is filled in at submission); a file named after a
// revision of that draft ("draft-…-07.md") says which one it is. Otherwise the docname as is.
std::string draft_identifier(std::string_view docname, std::string_view path);

struct SectionMarker {
    std::uint32_t line = 0;
    std::string_view name;   // "abstract", "middle", "back", "note_Note_to_Readers", …
};

// "--- name" (name of letters, digits, '_'; an optional trailing '-' as kramdown-rfc allows).
bool parse_section_marker(std::string_view line, std::string_view& name);

// Section markers on lines first_line..end of text.
std::vector<SectionMarker> find_section_markers(const SourceText& src, std::uint32_t first_line);

// True for the markers that only kramdown-rfc uses: abstract, middle, back.
bool is_kramdown_rfc_marker(std::string_view name);

}  // namespace redline::formats::markdown
