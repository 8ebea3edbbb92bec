// xml2rfc (RFC 7749 "v2" and RFC 7991 "v3") Internet-Drafts: <rfc> › <front> / <middle> /
// <back>, sections numbered as xml2rfc numbers them (middle 1, 1.2; back A, A.1), with the
// line of each <section> start tag. Section roles: the <front> facts are the cover, <abstract>
// the abstract, <references> the reference lists, top-level back sections appendices, and a
// section takes the role its title names where it stands (formats/common/section_roles.hpp).
// pugixml never loads external entities or expands DTD
// entities, so entity bombs and file references stay inert text.
#include "formats/reader.hpp"

#include "engine/error.hpp"
#include "engine/text.hpp"
#include "formats/common/section_roles.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

namespace redline::formats {

namespace {

class LineTable {
public:
    explicit LineTable(std::string_view s) {
        starts_.push_back(0);
        text::for_each_line(s, [&](std::string_view line) {
            if (line.data() != s.data()) starts_.push_back(static_cast<std::size_t>(line.data() - s.data()));
        });
    }
    std::uint32_t line_of(std::ptrdiff_t offset) const {
        if (offset < 0) return 0;
        const auto it = std::upper_bound(starts_.begin(), starts_.end(), static_cast<std::size_t>(offset));
        return static_cast<std::uint32_t>(it - starts_.begin());
    }

private:
    std::vector<std::size_t> starts_;
};

bool is(const pugi::xml_node& n, const char* name) { return std::string_view(n.name()) == name; }

// Inline text of an element: character data of all descendants in order, an empty <xref> or
// <eref> as its target in brackets (as xml2rfc renders a citation), <iref> index entries left
// out. pugixml's traverse is iterative, so deep nesting cannot exhaust the stack.
std::string inline_text(const pugi::xml_node& node) {
    struct Walker : pugi::xml_tree_walker {
        std::string out;
        bool for_each(pugi::xml_node& n) override {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                // Skip text inside <iref> (index terms are not part of the prose).
                for (pugi::xml_node p = n.parent(); p; p = p.parent())
                    if (is(p, "iref")) return true;
                out += n.value();
            } else if (n.type() == pugi::node_element && (is(n, "xref") || is(n, "eref")) && !n.first_child()) {
                const char* target = n.attribute("target").value();
                const bool xref = is(n, "xref");
                if (xref) out += '[';
                out += target;
                if (xref) out += ']';
            }
            return true;
        }
    } walker;
    pugi::xml_node copy = node;
    copy.traverse(walker);
    return text::fold_space(walker.out);
}

// An author as xml2rfc prints it in a reference: the first "Surname, I.", the others
// "I. Surname", an editor followed by ", Ed."; an author without a surname by full name, one
// without a person by organisation.
std::string author_name(const pugi::xml_node& author, bool first) {
    const std::string surname = author.attribute("surname").value(), initials = author.attribute("initials").value();
    std::string name;
    if (surname.empty()) name = author.attribute("fullname").value();
    else if (initials.empty()) name = surname;
    else name = first ? surname + ", " + initials : initials + " " + surname;
    if (name.empty()) name = inline_text(author.child("organization"));
    if (!name.empty() && std::string_view(author.attribute("role").value()) == "editor") name += ", Ed.";
    return name;
}

// "March 2019" from <date month="March" year="2019"/> (or month="3"); the day is not printed.
std::string reference_date(const pugi::xml_node& date) {
    static constexpr const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                             "July",    "August",   "September", "October", "November", "December"};
    std::string month = date.attribute("month").value();
    if (const int m = std::atoi(month.c_str()); m >= 1 && m <= 12 && month.find_first_not_of("0123456789") == std::string::npos)
        month = months[m - 1];
    const std::string year = date.attribute("year").value();
    return month.empty() ? year : year.empty() ? month : month + " " + year;
}

// A reference list's entry as xml2rfc prints it (RFC 7322, section 4.8.6): its anchor, its
// authors, its title in quotes, its series ("RFC 2119", "Internet-Draft draft-…-21"), its
// content note, date and address, then its annotation. All of them may change between drafts
// (a cited draft's new revision and date, a standard's new edition), so none is left out.
std::string reference_body(const pugi::xml_node& r) {
    const pugi::xml_node front = r.child("front");
    std::vector<std::string> parts;
    std::vector<std::string> authors;
    for (const auto& a : front.children("author"))
        if (std::string name = author_name(a, authors.empty()); !name.empty()) authors.push_back(std::move(name));
    if (!authors.empty()) {
        std::string joined = authors.front();
        for (std::size_t i = 1; i < authors.size(); ++i)
            joined += (i + 1 < authors.size() ? ", " : authors.size() > 2 ? ", and " : " and ") + authors[i];
        parts.push_back(std::move(joined));
    }
    if (const std::string title = inline_text(front.child("title")); !title.empty()) parts.push_back("\"" + title + "\"");
    // v2 puts the series under <reference>, v3 also under <front>.
    for (const pugi::xml_node& holder : {r, front})
        for (const auto& series : holder.children("seriesInfo"))
            parts.push_back(std::string(series.attribute("name").value()) + " " + series.attribute("value").value());
    for (const auto& content : r.children("refcontent")) parts.push_back(inline_text(content));
    if (const std::string date = reference_date(front.child("date")); !date.empty()) parts.push_back(date);
    if (const std::string target = r.attribute("target").value(); !target.empty()) parts.push_back("<" + target + ">");
    std::string out;
    for (const std::string& part : parts)
        if (const std::string folded = text::fold_space(part); !folded.empty()) out += (out.empty() ? "" : ", ") + folded;
    if (!out.empty()) out += '.';
    for (const auto& note : r.children("annotation")) out += " " + inline_text(note);
    return out;
}

// "[anchor] " and the entry; a <referencegroup> (v3: a BCP or STD of several RFCs) holds its
// references' entries one after the other.
std::string reference_entry(const pugi::xml_node& r) {
    std::string entry = std::string("[") + r.attribute("anchor").value() + "] ";
    if (is(r, "referencegroup")) {
        for (const auto& inner : r.children("reference")) entry += reference_body(inner) + " ";
        if (const std::string target = r.attribute("target").value(); !target.empty()) entry += "<" + target + ">";
        return entry;
    }
    return entry + reference_body(r);
}

class Xml2rfcReader {
public:
    Xml2rfcReader(std::string_view utf8, const ReadOptions& options) : lines_(utf8), options_(options) {
        b_.reserve_text(utf8.size() / 2);   // markup is roughly half of an xml2rfc file
    }

    Document read(const pugi::xml_node& rfc, std::string_view utf8) {
        Document& d = b_.document();
        // Set before any clause is opened: every clause takes its parent's language.
        d.language = options_.language != Language::unknown ? options_.language : text::detect_language(utf8);
        if (d.language == Language::unknown) d.language = Language::en;
        b_.clause(0).language = d.language;
        d.info.identifier = rfc.attribute("docName").value();
        const pugi::xml_node front = rfc.child("front");
        d.info.title = inline_text(front.child("title"));
        read_front(front);
        std::uint32_t counters[max_tree_depth + 2] = {};
        if (const pugi::xml_node middle = rfc.child("middle")) read_sections(middle, false, counters);
        if (const pugi::xml_node back = rfc.child("back")) {
            std::fill(std::begin(counters), std::end(counters), 0);
            read_sections(back, true, counters);
        }
        return b_.finish();
    }

private:
    DocumentBuilder b_;
    LineTable lines_;
    const ReadOptions& options_;
    bool warned_depth_ = false;
    bool warned_nesting_ = false;
    std::uint32_t nesting_ = 0;   // block containers (lists, quotes, notes) open around read_block

    SourceLocation at(const pugi::xml_node& n) const { return SourceLocation{lines_.line_of(n.offset_debug()), 0, 0}; }

    void read_front(const pugi::xml_node& front) {
        if (!front) return;
        b_.set_role(b_.open(ClauseKind::front_matter, "", "Front matter", at(front)), SectionRole::cover);
        if (const auto t = front.child("title")) b_.add_block(BlockKind::paragraph, inline_text(t), at(t));
        for (const auto& author : front.children("author")) {
            std::string who = author.attribute("fullname").value();
            const std::string org = inline_text(author.child("organization"));
            if (!org.empty()) who += (who.empty() ? "" : ", ") + org;
            if (!who.empty()) b_.add_block(BlockKind::paragraph, who, at(author));
        }
        if (const auto date = front.child("date")) {
            std::string when = std::string(date.attribute("day").value()) + " " + date.attribute("month").value() + " " +
                               date.attribute("year").value();
            when = text::fold_space(when);
            if (!when.empty()) b_.add_block(BlockKind::paragraph, when, at(date));
        }
        b_.close();
        for (const auto& child : front.children()) {
            if (is(child, "abstract")) {
                b_.set_role(b_.open(ClauseKind::front_matter, "", "Abstract", at(child)), SectionRole::abstract);
                read_blocks(child);
                b_.close();
            } else if (is(child, "note")) {
                b_.open(ClauseKind::front_matter, "", child.attribute("title").value(), at(child));
                read_blocks(child);
                b_.close();
            }
        }
    }

    // Sections in document order with an explicit stack (depth is bounded by the input, not
    // by the call stack). Numbers follow xml2rfc: counters per depth, reset below; in the
    // back matter the top level is lettered.
    void read_sections(const pugi::xml_node& container, bool back, std::uint32_t* counters) {
        struct Frame {
            pugi::xml_node next;   // next child to visit
            bool opened;           // a clause was opened for this level
        };
        std::vector<Frame> stack{{container.first_child(), false}};
        std::vector<std::uint32_t> path;  // section numbers of the open levels
        while (!stack.empty()) {
            Frame& f = stack.back();
            if (!f.next) {
                if (f.opened) b_.close();
                stack.pop_back();
                if (!path.empty() && stack.size() <= path.size()) path.pop_back();
                continue;
            }
            const pugi::xml_node n = f.next;
            f.next = n.next_sibling();
            if (is(n, "section")) {
                const std::size_t depth = path.size();
                const std::uint32_t number = ++counters[std::min<std::size_t>(depth, max_tree_depth)];
                std::fill(counters + std::min<std::size_t>(depth, max_tree_depth) + 1, counters + max_tree_depth + 2, 0);
                path.push_back(number);
                std::string title = n.attribute("title").value();
                if (const auto name = n.child("name")) title = inline_text(name);
                const bool too_deep = b_.open_clauses().size() > max_tree_depth;
                if (too_deep) {
                    // Its heading stays visible as text of the deepest clause; warned once.
                    if (!warned_depth_)
                        b_.document().warnings.push_back({at(n), "sections nested deeper than " +
                                                                     std::to_string(max_tree_depth) + " levels are kept at that level",
                                                          "章节嵌套超过 " + std::to_string(max_tree_depth) + " 层，更深的章节留在该层"});
                    warned_depth_ = true;
                    if (!title.empty()) b_.add_block(BlockKind::paragraph, text::fold_space(title), at(n));
                } else {
                    std::string label;
                    for (std::size_t k = 0; k < path.size(); ++k) {
                        if (k) label += '.';
                        if (back && k == 0 && path[0] <= 26) label += static_cast<char>('A' + path[0] - 1);
                        else label += std::to_string(path[k]);
                    }
                    title = text::fold_space(title);
                    SectionRole role = heading_role(title, depth == 0, b_.clause(b_.current()).role);
                    if (back && depth == 0 && !is_reference_role(role)) role = SectionRole::annex;
                    const ClauseId id = b_.open(back && depth == 0 ? ClauseKind::annex : ClauseKind::clause, label, title, at(n));
                    b_.set_role(id, role);
                    if (const char* anchor = n.attribute("anchor").value(); *anchor) b_.clause(id).anchor = b_.store(anchor);
                }
                stack.push_back({n.first_child(), !too_deep});
                continue;
            }
            if (is(n, "references")) {
                read_references(n);
                continue;
            }
            if (is(n, "name")) continue;
            read_block(n);
        }
    }

    void read_references(const pugi::xml_node& refs) {
        std::string title = refs.attribute("title").value();
        if (const auto name = refs.child("name")) title = inline_text(name);
        title = text::fold_space(title.empty() ? "References" : title);
        // "Normative References", "Informative References" (inside a v3 group: "References");
        // a list under any other title is still a list of references.
        SectionRole role = heading_role(title, b_.current() == b_.document().root(), b_.clause(b_.current()).role);
        if (role != SectionRole::normative_references && role != SectionRole::informative_references) role = SectionRole::references;
        b_.set_role(b_.open(ClauseKind::clause, "", title, at(refs)), role);
        for (const auto& r : refs.children()) {
            if (is(r, "references")) {  // v3 nests groups of references
                read_references(r);
                continue;
            }
            if (!is(r, "reference") && !is(r, "referencegroup")) continue;
            b_.add_block(BlockKind::paragraph, text::fold_space(reference_entry(r)), at(r));
        }
        b_.close();
    }

    void read_blocks(const pugi::xml_node& parent) {
        for (const auto& n : parent.children()) read_block(n);
    }

    // One block-level element of a section: paragraphs, lists (one block per item), figures
    // and source code, tables (one block per row), definition lists, notes and asides.
    void read_block(const pugi::xml_node& n) {
        // Lists in lists in quotes… recurse here; past max_block_nesting levels the element
        // is read as its text (an iterative walk), so no input can exhaust the stack.
        if (nesting_ >= max_block_nesting) {
            if (!warned_nesting_)
                b_.document().warnings.push_back({at(n), "lists, quotes and notes nested deeper than " +
                                                             std::to_string(max_block_nesting) + " levels are read as text",
                                                  "列表、引用和注嵌套超过 " + std::to_string(max_block_nesting) + " 层的部分按正文读取"});
            warned_nesting_ = true;
            const std::string t = text::fold_space(inline_text(n));
            if (!t.empty()) b_.add_block(BlockKind::paragraph, t, at(n));
            return;
        }
        ++nesting_;
        read_block_within(n);
        --nesting_;
    }

    void read_block_within(const pugi::xml_node& n) {
        if (n.type() == pugi::node_pcdata) {
            const std::string t = text::fold_space(n.value());
            if (!t.empty()) b_.add_block(BlockKind::paragraph, t, at(n.parent()));
            return;
        }
        if (n.type() != pugi::node_element) return;
        if (is(n, "t") && (n.child("list") || n.child("figure"))) {
            // v2 lists sit inside <t>: the text around them and each item are blocks.
            std::string run;
            for (const auto& c : n.children()) {
                if (is(c, "list") || is(c, "figure")) {
                    if (!text::fold_space(run).empty()) b_.add_block(BlockKind::paragraph, text::fold_space(run), at(n));
                    run.clear();
                    read_block(c);
                } else {
                    run += c.type() == pugi::node_element ? inline_text(c) : std::string(c.value());
                    run += ' ';
                }
            }
            if (!text::fold_space(run).empty()) b_.add_block(BlockKind::paragraph, text::fold_space(run), at(n));
            return;
        }
        if (is(n, "list") || is(n, "ul") || is(n, "ol") || is(n, "blockquote") || is(n, "aside") || is(n, "note") ||
            (is(n, "li") && (n.child("t") || n.child("ul") || n.child("ol")))) {
            for (const auto& c : n.children()) read_block(c);
            return;
        }
        if (is(n, "dl")) {
            std::string term;
            for (const auto& c : n.children()) {
                if (is(c, "dt")) term = inline_text(c);
                else if (is(c, "dd")) {
                    b_.add_block(BlockKind::paragraph, text::fold_space(term + " " + inline_text(c)), at(c));
                    term.clear();
                }
            }
            return;
        }
        if (is(n, "figure")) {
            for (const auto& c : n.children()) read_block(c);
            return;
        }
        if (is(n, "artwork") || is(n, "sourcecode")) {
            std::string code = n.text().get();
            while (!code.empty() && (code.back() == '\n' || code.back() == ' ')) code.pop_back();
            std::size_t first = code.find_first_not_of('\n');
            if (first != std::string::npos && !code.empty()) b_.add_block(BlockKind::code, code.substr(first), at(n));
            return;
        }
        if (is(n, "texttable") || is(n, "table")) {
            read_table(n);
            return;
        }
        if (is(n, "preamble") || is(n, "postamble") || is(n, "t") || is(n, "li") || is(n, "c") || is(n, "cref")) {
            const std::string t = inline_text(n);
            if (!t.empty()) b_.add_block(BlockKind::paragraph, t, at(n));
            return;
        }
        // Anything else (iref, unknown extensions) still shows its text.
        if (is(n, "iref") || is(n, "name")) return;
        const std::string t = inline_text(n);
        if (!t.empty()) b_.add_block(BlockKind::paragraph, t, at(n));
    }

    void read_table(const pugi::xml_node& table) {
        if (is(table, "texttable")) {
            std::size_t columns = 0;
            std::string header;
            for (const auto& col : table.children("ttcol")) {
                header += (columns++ ? " | " : "") + inline_text(col);
            }
            if (const auto pre = table.child("preamble")) read_block(pre);
            if (columns) b_.add_block(BlockKind::table_row, header, at(table));
            std::string row;
            std::size_t in_row = 0;
            pugi::xml_node row_start;
            for (const auto& c : table.children("c")) {
                if (in_row == 0) row_start = c;
                row += (in_row ? " | " : "") + inline_text(c);
                if (++in_row == std::max<std::size_t>(columns, 1)) {
                    b_.add_block(BlockKind::table_row, row, at(row_start));
                    row.clear();
                    in_row = 0;
                }
            }
            if (in_row) b_.add_block(BlockKind::table_row, row, at(row_start));
            if (const auto post = table.child("postamble")) read_block(post);
            return;
        }
        for (const auto& part : table.children()) {  // v3: thead/tbody/tfoot › tr › th/td
            if (is(part, "name")) continue;
            for (const auto& tr : part.children("tr")) {
                std::string row;
                bool first = true;
                for (const auto& cell : tr.children()) {
                    row += (first ? "" : " | ") + inline_text(cell);
                    first = false;
                }
                b_.add_block(BlockKind::table_row, row, at(tr));
            }
        }
    }
};

}  // namespace

Document read_xml(std::string_view utf8, const ReadOptions& options) {
    pugi::xml_document xml;
    // No parse_doctype: the DTD is skipped, so no entity it declares is expanded or fetched.
    const pugi::xml_parse_result result =
        xml.load_buffer(utf8.data(), utf8.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
    if (!result) {
        const LineTable lines(utf8);
        throw InputError(line_place(lines.line_of(result.offset)), std::string("XML: ") + result.description());
    }
    const pugi::xml_node root = xml.document_element();
    if (!is(root, "rfc"))
        throw InputError("", std::string("XML: root element <") + root.name() +
                                 "> is not a supported vocabulary (xml2rfc <rfc> is; NISO STS is planned)");
    return Xml2rfcReader(utf8, options).read(root, utf8);
}

}  // namespace redline::formats
