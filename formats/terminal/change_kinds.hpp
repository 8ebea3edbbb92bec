// `redline diff --only KINDS`: which changes the terminal view and --stat show, and what
// decides the exit status then. The JSON report and the redline page always hold every
// clause (docs/json.md: every clause of both drafts is in exactly one entry), so --only is
// for the text views alone.
#pragma once

#include "engine/comparison.hpp"

#include <string>
#include <string_view>

namespace redline::formats {

struct ChangeKinds {
    bool all = true;                  // no --only: everything
    bool clause[9] = {};              // indexed by ClauseChange
    bool provisions = false;          // the provision changes (and cited references)

    // A changed entry whose change, or one of its further facts (modified and renumbered,
    // moved), is a chosen kind.
    bool shows(const ClauseEntry& e) const;
    bool shows_provisions() const { return all || provisions; }
};

// "removed,added": a comma-separated list of removed, added, modified, moved, renumbered,
// split, merged, reorganised and provisions. Throws InputError naming the unknown word.
ChangeKinds parse_change_kinds(std::string_view list);

// "removed, added, modified, moved, renumbered, split, merged, reorganised, provisions"
std::string change_kind_names();

// The kinds chosen, as --only would take them back ("renumbered,moved" in the help's order);
// empty for everything.
std::string chosen_kind_names(const ChangeKinds& kinds);

// A substantive change among the kinds shown: diff's exit status 1. Without --only, the
// comparison's own Comparison::has_substantive_changes().
bool has_substantive_changes(const Comparison& c, const ChangeKinds& kinds);

}  // namespace redline::formats
