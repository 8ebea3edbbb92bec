// Internal to formats/text: whether a number at the start of a line continues the numbering
// of the clauses before it. A number is a heading only when it does; everything else that
// starts with digits (a year, a date, "5.2 规定的…", a table cell, "3.1 of ISO 9001") is text.
#pragma once

#include "formats/text/numbering.hpp"

#include <cstdint>
#include <string_view>

namespace redline::formats::sequence {

// Clauses a draft may lose between two headings (OCR drops a heading, an editor deletes one)
// and still be read as a continuation; the gap is reported as a Warning.
inline constexpr int max_skip = 3;

// How a candidate number relates to the last accepted one.
enum class Relation : std::uint8_t {
    first,         // nothing accepted yet, and the candidate is 1 (or 0, an introduction)
    child,         // 6.1.2 → 6.1.2.1
    next,          // 6.1.2 → 6.1.3, 6.2, 7
    skip_forward,  // 6.1.2 → 6.1.4, 6.3, 8: up to max_skip clauses missing; or an excerpt
                   // that starts at a later clause ("6 安全要求" first)
    skip_down,     // 6.1 → 6.1.1.1, 6.1.2 → 6.2.1: an intermediate heading missing
    backwards,     // 6.1.2 → 5.2, 6.1: a reference to an earlier clause
    unrelated,     // 6.1.2 → 12.7, an annex number outside its annex: far outside the sequence
};

struct Rule {
    Relation relation;
    bool heading;   // accept the line as a heading
    bool warn;      // and report the irregularity
    std::string_view example;
};

// The rule table: one row per relation.
inline constexpr Rule rules[] = {
    {Relation::first, true, false, "1 Scope"},
    {Relation::child, true, false, "6.1.2 → 6.1.2.1"},
    {Relation::next, true, false, "6.1.2 → 6.1.3, 6.2, 7"},
    {Relation::skip_forward, true, true, "6.1.2 → 6.1.4"},
    {Relation::skip_down, true, true, "6.1 → 6.1.1.1"},
    {Relation::backwards, false, false, "6.1.2 → 5.2"},
    {Relation::unrelated, false, false, "6.1.2 → 12.7"},
};

inline const Rule& rule_for(Relation r) { return rules[static_cast<std::size_t>(r)]; }

// `last` is null when no number has been accepted yet.
Relation relate(const numbering::Number* last, const numbering::Number& candidate);

// Annex letters: A first, then the next letter; a skip of up to max_skip letters is
// accepted with a warning. `last` is 0 before the first annex.
Relation relate_annex(char last, char candidate);

}  // namespace redline::formats::sequence
