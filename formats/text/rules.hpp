// Internal to formats/text: what the text of one line or paragraph says about its role —
// running text rather than a title, a table row, a term, a definition, a list of drafting
// organisations. Stateless; the recogniser (structure.cpp) combines these with the
// numbering sequence and the surrounding lines.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace redline::formats::rules {

// The text after a number reads as running text: "5.2 规定的…", "3.1 of ISO 9001",
// "6 个设备", "5.2 和 5.3 …". A title never starts like this.
bool starts_like_running_text(std::string_view rest);

// Column layout of a plain-text table row: wide gaps, tabs or bars.
bool looks_like_table_cells(std::string_view rest);

// "术语和定义", "Terms and definitions", "Terms, definitions and abbreviated terms": numbered
// children of such a clause are read as term entries. Deliberately broader than the terms
// role (formats/common/section_roles.hpp), which a "Method Definitions" clause does not get.
bool is_terms_title(std::string_view title);

// A term as printed above its definition: short, no sentence punctuation, not a source note.
bool is_term_like(std::string_view t);
// A definition: a sentence.
bool is_definition_like(std::string_view t);

// Splits "公钥基础设施 public key infrastructure" into the Chinese term and its English
// equivalent; a term without Han characters stays whole (second is empty).
std::pair<std::string_view, std::string_view> split_term(std::string_view t);

bool ends_with_colon(std::string_view t);

// Reference-list entries and cited standards start a new paragraph even without a blank
// line before them: "[1] GB/T 1.1—2020 …", "GB/T 20518-2018 信息安全技术 …" — unless the
// line before, `before`, breaks off a sentence at a word that needs one after it ("…are to
// be interpreted as described in" / "BCP 14 [RFC2119] [RFC8174] when, and only when, …").
bool starts_paragraph(std::string_view t, std::string_view before = {});

// The organisations named in a foreword's "起草单位：…" / "drafted by …" sentence.
struct Organisations {
    std::string_view lead;                 // "本文件起草单位：" — stays a block of the foreword
    std::vector<std::string_view> names;   // split on 、，,；; and "and"
};
std::optional<Organisations> drafting_organisations(std::string_view text);

}  // namespace redline::formats::rules
