// read_docx: the DOCX reader's second stage, the DOCX model → the clause tree.
//
// Every paragraph becomes one logical line for the structure recogniser the plain-text and
// Markdown readers share (formats/text/structure.hpp), with what Word knows said outright:
// a heading (outline level 0–8, from the paragraph or its style chain) is a heading line of
// that level; its automatic number starts the line and is trusted as the clause's label; an
// automatically numbered paragraph that is no heading is a list item; line breaks split a
// paragraph into lines (an annex heading "附录A", "（规范性）", its title); each table row is
// one table row line; a note cited in a paragraph follows it as a paragraph of its own,
// opened by its mark ("[1] …"). Numbers typed as text are recognised exactly as in a
// plain-text draft, so both kinds work in one document. Each line's place is its part and
// paragraph; `line` is the 1-based paragraph of word/document.xml (for a note, of the
// paragraph that cites it).
#include "formats/docx/convert.hpp"
#include "formats/docx/model.hpp"
#include "formats/reader.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/structure.hpp"

#include "engine/error.hpp"

#include <deque>
#include <iterator>
#include <map>
#include <string>
#include <vector>

namespace redline::formats {

namespace {

// The 1-based paragraph of word/document.xml a place is, which stands as its `line`; 0 for a
// place in another part (a note's).
std::uint32_t body_line(docx::Place place) { return place.part == 0 ? place.index + 1 : 0; }

SourceLocation location(docx::Place place, std::uint32_t line) { return {line, place.part + 1, place.index}; }

class Lines {
public:
    explicit Lines(const docx::Model& model) : model_(model) {}

    void build() {
        for (const docx::Block& b : model_.body) {
            if (b.kind == docx::Block::Kind::table) {
                table(model_.tables[b.index]);
            } else {
                const docx::Paragraph& p = model_.paragraphs[b.index];
                const std::uint32_t line = body_line(p.place);
                paragraph(p, line, true);
            }
        }
    }

    std::vector<SourceLine> lines;
    std::vector<SourceLocation> places;

private:
    // Adds one line; its SourceLine::line is the index of its place, plus one.
    SourceLine& add(std::string text, docx::Place place, std::uint32_t document_line, LineHint hint) {
        texts_.push_back(std::move(text));
        places.push_back(location(place, document_line));
        SourceLine l;
        l.text = texts_.back();
        l.line = static_cast<std::uint32_t>(places.size());
        l.hint = hint;
        l.outline = true;
        lines.push_back(l);
        return lines.back();
    }

    void blank(docx::Place place, std::uint32_t document_line) { add("", place, document_line, LineHint::blank); }

    void paragraph(const docx::Paragraph& p, std::uint32_t document_line, bool top) {
        const bool has_text = !scan::is_blank(p.text);
        // A bullet with nothing after it holds nothing to compare (and Word prints none on the
        // empty paragraph that ends a section, as before a list set in columns).
        if (!has_text && (p.number.empty() || p.bullet)) {
            blank(p.place, document_line);
            notes(p.notes, document_line);
            return;
        }
        const bool heading = top && p.outline_level >= 0 && (has_text || (!p.number.empty() && !p.bullet));
        std::size_t start = 0;
        bool first = true;
        while (start <= p.text.size()) {
            std::size_t end = p.text.find('\n', start);
            if (end == std::string::npos) end = p.text.size();
            std::string text = p.text.substr(start, end - start);
            if (first) {
                if (!p.number.empty()) text = p.number + (text.empty() ? "" : " ") + text;
                SourceLine& l = add(std::move(text), p.place, document_line, heading ? LineHint::heading : LineHint::none);
                if (heading) {
                    l.level = static_cast<std::uint8_t>(p.outline_level + 1);
                    l.numbered = !p.number.empty() && !p.bullet;
                } else {
                    l.list_item = !p.number.empty();
                    l.list_marker_drawn = l.list_item;
                }
                first = false;
            } else if (!scan::is_blank(text)) {
                add(std::move(text), p.place, document_line, LineHint::none);
            }
            start = end + 1;
        }
        blank(p.place, document_line);
        notes(p.notes, document_line);
    }

    void table(const docx::Table& t) {
        const std::uint32_t document_line = body_line(t.place);
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            std::string row;
            for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
                if (c > 0) row += " | ";
                row += t.rows[r][c];
            }
            const docx::Place place = t.row_places[r];
            add(std::move(row), place, place.part == 0 ? body_line(place) : document_line, LineHint::table_row);
        }
        blank(t.place, document_line);
        notes(t.notes, document_line);
    }

    void notes(const std::vector<std::uint32_t>& cited, std::uint32_t document_line) {
        for (std::uint32_t n : cited) {
            const docx::Note& note = model_.notes[n];
            bool first = true;
            for (const docx::Paragraph& p : note.paragraphs) {
                docx::Paragraph copy = p;
                if (first) copy.text = "[" + note.mark + "] " + std::string(scan::trim_left(copy.text));
                first = false;
                copy.outline_level = -1;
                paragraph(copy, document_line, false);
            }
        }
    }

    const docx::Model& model_;
    std::deque<std::string> texts_;   // stable addresses for the lines' views
};

// Each tracked change goes to the node whose heading or text holds its paragraph; a change in
// a paragraph that no node shows (one removed in this view) goes to the node of the nearest
// paragraph before it in the same part.
void attach_tracked_changes(const docx::Model& model, Document& doc) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, ClauseId> owner;   // (part, paragraph) → node
    for (ClauseId id = 1; id < doc.size(); ++id) {
        const Clause& c = doc[id];
        if (c.where.part) owner.try_emplace({c.where.part, c.where.paragraph}, id);
        for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b)
            if (b->where.part) owner.try_emplace({b->where.part, b->where.paragraph}, id);
    }
    doc.tracked_changes.reserve(model.changes.size());
    for (const docx::TrackedChange& t : model.changes) {
        TrackedChange c;
        c.kind = t.kind;
        c.author = t.author;
        c.date = t.date;
        c.text = t.text;
        c.where = location(t.place, body_line(t.place));
        auto it = owner.upper_bound({c.where.part, c.where.paragraph});
        if (it != owner.begin() && std::prev(it)->first.first == c.where.part) c.clause = std::prev(it)->second;
        doc.tracked_changes.push_back(std::move(c));
    }
}

}  // namespace

Document read_docx(std::string_view bytes, const ReadOptions& options) {
    docx::ModelOptions mo;
    mo.changes = options.tracked_changes == TrackedChanges::reject ? docx::Changes::reject : docx::Changes::accept;
    // A Word 97-2003 file (an OLE compound file that is not an encrypted OOXML package) is
    // converted by LibreOffice first; the model stage itself never starts a process.
    static constexpr std::string_view ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    static constexpr char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    std::string converted;
    if (bytes.starts_with(ole) && bytes.find(std::string_view(encrypted, sizeof encrypted - 1)) == std::string_view::npos) {
        converted = docx::convert_doc(bytes);
        bytes = converted;
    }
    const docx::Model model = docx::read_model(bytes, mo);
    Lines lines(model);
    lines.build();
    bool any_text = false;
    for (const SourceLine& l : lines.lines)
        if (l.hint != LineHint::blank && !l.text.empty()) any_text = true;
    if (!any_text) throw InputError("", "empty document (no text)");
    DocumentBuilder b;
    b.reserve_text(bytes.size());
    StructureOptions so;
    so.language = options.language;
    build_structure(lines.lines, b, so);
    b.document().parts = model.parts;
    b.relocate(lines.places);
    Document doc = b.finish();
    attach_tracked_changes(model, doc);
    doc.tracked_changes_rejected = mo.changes == docx::Changes::reject;
    return doc;
}

}  // namespace redline::formats
