#include "formats/terminal/change_kinds.hpp"

#include "engine/error.hpp"

#include <array>
#include <utility>

namespace redline::formats {

namespace {

// In the order the help lists them: what a reviewer asks for first.
constexpr std::array<std::pair<std::string_view, ClauseChange>, 8> clause_kinds = {{
    {"removed", ClauseChange::removed},
    {"added", ClauseChange::added},
    {"modified", ClauseChange::modified},
    {"moved", ClauseChange::moved},
    {"renumbered", ClauseChange::renumbered},
    {"split", ClauseChange::split},
    {"merged", ClauseChange::merged},
    {"reorganised", ClauseChange::reorganised},
}};

}  // namespace

bool ChangeKinds::shows(const ClauseEntry& e) const {
    if (e.change == ClauseChange::unchanged) return false;
    if (all) return true;
    if (clause[static_cast<int>(e.change)]) return true;
    for (ClauseChange a : e.also)
        if (clause[static_cast<int>(a)]) return true;
    return false;
}

ChangeKinds parse_change_kinds(std::string_view list) {
    ChangeKinds kinds;
    kinds.all = false;
    while (true) {
        const std::size_t comma = list.find(',');
        const std::string_view word = list.substr(0, comma);
        bool known = false;
        if (word == "provisions") {
            kinds.provisions = known = true;
        } else {
            for (const auto& [name, change] : clause_kinds)
                if (word == name) kinds.clause[static_cast<int>(change)] = known = true;
        }
        if (!known)
            throw InputError("", "--only: " + (word.empty() ? std::string("an empty kind") : "unknown kind '" + std::string(word) + "'") +
                                     " (choose from " + change_kind_names() + ")");
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return kinds;
}

std::string change_kind_names() {
    std::string out;
    for (const auto& [name, change] : clause_kinds) out += std::string(name) + ", ";
    return out + "provisions";
}

std::string chosen_kind_names(const ChangeKinds& kinds) {
    if (kinds.all) return "";
    std::string out;
    for (const auto& [name, change] : clause_kinds)
        if (kinds.clause[static_cast<int>(change)]) out += std::string(out.empty() ? "" : ",") + std::string(name);
    if (kinds.provisions) out += std::string(out.empty() ? "" : ",") + "provisions";
    return out;
}

bool has_substantive_changes(const Comparison& c, const ChangeKinds& kinds) {
    if (kinds.all) return c.has_substantive_changes();
    if (kinds.provisions && (!c.provisions.empty() || !c.references.removed.empty() || !c.references.added.empty()))
        return true;
    for (const ClauseEntry& e : c.entries)
        if (e.substantive() && kinds.shows(e)) return true;
    return false;
}

}  // namespace redline::formats
