// The clause-tree model every reader produces and the engine consumes.
//
// A Document owns all of its nodes in one arena (a TrivialArray<Clause>) stored in document
// (pre-)order, and all of its strings in one text buffer. Nodes refer to strings by
// TextRef (offset + length) and to each other by ClauseId (an index). A clause's subtree is
// the index range [id, clause.end); its children are found by hopping from one sibling's
// `end` to the next. Blocks (paragraphs of a clause's own text) live in a second arena and
// each clause owns a contiguous range of them, so parsing a 5 MB draft costs a handful of
// array growths, not an allocation per node; the arenas grow by realloc (engine/trivial_array),
// so growing them does not hold two copies at once.
#pragma once

#include "engine/trivial_array.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

using ClauseId = std::uint32_t;
inline constexpr ClauseId no_clause = static_cast<ClauseId>(-1);

enum class Language : std::uint8_t { unknown, en, zh };

enum class ClauseKind : std::uint8_t {
    root,          // the document itself; always id 0
    front_matter,  // cover, foreword (前言), introduction (引言), abstract, boilerplate
    clause,        // numbered clause or subclause, chapter/section/article of a law
    annex,         // Annex A / 附录 A / Appendix A
    term_entry,    // 3.1 term, with its definition
    list_item,     // a) 1) —— （一） items, drafting organisations
    note,          // NOTE / 注
    example,       // EXAMPLE / 示例
    table,         // a table, its rows as blocks
    paragraph,     // text of a parent that follows its children, or text no heading owns
};

// What a section is for in the document as a whole, independent of its kind and numbering.
// The reader that recognises a section sets its role once, on the node that heads it (and on
// each drafting-organisation item); nothing later guesses roles from titles. Most nodes have
// none. The GB/T 1.1 / ISO Directives Part 2 elements, the IETF sections the readers know,
// and the structural parts every reader produces:
enum class SectionRole : std::uint8_t {
    none,
    cover,                   // title page: GB/T/ISO cover, RFC header block, a law's title and
                             // enactment notes, xml2rfc <front> facts (title, authors, date)
    contents,                // 目次 / Contents / Table of Contents: never a source of clauses
    foreword,                // 前言 / Foreword / Preface
    introduction,            // 引言 / Introduction (ISO front matter, "0 Introduction", IETF section 1)
    abstract,                // IETF Abstract (kramdown-rfc "--- abstract", xml2rfc <abstract>)
    boilerplate,             // IETF Status of This Memo, Copyright Notice
    scope,                   // 1 范围 / 1 Scope
    normative_references,    // 2 规范性引用文件 / Normative references / IETF Normative References:
                             // what is cited under it is the document's normative list
    informative_references,  // IETF Informative References
    references,              // IETF References that groups the normative and informative lists
    terms,                   // 3 术语和定义 / Terms and definitions / IETF Terminology, Conventions
                             // and Definitions: the section that heads the term entries
    drafting_organisation,   // a list item of the foreword naming one drafting organisation (起草单位)
    annex,                   // 附录 A / Annex A / IETF Appendix A (also kind annex)
    bibliography,            // 参考文献 / Bibliography
    index,                   // 索引 / Index
    security_considerations, // IETF Security Considerations (also "Security and Privacy …")
    iana_considerations,     // IETF IANA Considerations
};

enum class BlockKind : std::uint8_t { paragraph, code, table_row, figure };

std::string_view to_string(ClauseKind kind);
std::string_view to_string(SectionRole role);
std::string_view to_string(Language language);
std::string_view to_string(BlockKind kind);
std::ostream& operator<<(std::ostream& os, ClauseKind kind);
std::ostream& operator<<(std::ostream& os, SectionRole role);
std::ostream& operator<<(std::ostream& os, Language language);
std::ostream& operator<<(std::ostream& os, BlockKind kind);

// A string stored in the owning Document's text buffer.
struct TextRef {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool empty() const { return length == 0; }
};

// Where a node came from. Text formats fill `line` (1-based; 0 when unknown). Packaged
// formats (DOCX) fill `part` (an index into Document::parts, plus one; 0 = none) and
// `paragraph` (0-based index of the paragraph in that part). PDF fills `line` (the line of
// the text extracted from it, as `parse --format text` prints it) and `page` (1-based; 0 =
// none).
struct SourceLocation {
    std::uint32_t line = 0;
    std::uint32_t part = 0;
    std::uint32_t paragraph = 0;
    std::uint32_t page = 0;
};

struct Block {
    BlockKind kind = BlockKind::paragraph;
    TextRef text;
    SourceLocation where;
};

struct Clause {
    ClauseKind kind = ClauseKind::clause;
    Language language = Language::unknown;
    SectionRole role = SectionRole::none;  // set by the reader that recognised the section
    ClauseId parent = no_clause;
    ClauseId end = 0;            // one past the last node of this clause's subtree
    std::uint32_t depth = 0;     // root = 0
    TextRef label;               // exactly as printed: "6.1.3", "A.2", "a)", "第十二条", "3.1"
    TextRef title;               // heading text without the label; a term entry's term
    TextRef alt_title;           // a term entry's English equivalent, an annex's "(normative)"
    TextRef anchor;              // an id the source gave the clause ({#anchor}, anchor="…")
    std::uint32_t first_block = 0;
    std::uint32_t block_count = 0;
    SourceLocation where;        // of the heading, or of the first line when there is none
};

// Facts about the document as a whole, taken from its cover or front matter.
struct DocumentInfo {
    std::string path;            // as given on the command line; "-" for standard input
    std::string title;           // main title, in the document's language
    std::string alt_title;       // the other-language title on a GB/T cover
    std::string identifier;      // "GB/T 29244—2012", "draft-ietf-quic-transport-29"
    std::string stage;           // "征求意见稿", "Working Draft", …
    std::string format;          // the reader that parsed it: "text", "markdown", …
    std::string encoding;        // the source encoding that was decoded: "UTF-8", "GB18030", …
    std::vector<std::string> replaces;   // standards this one replaces (代替 …)
    std::vector<std::string> classifications;  // "ICS 35.030", "CCS L 80"
};

// A reader's remark about input it handled in an unusual way; never fatal. The reader words it
// twice: `message` in English (the JSON report, the terminal view, English pages and briefs) and
// `zh` in Chinese (the page and brief of Chinese drafts, whose readers should not meet an English
// sentence in the middle of them); an empty `zh` falls back to `message`.
struct Warning {
    SourceLocation where;
    std::string message;
    std::string zh = {};

    const std::string& worded(Language lang) const { return lang == Language::zh && !zh.empty() ? zh : message; }
};

// A revision the source itself tracked (a Word insertion, deletion, move, paragraph-mark or
// property change), as its author recorded it. The reader shows the draft with all of them
// accepted or all rejected; the list says what was resolved, so that a user can see who
// proposed what. Kept in the model for outputs that write tracked changes back.
struct TrackedChange {
    enum class Kind : std::uint8_t {
        insertion, deletion, move_from, move_to,
        mark_inserted,   // a paragraph mark inserted (a paragraph split or added)
        mark_deleted,    // a paragraph mark deleted (two paragraphs joined)
        properties,      // the paragraph's style or numbering changed
    } kind = Kind::insertion;
    std::string author;
    std::string date;            // as recorded ("2019-05-20T11:54:00Z"); may be empty
    std::string text;            // the text inserted, deleted or moved; empty for marks and properties
    SourceLocation where;        // the paragraph it is in
    ClauseId clause = 0;         // the node whose text holds that paragraph (the root when none)
};

std::string_view to_string(TrackedChange::Kind kind);

class Document {
public:
    Document();

    DocumentInfo info;
    Language language = Language::unknown;
    std::vector<std::string> parts;    // names of packaged parts ("word/document.xml")
    std::vector<Warning> warnings;
    // The text the reader read, whose lines `SourceLocation::line` counts (the decoded input;
    // the text extracted from a PDF) — only when ReadOptions::keep_text asked for it.
    std::string source_text;
    std::vector<TrackedChange> tracked_changes;   // in document order
    bool tracked_changes_rejected = false;        // the text shows them rejected, not accepted

    ClauseId root() const { return 0; }
    std::size_t size() const { return clauses_.size(); }
    // Bytes of all labels, titles and block texts together.
    std::size_t text_bytes() const { return text_.size(); }
    const Clause& operator[](ClauseId id) const { return clauses_[id]; }
    const TrivialArray<Clause>& clauses() const { return clauses_; }
    const TrivialArray<Block>& blocks() const { return blocks_; }

    std::string_view str(TextRef ref) const {
        return std::string_view(text_).substr(ref.offset, ref.length);
    }
    std::string_view label(ClauseId id) const { return str(clauses_[id].label); }
    std::string_view title(ClauseId id) const { return str(clauses_[id].title); }

    // The clause's own blocks (not its children's).
    const Block* blocks_begin(ClauseId id) const { return blocks_.data() + clauses_[id].first_block; }
    const Block* blocks_end(ClauseId id) const { return blocks_begin(id) + clauses_[id].block_count; }
    // The clause's own text: its blocks joined by '\n'.
    std::string own_text(ClauseId id) const;

    // Children in order: for (ClauseId c = first_child(p); c != no_clause; c = next_sibling(c))
    ClauseId first_child(ClauseId id) const;
    ClauseId next_sibling(ClauseId id) const;
    std::size_t child_count(ClauseId id) const;

private:
    friend class DocumentBuilder;
    TrivialArray<Clause> clauses_;
    TrivialArray<Block> blocks_;
    std::string text_;
};

// Builds a Document in document order. Readers open a clause, add its blocks, open its
// children, and close. Text added to a clause that already has children is wrapped in a
// `paragraph` child so that every clause's blocks stay contiguous and in reading order.
class DocumentBuilder {
public:
    DocumentBuilder();

    TextRef store(std::string_view s);
    // Reserves room for this many bytes of text: a reader passes its source size, which bounds
    // the text of most drafts, so the store is not re-copied as it grows.
    void reserve_text(std::size_t bytes) { doc_.text_.reserve(bytes); }
    // Reserves room for this many blocks (a reader that knows how many lines hold text), so the
    // block array is not grown one doubling at a time.
    void reserve_blocks(std::size_t blocks) { doc_.blocks_.reserve(blocks); }

    // Opens a new clause as the last child of the current one and makes it current.
    ClauseId open(ClauseKind kind, std::string_view label, std::string_view title, SourceLocation where);
    // Adds a block of text to the current clause.
    void add_block(BlockKind kind, std::string_view text, SourceLocation where);
    // Gives a clause its role. A role is set once: setting another role on a clause that has
    // one throws std::logic_error (a reader bug), setting the same one again is harmless.
    void set_role(ClauseId id, SectionRole role);
    // Closes the current clause; the root is never closed.
    void close();
    // Closes clauses until `id` is current (id must be open).
    void close_to(ClauseId id);
    // Closes everything down to the root.
    void close_all() { close_to(0); }

    ClauseId current() const { return stack_.back(); }
    const std::vector<ClauseId>& open_clauses() const { return stack_; }  // root first
    Clause& clause(ClauseId id) { return doc_.clauses_[id]; }
    std::string_view str(TextRef ref) const { return doc_.str(ref); }
    bool has_children(ClauseId id) const { return last_child_[id] != no_clause; }
    ClauseId last_child(ClauseId id) const { return last_child_[id]; }
    std::uint32_t block_count(ClauseId id) const { return doc_.clauses_[id].block_count; }

    Document& document() { return doc_; }
    // For packaged formats read through a line-based recogniser: every location so far (nodes,
    // blocks, warnings) whose `line` is L (1-based) becomes `places[L - 1]`; lines beyond the
    // table keep their place.
    void relocate(const std::vector<SourceLocation>& places);
    Document finish();

private:
    Document doc_;
    std::vector<ClauseId> stack_;
    TrivialArray<ClauseId> last_child_;
};

}  // namespace redline
