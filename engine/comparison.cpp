#include "engine/comparison.hpp"

#include <algorithm>
#include <ostream>

namespace redline {

std::string_view to_string(ClauseChange change) {
    switch (change) {
    case ClauseChange::unchanged: return "unchanged";
    case ClauseChange::modified: return "modified";
    case ClauseChange::renumbered: return "renumbered";
    case ClauseChange::moved: return "moved";
    case ClauseChange::added: return "added";
    case ClauseChange::removed: return "removed";
    case ClauseChange::split: return "split";
    case ClauseChange::merged: return "merged";
    case ClauseChange::reorganised: return "reorganised";
    }
    return "unchanged";
}

std::ostream& operator<<(std::ostream& os, ClauseChange change) { return os << to_string(change); }

std::string_view to_string(MatchReason reason) {
    switch (reason) {
    case MatchReason::none: return "none";
    case MatchReason::identical: return "identical";
    case MatchReason::same_label_similar: return "same-label+similar";
    case MatchReason::similar_content: return "similar-content";
    case MatchReason::children_matched: return "children-matched";
    case MatchReason::split: return "split";
    case MatchReason::merge: return "merge";
    case MatchReason::traced: return "traced";
    case MatchReason::same_place: return "same-place";
    }
    return "none";
}

std::ostream& operator<<(std::ostream& os, MatchReason reason) { return os << to_string(reason); }

std::string_view to_string(ProvisionChangeKind kind) {
    switch (kind) {
    case ProvisionChangeKind::removed: return "removed";
    case ProvisionChangeKind::added: return "added";
    case ProvisionChangeKind::weakened: return "weakened";
    case ProvisionChangeKind::strengthened: return "strengthened";
    case ProvisionChangeKind::negated: return "negated";
    case ProvisionChangeKind::modified: return "modified";
    case ProvisionChangeKind::moved: return "moved";
    }
    return "modified";
}

bool Comparison::has_substantive_changes() const {
    return !provisions.empty() || !references.removed.empty() || !references.added.empty() ||
           std::any_of(entries.begin(), entries.end(), [](const ClauseEntry& e) { return e.number != 0; });
}

const std::vector<Edit>& Comparison::quote(const Finding& f) const {
    static const std::vector<Edit> nothing;
    switch (f.quote.from) {
    case FindingQuote::From::provision: return provisions[f.quote.index].wording;
    case FindingQuote::From::entry: return entries[f.quote.index].edits;
    case FindingQuote::From::none: break;
    }
    return nothing;
}

}  // namespace redline
