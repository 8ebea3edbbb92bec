#include "formats/common/cross_references.hpp"

namespace redline::formats {

std::string kramdown_auto_id(std::string_view title) {
    std::string id;
    bool letter_seen = false;
    for (char ch : title) {
        const auto u = static_cast<unsigned char>(ch);
        const bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        if (alpha) letter_seen = true;
        if (!letter_seen) continue;
        if (alpha) id += static_cast<char>(u | 0x20);
        else if ((u >= '0' && u <= '9') || u == '-' || u == '_') id += ch;
        else if (u == ' ') id += '-';
    }
    return id;
}

CrossReferences::CrossReferences(const Document& doc) {
    // Given anchors win over derived ones; of two derived ids the first heading keeps it, as
    // kramdown then numbers the second ("-1").
    for (ClauseId id = 1; id < doc.size(); ++id)
        if (!doc[id].anchor.empty()) by_anchor_.emplace(std::string(doc.str(doc[id].anchor)), id);
    if (doc.info.format != "markdown") return;
    for (ClauseId id = 1; id < doc.size(); ++id) {
        const Clause& c = doc[id];
        if (c.anchor.empty() && (c.kind == ClauseKind::clause || c.kind == ClauseKind::annex) && !c.title.empty())
            by_anchor_.emplace(kramdown_auto_id(doc.str(c.title)), id);
    }
}

ClauseId CrossReferences::find(std::string_view name) const {
    const auto it = by_anchor_.find(std::string(name));
    return it == by_anchor_.end() ? no_clause : it->second;
}

}  // namespace redline::formats
