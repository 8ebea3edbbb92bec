// `redline diff --stat`: how much changed where, as `git diff --stat` shows it for files. One
// line per top-level clause with changes — its name, the number of changed clauses under it
// and a bar of words inserted (+) and removed (-) — then the totals, the changes by kind and
// the provision changes by kind. Nothing when nothing changed, as git writes nothing.
#pragma once

#include "engine/comparison.hpp"
#include "formats/terminal/change_kinds.hpp"

#include <string>

namespace redline::formats {

struct StatOptions {
    bool color = false;            // + green, - red
    bool show_editorial = true;    // count editorial-only entries
    ChangeKinds only;              // --only
};

// The widest bar, in columns: larger counts are scaled down to it, as git does.
inline constexpr std::size_t stat_bar_width = 40;

std::string write_stat(const Comparison& comparison, const StatOptions& options);

// Words as a word processor counts them: a Han character is one word, and so is a run of
// letters, digits and other non-space characters outside CJK punctuation.
std::size_t count_words(std::string_view text);

}  // namespace redline::formats
