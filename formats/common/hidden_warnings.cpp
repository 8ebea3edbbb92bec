#include "formats/common/hidden_warnings.hpp"

#include "formats/common/clause_names.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <vector>

namespace redline::formats {

namespace {

// The hidden characters of one clause, each with its count, in order of first appearance.
class Census {
public:
    // Counts those of s; true when there was one.
    bool add(std::string_view s) {
        bool any = false;
        for (std::size_t i = find_hidden(s); i != std::string_view::npos; i = find_hidden(s, i)) {
            const HiddenChar h = hidden_at(s, i);
            any = true;
            i += h.bytes;
            bool known = false;
            for (auto& [c, n] : seen_)
                if (c.code_point == h.code_point) {
                    ++n;
                    known = true;
                }
            if (!known) seen_.emplace_back(h, 1);
        }
        return any;
    }
    bool empty() const { return seen_.empty(); }
    // "U+202E RIGHT-TO-LEFT OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1"
    std::string list() const {
        std::string out;
        for (const auto& [c, n] : seen_) out += fmt::format("{}{} ×{}", out.empty() ? "" : ", ", describe_hidden(c), n);
        return out;
    }
    void clear() { seen_.clear(); }

private:
    std::vector<std::pair<HiddenChar, std::size_t>> seen_;
};

std::string clause_called(const Document& doc, ClauseId id, bool zh) {
    if (id == doc.root()) return zh ? "全文" : "the document";
    std::string name = clause_name(doc, id);
    if (name.empty()) name = zh && !doc.title(id).empty() ? "“" + std::string(doc.title(id)) + "”" : std::string(doc.title(id));
    if (name.empty()) name = to_string(doc[id].kind);
    return zh ? name : "clause " + name;
}

// Does any clause's label, titles or text hold s? Asked only of a title that holds a hidden
// character, which is rare. Boyer-Moore keeps the search linear in the text whatever the
// title (a naive search of "aaa…a⟨RLO⟩" through "aaaa…" is quadratic); a title longer than
// any real one is not looked for.
bool in_some_clause(const Document& doc, std::string_view s) {
    if (s.size() > 4096) return false;
    const std::boyer_moore_searcher search(s.begin(), s.end());
    auto holds = [&](std::string_view text) { return std::search(text.begin(), text.end(), search) != text.end(); };
    for (ClauseId id = 0; id < doc.size(); ++id) {
        const Clause& c = doc[id];
        for (const TextRef& ref : {c.label, c.title, c.alt_title})
            if (holds(doc.str(ref))) return true;
        for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b)
            if (holds(doc.str(b->text))) return true;
    }
    return false;
}

constexpr std::string_view what = "text contains invisible control characters";
constexpr std::string_view what_zh = "文字含不可见的控制字符";

}  // namespace

void warn_hidden_characters(Document& doc) {
    std::vector<Warning> found;
    std::size_t more_clauses = 0;
    Census census, rest;
    for (ClauseId id = 0; id < doc.size(); ++id) {
        const Clause& c = doc[id];
        Census& into = found.size() < max_hidden_character_warnings ? census : rest;
        if (&into == &census) census.clear();
        // The place is the heading's, or that of the first block that holds one.
        bool placed = false;
        for (const TextRef& ref : {c.label, c.title, c.alt_title, c.anchor}) placed |= into.add(doc.str(ref));
        SourceLocation at = c.where;
        for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b)
            if (into.add(doc.str(b->text)) && !placed) {
                placed = true;
                if (b->where.line || b->where.part) at = b->where;
            }
        if (&into == &rest) {
            more_clauses += placed;
            continue;
        }
        if (!census.empty())
            found.push_back({at, fmt::format("{}: {} ({})", clause_called(doc, id, false), what, census.list()),
                             fmt::format("{}：{}（{}）", clause_called(doc, id, true), what_zh, census.list())});
    }
    if (more_clauses)
        found.push_back({{}, fmt::format("{} more clauses: {} ({})", more_clauses, what, rest.list()),
                         fmt::format("另有 {} 个条款{}（{}）", more_clauses, what_zh, rest.list())});
    // The title and identifier come from the cover or the front matter; most readers also
    // keep them in a clause, already warned about.
    census.clear();
    for (const std::string* s : {&doc.info.title, &doc.info.alt_title, &doc.info.identifier, &doc.info.stage})
        if (find_hidden(*s) != std::string_view::npos && !in_some_clause(doc, *s)) census.add(*s);
    if (!census.empty())
        found.push_back({{1, 0, 0}, fmt::format("the document's title or identifier: {} ({})", what, census.list()),
                         fmt::format("文件名称或编号{}（{}）", what_zh, census.list())});
    doc.warnings.insert(doc.warnings.end(), found.begin(), found.end());
}

std::string list_hidden_characters(std::string_view text) {
    Census census;
    census.add(text);
    return census.list();
}

}  // namespace redline::formats
