#include "engine/document.hpp"

#include <limits>
#include <ostream>
#include <stdexcept>

namespace redline {

std::string_view to_string(ClauseKind kind) {
    switch (kind) {
    case ClauseKind::root: return "document";
    case ClauseKind::front_matter: return "front-matter";
    case ClauseKind::clause: return "clause";
    case ClauseKind::annex: return "annex";
    case ClauseKind::term_entry: return "term-entry";
    case ClauseKind::list_item: return "list-item";
    case ClauseKind::note: return "note";
    case ClauseKind::example: return "example";
    case ClauseKind::table: return "table";
    case ClauseKind::paragraph: return "paragraph";
    }
    return "clause";
}

std::string_view to_string(SectionRole role) {
    switch (role) {
    case SectionRole::none: return "none";
    case SectionRole::cover: return "cover";
    case SectionRole::contents: return "contents";
    case SectionRole::foreword: return "foreword";
    case SectionRole::introduction: return "introduction";
    case SectionRole::abstract: return "abstract";
    case SectionRole::boilerplate: return "boilerplate";
    case SectionRole::scope: return "scope";
    case SectionRole::normative_references: return "normative-references";
    case SectionRole::informative_references: return "informative-references";
    case SectionRole::references: return "references";
    case SectionRole::terms: return "terms";
    case SectionRole::drafting_organisation: return "drafting-organisation";
    case SectionRole::annex: return "annex";
    case SectionRole::bibliography: return "bibliography";
    case SectionRole::index: return "index";
    case SectionRole::security_considerations: return "security-considerations";
    case SectionRole::iana_considerations: return "iana-considerations";
    }
    return "none";
}

std::string_view to_string(Language language) {
    switch (language) {
    case Language::en: return "en";
    case Language::zh: return "zh";
    case Language::unknown: break;
    }
    return "und";
}

std::string_view to_string(BlockKind kind) {
    switch (kind) {
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::code: return "code";
    case BlockKind::table_row: return "table-row";
    case BlockKind::figure: return "figure";
    }
    return "paragraph";
}

std::string_view to_string(TrackedChange::Kind kind) {
    switch (kind) {
    case TrackedChange::Kind::insertion: return "insertion";
    case TrackedChange::Kind::deletion: return "deletion";
    case TrackedChange::Kind::move_from: return "move-from";
    case TrackedChange::Kind::move_to: return "move-to";
    case TrackedChange::Kind::mark_inserted: return "paragraph-mark-inserted";
    case TrackedChange::Kind::mark_deleted: return "paragraph-mark-deleted";
    case TrackedChange::Kind::properties: return "properties";
    }
    return "insertion";
}

std::ostream& operator<<(std::ostream& os, ClauseKind kind) { return os << to_string(kind); }
std::ostream& operator<<(std::ostream& os, SectionRole role) { return os << to_string(role); }
std::ostream& operator<<(std::ostream& os, Language language) { return os << to_string(language); }
std::ostream& operator<<(std::ostream& os, BlockKind kind) { return os << to_string(kind); }

Document::Document() = default;

std::string Document::own_text(ClauseId id) const {
    std::string out;
    for (const Block* b = blocks_begin(id); b != blocks_end(id); ++b) {
        if (!out.empty()) out += '\n';
        out += str(b->text);
    }
    return out;
}

ClauseId Document::first_child(ClauseId id) const {
    const ClauseId next = id + 1;
    return next < clauses_[id].end ? next : no_clause;
}

ClauseId Document::next_sibling(ClauseId id) const {
    const ClauseId parent = clauses_[id].parent;
    if (parent == no_clause) return no_clause;
    const ClauseId next = clauses_[id].end;
    return next < clauses_[parent].end ? next : no_clause;
}

std::size_t Document::child_count(ClauseId id) const {
    std::size_t n = 0;
    for (ClauseId c = first_child(id); c != no_clause; c = next_sibling(c)) ++n;
    return n;
}

DocumentBuilder::DocumentBuilder() {
    Clause root;
    root.kind = ClauseKind::root;
    root.end = 1;
    doc_.clauses_.push_back(root);
    stack_.push_back(0);
    last_child_.push_back(no_clause);
}

TextRef DocumentBuilder::store(std::string_view s) {
    // Offsets are 32-bit: documents are bounded far below 4 GiB by the readers' input limits.
    if (doc_.text_.size() + s.size() > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("document text exceeds 4 GiB");
    TextRef ref{static_cast<std::uint32_t>(doc_.text_.size()), static_cast<std::uint32_t>(s.size())};
    doc_.text_.append(s);
    return ref;
}

ClauseId DocumentBuilder::open(ClauseKind kind, std::string_view label, std::string_view title,
                               SourceLocation where) {
    const ClauseId parent = stack_.back();
    const auto id = static_cast<ClauseId>(doc_.clauses_.size());
    Clause c;
    c.kind = kind;
    c.language = doc_.clauses_[parent].language;
    c.parent = parent;
    c.end = id + 1;
    c.depth = doc_.clauses_[parent].depth + 1;
    c.label = store(label);
    c.title = store(title);
    c.first_block = static_cast<std::uint32_t>(doc_.blocks_.size());
    c.where = where;
    doc_.clauses_.push_back(c);
    last_child_.push_back(no_clause);
    last_child_[parent] = id;
    stack_.push_back(id);
    return id;
}

void DocumentBuilder::add_block(BlockKind kind, std::string_view text, SourceLocation where) {
    ClauseId target = stack_.back();
    if (last_child_[target] != no_clause || target == doc_.root()) {
        // Text after children: keep reading order by giving it a paragraph node of its own,
        // or extend the paragraph node that is still the last thing in the arena. Text at the
        // top level (a Markdown draft without headings, a preamble before the first one) gets
        // one too: the comparison pairs nodes, and the root's own text would be in no entry.
        const ClauseId last = last_child_[target];
        const bool extend = last != no_clause && doc_.clauses_[last].kind == ClauseKind::paragraph &&
                            last + 1 == doc_.clauses_.size() &&
                            doc_.clauses_[last].first_block + doc_.clauses_[last].block_count == doc_.blocks_.size();
        if (!extend) {
            open(ClauseKind::paragraph, "", "", where);
            close();
        }
        target = last_child_[target];
    }
    Block b;
    b.kind = kind;
    b.text = store(text);
    b.where = where;
    doc_.blocks_.push_back(b);
    Clause& c = doc_.clauses_[target];
    if (c.block_count == 0) c.first_block = static_cast<std::uint32_t>(doc_.blocks_.size() - 1);
    ++c.block_count;
    if (c.where.line == 0 && c.where.part == 0) c.where = where;
}

void DocumentBuilder::set_role(ClauseId id, SectionRole role) {
    SectionRole& r = doc_.clauses_[id].role;
    if (r != SectionRole::none && r != role)
        throw std::logic_error("clause " + std::to_string(id) + " already has the role " + std::string(to_string(r)));
    r = role;
}

void DocumentBuilder::close() {
    if (stack_.size() <= 1) return;
    const ClauseId id = stack_.back();
    stack_.pop_back();
    doc_.clauses_[id].end = static_cast<ClauseId>(doc_.clauses_.size());
}

void DocumentBuilder::close_to(ClauseId id) {
    while (stack_.size() > 1 && stack_.back() != id) close();
}

void DocumentBuilder::relocate(const std::vector<SourceLocation>& places) {
    auto move = [&](SourceLocation& where) {
        if (where.line >= 1 && where.line <= places.size()) where = places[where.line - 1];
    };
    for (Clause& c : doc_.clauses_) move(c.where);
    for (Block& b : doc_.blocks_) move(b.where);
    for (Warning& w : doc_.warnings) move(w.where);
}

Document DocumentBuilder::finish() {
    close_all();
    doc_.clauses_[0].end = static_cast<ClauseId>(doc_.clauses_.size());
    // The node and block arenas grew by doubling: a document lives through the whole
    // comparison, so it gives back the capacity it did not use (in place: they are realloc'd).
    // The text store was reserved by the reader.
    doc_.clauses_.shrink_to_fit();
    doc_.blocks_.shrink_to_fit();
    Document out = std::move(doc_);
    *this = DocumentBuilder();
    return out;
}

}  // namespace redline
