// The brief as a Word document: WordprocessingML parts written with pugixml into a zip
// package with libzip. Headings, numbered findings, quotations with struck / underlined
// changed words, the summary and the renumbering table as Word tables. The appendix table's
// rows, one per further finding, are made as libzip reads word/document.xml (DocumentXml).
#include "formats/brief/brief.hpp"
#include "formats/brief/brief_text.hpp"
#include "formats/common/libzip.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace redline::formats {

namespace {

using namespace brief_text;

constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Appends what pugixml writes to a string.
class StringWriter final : public pugi::xml_writer {
public:
    explicit StringWriter(std::string& out) : out_(out) {}
    void write(const void* data, std::size_t size) override { out_.append(static_cast<const char*>(data), size); }

private:
    std::string& out_;
};

std::string xml_string(const pugi::xml_document& doc) {
    std::string out;
    StringWriter writer(out);
    doc.save(writer, "", pugi::format_raw, pugi::encoding_utf8);
    return out;
}

// Controls and invisible format characters become their visible tokens ("␁", "⟨RLO⟩";
// formats/common/visible_text): XML 1.0 forbids most C0 controls, and a bidi control would
// reorder the quotation in Word. U+FFFE / U+FFFF, which XML forbids too, become U+FFFD.
std::string clean(std::string_view s) {
    std::string out = visible_text(s);
    for (std::size_t i = out.find("\xEF\xBF"); i != std::string::npos; i = out.find("\xEF\xBF", i + 1))
        if (i + 2 < out.size() && (static_cast<unsigned char>(out[i + 2]) & 0xFE) == 0xBE) out[i + 2] = '\xBD';
    return out;
}

class Body {
public:
    explicit Body(pugi::xml_node body) : body_(body) {}

    pugi::xml_node paragraph(std::string_view style = {}) {
        pugi::xml_node p = body_.append_child("w:p");
        if (!style.empty()) p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val") = std::string(style).c_str();
        return p;
    }

    enum class Mark { none, removed, inserted, bold, italic, watch };

    static void run(pugi::xml_node p, std::string_view text, Mark mark = Mark::none, std::string_view lang = {}) {
        // Line breaks inside a run become <w:br/>.
        pugi::xml_node r = p.append_child("w:r");
        pugi::xml_node pr = r.append_child("w:rPr");
        switch (mark) {
        case Mark::removed:
            pr.append_child("w:strike");
            pr.append_child("w:color").append_attribute("w:val") = "A40E26";
            pr.append_child("w:shd").append_attribute("w:fill") = "FFEBE9";
            break;
        case Mark::inserted:
            pr.append_child("w:color").append_attribute("w:val") = "116329";
            pr.append_child("w:u").append_attribute("w:val") = "single";
            pr.append_child("w:shd").append_attribute("w:fill") = "DAFBE1";
            break;
        case Mark::bold: pr.append_child("w:b"); break;
        case Mark::italic:
            pr.append_child("w:i");
            pr.append_child("w:color").append_attribute("w:val") = "59636E";
            break;
        case Mark::watch:
            pr.append_child("w:b");
            pr.append_child("w:highlight").append_attribute("w:val") = "yellow";
            break;
        case Mark::none: break;
        }
        if (!lang.empty()) {
            // Chinese text is zh-CN for its Latin letters and digits too (w:val), so that
            // Word's proofing and line breaking treat the run as Chinese.
            pugi::xml_node l = pr.append_child("w:lang");
            l.append_attribute("w:val") = lang == "zh" ? "zh-CN" : "en-GB";
            if (lang == "zh") l.append_attribute("w:eastAsia") = "zh-CN";
        }
        const std::string t = clean(text);
        std::size_t start = 0;
        while (true) {
            const std::size_t nl = t.find('\n', start);
            pugi::xml_node tn = r.append_child("w:t");
            tn.append_attribute("xml:space") = "preserve";
            tn.text().set(t.substr(start, nl == std::string::npos ? std::string::npos : nl - start).c_str());
            if (nl == std::string::npos) break;
            r.append_child("w:br");
            start = nl + 1;
        }
    }

    pugi::xml_node table(const std::vector<std::vector<std::string>>& rows, bool header = true) {
        pugi::xml_node tbl = table_start(rows.empty() ? 0 : rows.front().size());
        for (std::size_t r = 0; r < rows.size(); ++r) row_of(tbl, rows[r], r == 0 && header);
        paragraph();  // Word needs a paragraph between a table and what follows
        return tbl;
    }

private:
    // A table's properties and grid, before its rows.
    pugi::xml_node table_start(std::size_t cols) {
        pugi::xml_node tbl = body_.append_child("w:tbl");
        pugi::xml_node pr = tbl.append_child("w:tblPr");
        pr.append_child("w:tblStyle").append_attribute("w:val") = "RedlineTable";
        pugi::xml_node wdt = pr.append_child("w:tblW");
        wdt.append_attribute("w:w") = "0";
        wdt.append_attribute("w:type") = "auto";
        pugi::xml_node borders = pr.append_child("w:tblBorders");
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
            pugi::xml_node b = borders.append_child(side);
            b.append_attribute("w:val") = "single";
            b.append_attribute("w:sz") = "4";
            b.append_attribute("w:space") = "0";
            b.append_attribute("w:color") = "BFBFBF";
        }
        pugi::xml_node grid = tbl.append_child("w:tblGrid");
        for (std::size_t c = 0; c < cols; ++c) grid.append_child("w:gridCol");
        return tbl;
    }

    // One row of a table: a header row is bold and repeated on each page. (The appendix's
    // rows, many, are written without nodes: append_appendix_row.)
    static void row_of(pugi::xml_node tbl, const std::vector<std::string>& cells, bool header) {
        pugi::xml_node tr = tbl.append_child("w:tr");
        if (header) tr.append_child("w:trPr").append_child("w:tblHeader");
        for (const std::string& cell : cells) {
            pugi::xml_node tc = tr.append_child("w:tc");
            pugi::xml_node p = tc.append_child("w:p");
            run(p, cell, header ? Mark::bold : Mark::none);
        }
    }

    pugi::xml_node body_;
};

// Every package part starts with the same declaration.
void declare(pugi::xml_document& doc) {
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
}

// The element that stands, in the document as pugixml builds it, where the appendix table's
// rows go: they are written apart (DocumentXml), a row at a time.
constexpr std::string_view appendix_marker = "redline-appendix-rows";

// Element text as pugixml writes it (format_raw): "&", "<", ">" escaped, the C0 controls other
// than tab, line feed and carriage return as "&#NN;" (clean() leaves none), and the text ended
// at a NUL as the C string pugixml is given.
void append_element_text(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
        case '\0': return;
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                const unsigned code = static_cast<unsigned char>(c);
                out += "&#";
                out += static_cast<char>('0' + code / 10);
                out += static_cast<char>('0' + code % 10);
                out += ';';
            } else {
                out += c;
            }
        }
    }
}

// The k-th finding's row of the appendix table, appended to `out` as Body::row_of builds a
// row that is not a header and pugixml writes it: each cell a paragraph of one run, its lines
// apart by <w:br/>. Written directly rather than as nodes because the appendix is made twice
// (counted, then read: DocumentXml), and a large comparison has a row per changed clause.
void append_appendix_row(const Brief& b, std::size_t k, std::string& out) {
    out += "<w:tr>";
    for (const std::string& cell : other_findings_row(b, k)) {
        out += "<w:tc><w:p><w:r><w:rPr/>";
        const std::string t = clean(cell);
        for (std::size_t start = 0;;) {
            const std::size_t nl = t.find('\n', start);
            out += R"(<w:t xml:space="preserve">)";
            append_element_text(out, std::string_view(t).substr(start, nl == std::string::npos ? std::string::npos : nl - start));
            out += "</w:t>";
            if (nl == std::string::npos) break;
            out += "<w:br/>";
            start = nl + 1;
        }
        out += "</w:r></w:p></w:tc>";
    }
    out += "</w:tr>";
}

// word/document.xml around the appendix table's rows: the brief built as nodes and written,
// cut where the rows' marker stands (all of it in `head` when there is no appendix).
struct DocumentFrame {
    std::string head, tail;
};

DocumentFrame document_frame(const Brief& b) {
    pugi::xml_document doc;
    declare(doc);
    pugi::xml_node root = doc.append_child("w:document");
    root.append_attribute("xmlns:w") = w_ns;
    Body body(root.append_child("w:body"));
    using M = Body::Mark;

    Body::run(body.paragraph("Title"), title_line(b));
    if (!b.date.empty()) Body::run(body.paragraph(), word(b, "Compared on ", "比较日期：") + b.date, M::italic);

    Body::run(body.paragraph("Heading1"), word(b, "Summary", "概要"));
    std::vector<std::vector<std::string>> summary = {{word(b, "Category", "类别"), word(b, "Findings", "条数")}};
    for (const auto& [category, count] : summary_rows(b)) summary.push_back({category, std::to_string(count)});
    body.table(summary);

    // The chart: one row per top-level clause, a bar of coloured blocks per change kind.
    if (!b.chart.empty()) {
        Body::run(body.paragraph(), word(b, "Where the changes are (substantive clause changes per top-level clause):",
                                         "变化分布（各章的实质性变化条数）："), M::italic);
        for (const ChartBar& bar : b.chart) {
            pugi::xml_node p = body.paragraph("ChartRow");
            Body::run(p, chart_name(b, bar) + "\t");
            const std::pair<std::uint32_t, const char*> parts[] = {
                {bar.modified, "0969DA"}, {bar.added, "1A7F37"}, {bar.removed, "CF222E"}, {bar.moved, "9A6700"}};
            for (const auto& [n, colour] : parts) {
                if (!n) continue;
                std::string blocks;
                for (std::uint32_t i = 0; i < n; ++i) blocks += "█";
                pugi::xml_node r = p.append_child("w:r");
                r.append_child("w:rPr").append_child("w:color").append_attribute("w:val") = colour;
                pugi::xml_node t = r.append_child("w:t");
                t.append_attribute("xml:space") = "preserve";
                t.text().set(blocks.c_str());
            }
            Body::run(p, fmt::format(" {}", bar.total()));
        }
        Body::run(body.paragraph(), word(b, "Blue: modified · green: added · red: removed · amber: moved",
                                         "蓝：修改 · 绿：增加 · 红：删除 · 黄：移动"), M::italic);
    }

    Body::run(body.paragraph("Heading1"), word(b, "Findings", "主要变化"));
    std::size_t n = 0;
    for (const BriefFinding& f : b.findings) {
        if (n == shown(b)) break;
        Body::run(body.paragraph("Heading2"), fmt::format("{}. {}", ++n, f.headline));
        pugi::xml_node meta = body.paragraph();
        Body::run(meta, location(b, f), M::italic);
        for (const std::string& w : f.watched) {
            Body::run(meta, "  ");
            Body::run(meta, word(b, "watch: ", "关注：") + w, M::watch);
        }
        if (!f.wording.empty()) {
            pugi::xml_node q = body.paragraph("Quote");
            for (const Edit& e : f.wording)
                Body::run(q, e.text, e.op == EditOp::remove ? M::removed : e.op == EditOp::insert ? M::inserted : M::none, f.quote_lang);
        }
        if (const std::string note = hidden_note(b, f); !note.empty()) Body::run(body.paragraph(), note, M::watch);
        for (const auto& s : f.items_removed) Body::run(body.paragraph("ListBullet"), s, M::removed, f.quote_lang);
        for (const auto& s : f.items_added) Body::run(body.paragraph("ListBullet"), s, M::inserted, f.quote_lang);
        if (!f.references_removed.empty() || !f.references_added.empty()) {
            pugi::xml_node p = body.paragraph();
            Body::run(p, word(b, "References: ", "引用文件："), M::italic);
            for (const auto& r : f.references_removed) {
                Body::run(p, r, M::removed);
                Body::run(p, " ");
            }
            for (const auto& r : f.references_added) {
                Body::run(p, r, M::inserted);
                Body::run(p, " ");
            }
        }
    }
    if (b.order.empty()) Body::run(body.paragraph(), word(b, "No substantive changes.", "无实质性变化。"));
    if (shown(b) < b.order.size()) {
        Body::run(body.paragraph("Heading1"), other_findings_heading(b));
        body.table({other_findings_header(b)}).append_child(std::string(appendix_marker).c_str());
    }
    if (const auto notes = reader_note_lines(b); !notes.empty()) {
        Body::run(body.paragraph("Heading1"), reader_notes_heading(b));
        for (const std::string& n : notes) Body::run(body.paragraph("ListBullet"), n);
    }

    if (!b.renumbering.empty()) {
        Body::run(body.paragraph("Heading1"), word(b, "Appendix: renumbered and moved clauses", "附：重新编号和移动的条款"));
        body.table(renumbering_rows(b));
    }
    pugi::xml_node sect = root.child("w:body").append_child("w:sectPr");
    pugi::xml_node size = sect.append_child("w:pgSz");
    size.append_attribute("w:w") = "11906";  // A4
    size.append_attribute("w:h") = "16838";
    pugi::xml_node mar = sect.append_child("w:pgMar");
    for (const char* side : {"w:top", "w:right", "w:bottom", "w:left"}) mar.append_attribute(side) = "1134";
    std::string whole = xml_string(doc);
    // Text is escaped ("<" is "&lt;"): the marker's tag is found only where it stands.
    const std::string tag = "<" + std::string(appendix_marker) + "/>";
    const std::size_t at = whole.find(tag);
    if (at == std::string::npos) return {std::move(whole), {}};
    std::string tail = whole.substr(at + tag.size());
    whole.resize(at);
    return {std::move(whole), std::move(tail)};
}

// word/document.xml as libzip reads it while it compresses the package: the frame's head, the
// appendix table's rows made a piece of about 256 KiB at a time, then the frame's tail. Only
// one piece is held (reserved once and refilled), never the rows' whole text: 54 MB for
// 152,000 changed clauses, which libzip held until the package was compressed when the rows
// were handed to it in pieces.
class DocumentXml {
public:
    explicit DocumentXml(const Brief& b) : b_(b), frame_(document_frame(b)) { rewind(); }

    // The part's bytes, which libzip must know before it reads them (the local header's size
    // fields, and no Zip64 extra field, which an unknown size would force): counted once by
    // writing every row into the one piece and keeping none. libzip asks before it opens the
    // part (and again after reading it: the count is kept).
    std::uint64_t size() {
        if (!size_) {
            std::uint64_t rows = 0;
            for (next_row_ = shown(b_); next_row_ < b_.order.size();) {
                fill_piece();
                rows += piece_.size();
            }
            size_ = frame_.head.size() + rows + frame_.tail.size();
            rewind();
        }
        return *size_;
    }

    // Back to the first byte.
    void rewind() {
        stage_ = Stage::head;
        pending_ = frame_.head;
        next_row_ = shown(b_);
    }

    // Copies the next `len` bytes to `out`, fewer only at the end (as libzip's buffer source
    // does, so that its deflate layer is fed as before); 0 at the end.
    std::size_t read(char* out, std::size_t len) {
        std::size_t done = 0;
        while (done < len && (!pending_.empty() || advance())) {
            const std::size_t n = std::min(len - done, pending_.size());
            std::copy_n(pending_.data(), n, out + done);
            pending_.remove_prefix(n);
            done += n;
        }
        return done;
    }

private:
    enum class Stage { head, rows, tail, end };

    // Makes the next stretch pending: the next piece of rows, or the tail; false at the end.
    bool advance() {
        if (stage_ == Stage::head) stage_ = Stage::rows;
        if (stage_ == Stage::rows) {
            if (next_row_ < b_.order.size()) {
                fill_piece();
                pending_ = piece_;
                return true;
            }
            stage_ = Stage::tail;
            pending_ = frame_.tail;
            return true;
        }
        stage_ = Stage::end;
        return false;
    }

    // Writes rows into the piece until it holds 256 KiB or the rows end. Reserved at once with
    // room for the last row (pieces grown by doubling held up to twice their text).
    void fill_piece() {
        constexpr std::size_t piece_bytes = std::size_t{1} << 18;
        if (piece_.capacity() < piece_bytes) piece_.reserve(piece_bytes + (piece_bytes >> 2));
        piece_.clear();
        while (next_row_ < b_.order.size() && piece_.size() < piece_bytes) append_appendix_row(b_, next_row_++, piece_);
    }

    const Brief& b_;
    DocumentFrame frame_;
    std::optional<std::uint64_t> size_;
    Stage stage_ = Stage::head;
    std::size_t next_row_ = 0;
    std::string piece_;
    std::string_view pending_;   // what read() copies next: of the head, the piece or the tail
};

// The fonts of Chinese Word documents: 宋体 (SimSun) for text, 黑体 (SimHei) for headings, with
// Times New Roman and Arial for Latin letters. The language is the brief's: zh-CN throughout a
// Chinese brief, en-GB with zh-CN for East Asian text in an English one.
std::string styles_xml(const Brief& b) {
    const char* lang = zh(b) ? R"(<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>)" : R"(<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>)";
    constexpr const char* heading_fonts = R"(<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="黑体" w:cs="Arial"/>)";
    return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="21"/>)") +
           lang + R"(</w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr>)" +
           heading_fonts + R"(<w:b/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>)" +
           heading_fonts + R"(<w:b/><w:sz w:val="30"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr>)" +
           heading_fonts + R"(<w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567"/><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="D1D9E0"/></w:pBdr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ChartRow"><w:name w:val="Chart Row"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="3402"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="RedlineTable"><w:name w:val="Redline Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
)";
}

// The font table declares each font with what Word needs to substitute it where it is not
// installed: its English name (altName), character set (86: GB2312), family and PANOSE class.
constexpr const char* font_table_xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:panose1 w:val="02010609060101010101"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>
<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>
<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>
)";

constexpr const char* content_types = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
)";

constexpr const char* package_rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
)";

constexpr const char* document_rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
</Relationships>
)";

std::string core_xml(const Brief& b) {
    pugi::xml_document doc;
    declare(doc);
    pugi::xml_node cp = doc.append_child("cp:coreProperties");
    cp.append_attribute("xmlns:cp") = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
    cp.append_attribute("xmlns:dc") = "http://purl.org/dc/elements/1.1/";
    cp.append_attribute("xmlns:dcterms") = "http://purl.org/dc/terms/";
    cp.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    cp.append_child("dc:title").text().set(clean(title_line(b)).c_str());
    cp.append_child("dc:creator").text().set("redline");
    if (!b.date.empty()) {
        pugi::xml_node created = cp.append_child("dcterms:created");
        created.append_attribute("xsi:type") = "dcterms:W3CDTF";
        created.text().set((b.date + "T00:00:00Z").c_str());
    }
    return xml_string(doc);
}

// libzip's reading of a DocumentXml (zip_source_function): the commands of a readable source.
// Nothing thrown may cross libzip's C frames: a failure is kept, reported to libzip as an
// error (ZIP_ER_MEMORY, ZIP_ER_INTERNAL), which makes zip_close fail, and thrown again then.
class StreamedPart {
public:
    StreamedPart(const Libzip& zip, DocumentXml& xml) : zip_(zip), xml_(xml) { zip_.error_init(&error_); }
    ~StreamedPart() { zip_.error_fini(&error_); }
    StreamedPart(const StreamedPart&) = delete;
    StreamedPart& operator=(const StreamedPart&) = delete;

    static zip_int64_t callback(void* self, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
        return static_cast<StreamedPart*>(self)->command(data, len, cmd);
    }

    // What went wrong inside a command, if anything did.
    std::exception_ptr failure() const { return failure_; }

private:
    zip_int64_t command(void* data, zip_uint64_t len, zip_source_cmd_t cmd) noexcept {
        try {
            switch (cmd) {
            case ZIP_SOURCE_OPEN: xml_.rewind(); return 0;
            case ZIP_SOURCE_READ: return static_cast<zip_int64_t>(xml_.read(static_cast<char*>(data), static_cast<std::size_t>(len)));
            case ZIP_SOURCE_CLOSE: return 0;
            case ZIP_SOURCE_STAT: {
                if (len < sizeof(zip_stat_t)) return fail(ZIP_ER_INVAL);
                // What libzip's buffer source reports, which the package's bytes depend on.
                zip_stat_t* st = static_cast<zip_stat_t*>(data);
                zip_.stat_init(st);
                st->size = st->comp_size = xml_.size();
                st->comp_method = ZIP_CM_STORE;
                st->encryption_method = ZIP_EM_NONE;
                st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
                return sizeof(zip_stat_t);
            }
            case ZIP_SOURCE_ERROR: return zip_.error_to_data(&error_, data, len);
            case ZIP_SOURCE_FREE: return 0;   // the DocumentXml belongs to the caller
            case ZIP_SOURCE_SUPPORTS: return ZIP_SOURCE_SUPPORTS_READABLE;
            default: return fail(ZIP_ER_OPNOTSUPP);
            }
        } catch (const std::bad_alloc&) {
            failure_ = std::current_exception();
            return fail(ZIP_ER_MEMORY);
        } catch (...) {
            failure_ = std::current_exception();
            return fail(ZIP_ER_INTERNAL);
        }
    }

    zip_int64_t fail(int code) {
        zip_.error_set(&error_, code, 0);
        return -1;
    }

    const Libzip& zip_;
    DocumentXml& xml_;
    zip_error_t error_;
    std::exception_ptr failure_;
};

// A zip package in memory, handed to an OutputSink once complete. Entries carry a fixed time
// so that the same brief gives the same bytes.
class Package {
public:
    Package() : zip_(libzip()) {
        zip_error_t error;
        zip_.error_init(&error);
        source_ = zip_.source_buffer_create(nullptr, 0, 0, &error);
        if (!source_) throw std::runtime_error("libzip: cannot create a buffer");
        zip_.source_keep(source_);
        archive_ = zip_.open_from_source(source_, ZIP_TRUNCATE, &error);
        if (!archive_) throw std::runtime_error("libzip: cannot open the buffer");
    }
    ~Package() {
        if (archive_) zip_.discard(archive_);
        if (source_) zip_.source_free(source_);
    }
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    // A part held whole until the package is written.
    void add(const char* name, std::string content) {
        const std::string& held = held_.emplace_back(std::move(content));
        enter(name, zip_.source_buffer(archive_, held.data(), held.size(), 0));
    }

    // A part made as libzip reads it; `xml` must outlive finish().
    void add(const char* name, DocumentXml& xml) {
        StreamedPart& part = streamed_.emplace_back(zip_, xml);
        enter(name, zip_.source_function(archive_, &StreamedPart::callback, &part));
    }

    // Compresses the parts into the package and writes it to `out`, 64 KiB at a time from
    // libzip's buffer (never copied whole beside it). Nothing is written when a part fails.
    void finish(OutputSink& out) {
        if (zip_.close(archive_) < 0) {
            for (const StreamedPart& part : streamed_)
                if (part.failure()) std::rethrow_exception(part.failure());
            throw std::runtime_error("libzip: cannot write the package");
        }
        archive_ = nullptr;
        if (zip_.source_open(source_) < 0) throw std::runtime_error("libzip: cannot read the package");
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_.source_read(source_, buf, sizeof buf)) > 0) out.append(std::string_view(buf, static_cast<std::size_t>(n)));
        zip_.source_close(source_);
        if (n < 0) throw std::runtime_error("libzip: cannot read the package");
        out.flush();
    }

private:
    void enter(const char* name, zip_source_t* s) {
        if (!s) throw std::runtime_error("libzip: cannot add " + std::string(name));
        const zip_int64_t index = zip_.file_add(archive_, name, s, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_.source_free(s);
            throw std::runtime_error("libzip: cannot add " + std::string(name));
        }
        zip_.file_set_mtime(archive_, static_cast<zip_uint64_t>(index), 315532800 + 43200, 0);  // 1980-01-01 12:00
        zip_.set_file_compression(archive_, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    }

    const Libzip& zip_;
    zip_source_t* source_ = nullptr;
    zip_t* archive_ = nullptr;
    // libzip reads the parts at zip_close; a deque never moves them.
    std::deque<std::string> held_;
    std::deque<StreamedPart> streamed_;
};

}  // namespace

void write_brief_docx(const Brief& b, OutputSink& out) {
    DocumentXml document(b);
    Package pkg;
    pkg.add("[Content_Types].xml", content_types);
    pkg.add("_rels/.rels", package_rels);
    pkg.add("word/document.xml", document);
    pkg.add("word/_rels/document.xml.rels", document_rels);
    pkg.add("word/styles.xml", styles_xml(b));
    pkg.add("word/fontTable.xml", font_table_xml);
    pkg.add("docProps/core.xml", core_xml(b));
    pkg.finish(out);
}

std::string write_brief_docx(const Brief& b) {
    StringSink sink;
    write_brief_docx(b, sink);
    return sink.release();
}

}  // namespace redline::formats
