// How writers name clauses to a reader: "6.1.3", "5.3 注", "6.3.3 a）", "6.2.4 → 6.2.3".
#pragma once

#include "engine/comparison.hpp"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace redline::formats {

// How a writer names one clause: clause_name(), display_name(), or a writer's own (the redline
// page names kinds in the page's language).
using ClauseNamer = std::function<std::string(const Document&, ClauseId)>;

// A clause's label; notes, list items and paragraphs are named after the clause they sit in
// ("5.3 注", "6.3.3 a）", "前言 list-item"), so that a reader knows where to look.
std::string clause_name(const Document& doc, ClauseId id);

// Several clauses joined with " + " (a merge's old parts, a split's new parts); "—" for none.
std::string clause_names(const Document& doc, std::span<const ClauseId> ids);

// Which part of a split, merge or reorganisation became which: each old part with the new
// parts it went to, "第三条 → 第三条 + 第四条; 第五条 → 第三条 + 第二十条"; "" for a
// one-to-one entry.
std::string entry_links(const Comparison& c, const ClauseEntry& e, const ClauseNamer& name = clause_name);

// An entry's location: "6.2.4 → 6.2.3" when the name changed, else the one name.
std::string entry_name(const Comparison& c, const ClauseEntry& e, const ClauseNamer& name = clause_name);

// Where a provision change stands: "6.2.2 → 6.2.1" when its clause's name changed, else the
// new clause's name (the old one's when the provision was removed).
std::string provision_place(const Comparison& c, const ProvisionChange& p, const ClauseNamer& name = clause_name);

// An entry's title: the new clause's, or the old one's when removed.
std::string entry_title(const Comparison& c, const ClauseEntry& e);

// For headings that a reader scans (the redline page's outline, the terminal's clause
// headers): an unlabelled list item or paragraph is named after the clause it sits in
// ("前言 ·") and titled by its first words; the unlabelled, untitled cover is "Cover".
std::string display_name(const Document& doc, ClauseId id);
std::string entry_display_name(const Comparison& c, const ClauseEntry& e);
std::string entry_display_title(const Comparison& c, const ClauseEntry& e);

}  // namespace redline::formats
