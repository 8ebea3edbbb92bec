#include "formats/common/clause_names.hpp"

#include "formats/common/utf8_excerpt.hpp"

namespace redline::formats {

namespace {

// `name` of each clause, joined by " + " (a split or merged entry names several).
std::string joined(const Document& doc, std::span<const ClauseId> ids, const ClauseNamer& name) {
    std::string out;
    for (ClauseId id : ids) {
        if (!out.empty()) out += " + ";
        out += name(doc, id);
    }
    return out;
}

// An entry's clauses: the old names, then " → " and the new ones when they differ.
std::string old_to_new(const Comparison& c, const ClauseEntry& e, const ClauseNamer& name) {
    if (e.old_ids.empty()) return joined(*c.new_doc, e.new_ids, name);
    std::string old_names = joined(*c.old_doc, e.old_ids, name);
    if (e.new_ids.empty()) return old_names;
    const std::string new_names = joined(*c.new_doc, e.new_ids, name);
    return new_names == old_names ? old_names : old_names + " → " + new_names;
}

}  // namespace

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

std::string clause_names(const Document& doc, std::span<const ClauseId> ids) {
    if (ids.empty()) return "—";
    return joined(doc, ids, clause_name);
}

std::string entry_links(const Comparison& c, const ClauseEntry& e, const ClauseNamer& name) {
    std::string out;
    for (std::size_t k = 0; k < e.links.size();) {
        const std::uint32_t o = e.links[k].first;
        if (!out.empty()) out += "; ";
        out += name(*c.old_doc, e.old_ids[o]) + " → ";
        for (bool first = true; k < e.links.size() && e.links[k].first == o; ++k, first = false)
            out += (first ? "" : " + ") + name(*c.new_doc, e.new_ids[e.links[k].second]);
    }
    return out;
}

std::string entry_name(const Comparison& c, const ClauseEntry& e, const ClauseNamer& name) { return old_to_new(c, e, name); }

std::string provision_place(const Comparison& c, const ProvisionChange& p, const ClauseNamer& name) {
    const bool has_old = p.old_place.present(), has_new = p.new_place.present();
    const std::string old_name = has_old ? name(*c.old_doc, p.old_place.clause) : std::string();
    const std::string new_name = has_new ? name(*c.new_doc, p.new_place.clause) : std::string();
    if (has_old && has_new && old_name != new_name) return old_name + " → " + new_name;
    return has_new ? new_name : old_name;
}

std::string entry_title(const Comparison& c, const ClauseEntry& e) { return std::string(c.doc_of(e).title(c.clause_of(e))); }

std::string display_name(const Document& d, ClauseId id) {
    if (!d.label(id).empty()) return clause_name(d, id);
    if (d[id].kind == ClauseKind::front_matter) return d.title(id).empty() ? "Cover" : std::string();
    for (ClauseId a = d[id].parent; a != no_clause && a != d.root(); a = d[a].parent) {
        if (!d.label(a).empty()) return clause_name(d, a) + " ·";
        if (!d.title(a).empty()) return std::string(d.title(a)) + " ·";
    }
    return std::string(to_string(d[id].kind));
}

std::string entry_display_name(const Comparison& c, const ClauseEntry& e) { return old_to_new(c, e, display_name); }

std::string entry_display_title(const Comparison& c, const ClauseEntry& e) {
    std::string title = entry_title(c, e);
    if (!title.empty()) return title;
    return excerpt(c.doc_of(e).own_text(c.clause_of(e)), 24);
}

}  // namespace redline::formats
