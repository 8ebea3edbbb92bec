// The DOCX model: what a Word file says, before any clause is recognised — the first of the
// DOCX reader's two stages (OOXML → model → clause tree), usable on its own (a fuzz target
// takes bytes to a Model).
//
// Paragraphs carry their style, outline level (from the paragraph or its style chain, never
// from a style's name), automatic number as Word displays it (numbering.xml fully: abstract
// definitions and instances, level text, start, restart, overrides, formats, legal numbering,
// numbering through the style or the paragraph) and text: runs, tabs ('\t'), line breaks
// ('\n'), symbols, field results (never field codes), hyperlinks, content controls. Tracked
// changes are resolved as accepted or as rejected. Tables are one block each in reading order;
// footnotes and endnotes are kept with the paragraph that cites them; text boxes follow the
// paragraph that anchors them.
#pragma once

#include "engine/document.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::docx {

enum class Changes : std::uint8_t { accept, reject };

// Where a paragraph is: `part` indexes Model::parts; `index` is the 0-based position of its
// w:p among all w:p elements of that part, in document order (tables and text boxes included).
struct Place {
    std::uint32_t part = 0;
    std::uint32_t index = 0;
};

struct Paragraph {
    Place place;
    std::string style;          // style id ("Heading2", "a0"); empty for the default style
    int outline_level = -1;     // 0–8 a heading; -1 body text
    std::string number;         // the automatic number as displayed ("6.1.3", "附录A", "a）"); empty when none
    char suffix = 0;            // what Word puts after the number: '\t', ' ' or 0
    bool bullet = false;        // the number is a bullet mark
    int list_level = -1;        // ilvl of the automatic number; -1 when none
    std::string text;           // '\t' for tabs, '\n' for line and page breaks
    std::vector<std::uint32_t> notes;   // indices into Model::notes, in citation order
};

struct Table {
    Place place;                               // of the first paragraph inside it
    std::vector<std::vector<std::string>> rows;   // each cell's paragraphs, numbers included, joined by ' '
    std::vector<Place> row_places;             // of each row's first paragraph
    std::vector<std::uint32_t> notes;          // notes cited in its cells, in citation order
};

struct Note {
    bool endnote = false;
    std::string mark;                 // as cited in the text: "1", "2", … (endnotes "i", "ii", …)
    std::vector<Paragraph> paragraphs;
};

// A tracked change as Word recorded it, whichever way the model resolved it.
struct TrackedChange {
    using Kind = redline::TrackedChange::Kind;   // w:ins, w:del, w:moveFrom, w:moveTo, marks, w:pPrChange
    Kind kind = Kind::insertion;
    std::string author;
    std::string date;       // as written: "2019-05-20T11:54:00Z"; may be empty
    std::string text;       // the text inserted, deleted or moved; empty for marks and properties
    Place place;            // the paragraph it is in (block-level changes: the last paragraph read)
};

struct Block {
    enum class Kind : std::uint8_t { paragraph, table } kind = Kind::paragraph;
    std::uint32_t index = 0;   // into Model::paragraphs or Model::tables
};

struct Model {
    std::vector<std::string> parts;          // "word/document.xml", then the notes parts read
    std::vector<Block> body;                 // reading order
    std::vector<Paragraph> paragraphs;       // of the body (not of tables or notes)
    std::vector<Table> tables;
    std::vector<Note> notes;
    std::vector<TrackedChange> changes;      // in document order (notes' where they are read)
};

struct ModelOptions {
    Changes changes = Changes::accept;
};

// Reads a .docx (or .docm/.dotx) from its bytes. Throws InputError naming the limit, the
// part or the problem: not a ZIP container, no word/document.xml, an encrypted (password
// protected) or Word 97–2003 file, a limit of docs/limits.md exceeded, malformed XML.
Model read_model(std::string_view bytes, const ModelOptions& options = {});

// XML nested deeper than this in any part is rejected (docs/limits.md).
inline constexpr std::size_t max_xml_depth = 256;

}  // namespace redline::formats::docx
