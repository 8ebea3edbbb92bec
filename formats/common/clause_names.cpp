#include "formats/common/clause_names.hpp"

#include "formats/common/utf8_excerpt.hpp"

namespace redline::formats {

namespace {

// `name` of each clause, joined by " + " (a split or merged entry names several).
template <class Name>
std::string joined(const Document& doc, const std::vector<ClauseId>& ids, Name name) {
    std::string out;
    for (ClauseId id : ids) {
        if (!out.empty()) out += " + ";
        out += name(doc, id);
    }
    return out;
}

// An entry's clauses: the old names, then " → " and the new ones when they differ.
template <class Name>
std::string old_to_new(const Comparison& c, const ClauseEntry& e, Name name) {
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

std::string clause_names(const Document& doc, const std::vector<ClauseId>& ids) {
    if (ids.empty()) return "—";
    return joined(doc, ids, clause_name);
}

std::string entry_name(const Comparison& c, const ClauseEntry& e) { return old_to_new(c, e, clause_name); }

EntryIndex::EntryIndex(const Comparison& c) : of_old(c.old_doc->size(), none), of_new(c.new_doc->size(), none) {
    for (std::size_t i = 0; i < c.entries.size(); ++i) {
        for (ClauseId id : c.entries[i].old_ids) of_old[id] = i;
        for (ClauseId id : c.entries[i].new_ids) of_new[id] = i;
    }
}

std::string provision_place(const Comparison& c, const ProvisionChange& p) {
    const Unit* ou = p.old_unit != ProvisionChange::none ? &c.old_analysis.units[p.old_unit] : nullptr;
    const Unit* nu = p.new_unit != ProvisionChange::none ? &c.new_analysis.units[p.new_unit] : nullptr;
    const std::string old_name = ou ? clause_name(*c.old_doc, ou->clause) : std::string();
    const std::string new_name = nu ? clause_name(*c.new_doc, nu->clause) : std::string();
    if (ou && nu && old_name != new_name) return old_name + " → " + new_name;
    return nu ? new_name : old_name;
}

std::string entry_title(const Comparison& c, const ClauseEntry& e) {
    if (!e.new_ids.empty()) return std::string(c.new_doc->title(e.new_ids.front()));
    return std::string(c.old_doc->title(e.old_ids.front()));
}

std::string display_name(const Document& d, ClauseId id) {
    if (!d.label(id).empty()) return clause_name(d, id);
    if (d[id].kind == ClauseKind::front_matter) return d.title(id).empty() ? "Cover" : std::string();
    for (ClauseId a = d[id].parent; a != no_clause && a != d.root(); a = d[a].parent) {
        if (!d.label(a).empty()) return clause_name(d, a) + " ·";
        if (!d.title(a).empty()) return std::string(d.title(a)) + " ·";
    }
    return std::string(to_string(d[id].kind));
}

std::string clause_text(const Document& d, ClauseId id) {
    std::string out;
    for (const Block* b = d.blocks_begin(id); b != d.blocks_end(id); ++b) {
        if (!out.empty()) out += '\n';
        out += d.str(b->text);
    }
    return out;
}

std::string entry_display_name(const Comparison& c, const ClauseEntry& e) { return old_to_new(c, e, display_name); }

std::string entry_display_title(const Comparison& c, const ClauseEntry& e) {
    std::string title = entry_title(c, e);
    if (!title.empty()) return title;
    const Document& d = e.new_ids.empty() ? *c.old_doc : *c.new_doc;
    return excerpt(clause_text(d, e.new_ids.empty() ? e.old_ids.front() : e.new_ids.front()), 24);
}

}  // namespace redline::formats
