// Which clause a source cross-reference names: kramdown-rfc's {{name}} and xml2rfc's
// <xref target="name"/> point at a section's anchor, either the one the source gave it
// ({#name}, anchor="name") or, in kramdown, the id kramdown derives from the heading's title
// ("Address Validation" → address-validation).
#pragma once

#include "engine/document.hpp"

#include <string>
#include <string_view>
#include <unordered_map>

namespace redline::formats {

class CrossReferences {
public:
    explicit CrossReferences(const Document& doc);
    // The clause `name` points at, or no_clause when nothing in the document has that anchor.
    ClauseId find(std::string_view name) const;

private:
    std::unordered_map<std::string, ClauseId> by_anchor_;
};

// kramdown's automatic header id: the title lower-cased, characters other than ASCII letters,
// digits, spaces, '-' and '_' dropped, leading characters up to the first letter dropped,
// spaces turned into '-'.
std::string kramdown_auto_id(std::string_view title);

}  // namespace redline::formats
