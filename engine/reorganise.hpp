// Reorganisations: content traced sentence by sentence across the whole document, after the
// one-to-one alignment.
//
// A revision of a law or a standard moves paragraphs, sentences and items between clauses:
// an old article's second paragraph becomes the first of another article, three items of an
// old article become articles of their own, two old articles are redistributed over three new
// ones. The clause matchers (engine/match) pair each clause once; this stage finds where the
// sentences of every clause that did not stay identical went. A sentence and its counterpart
// must each be the other's best match anywhere in the other draft (weighted by how rare
// their words are), so a common phrase or a wording copied for another subject does not
// count. A clause that gave a substantial part of its sentences to a clause other than its
// partner is linked to it; linked clauses form a group (split, merge or n:m reorganisation).
#pragma once

#include "engine/document.hpp"
#include "engine/match.hpp"
#include "engine/parallel.hpp"
#include "engine/tokens.hpp"

namespace redline {

// Adds the links that traced sentences give to `al` and rebuilds its groups. Both token
// streams must be in the ids of `tables`. The two directions of the search are independent
// work, handed to `both`.
void trace_reorganisations(const Document& old_doc, const TokenizedDocument& old_tokens, const Document& new_doc,
                           const TokenizedDocument& new_tokens, const TokenTables& tables, Alignment& al,
                           const RunBoth& both = one_after_other);

}  // namespace redline
