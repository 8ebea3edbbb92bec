#include "formats/docx/model.hpp"

#include "engine/error.hpp"
#include "engine/utf8.hpp"
#include "formats/docx/numbering.hpp"
#include "formats/docx/package.hpp"
#include "formats/docx/styles.hpp"
#include "formats/docx/symbol_font.hpp"
#include "formats/docx/xml_util.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

namespace redline::formats::docx {

namespace {

constexpr std::string_view strict_namespace = "http://purl.oclc.org/ooxml/wordprocessingml/main";

// One parsed XML part, with the index of each of its w:p elements in document order.
struct Part {
    std::string name;
    std::uint32_t id = 0;   // index into Model::parts
    std::string data;       // the inflated XML, parsed in place: the DOM points into it
    pugi::xml_document xml;
    std::unordered_map<const void*, std::uint32_t> paragraph_index;
};

// Parses a part without DTD processing (pugixml never expands entities other than the five
// predefined ones and character references, and never fetches anything) and checks its depth
// with an explicit stack, numbering its paragraphs on the way.
void parse_part(Part& part, std::string data) {
    part.data = std::move(data);
    const pugi::xml_parse_result r = part.xml.load_buffer_inplace(
        part.data.data(), part.data.size(), (pugi::parse_default | pugi::parse_ws_pcdata_single) & ~pugi::parse_doctype);
    if (!r)
        throw InputError(part.name, std::string("malformed XML at byte ") + std::to_string(r.offset) + ": " +
                                        r.description());
    std::uint32_t paragraphs = 0;
    std::size_t depth = 0;
    pugi::xml_node n = part.xml.first_child();
    while (n) {
        if (n.type() == pugi::node_element) {
            if (is(n, "w:p")) part.paragraph_index.emplace(n.internal_object(), paragraphs++);
            if (n.first_child()) {
                if (++depth > max_xml_depth)
                    throw InputError(part.name, "XML nested deeper than " + std::to_string(max_xml_depth) +
                                                    " elements (the limit on XML depth)");
                n = n.first_child();
                continue;
            }
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            if (n && depth > 0) --depth;
            if (n == part.xml) n = pugi::xml_node();
        }
        if (n) n = n.next_sibling();
    }
}

// A character of a symbol font (w:sym): the code Word stores, as Word shows it.
std::string symbol(std::string_view font, std::string_view hex) {
    char32_t c = 0;
    for (char h : hex) {
        const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'A' && h <= 'F' ? h - 'A' + 10 : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
        if (d < 0) return "";
        c = c * 16 + static_cast<char32_t>(d);
        if (c > 0x10FFFF) return "";
    }
    c = symbol_char(font, c);
    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) return "";
    std::string out;
    text::append(out, c);
    return out;
}

// The text inside a tracked change: its runs' text and deleted text, tabs as tabs.
void tracked_text(pugi::xml_node n, std::string& out) {
    for (pugi::xml_node c : n.children()) {
        if (c.type() != pugi::node_element || is(c, "w:instrText") || is(c, "w:delInstrText")) continue;
        if (is(c, "w:t") || is(c, "w:delText")) out += c.text().get();
        else if (is(c, "w:tab")) out += '\t';
        else tracked_text(c, out);
    }
}

// The relationships of a part: relationship type (its last path segment: "styles",
// "numbering", "footnotes", "officeDocument") → target part name.
std::unordered_map<std::string, std::string> relationships(const Package& pkg, const std::string& rels_name,
                                                           const std::string& base_folder) {
    std::unordered_map<std::string, std::string> out;
    auto data = pkg.read(rels_name);
    if (!data) return out;
    Part rels;
    rels.name = rels_name;
    parse_part(rels, std::move(*data));
    for (pugi::xml_node r : rels.xml.child("Relationships").children("Relationship")) {
        if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
        std::string type = r.attribute("Type").value();
        type = type.substr(type.rfind('/') + 1);
        std::string target = r.attribute("Target").value();
        if (target.starts_with("/")) target.erase(0, 1);
        else target = base_folder + target;
        out.emplace(type, target);
    }
    return out;
}

class Reader {
public:
    Reader(std::string_view bytes, const ModelOptions& options) : pkg_(bytes), changes_(options.changes) {}

    Model run() {
        const auto package_rels = relationships(pkg_, "_rels/.rels", "");
        std::string main = "word/document.xml";
        if (auto it = package_rels.find("officeDocument"); it != package_rels.end() && pkg_.contains(it->second))
            main = it->second;
        if (!pkg_.contains(main))
            throw InputError("", "a ZIP container without word/document.xml (not a Word document)");
        const std::string folder = main.substr(0, main.rfind('/') + 1);
        const std::string rels_name = folder + "_rels/" + main.substr(folder.size()) + ".rels";
        const auto rels = relationships(pkg_, rels_name, folder);
        auto target = [&](const char* type, const char* fallback) {
            auto it = rels.find(type);
            return it != rels.end() ? it->second : folder + fallback;
        };

        document_ = load(main);
        const pugi::xml_node root = document_->xml.document_element();
        if (std::string_view(root.attribute("xmlns:w").value()) == strict_namespace)
            throw InputError(main, "Strict Open XML is not supported: save the file in Word as \"Word Document (*.docx)\"");
        if (!is(root, "w:document"))
            throw InputError(main, std::string("root element <") + root.name() + ">, not <w:document>");

        if (auto styles = load_optional(target("styles", "styles.xml"), false)) styles_.load(styles->xml.document_element());
        if (auto numbering = load_optional(target("numbering", "numbering.xml"), false))
            numbering_.load(numbering->xml.document_element(), styles_.numbering_styles());
        footnotes_ = load_optional(target("footnotes", "footnotes.xml"));
        endnotes_ = load_optional(target("endnotes", "endnotes.xml"));
        index_notes(footnotes_.get(), "w:footnote", footnote_nodes_);
        index_notes(endnotes_.get(), "w:endnote", endnote_nodes_);

        Sink body{&model_.body, nullptr, nullptr};
        blocks(root.child("w:body"), *document_, body, true);
        flush_carry(body);
        return std::move(model_);
    }

private:
    // Where finished paragraphs go: the body (blocks), a note, or a table cell.
    struct Sink {
        std::vector<Block>* body;
        std::vector<Paragraph>* list;
        std::vector<std::uint32_t>* cell_notes;   // table cells: notes cited there
    };

    // Parts whose paragraphs become text are listed in Model::parts (`content`); styles and
    // numbering are not.
    std::unique_ptr<Part> load(const std::string& name, bool content = true) {
        auto data = pkg_.read(name);
        if (!data) return nullptr;
        auto part = std::make_unique<Part>();
        part->name = name;
        part->id = static_cast<std::uint32_t>(model_.parts.size());
        parse_part(*part, std::move(*data));
        if (content) model_.parts.push_back(name);
        return part;
    }
    std::unique_ptr<Part> load_optional(const std::string& name, bool content = true) {
        return pkg_.contains(name) ? load(name, content) : nullptr;
    }

    static void index_notes(Part* part, const char* name, std::unordered_map<std::string, pugi::xml_node>& out) {
        if (part == nullptr) return;
        for (pugi::xml_node n : part->xml.document_element().children(name)) out.emplace(n.attribute("w:id").value(), n);
    }

    void record(TrackedChange::Kind kind, pugi::xml_node n, bool with_text) {
        TrackedChange c;
        c.kind = kind;
        c.author = n.attribute("w:author").value();
        c.date = n.attribute("w:date").value();
        if (with_text) tracked_text(n, c.text);
        c.place = current_place_;
        model_.changes.push_back(std::move(c));
    }

    static TrackedChange::Kind kind_of(pugi::xml_node n) {
        if (is(n, "w:ins")) return TrackedChange::Kind::insertion;
        if (is(n, "w:del")) return TrackedChange::Kind::deletion;
        if (is(n, "w:moveFrom")) return TrackedChange::Kind::move_from;
        return TrackedChange::Kind::move_to;
    }

    // Content shown in the chosen view: insertions when accepting, deletions when rejecting.
    bool shows_insertion() const { return changes_ == Changes::accept; }

    // ---- blocks --------------------------------------------------------------------

    void blocks(pugi::xml_node parent, Part& part, Sink& sink, bool visible) {
        for (pugi::xml_node n : parent.children()) {
            if (n.type() != pugi::node_element) continue;
            if (is(n, "w:p")) {
                paragraph(n, part, sink, visible);
            } else if (is(n, "w:tbl")) {
                if (sink.body != nullptr) {
                    flush_carry(sink);
                    table(n, part, sink, visible);
                } else {
                    nested_table(n, part, sink, visible);
                }
            } else if (is(n, "w:ins") || is(n, "w:moveTo")) {
                record(kind_of(n), n, true);
                blocks(n, part, sink, visible && shows_insertion());
            } else if (is(n, "w:del") || is(n, "w:moveFrom")) {
                record(kind_of(n), n, true);
                blocks(n, part, sink, visible && !shows_insertion());
            } else if (is(n, "w:sdt")) {
                blocks(n.child("w:sdtContent"), part, sink, visible);
            } else if (is(n, "w:customXml") || is(n, "w:smartTag")) {
                blocks(n, part, sink, visible);
            } else if (is(n, "mc:AlternateContent")) {
                blocks(n.child("mc:Choice"), part, sink, visible);
            }
        }
    }

    void table(pugi::xml_node tbl, Part& part, Sink& sink, bool visible) {
        Table t;
        std::vector<Paragraph> cell;
        Sink cell_sink{nullptr, &cell, &t.notes};
        bool first = true;
        for (pugi::xml_node tr : tbl.children("w:tr")) {
            const bool row_visible = visible && row_shown(tr);
            std::vector<std::string> row;
            std::optional<Place> row_place;
            for (pugi::xml_node tc : tr.children()) {
                if (!is(tc, "w:tc") && !is(tc, "w:sdt") && !is(tc, "w:customXml")) continue;
                pugi::xml_node content = is(tc, "w:sdt") ? tc.child("w:sdtContent").child("w:tc") : tc;
                if (is(tc, "w:customXml")) content = tc.child("w:tc");
                cell.clear();
                blocks(content, part, cell_sink, row_visible);
                flush_carry(cell_sink);
                if (!row_visible) continue;
                std::string text;
                for (const Paragraph& p : cell) {
                    if (!row_place) row_place = p.place;
                    std::string one = p.number;
                    if (!one.empty() && !p.text.empty()) one += ' ';
                    one += p.text;
                    for (char& c : one)
                        if (c == '\n' || c == '\t') c = ' ';
                    if (one.empty()) continue;
                    if (!text.empty()) text += ' ';
                    text += one;
                }
                row.push_back(std::move(text));
            }
            if (!row_visible) continue;
            const Place place = row_place ? *row_place : Place{part.id, last_index_};
            if (first) t.place = place;
            first = false;
            t.rows.push_back(std::move(row));
            t.row_places.push_back(place);
        }
        if (t.rows.empty()) return;
        sink.body->push_back({Block::Kind::table, static_cast<std::uint32_t>(model_.tables.size())});
        model_.tables.push_back(std::move(t));
    }

    // A table inside a table cell or a note: its cells' paragraphs join the enclosing list.
    void nested_table(pugi::xml_node tbl, Part& part, Sink& sink, bool visible) {
        for (pugi::xml_node tr : tbl.children("w:tr"))
            for (pugi::xml_node tc : tr.children("w:tc")) blocks(tc, part, sink, visible && row_shown(tr));
    }

    bool row_shown(pugi::xml_node tr) const {
        const pugi::xml_node trpr = tr.child("w:trPr");
        if (trpr.child("w:del")) return !shows_insertion();
        if (trpr.child("w:ins")) return shows_insertion();
        return true;
    }

    // ---- paragraphs ----------------------------------------------------------------

    void paragraph(pugi::xml_node p, Part& part, Sink& sink, bool visible) {
        Place place{part.id, 0};
        if (auto it = part.paragraph_index.find(p.internal_object()); it != part.paragraph_index.end())
            place.index = it->second;
        last_index_ = place.index;
        current_place_ = place;
        pugi::xml_node ppr = p.child("w:pPr");
        const pugi::xml_node mark = ppr.child("w:rPr");
        for (pugi::xml_node m : mark.children()) {
            if (is(m, "w:ins") || is(m, "w:moveTo")) record(TrackedChange::Kind::mark_inserted, m, false);
            else if (is(m, "w:del") || is(m, "w:moveFrom")) record(TrackedChange::Kind::mark_deleted, m, false);
        }
        if (pugi::xml_node change = ppr.child("w:pPrChange")) record(TrackedChange::Kind::properties, change, false);
        // When rejecting, a paragraph takes the properties it had before the tracked change.
        if (changes_ == Changes::reject)
            if (pugi::xml_node old = ppr.child("w:pPrChange").child("w:pPr")) ppr = old;

        Run run;
        std::vector<Paragraph> boxes;
        run.boxes = &boxes;
        inline_content(p, part, run, visible);
        if (!visible) return;

        // A paragraph mark removed in this view joins the paragraph to the next: its text goes
        // on there and it neither shows a number nor advances a counter.
        const bool mark_deleted = mark.child("w:del") || mark.child("w:moveFrom");
        const bool mark_inserted = mark.child("w:ins") || mark.child("w:moveTo");
        const bool joins_next = shows_insertion() ? mark_deleted : mark_inserted;
        if (joins_next) {
            carry_.text += run.text;
            carry_.notes.insert(carry_.notes.end(), run.notes.begin(), run.notes.end());
            if (!carry_place_) carry_place_ = place;
            emit_boxes(boxes, sink);
            return;
        }

        Paragraph out;
        out.place = carry_place_ ? *carry_place_ : place;
        out.text = std::move(carry_.text);
        out.text += run.text;
        out.notes = std::move(carry_.notes);
        out.notes.insert(out.notes.end(), run.notes.begin(), run.notes.end());
        carry_ = Run{};
        carry_place_.reset();

        out.style = val(ppr.child("w:pStyle"));
        const StyleFacts& style = styles_.paragraph(out.style);
        out.outline_level = style.outline_level;
        if (auto o = ppr.child("w:outlineLvl")) {
            const int level = val_int(o, 9);
            out.outline_level = level >= 0 && level < 9 ? level : -1;
        }
        const pugi::xml_node num = ppr.child("w:numPr");
        int num_id = style.num_id;
        bool from_style = true;
        if (auto n = num.child("w:numId")) {
            num_id = val_int(n, 0);
            from_style = false;
        }
        if (num_id > 0 && numbering_.has_instance(num_id)) {
            int level = -1;
            if (auto l = num.child("w:ilvl")) level = val_int(l, 0);
            if (level < 0 && from_style) level = numbering_.level_for_style(num_id, out.style);
            if (level < 0) level = style.level >= 0 ? style.level : 0;
            if (auto label = numbering_.next(num_id, level)) {
                out.number = std::move(label->text);
                out.suffix = label->suffix;
                out.bullet = label->bullet;
                out.list_level = level;
            }
        }
        deliver(std::move(out), sink);
        emit_boxes(boxes, sink);
    }

    void deliver(Paragraph p, Sink& sink) {
        if (sink.cell_notes != nullptr) sink.cell_notes->insert(sink.cell_notes->end(), p.notes.begin(), p.notes.end());
        if (sink.list != nullptr) {
            sink.list->push_back(std::move(p));
            return;
        }
        sink.body->push_back({Block::Kind::paragraph, static_cast<std::uint32_t>(model_.paragraphs.size())});
        model_.paragraphs.push_back(std::move(p));
    }

    // Text boxes anchored in a paragraph follow it.
    void emit_boxes(std::vector<Paragraph>& boxes, Sink& sink) {
        for (Paragraph& b : boxes) deliver(std::move(b), sink);
    }

    // A paragraph whose mark went, with nothing after it to join (the end of the body, a
    // cell or a note, or a table next): it stands alone, unnumbered.
    void flush_carry(Sink& sink) {
        if (!carry_place_) return;
        Paragraph out;
        out.place = *carry_place_;
        out.text = std::move(carry_.text);
        out.notes = std::move(carry_.notes);
        carry_ = Run{};
        carry_place_.reset();
        deliver(std::move(out), sink);
    }

    // ---- runs ----------------------------------------------------------------------

    struct Run {
        std::string text;
        std::vector<std::uint32_t> notes;
        std::vector<Paragraph>* boxes = nullptr;
    };

    // A complex field being read: its code (between begin and separate), then its result.
    struct OpenField {
        bool result = false;   // past `separate`
        std::string code;      // the instruction, "SEQ Table \\* ARABIC"
    };

    // Text is shown unless a field's code (between begin and separate) is being read.
    bool field_shows() const {
        for (const OpenField& f : fields_)
            if (!f.result) return false;
        return true;
    }

    // The result Word would compute for a numbering field (SEQ, AUTONUM, AUTONUMLGL), counting
    // it whether or not the file cached a result; empty for any other field. A cached result
    // is what Word displayed and is kept; this one is shown only where none was saved.
    std::string number_field(std::string_view code) {
        std::vector<std::string_view> words;
        for (std::size_t i = 0; i < code.size();) {
            while (i < code.size() && (code[i] == ' ' || code[i] == '\t')) ++i;
            std::size_t j = i;
            if (j < code.size() && code[j] == '"') {
                j = code.find('"', i + 1);
                j = j == std::string_view::npos ? code.size() : j + 1;
            } else {
                while (j < code.size() && code[j] != ' ' && code[j] != '\t') ++j;
            }
            if (j > i) words.push_back(code.substr(i, j - i));
            i = j;
        }
        if (words.empty()) return "";
        std::string name(words[0]);
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (name == "AUTONUM" || name == "AUTONUMLGL") {
            // Paragraphs numbered in order (body text is AUTONUM's first level): "1." or, in
            // legal style, "1.". A separator switch (\s) replaces the period.
            std::string separator = ".";
            for (std::size_t k = 1; k + 1 < words.size(); ++k)
                if (words[k] == "\\s") separator = std::string(words[k + 1]).substr(words[k + 1].starts_with('"') ? 1 : 0, 1);
            return std::to_string(++autonum_) + separator;
        }
        if (name != "SEQ" || words.size() < 2) return "";
        int& counter = sequences_[std::string(words[1])];
        std::string_view format = "decimal";
        bool repeat = false, hidden = false;
        std::optional<int> reset;
        for (std::size_t k = 2; k < words.size(); ++k) {
            const std::string_view w = words[k];
            const std::string_view arg = k + 1 < words.size() ? words[k + 1] : std::string_view();
            if (w == "\\c") repeat = true;
            else if (w == "\\h") hidden = true;
            else if (w == "\\r" && !arg.empty() && std::isdigit(static_cast<unsigned char>(arg[0])))
                reset = std::atoi(std::string(arg).c_str());
            else if (w == "\\*") {
                if (arg == "alphabetic") format = "lowerLetter";
                else if (arg == "ALPHABETIC") format = "upperLetter";
                else if (arg == "roman") format = "lowerRoman";
                else if (arg == "ROMAN") format = "upperRoman";
            }
        }
        if (reset) counter = std::min(*reset, 1 << 20);
        else if (!repeat) counter = std::min(counter + 1, 1 << 20);
        return hidden ? "" : format_number(format, counter);
    }

    void field_begins() {
        if (fields_.size() < 64) fields_.emplace_back();
        else ++fields_beyond_;
    }

    // Ends the innermost field; a numbering field that cached no result shows the computed one.
    void field_ends(Run& out, bool shows) {
        if (fields_beyond_ > 0) {
            --fields_beyond_;
            return;
        }
        if (fields_.empty()) return;
        const OpenField f = std::move(fields_.back());
        fields_.pop_back();
        const std::string number = number_field(f.code);
        if (!f.result && shows && field_shows()) out.text += number;
    }

    void inline_content(pugi::xml_node parent, Part& part, Run& run, bool visible) {
        for (pugi::xml_node n : parent.children()) {
            if (n.type() != pugi::node_element || is(n, "w:pPr") || is(n, "w:bookmarkStart") || is(n, "w:bookmarkEnd") ||
                is(n, "w:proofErr"))
                continue;
            if (is(n, "w:r")) {
                this->run(n, part, run, visible);
            } else if (is(n, "w:ins") || is(n, "w:moveTo")) {
                record(kind_of(n), n, true);
                inline_content(n, part, run, visible && shows_insertion());
            } else if (is(n, "w:del") || is(n, "w:moveFrom")) {
                record(kind_of(n), n, true);
                inline_content(n, part, run, visible && !shows_insertion());
            } else if (is(n, "w:sdt")) {
                inline_content(n.child("w:sdtContent"), part, run, visible);
            } else if (is(n, "w:fldSimple")) {
                // A simple field: its runs are its cached result; a numbering field without
                // one shows the number Word would compute.
                const std::size_t before = run.text.size();
                inline_content(n, part, run, visible);
                const std::string number = visible ? number_field(n.attribute("w:instr").value()) : std::string();
                if (run.text.size() == before && field_shows()) run.text += number;
            } else if (is(n, "w:hyperlink") || is(n, "w:smartTag") || is(n, "w:customXml") || is(n, "w:dir") ||
                       is(n, "w:bdo")) {
                inline_content(n, part, run, visible);
            } else if (is(n, "mc:AlternateContent")) {
                inline_content(n.child("mc:Choice"), part, run, visible);
            }
        }
    }

    void run(pugi::xml_node r, Part& part, Run& out, bool visible) {
        const bool hidden = on(r.child("w:rPr").child("w:vanish"));
        for (pugi::xml_node n : r.children()) {
            if (n.type() != pugi::node_element || is(n, "w:rPr")) continue;
            if (is(n, "w:fldChar")) {
                if (!visible) continue;
                const std::string_view type = n.attribute("w:fldCharType").value();
                if (type == "begin") {
                    field_begins();
                } else if (type == "separate") {
                    if (fields_beyond_ == 0 && !fields_.empty()) fields_.back().result = true;
                } else if (type == "end") {
                    field_ends(out, !hidden);
                }
                continue;
            }
            if (is(n, "w:instrText")) {
                if (visible && fields_beyond_ == 0 && !fields_.empty() && !fields_.back().result &&
                    fields_.back().code.size() < 1024)
                    fields_.back().code += n.text().get();
                continue;
            }
            const bool shows = visible && !hidden && field_shows();
            if (!shows) continue;
            if (is(n, "w:t") || is(n, "w:delText")) {
                out.text += n.text().get();
            } else if (is(n, "w:tab") || is(n, "w:ptab")) {
                out.text += '\t';
            } else if (is(n, "w:br") || is(n, "w:cr")) {
                out.text += '\n';
            } else if (is(n, "w:noBreakHyphen")) {
                out.text += '-';
            } else if (is(n, "w:sym")) {
                out.text += symbol(n.attribute("w:font").value(), n.attribute("w:char").value());
            } else if (is(n, "w:footnoteReference")) {
                cite(n, false, out);
            } else if (is(n, "w:endnoteReference")) {
                cite(n, true, out);
            } else if (is(n, "w:drawing") || is(n, "w:pict") || is(n, "w:object") || is(n, "mc:AlternateContent")) {
                text_boxes(n, part, out);
            }
        }
    }

    // Paragraphs of the text boxes inside a drawing (not those of a fallback rendering, which
    // repeats them).
    void text_boxes(pugi::xml_node n, Part& part, Run& out) {
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element || is(c, "mc:Fallback")) continue;
            if (is(c, "w:txbxContent")) {
                Sink sink{nullptr, out.boxes, nullptr};
                std::vector<OpenField> saved = std::move(fields_);
                const std::size_t saved_beyond = std::exchange(fields_beyond_, 0);
                fields_.clear();
                blocks(c, part, sink, true);
                fields_ = std::move(saved);
                fields_beyond_ = saved_beyond;
            } else {
                text_boxes(c, part, out);
            }
        }
    }

    void cite(pugi::xml_node ref, bool endnote, Run& out) {
        auto& nodes = endnote ? endnote_nodes_ : footnote_nodes_;
        auto it = nodes.find(ref.attribute("w:id").value());
        if (it == nodes.end()) return;
        // A note cited from inside itself (or from a note it cites) is not expanded again,
        // and notes in notes stop at a small depth: no input recurses without bound.
        const void* key = it->second.internal_object();
        if (open_notes_.size() >= 4 || std::find(open_notes_.begin(), open_notes_.end(), key) != open_notes_.end())
            return;
        open_notes_.push_back(key);
        Part& part = endnote ? *endnotes_ : *footnotes_;
        Note note;
        note.endnote = endnote;
        int& count = endnote ? endnote_count_ : footnote_count_;
        ++count;
        note.mark = endnote ? format_number("lowerRoman", count) : std::to_string(count);
        const std::uint32_t index = static_cast<std::uint32_t>(model_.notes.size());
        model_.notes.push_back({});   // reserve its index: notes cited inside it come after
        Sink sink{nullptr, &note.paragraphs, nullptr};
        std::vector<OpenField> saved = std::move(fields_);
        const std::size_t saved_beyond = std::exchange(fields_beyond_, 0);
        fields_.clear();
        const Run saved_carry = std::move(carry_);
        const std::optional<Place> saved_place = carry_place_;
        carry_ = Run{};
        carry_place_.reset();
        blocks(it->second, part, sink, true);
        flush_carry(sink);
        carry_ = saved_carry;
        carry_place_ = saved_place;
        fields_ = std::move(saved);
        fields_beyond_ = saved_beyond;
        open_notes_.pop_back();
        model_.notes[index] = std::move(note);
        out.notes.push_back(index);
    }

    Package pkg_;
    Changes changes_;
    Model model_;
    Styles styles_;
    Numbering numbering_;
    std::unique_ptr<Part> document_, footnotes_, endnotes_;
    std::unordered_map<std::string, pugi::xml_node> footnote_nodes_, endnote_nodes_;
    int footnote_count_ = 0, endnote_count_ = 0;
    std::vector<OpenField> fields_;
    std::size_t fields_beyond_ = 0;             // fields opened past the 64 followed
    std::map<std::string, int> sequences_;      // SEQ counters by identifier
    int autonum_ = 0;                           // AUTONUM paragraphs so far
    std::vector<const void*> open_notes_;   // notes being read, innermost last
    Run carry_;
    std::optional<Place> carry_place_;
    std::uint32_t last_index_ = 0;
    Place current_place_;
};

}  // namespace

Model read_model(std::string_view bytes, const ModelOptions& options) {
    static constexpr std::string_view cfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (bytes.starts_with(cfb)) {
        static constexpr char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
        if (bytes.find(std::string_view(encrypted, sizeof encrypted - 1)) != std::string_view::npos)
            throw InputError("", "a password-protected (encrypted) Word file: remove the password in Word and save again");
        throw InputError("", "a Word 97-2003 (.doc) file, not a .docx");
    }
    Reader reader(bytes, options);
    return reader.run();
}

}  // namespace redline::formats::docx
