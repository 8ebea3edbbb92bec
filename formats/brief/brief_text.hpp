// Shared pieces of the brief writers (internal to formats/brief).
#pragma once

#include "formats/brief/brief.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace redline::formats::brief_text {

bool zh(const Brief& b);
// "GB/T XXXXX—XXXX 信息安全技术 办公设备安全规范 (讨论稿)"
std::string document_line(const Document& d);
std::string title_line(const Brief& b);
// Label words in the brief's language.
std::string word(const Brief& b, std::string_view en, std::string_view zh);
// "C14 · 6.2.4 → 6.2.3" and similar, for a finding's meta line.
std::string location(const Brief& b, const BriefFinding& f);

// When the finding's quotation holds controls or invisible format characters, a sentence
// saying so, naming them ("The quoted wording contains invisible control characters, shown
// by name or picture: U+202E RIGHT-TO-LEFT OVERRIDE ×1, …"): a reader of the finding alone
// learns that another viewer may show other words. "" otherwise.
std::string hidden_note(const Brief& b, const BriefFinding& f);

// The summary table: a row per category that has findings, then the editorial count.
std::vector<std::pair<std::string, std::uint32_t>> summary_rows(const Brief& b);

// The reader warnings of both drafts, one line each: "Old draft (a.txt), line 93: …".
std::string reader_notes_heading(const Brief& b);
std::vector<std::string> reader_note_lines(const Brief& b);

// How a top-level clause is named in the distribution of changes: "第1章 范围", "Clause 1
// Scope", "第一章 总则", "前言".
std::string chart_name(const Brief& b, const ChartBar& bar);
// "变化分布（…）：前言：6 处；第1章 范围：1 处。"; "" without changes in clauses.
std::string distribution_line(const Brief& b);

// The body shows the first b.shown findings; the others are rows of an appendix table, each
// worded when its row is written (a large comparison has one per changed clause): the header
// row, then other_findings_row(b, k) for k from shown(b) to b.order.size().
std::size_t shown(const Brief& b);
std::string other_findings_heading(const Brief& b);
std::vector<std::string> other_findings_header(const Brief& b);
std::vector<std::string> other_findings_row(const Brief& b, std::size_t k);

// The renumbering appendix as rows of text, the header row first.
std::vector<std::vector<std::string>> renumbering_rows(const Brief& b);

}  // namespace redline::formats::brief_text
