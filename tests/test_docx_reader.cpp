#define BOOST_TEST_MODULE docx_reader
#include <boost/test/unit_test.hpp>

#include "engine/error.hpp"
#include "formats/common/libzip.hpp"
#include "formats/docx/model.hpp"
#include "formats/docx/numbering.hpp"
#include "formats/json/document_json.hpp"
#include "formats/reader.hpp"

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace redline;
namespace fs = std::filesystem;
namespace docx = redline::formats::docx;

namespace {

// ---- building Word files in memory --------------------------------------------------------

// A ZIP archive of the given entries (deflated), written with the project's libzip.
std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
    const formats::Libzip& z = formats::libzip();
    zip_error_t error;
    z.error_init(&error);
    zip_source_t* source = z.source_buffer_create(nullptr, 0, 0, &error);
    z.source_keep(source);
    zip_t* archive = z.open_from_source(source, ZIP_TRUNCATE, &error);
    std::deque<std::string> data;
    for (const auto& [name, content] : entries) {
        data.push_back(content);
        zip_source_t* s = z.source_buffer(archive, data.back().data(), data.back().size(), 0);
        const zip_int64_t i = z.file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        BOOST_REQUIRE(i >= 0);
        z.set_file_compression(archive, static_cast<zip_uint64_t>(i), ZIP_CM_DEFLATE, 9);
    }
    BOOST_REQUIRE(z.close(archive) == 0);
    BOOST_REQUIRE(z.source_open(source) == 0);
    std::string out;
    char buf[65536];
    zip_int64_t n;
    while ((n = z.source_read(source, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    z.source_close(source);
    z.source_free(source);
    return out;
}

constexpr const char* ns = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";

std::string document_xml(const std::string& body) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document ") + ns + "><w:body>" + body +
           "</w:body></w:document>";
}

// Heading 1–3 with outline levels and numbering through the style (numId 1), a list style.
const std::string styles_xml = std::string("<w:styles ") + ns + R"(>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="Überschrift 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="Überschrift 2"/><w:basedOn w:val="H1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H3"><w:name w:val="Überschrift 3"/><w:basedOn w:val="H2"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="numbering" w:styleId="MyList"><w:name w:val="My List"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
</w:styles>)";

std::string lvl(int ilvl, const std::string& fmt, const std::string& text, const std::string& extra = "",
                const std::string& style = "") {
    return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt + "\"/>" +
           (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + extra + "<w:lvlText w:val=\"" + text +
           "\"/></w:lvl>";
}

// Headings (abstract 0 → num 1), a list "1)" (abstract 1 → nums 2, 3 with a startOverride, 4),
// legal numbering (abstract 2 → num 5), numStyleLink (abstract 3 → style MyList → num 6 →
// abstract 4; num 7 uses abstract 3), a never-restarting level (abstract 5 → num 8).
const std::string numbering_xml = std::string("<w:numbering ") + ns + ">" +
    "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "decimal", "%1", "", "H1") + lvl(1, "decimal", "%1.%2", "", "H2") +
    lvl(2, "decimal", "%1.%2.%3", "", "H3") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"1\">" + lvl(0, "decimal", "%1)") + lvl(1, "lowerLetter", "%2)") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"2\">" + lvl(0, "upperRoman", "Article %1") +
    lvl(1, "decimalZero", "%1.%2", "<w:isLgl/>") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"3\"><w:numStyleLink w:val=\"MyList\"/></w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"4\"><w:styleLink w:val=\"MyList\"/>" + lvl(0, "chineseCounting", "第%1章") +
    lvl(1, "decimalEnclosedCircle", "%2") + "</w:abstractNum>" +
    "<w:abstractNum w:abstractNumId=\"5\">" + lvl(0, "upperLetter", "%1") + lvl(1, "decimal", "%1.%2", "<w:lvlRestart w:val=\"0\"/>") +
    "</w:abstractNum>" +
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>" +
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>" +
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>" +
    "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/></w:num>" +
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"2\"/></w:num>" +
    "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"4\"/></w:num>" +
    "<w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num>" +
    "<w:num w:numId=\"8\"><w:abstractNumId w:val=\"5\"/></w:num>" +
    "<w:num w:numId=\"9\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride></w:num>" +
    "</w:numbering>";

// A paragraph: style, text (runs given as XML when it starts with '<'), numbering.
std::string p(const std::string& style, const std::string& text, int num_id = -1, int ilvl = -1,
              const std::string& ppr_extra = "") {
    std::string ppr;
    if (!style.empty()) ppr += "<w:pStyle w:val=\"" + style + "\"/>";
    if (num_id >= 0) {
        ppr += "<w:numPr>";
        if (ilvl >= 0) ppr += "<w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/>";
        ppr += "<w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr>";
    }
    ppr += ppr_extra;
    const std::string runs = !text.empty() && text[0] == '<' ? text : "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs + "</w:p>";
}

std::string word_file(const std::string& body, const std::string& footnotes = "") {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
        {"word/document.xml", document_xml(body)},
        {"word/styles.xml", styles_xml},
        {"word/numbering.xml", numbering_xml},
    };
    if (!footnotes.empty())
        parts.push_back({"word/footnotes.xml", std::string("<w:footnotes ") + ns + ">" + footnotes + "</w:footnotes>"});
    return zip_of(parts);
}

docx::Model model(const std::string& bytes, docx::Changes changes = docx::Changes::accept) {
    docx::ModelOptions o;
    o.changes = changes;
    return docx::read_model(bytes, o);
}

// "number|text" of each body paragraph.
std::vector<std::string> numbered(const docx::Model& m) {
    std::vector<std::string> out;
    for (const docx::Paragraph& para : m.paragraphs) out.push_back(para.number + "|" + para.text);
    return out;
}

Document read(const std::string& bytes, formats::TrackedChanges changes = formats::TrackedChanges::accept) {
    formats::ReadOptions o;
    o.path = "draft.docx";
    o.tracked_changes = changes;
    return formats::read_document(bytes, o);
}

// The tree as lines "depth kind label|title".
std::vector<std::string> tree(const Document& d) {
    std::vector<std::string> out;
    for (ClauseId id = 1; id < d.size(); ++id)
        out.push_back(std::to_string(d[id].depth) + " " + std::string(to_string(d[id].kind)) + " " +
                      std::string(d.label(id)) + "|" + std::string(d.title(id)));
    return out;
}

std::string error_of(const std::string& bytes) {
    try {
        read(bytes);
    } catch (const InputError& e) {
        return e.describe();
    }
    return "no error";
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string corpus(const std::string& name) { return slurp(fs::path(REDLINE_SOURCE_DIR) / "tests/corpus/docx" / name); }

}  // namespace

// ---- number formats -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(number_formats_as_word_shows_them) {
    using docx::format_number;
    BOOST_TEST(format_number("decimal", 12) == "12");
    BOOST_TEST(format_number("upperLetter", 1) == "A");
    BOOST_TEST(format_number("upperLetter", 27) == "AA");
    BOOST_TEST(format_number("lowerLetter", 28) == "bb");
    BOOST_TEST(format_number("upperRoman", 14) == "XIV");
    BOOST_TEST(format_number("lowerRoman", 9) == "ix");
    BOOST_TEST(format_number("decimalZero", 7) == "07");
    BOOST_TEST(format_number("decimalZero", 12) == "12");
    BOOST_TEST(format_number("chineseCounting", 1) == "一");
    BOOST_TEST(format_number("chineseCounting", 10) == "十");
    BOOST_TEST(format_number("chineseCounting", 11) == "十一");
    BOOST_TEST(format_number("chineseCounting", 20) == "二十");
    BOOST_TEST(format_number("chineseCounting", 99) == "九十九");
    BOOST_TEST(format_number("chineseCountingThousand", 101) == "一百零一");
    BOOST_TEST(format_number("chineseCountingThousand", 110) == "一百一十");
    BOOST_TEST(format_number("taiwaneseCountingThousand", 3) == "三");
    BOOST_TEST(format_number("chineseLegalSimplified", 12) == "壹拾贰");
    BOOST_TEST(format_number("ideographTraditional", 1) == "甲");
    BOOST_TEST(format_number("ideographTraditional", 11) == "甲");
    BOOST_TEST(format_number("ideographZodiac", 2) == "丑");
    BOOST_TEST(format_number("decimalEnclosedCircle", 1) == "①");
    BOOST_TEST(format_number("decimalEnclosedCircle", 20) == "⑳");
    BOOST_TEST(format_number("decimalEnclosedCircle", 21) == "21");
    BOOST_TEST(format_number("decimalEnclosedParen", 3) == "⑶");
    BOOST_TEST(format_number("decimalFullWidth", 12) == "１２");
    BOOST_TEST(format_number("ordinal", 13) == "13th");
    BOOST_TEST(format_number("ordinal", 22) == "22nd");
    BOOST_TEST(format_number("bullet", 3) == "");
}

// ---- numbering.xml --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(multilevel_headings_numbered_through_their_styles_restart_below) {
    const docx::Model m = model(word_file(p("H1", "Scope") + p("H2", "General") + p("H2", "Terms") + p("H3", "Term") +
                                          p("", "Text.") + p("H1", "Requirements") + p("H3", "Deep") + p("H2", "Logs")));
    const std::vector<std::string> want = {"1|Scope", "1.1|General", "1.2|Terms", "1.2.1|Term", "|Text.",
                                           "2|Requirements", "2.1.1|Deep", "2.1|Logs"};
    BOOST_TEST(numbered(m) == want, boost::test_tools::per_element());
    BOOST_TEST(m.paragraphs[0].outline_level == 0);
    BOOST_TEST(m.paragraphs[3].outline_level == 2);
    BOOST_TEST(m.paragraphs[4].outline_level == -1);
}

BOOST_AUTO_TEST_CASE(instances_of_one_definition_share_counters_and_start_overrides_apply_once) {
    const docx::Model m = model(word_file(p("", "a", 2, 0) + p("", "b", 2, 0) + p("", "sub", 2, 1) + p("", "c", 4, 0) +
                                          p("", "restarted", 3, 0) + p("", "again", 3, 0) + p("", "on", 2, 0) +
                                          p("", "five", 9, 0) + p("", "six", 9, 0)));
    const std::vector<std::string> want = {"1)|a", "2)|b", "a)|sub", "3)|c", "1)|restarted", "2)|again", "3)|on",
                                           "5)|five", "6)|six"};
    BOOST_TEST(numbered(m) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(legal_numbering_style_links_and_level_restart) {
    const docx::Model m = model(word_file(
        p("", "Definitions", 5, 0) + p("", "Terms", 5, 1) + p("", "Scope", 5, 0) + p("", "Use", 5, 1) +
        p("", "总则", 7, 0) + p("", "步骤", 7, 1) + p("", "要求", 6, 0) + p("", "A", 8, 0) + p("", "A1", 8, 1) +
        p("", "B", 8, 0) + p("", "B?", 8, 1)));
    const std::vector<std::string> want = {"Article I|Definitions", "1.01|Terms", "Article II|Scope", "2.01|Use",
                                           "第一章|总则", "①|步骤", "第二章|要求", "A|A", "A.1|A1", "B|B", "B.2|B?"};
    BOOST_TEST(numbered(m) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(paragraph_numbering_overrides_the_style_and_numid_zero_removes_it) {
    const docx::Model m =
        model(word_file(p("H1", "One") + p("H1", "Unnumbered", 0) + p("H1", "Two") + p("Plain", "Named like a heading")));
    const std::vector<std::string> want = {"1|One", "|Unnumbered", "2|Two", "|Named like a heading"};
    BOOST_TEST(numbered(m) == want, boost::test_tools::per_element());
    BOOST_TEST(m.paragraphs[3].outline_level == -1);   // a style's name makes no heading
}

// ---- runs -------------------------------------------------------------------------------------

// Word's bullets as Word shows them: the Symbol font's private-use "\uF0B7" is "•", Wingdings'
// "\uF0A7" "▪", Courier New's "o" stays "o"; each bulleted paragraph is a list item with that
// marker, and a bullet with no text after it is no item.
BOOST_AUTO_TEST_CASE(symbol_font_bullets_are_the_marks_word_shows) {
    auto bullet = [](int ilvl, const std::string& text, const std::string& font) {
        return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"" +
               text + "\"/><w:rPr><w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\"/></w:rPr></w:lvl>";
    };
    const std::string numbering = std::string("<w:numbering ") + ns + "><w:abstractNum w:abstractNumId=\"0\">" +
                                  bullet(0, "\xEF\x82\xB7", "Symbol") + bullet(1, "o", "Courier New") +
                                  bullet(2, "\xEF\x82\xA7", "Wingdings") + bullet(3, "\xEF\x80\xA1", "Wingdings") +
                                  "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    const std::string body = p("", "Sample languages:") + p("", "", 1, 0) + p("", "abap", 1, 0) +
                             p("", "Markup languages:", 1, 0) + p("", "html", 1, 1) + p("", "xml", 1, 1) +
                             p("", "square", 1, 2) + p("", "unknown mark", 1, 3);
    const std::string bytes = zip_of({{"word/document.xml", document_xml(body)}, {"word/styles.xml", styles_xml},
                                      {"word/numbering.xml", numbering}});
    const std::vector<std::string> want = {"|Sample languages:", "•|", "•|abap", "•|Markup languages:", "o|html",
                                           "o|xml", "▪|square", "|unknown mark"};
    BOOST_TEST(numbered(model(bytes)) == want, boost::test_tools::per_element());
    const std::vector<std::string> items = {"1 paragraph |", "2 list-item •|", "2 list-item •|", "2 list-item o|",
                                            "2 list-item o|", "2 list-item ▪|"};
    BOOST_TEST(tree(read(bytes)) == items, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(runs_give_field_results_tabs_breaks_symbols_and_hyperlinks) {
    const std::string runs =
        R"(<w:r><w:t>See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \r \h </w:instrText></w:r>)"
        R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>6.1.3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>)"
        R"(<w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:sym w:font="Symbol" w:char="F0B3"/></w:r>)"
        R"(<w:fldSimple w:instr=" SEQ Table "><w:r><w:t>2</w:t></w:r></w:fldSimple>)"
        R"(<w:hyperlink w:anchor="a"><w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink>)"
        R"(<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>)"
        R"(<w:sdt><w:sdtContent><w:r><w:t>!</w:t></w:r></w:sdtContent></w:sdt>)";
    const docx::Model m = model(word_file(p("", runs)));
    BOOST_TEST(m.paragraphs.at(0).text == "See 6.1.3\tx\ny≥2 link!");
}

// SEQ and AUTONUM fields show their cached result where Word saved one and the number Word
// would compute where it did not; every SEQ counts, cached or not.
BOOST_AUTO_TEST_CASE(numbering_fields_without_a_cached_result_are_computed) {
    auto complex = [](const std::string& code, const std::string& cached) {
        std::string out = R"(<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">)" + code +
                          R"(</w:instrText></w:r>)";
        if (!cached.empty())
            out += R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>)" + cached + "</w:t></w:r>";
        return out + R"(<w:r><w:fldChar w:fldCharType="end"/></w:r>)";
    };
    auto simple = [](const std::string& code) { return R"(<w:fldSimple w:instr=")" + code + R"("/>)"; };
    auto text = [](const std::string& t) { return R"(<w:r><w:t xml:space="preserve">)" + t + "</w:t></w:r>"; };
    const std::string body =
        p("", text("Table ") + complex(" SEQ Table \\* ARABIC ", "") + text(" — first")) +
        p("", text("Table ") + complex(" SEQ Table ", "7") + text(" — cached")) +   // shown as saved, counted
        p("", text("Table ") + simple(" SEQ Table ") + text(" — simple")) +
        p("", text("Figure ") + complex(" SEQ Figure \\* ALPHABETIC ", "")) +
        p("", text("Figure ") + complex(" SEQ Figure \\c \\* ALPHABETIC ", "")) +   // repeats
        p("", text("Annex ") + complex(" SEQ Annex \\r 4 \\* ROMAN ", "")) +
        p("", text("Hidden[") + complex(" SEQ Table \\h ", "") + text("]")) +
        p("", complex(" AUTONUM ", "") + text(" one")) + p("", simple(" AUTONUM \\s ) ") + text(" two")) +
        p("", text("Page ") + complex(" PAGE ", ""));   // no cached result, not a numbering field
    const docx::Model m = model(word_file(body));
    std::vector<std::string> texts;
    for (const docx::Paragraph& para : m.paragraphs) texts.push_back(para.text);
    const std::vector<std::string> want = {"Table 1 — first", "Table 7 — cached", "Table 3 — simple", "Figure A",
                                           "Figure A", "Annex IV", "Hidden[]", "1. one", "2) two", "Page "};
    BOOST_TEST(texts == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(footnotes_follow_the_paragraph_that_cites_them) {
    const std::string notes =
        R"(<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>)"
        R"(<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The administrator.</w:t></w:r></w:p></w:footnote>)";
    const std::string bytes = word_file(p("H1", "Roles") + p("", R"(<w:r><w:t>Admins</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t> act.</w:t></w:r>)"),
                                        notes);
    const docx::Model m = model(bytes);
    BOOST_REQUIRE(m.notes.size() == 1u);
    BOOST_TEST(m.notes[0].mark == "1");
    BOOST_TEST(m.notes[0].paragraphs.at(0).text == " The administrator.");
    BOOST_TEST(m.paragraphs.at(1).notes == std::vector<std::uint32_t>{0});
    const Document d = read(bytes);
    BOOST_TEST(d.own_text(1) == "Admins act.\n[1] The administrator.");
    const Block& note = d.blocks_begin(1)[1];
    BOOST_TEST(d.parts.at(note.where.part - 1) == "word/footnotes.xml");
    BOOST_TEST(d.parts == (std::vector<std::string>{"word/document.xml", "word/footnotes.xml"}));
    BOOST_TEST(note.where.paragraph == 1u);   // the second w:p of footnotes.xml
    BOOST_TEST(note.where.line == 2u);        // the citing paragraph's line
}

// ---- the clause tree -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(automatic_and_typed_numbers_in_one_document) {
    const std::string bytes = word_file(
        p("H1", "Scope") + p("", "This document applies to devices.") + p("H1", "Requirements") +
        p("H2", "automatic subclause in lower case") + p("", "first.", 2, 0) + p("", "nested.", 2, 1) +
        p("", "second.", 2, 0) +
        R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Field</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Rule</w:t></w:r></w:p></w:tc></w:tr>)"
        R"(<w:tr><w:tc><w:p><w:r><w:t>id</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>unique</w:t></w:r></w:p><w:p><w:r><w:t>always</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)" +
        p("", "2.2 Typed clause") + p("", "The device shall log.") + p("H1", "Notices", 0));
    const Document d = read(bytes);
    const std::vector<std::string> want = {
        "1 clause 1|Scope", "1 clause 2|Requirements", "2 clause 2.1|automatic subclause in lower case",
        "3 list-item 1)|", "4 list-item a)|", "3 list-item 2)|", "3 table |", "2 clause 2.2|Typed clause",
        "1 clause |Notices"};
    BOOST_TEST(tree(d) == want, boost::test_tools::per_element());
    BOOST_TEST(d.info.format == "docx");
    BOOST_TEST(d.own_text(7) == "Field | Rule\nid | unique always");
    BOOST_TEST(d.own_text(8) == "The device shall log.");
    // Places: part and paragraph, and line = paragraph + 1 in word/document.xml.
    BOOST_TEST(d.parts.at(d[4].where.part - 1) == "word/document.xml");
    BOOST_TEST(d[4].where.paragraph == 4u);
    BOOST_TEST(d[4].where.line == 5u);
}

BOOST_AUTO_TEST_CASE(libreoffice_gbt_draft_numbering_annexes_lists_tables_notes) {
    const Document d = read(corpus("gbt-numbering.docx"));
    const std::vector<std::string> want = {
        "1 front-matter |前言", "1 clause 1|范围", "1 clause 2|规范性引用文件", "1 clause 3|安全要求",
        "2 clause 3.1|身份鉴别", "3 list-item a）|", "4 list-item 1）|", "4 list-item 2）|", "3 list-item b）|",
        "2 clause 3.2|访问控制", "3 clause 3.2.1|最小权限", "4 list-item a）|", "4 list-item b）|",
        "3 clause 3.2.2|权限分离", "4 list-item （一）|", "4 list-item （二）|", "5 list-item ①|", "5 list-item ②|",
        "4 table |", "1 clause 4|测试方法", "1 annex 附录 A|测试用例", "2 clause A.1|概述", "2 clause A.2|用例",
        "1 annex 附录 B|实施指南", "2 clause B.1|总则"};
    BOOST_TEST(tree(d) == want, boost::test_tools::per_element());
    BOOST_TEST(d.language == Language::zh);
    BOOST_TEST(d.own_text(14) == "管理员的职责如下：\n[1] 管理员指设备的系统管理员。");
    BOOST_TEST(d.own_text(19) == "功能 | 要求\n审计 | 应记录");
    BOOST_TEST(d.str(d[21].alt_title) == "（规范性）");
    BOOST_TEST(d[1].role == SectionRole::foreword);
    BOOST_TEST(d[3].role == SectionRole::normative_references);
}

// ---- tracked changes ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(tracked_changes_accepted_or_rejected) {
    const std::string ins = R"(<w:ins w:id="1" w:author="A" w:date="2023-08-01T10:00:00Z"><w:r><w:t>securely </w:t></w:r></w:ins>)";
    const std::string del = R"(<w:del w:id="2" w:author="B" w:date="2023-08-01T10:00:00Z"><w:r><w:delText>old </w:delText></w:r></w:del>)";
    const std::string move_from = R"(<w:moveFrom w:id="3" w:author="B"><w:r><w:t>here</w:t></w:r></w:moveFrom>)";
    const std::string move_to = R"(<w:moveTo w:id="4" w:author="B"><w:r><w:t>there</w:t></w:r></w:moveTo>)";
    const std::string mark_deleted = R"(<w:rPr><w:del w:id="5" w:author="B" w:date="2023-08-01T10:00:00Z"/></w:rPr>)";
    const std::string mark_inserted = R"(<w:rPr><w:ins w:id="6" w:author="A" w:date="2023-08-01T10:00:00Z"/></w:rPr>)";
    const std::string numbering_changed =
        R"(<w:pPrChange w:id="7" w:author="A"><w:pPr><w:pStyle w:val="Normal"/></w:pPr></w:pPrChange>)";
    const std::string body =
        p("", "<w:r><w:t xml:space=\"preserve\">Log </w:t></w:r>" + ins + del + "<w:r><w:t>events.</w:t></w:r>") +
        p("", move_from + move_to) +
        p("", "first", 2, 0) +
        // a whole item deleted, its mark too: no number, the counter not advanced
        p("", R"(<w:del w:id="8" w:author="B"><w:r><w:delText>gone</w:delText></w:r></w:del>)", 2, 0, mark_deleted) +
        // only the mark deleted: the text joins the next item
        p("", "joined ", 2, 0, mark_deleted) + p("", "second", 2, 0) +
        // an item inserted whole, mark and all
        p("", R"(<w:ins w:id="9" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins>)", 2, 0, mark_inserted) +
        p("", "last", 2, 0) +
        p("", "was plain", 2, 0, numbering_changed);
    const std::vector<std::string> accepted = {"|Log securely events.", "|there", "1)|first", "2)|joined second",
                                               "3)|new", "4)|last", "5)|was plain"};
    BOOST_TEST(numbered(model(word_file(body))) == accepted, boost::test_tools::per_element());
    const std::vector<std::string> rejected = {"|Log old events.", "|here", "1)|first", "2)|gone", "3)|joined ",
                                               "4)|second", "5)|last", "|was plain"};
    BOOST_TEST(numbered(model(word_file(body), docx::Changes::reject)) == rejected, boost::test_tools::per_element());

    // The changes as recorded, whichever way they are resolved.
    std::vector<std::string> listed;
    for (const docx::TrackedChange& c : model(word_file(body)).changes)
        listed.push_back(std::to_string(static_cast<int>(c.kind)) + " " + c.author + " " + c.date + " [" + c.text + "] ¶" +
                         std::to_string(c.place.index));
    const std::vector<std::string> want_listed = {
        "0 A 2023-08-01T10:00:00Z [securely ] ¶0", "1 B 2023-08-01T10:00:00Z [old ] ¶0", "2 B  [here] ¶1",
        "3 B  [there] ¶1", "5 B 2023-08-01T10:00:00Z [] ¶3", "1 B  [gone] ¶3", "5 B 2023-08-01T10:00:00Z [] ¶4",
        "4 A 2023-08-01T10:00:00Z [] ¶6", "0 A  [new] ¶6", "6 A  [] ¶8"};
    BOOST_TEST(listed == want_listed, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(libreoffice_tracked_changes_accept_and_reject) {
    const std::string bytes = corpus("tracked-changes.docx");
    const Document a = read(bytes);
    const std::vector<std::string> accepted = {"1 clause 1|Scope", "1 clause 2|Requirements", "2 clause 2.1|Logging",
                                               "2 clause 2.2|Updates", "2 clause 2.3|Certificates"};
    BOOST_TEST(tree(a) == accepted, boost::test_tools::per_element());
    BOOST_TEST(a.own_text(3) == "The device shall securely record audit events.\nLogs should be reviewed by the administrator.");
    const Document r = read(bytes, formats::TrackedChanges::reject);
    const std::vector<std::string> rejected = {"1 clause 1|Scope", "1 clause 2|Requirements", "2 clause 2.1|Logging",
                                               "2 clause 2.2|Passwords", "2 clause 2.3|Updates", "2 clause 2.4|"};
    BOOST_TEST(tree(r) == rejected, boost::test_tools::per_element());
    BOOST_TEST(r.own_text(3) ==
               "The device shall record audit events.\nLogs should be reviewed at least once a year by the administrator.");
    BOOST_TEST(r.own_text(4) == "The device shall support passwords.");
}

// `redline parse --format json` lists the tracked changes with their author, date, place and
// the node that holds them, whichever way the text resolved them.
BOOST_AUTO_TEST_CASE(parse_json_lists_the_tracked_changes) {
    const std::string bytes = corpus("tracked-changes.docx");
    for (const auto changes : {formats::TrackedChanges::accept, formats::TrackedChanges::reject}) {
        const nlohmann::json j = nlohmann::json::parse(formats::write_document_json(read(bytes, changes), nullptr));
        const nlohmann::json& t = j.at("tracked_changes");
        BOOST_TEST(t.at("view") == (changes == formats::TrackedChanges::accept ? "accepted" : "rejected"));
        std::vector<std::string> listed;
        for (const auto& c : t.at("changes"))
            listed.push_back(c.at("kind").get<std::string>() + " | " + c.at("author").get<std::string>() + " | " +
                             c.at("date").get<std::string>() + " | " + c.at("part").get<std::string>() + " ¶" +
                             std::to_string(c.at("paragraph").get<int>()) + " line " + std::to_string(c.at("line").get<int>()) +
                             " | " + c.at("clause").at("label").get<std::string>() + " " +
                             c.at("clause").at("title").get<std::string>() + " | " + c.value("text", ""));
        // Accepted, the deleted heading "Passwords" joined the next one (2.2 Updates); rejected,
        // it is 2.2 again, and the inserted heading "Certificates" is an empty 2.4.
        const bool accepted = changes == formats::TrackedChanges::accept;
        const std::string passwords = accepted ? "2.2 Updates" : "2.2 Passwords";
        const std::string certificates = accepted ? "2.3 Certificates" : "2.4 ";
        const std::vector<std::string> want = {
            "insertion | Editor A | 2023-08-01T10:00:00Z | word/document.xml ¶4 line 5 | 2.1 Logging | securely ",
            "deletion | Editor B | 2023-08-02T11:00:00Z | word/document.xml ¶5 line 6 | 2.1 Logging | at least once a year ",
            "paragraph-mark-deleted | Editor B | 2023-08-02T11:05:00Z | word/document.xml ¶6 line 7 | " + passwords + " | ",
            "deletion | Editor B | 2023-08-02T11:05:00Z | word/document.xml ¶6 line 7 | " + passwords + " | Passwords",
            "paragraph-mark-deleted | Editor B | 2023-08-02T11:05:00Z | word/document.xml ¶7 line 8 | " + passwords + " | ",
            "deletion | Editor B | 2023-08-02T11:05:00Z | word/document.xml ¶7 line 8 | " + passwords +
                " | The device shall support passwords.",
            "insertion | Editor A | 2023-08-03T09:00:00Z | word/document.xml ¶10 line 11 | " + certificates + " | Certificates"};
        BOOST_TEST(listed == want, boost::test_tools::per_element());
    }
    // A draft without tracked changes has no such member.
    formats::ReadOptions plain;
    plain.path = "plain.txt";
    const Document d = formats::read_document("1 Scope\n\nText.\n", plain);
    BOOST_TEST(!nlohmann::json::parse(formats::write_document_json(d, nullptr)).contains("tracked_changes"));
}

// ---- untrusted input ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(limits_on_the_container_and_its_xml) {
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i <= 10000; ++i) many.push_back({"f" + std::to_string(i), ""});
    BOOST_TEST(error_of(zip_of(many)) == "draft.docx: ZIP container has 10001 entries, more than the limit of 10000");

    const std::string bomb = document_xml("") + std::string(8u << 20, ' ');
    BOOST_TEST(error_of(zip_of({{"word/document.xml", bomb}})) ==
               "draft.docx: zip entry word/document.xml: compression ratio above 200:1 (the limit against ZIP bombs)");

    BOOST_TEST(error_of(zip_of({{"word/document.xml", document_xml("")}, {"../../etc/evil", "x"}})) ==
               "draft.docx: zip entry ../../etc/evil: unsafe entry name (absolute, or with \"..\", \"\\\" or a drive)");

    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<w:sdt><w:sdtContent>";
    for (int i = 0; i < 300; ++i) deep += "</w:sdtContent></w:sdt>";
    BOOST_TEST(error_of(zip_of({{"word/document.xml", document_xml(deep)}})) ==
               "draft.docx: word/document.xml: XML nested deeper than 256 elements (the limit on XML depth)");

    BOOST_TEST(error_of(zip_of({{"word/other.xml", "x"}})) ==
               "draft.docx: a ZIP container without word/document.xml (not a Word document)");
    BOOST_TEST(error_of(zip_of({{"word/document.xml", "<w:document><w:body>"}})).starts_with(
        "draft.docx: word/document.xml: malformed XML at byte"));
    // The model stage takes bytes and starts no process: a .doc is an error there (the reader
    // converts it first, test_docx_doc).
    try {
        model(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
        BOOST_FAIL("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.describe() == "a Word 97-2003 (.doc) file, not a .docx");
    }
    std::string encrypted = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0');
    for (char c : std::string("EncryptedPackage")) encrypted += std::string{c, '\0'};
    BOOST_TEST(error_of(encrypted) ==
               "draft.docx: a password-protected (encrypted) Word file: remove the password in Word and save again");
    const std::string strict = std::string("<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body/></w:document>");
    BOOST_TEST(error_of(zip_of({{"word/document.xml", strict}})) ==
               "draft.docx: word/document.xml: Strict Open XML is not supported: save the file in Word as \"Word Document (*.docx)\"");
    // A footnote that cites itself is read once.
    const std::string self = R"(<w:footnote w:id="1"><w:p><w:r><w:t>loop</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:footnote>)";
    const docx::Model looped = model(word_file(p("", R"(<w:r><w:t>x</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>)"), self));
    BOOST_TEST(looped.notes.size() == 1u);
    BOOST_TEST(looped.notes[0].paragraphs.at(0).text == "loop");
    // Entities of a DTD stay as written: no DTD is read.
    const std::string doctype = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY e \"EXPANDED\">]><w:document " +
                                std::string(ns) + "><w:body>" + p("", "a &e; b") + "</w:body></w:document>";
    BOOST_TEST(model(zip_of({{"word/document.xml", doctype}})).paragraphs.at(0).text == "a &e; b");
}

BOOST_AUTO_TEST_CASE(a_bad_word_file_exits_2_naming_the_limit) {
    const fs::path dir = fs::temp_directory_path() / ("redline-docx-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string bomb = document_xml("") + std::string(8u << 20, ' ');
    std::ofstream(dir / "bomb.docx", std::ios::binary) << zip_of({{"word/document.xml", bomb}});
    const std::string cmd = std::string(REDLINE_BINARY) + " parse " + (dir / "bomb.docx").string() + " >" +
                            (dir / "out").string() + " 2>" + (dir / "err").string();
    const int raw = std::system(cmd.c_str());
    BOOST_TEST((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 2);
    BOOST_TEST(slurp(dir / "out").empty());
    BOOST_TEST(slurp(dir / "err") == "redline: error: " + (dir / "bomb.docx").string() +
                                         ": zip entry word/document.xml: compression ratio above 200:1 (the limit against ZIP bombs)\n");
    fs::remove_all(dir);
}

// ---- the bundled samples as Word files --------------------------------------------------------

namespace {

// The changes `redline diff --format json` reports: each entry's number, change and labels,
// then each provision change with its clauses.
std::vector<std::string> reported_changes(const std::string& old_path, const std::string& new_path) {
    const fs::path out = fs::temp_directory_path() / ("redline-docx-report-" + std::to_string(::getpid()) + ".json");
    const std::string cmd = std::string(REDLINE_BINARY) + " diff " + old_path + " " + new_path + " --format json -o " +
                            out.string();
    const int raw = std::system(cmd.c_str());
    BOOST_TEST((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 1);
    const nlohmann::json report = nlohmann::json::parse(slurp(out));
    fs::remove(out);
    auto labels = [](const nlohmann::json& side) {
        if (side.is_null()) return std::string("-");
        if (side.is_array()) {
            std::string all;
            for (const auto& s : side) all += s["label"].get<std::string>() + "+";
            return all;
        }
        return side["label"].get<std::string>();
    };
    std::vector<std::string> out_lines{report["summary"].dump()};
    for (const auto& c : report["clauses"])
        if (c["change"] != "unchanged")
            out_lines.push_back(c.value("id", "") + " " + c["change"].get<std::string>() + " " + labels(c["old"]) +
                                " -> " + labels(c["new"]));
    for (const auto& p : report["provisions"])
        out_lines.push_back(p["change"].get<std::string>() + " " + (p["old"].is_null() ? "-" : p["old"]["clause"].get<std::string>()) +
                            " -> " + (p["new"].is_null() ? "-" : p["new"]["clause"].get<std::string>()));
    return out_lines;
}

}  // namespace

BOOST_AUTO_TEST_CASE(docx_samples_report_the_changes_of_the_text_samples) {
    const std::string dir = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";
    const auto text = reported_changes(dir + "2023-05-draft.zh.txt", dir + "2023-08-draft-for-comments.zh.txt");
    const auto word = reported_changes(dir + "docx/2023-05-draft.zh.docx", dir + "docx/2023-08-draft-for-comments.zh.docx");
    BOOST_TEST(text.size() > 10u);
    // One node more, unchanged: the document title the Word drafts repeat above clause 1, as
    // a GB/T's first body page has it (and the PDF samples), which the text drafts leave out.
    std::vector<std::string> expected = text;
    nlohmann::json summary = nlohmann::json::parse(expected[0]);
    summary["clauses"]["unchanged"] = summary["clauses"]["unchanged"].get<int>() + 1;
    expected[0] = summary.dump();
    BOOST_TEST(word == expected, boost::test_tools::per_element());
}
