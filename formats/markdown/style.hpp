// Which kind of Markdown a draft is, decided before parsing.
//
//   kramdown_rfc  an IETF source for kramdown-rfc: "--- abstract" / "--- middle" /
//                 "--- back" section markers, or YAML front matter with `docname` (the
//                 draft name), or with `title` when the numbered rule below does not hold
//                 (Jekyll-style pages carry a title too, over headings that may be
//                 numbered). Section numbers are computed from heading levels, as xml2rfc
//                 prints them.
//   numbered      the headings carry their own numbers ("## 6.1.3 固件安全", "## 第一章 总则",
//                 "附录 A") or the text is a law in articles ("第十二条 …"): GB/T and law texts,
//                 often converted from PDF. The line-based structure recogniser reads them.
//   plain         any other CommonMark/GFM: headings by level, labels only when a heading
//                 starts with a number.
//
// The numbered rule, on ATX headings outside fenced code and front matter: at least three
// lines open with a law article ("第…条"), or at least two of the headings after the first
// (the first is usually the document title) start with a clause number, a chapter/section
// ("第…章", "第…节"), or an annex ("附录 A", "Annex A", "A.1") and they are at least half of
// those headings; or there are no headings at all and at least three lines open with a
// multi-level clause number ("5.3.2 …"), as in a PDF conversion that lost its heading marks.
#pragma once

#include "formats/markdown/front_matter.hpp"
#include "formats/markdown/lines.hpp"

#include <cstdint>
#include <string_view>

namespace redline::formats::markdown {

enum class Style : std::uint8_t { kramdown_rfc, numbered, plain };

Style detect_style(const SourceText& src, const FrontMatter& front_matter);

// A heading text that starts with a clause number, chapter, section or annex designation.
bool starts_with_clause_designation(std::string_view text);

// The leading number of a heading ("2.1 Scope" → "2.1", "3. Terms" → "3"), empty if none.
// `rest` receives the text after it, trimmed.
std::string_view leading_clause_number(std::string_view text, std::string_view& rest);

}  // namespace redline::formats::markdown
