#include "formats/common/clause_names.hpp"

namespace redline::formats {

std::string clause_name(const Document& doc, ClauseId id) {
    std::string own(doc.label(id));
    const ClauseKind kind = doc[id].kind;
    if (kind == ClauseKind::clause || kind == ClauseKind::annex || kind == ClauseKind::term_entry ||
        kind == ClauseKind::front_matter)
        return own;
    if (own.empty()) own = std::string(to_string(kind));
    for (ClauseId a = doc[id].parent; a != no_clause && a != doc.root(); a = doc[a].parent) {
        std::string_view where = doc.label(a);
        if (where.empty() && doc[a].kind == ClauseKind::front_matter) where = doc.title(a);
        if (!where.empty()) return std::string(where) + " " + own;
    }
    return own;
}

std::string clause_names(const Document& doc, const std::vector<ClauseId>& ids) {
    if (ids.empty()) return "—";
    std::string out;
    for (ClauseId id : ids) {
        if (!out.empty()) out += " + ";
        out += clause_name(doc, id);
    }
    return out;
}

std::string entry_name(const Comparison& c, const ClauseEntry& e) {
    if (e.old_ids.empty()) return clause_names(*c.new_doc, e.new_ids);
    std::string name = clause_names(*c.old_doc, e.old_ids);
    if (e.new_ids.empty()) return name;
    const std::string new_name = clause_names(*c.new_doc, e.new_ids);
    if (new_name != name) name += " → " + new_name;
    return name;
}

std::string entry_title(const Comparison& c, const ClauseEntry& e) {
    if (!e.new_ids.empty()) return std::string(c.new_doc->title(e.new_ids.front()));
    return std::string(c.old_doc->title(e.old_ids.front()));
}

}  // namespace redline::formats
