// The structure recogniser shared by the plain-text reader and the Markdown reader: given
// the logical lines of a draft, decide which are headings (by the numbering sequence, not
// by appearance alone), which are list items, notes, examples, term entries, annex
// headings, front matter (cover, 目次, 前言, 引言, Foreword, Introduction) and which are
// body text, and build the clause tree.
//
// The tree it builds (labels as printed unless said otherwise; titles with white space folded):
//   cover        front_matter, empty label and title: the lines before the first section
//                (GB/T/ISO cover, RFC header block, a law's title and enactment history),
//                one block per line. DocumentInfo gets identifier, ICS/CCS classifications,
//                title and alt_title (Chinese and English title), stage and replaced standards.
//                Role cover.
//   named        front_matter titled 目次 / 前言 / 引言 / Contents / Foreword / Introduction /
//                Abstract / Status of This Memo / Copyright Notice (Han titles without their
//                layout spaces: "前　言" → "前言"). A table of contents keeps its lines as
//                blocks and never yields clauses. In a foreword, the drafting organisations
//                (起草单位, "drafted by") become one list_item each, role drafting_organisation.
//                Roles contents, foreword, introduction, abstract, boilerplate.
//   back matter  参考文献 / Bibliography / 索引 / Index, and RFC sections without a number
//                after the body ("Authors' Addresses"): kind clause with an empty label. Roles
//                bibliography, index, or what an RFC heading's title names ("References").
//   clauses      "6.1.3 固件安全" → clause "6.1.3" titled 固件安全; a numbered paragraph
//                ("7.1.2.1 系统应…。") → clause without title, its text as a block. RFC labels
//                drop the trailing dot ("1.  Introduction" → "1"). A first-level clause takes
//                the role its title names (1 范围 scope, 2 规范性引用文件 normative_references,
//                3 术语和定义 terms, IETF 1 Introduction, Security/IANA Considerations,
//                References); below it only "9.1 Normative References" under References and
//                a terms clause do (formats/common/section_roles.hpp).
//   terms        numbered children of a clause titled 术语…/Terms…/…definitions: term_entry,
//                title the term, alt_title its English equivalent; a numbered entry that
//                turns out to hold terms becomes a clause.
//   annexes      annex labelled "附录 A" / "Annex A" / "Appendix A" (normalised spacing),
//                alt_title the printed kind "（规范性）" / "(informative)"; A.1 … inside. Role annex.
//   laws         第X编 › 第X章 › 第X节 › 第X条 clauses; an article's first 款 is the rest of its
//                line; further 款 are its blocks; 项 "（一）" are list items.
//   lists        a) 1) (1) （一） ① —— • - items nest when the marker kind changes.
//   notes        注 / 注1 / NOTE 1 / Note 1 to entry → note; 示例 / EXAMPLE → example.
//   tables       consecutive table_row lines → a table node; a caption line before it
//                ("表 1 名称") gives its label and title.
//   other text   paragraphs (wrapped lines re-joined) as blocks of the innermost open node;
//                text before any section goes into a root-level paragraph node.
// Irregularities (numbering gaps, dropped running headers, flattened nesting) are Warnings.
#pragma once

#include "engine/document.hpp"
#include "formats/reader.hpp"

#include <cstdint>
#include <span>
#include <string_view>

namespace redline::formats {

enum class LineHint : std::uint8_t {
    none,        // ordinary text line (may still be a heading by its numbering)
    blank,       // paragraph separator
    heading,     // the source marked it as a heading (Markdown '#'); `level` holds 1–6
    page_break,  // form feed, '---' page separator of a PDF conversion
    table_row,   // one table row, cells joined by " | "
    code,        // preformatted / fenced text: never a heading
};

struct SourceLine {
    std::string_view text;      // without the line terminator and without Markdown markers
    std::uint32_t line = 0;     // 1-based line in the input file
    LineHint hint = LineHint::none;
    std::uint8_t level = 0;     // heading level when hint == heading
    // The flags are bits: a line is 24 bytes, not 32 (a draft of short paragraphs holds one
    // for every line, blank ones included, while its clause tree is built).
    bool list_item : 1 = false; // the source marked it as a list item; its marker starts `text`
    // The source drew the marker as a list's (a DOCX automatic number, a PDF marker a tab
    // away from its text): "4. If the path…" is an item even where clause 4 would fit.
    bool list_marker_drawn : 1 = false;
    // A heading whose number the source computed (DOCX automatic numbering): the number that
    // starts `text` is the clause's label wherever it stands in the sequence, and the rest of
    // the line is its title even when it reads like running text.
    bool numbered : 1 = false;
    // The source gives headings outline levels (DOCX): a top-level heading (level 1) with no
    // number opens a section of its own instead of being read as text.
    bool outline : 1 = false;
};
static_assert(sizeof(SourceLine) <= 24);

struct StructureOptions {
    Language language = Language::unknown;   // unknown: detect from the lines
};

// Builds the clause tree from lines into `out` (whose root is current) and fills
// out.document().info from the cover block when there is one. Page furniture (RFC page
// footers and headers, running headers repeated on many pages, bare page numbers) is
// removed first; a number at the start of a line is a heading only when it continues the
// numbering (formats/text/sequence.hpp). Sets the language of the document and of every node.
// The lines are taken by value (callers move them in): the recogniser filters them in place.
void build_structure(std::vector<SourceLine> lines, DocumentBuilder& out,
                     const StructureOptions& options);

// The Markdown reader's entry point for documents whose structure is carried by the numbers
// in their text ("## 6.1.3 固件安全", "第十二条 …") rather than by heading levels: GB/T
// conversions (including OCR conversions from PDF) and Chinese law texts. Heading levels
// are hints only; YAML front matter is metadata (its title fills DocumentInfo::title when
// the cover gives none); HTML and GFM tables become table rows; fences become code;
// comments, wrapper tags, images, emphasis and link syntax are removed.
Document read_numbered_markdown(std::string_view utf8, const ReadOptions& options);

}  // namespace redline::formats
