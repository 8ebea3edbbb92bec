// Internal to formats/text: the grammar of the labels that start a line of a draft — clause
// numbers, law units, list markers, notes, examples, annex headings, captions, the named
// sections of front and back matter, and table-of-contents entries.
//
// Every parser looks at the start of a line that has no leading white space, accepts ASCII
// and full-width forms alike, and returns views into that line: a label stays as printed.
// Whether a label is a heading is decided elsewhere (structure.cpp), by the numbering
// sequence and the context; these functions only say what the line could be.
#pragma once

#include "engine/document.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace redline::formats::numbering {

// Deeper numbers than this are not clause numbers (ISO goes to six levels); the text reader
// reports a deeper one as a warning naming this limit (too_deep_number).
inline constexpr std::size_t max_parts = 8;
// Digits of one part of a clause number: three, so that a year or a date ("2023 年",
// "2015.5") is none, unless the caller lets the numbering sequence decide (long_parts), as
// after clause 999 of a draft of a thousand and more.
inline constexpr int short_part_digits = 3;
inline constexpr int max_part_digits = 9;

// A clause number: "6.1.3" is {6,1,3}; an annex clause "A.2" is {1,2} with annex = 'A'.
struct Number {
    std::array<std::uint32_t, max_parts> part{};
    std::uint8_t depth = 0;
    char annex = 0;

    bool operator==(const Number&) const = default;
    // "6.1.3", "A.2": for messages.
    std::string str() const;
    // True when this number is a proper prefix of `other` (its ancestor).
    bool is_prefix_of(const Number& other) const;
};

struct NumberedLine {
    Number number;
    std::string_view label;   // as printed, without a trailing dot ("6.1.3", "６．１", "A.1")
    std::string_view rest;    // what follows, white space trimmed
    bool trailing_dot = false;  // "1." / "A.1." (IETF style)
    bool spaced = false;        // white space (or the end of the line) follows the label
    bool wide_gap = false;      // two or more spaces follow the label ("1.  Introduction")
    bool long_part = false;     // some part has more than short_part_digits digits ("1000")
};

// A clause number at the start of `line`: digits (ASCII or full width) separated by '.' or
// '．', or an annex letter followed by such parts ("A.1"). Each part has one to three digits
// without leading zeros, so years, dates and version strings do not parse; with
// `long_parts`, up to max_part_digits (long_part says so: only the numbering sequence can
// tell clause 1000 from the year 2023).
std::optional<NumberedLine> parse_number(std::string_view line, bool long_parts = false);

// The label of a clause number deeper than max_parts at the start of `line`, followed by
// white space or the end of the line ("1.1.1.1.1.1.1.1.1"); empty when there is none.
std::string_view too_deep_number(std::string_view line);

// Chinese numerals 一二三…十百千零〇两 as used in 第十二条 (up to 9999); nullopt otherwise.
std::optional<std::uint32_t> chinese_numeral(std::string_view s);

// 第X编 / 第X章 / 第X节 / 第X条, followed by white space or the end of the line.
enum class LawLevel : std::uint8_t { part = 0, chapter = 1, section = 2, article = 3 };
struct LawLine {
    LawLevel level = LawLevel::article;
    std::uint32_t value = 0;
    std::string_view label;  // "第十二条"
    std::string_view rest;
};
std::optional<LawLine> parse_law_unit(std::string_view line);

// The kinds of list markers; items of one kind are siblings, a different kind nests.
enum class ListType : std::uint8_t {
    alpha,        // a) a）
    digit,        // 1) 1）
    paren_digit,  // (1) （1）
    cn_paren,     // （一） (一)
    circled,      // ① ⑴
    dash,         // —— — -- and bullets • · ● - * + o (OCR mixes them within one list)
    digit_dot,    // 1. — only where the source says the line is a list item (Markdown), or
                  // 1. 1、 before Han text inside a law's article (parse_article_item)
};
struct ListMarker {
    ListType type = ListType::dash;
    std::string_view label;  // "a）", "1)", "——", "•", "（一）"
    std::string_view rest;
};
// `markdown_item`: the source says the line is a list item (a Markdown item, a Word list
// paragraph), so "1.", "+" and "o " are markers too.
std::optional<ListMarker> parse_list_marker(std::string_view line, bool markdown_item = false);

// An item of an article's list numbered "1." "1．" or "1、" before Han text, glued to it or
// not: "1.主要事实不清的；", "2、财务报告。". At most two digits, so that a year ("2015.5 月")
// or a decimal clause number ("1.1 版本", "3.5倍") is none. `value` is the item's number.
std::optional<ListMarker> parse_article_item(std::string_view line, std::uint32_t& value);

// 注： 注1： 注 1： NOTE NOTE 1 Note 1 to entry: 示例： 示例 1： EXAMPLE EXAMPLE 2
struct NoteLine {
    ClauseKind kind = ClauseKind::note;
    std::string_view label;  // "注 1", "NOTE 1", "Note 1 to entry", "示例"
    std::string_view rest;
};
std::optional<NoteLine> parse_note(std::string_view line);

// 附录 A（规范性）… / 附录A / Annex B (informative) … / Appendix C.  Title
struct AnnexLine {
    char letter = 'A';
    std::string label;            // normalised: "附录 A", "Annex A", "Appendix A"
    std::string_view kind_text;   // "（规范性）", "(informative)"; empty when not on this line
    std::string_view rest;        // the title when it follows on the same line
    bool appendix_dot = false;    // "Appendix A." (IETF): a heading even without a kind
};
std::optional<AnnexLine> parse_annex(std::string_view line);

// A line that is only "（规范性）", "(资料性)", "(normative)", "(informative)"…
std::optional<std::string_view> parse_annex_kind(std::string_view line);

// Sections known by name alone on their line, before the body or closing it: contents,
// foreword, introduction, abstract, boilerplate (IETF), bibliography, index — as
// formats/common/section_roles.hpp names them; none for any other line.
SectionRole named_section(std::string_view line);

// "表 1 基础性数据元", "Table A.2 — Fields", "表 4 （续）".
struct Caption {
    std::string_view label;  // "表 1", "Table A.2"
    std::string_view title;
};
std::optional<Caption> parse_table_caption(std::string_view line);

// An entry of a table of contents: text, dot leaders (". . .", "……", "····") or a tab, a
// page number (arabic or roman). "5.1 概述 …… 2", "1.  Introduction . . . . . 4", "1 范围\t1".
bool is_toc_entry(std::string_view line);
// The entry without its leaders and page number ("1 范围 1" → "1 范围"), for recognising
// the heading it lists.
std::string_view toc_entry_text(std::string_view line);

// A standard or RFC identifier at the start of `s`: "GB/T 29244—2012", "ISO/IEC 27001:2022",
// "GB/T 19771—XXXX", "RFC 8446". Returns its length in bytes, 0 when there is none.
std::size_t identifier_length(std::string_view s);

}  // namespace redline::formats::numbering
