// The one place that decides which characters a reader would not see as themselves, and how
// text outputs show them: Control Pictures for C0 and DEL, ⟨NAME⟩ for C1 controls and the
// invisible format characters; everything else untouched. And the reader warning that names
// each clause holding one.
#define BOOST_TEST_MODULE visible_text
#include <boost/test/unit_test.hpp>

#include "formats/common/html_escape.hpp"
#include "formats/common/reader_notes.hpp"
#include "formats/common/visible_text.hpp"
#include "formats/reader.hpp"

#include <string>

using namespace redline::formats;

BOOST_AUTO_TEST_CASE(controls_become_control_pictures_or_names) {
    BOOST_TEST(visible_text(std::string_view("a\x1b[2Jb\x07\r\x7f")) == "a␛[2Jb␇␍␡");
    BOOST_TEST(visible_text(std::string_view("tab\tand\nnewline stay")) == "tab\tand\nnewline stay");
    BOOST_TEST(visible_text(std::string_view("nul \0 end", 9)) == "nul ␀ end");
    BOOST_TEST(visible_text(std::string_view("csi \xC2\x9B" "31m nel \xC2\x85 osc \xC2\x9D")) == "csi ⟨CSI⟩31m nel ⟨NEL⟩ osc ⟨OSC⟩");
    // U+00A0 (C2 A0) and U+00A9 © share the lead byte of C1 and are no controls.
    BOOST_TEST(visible_text(std::string_view("\xC2\xA0\xC2\xA9")) == "\xC2\xA0\xC2\xA9");
}

BOOST_AUTO_TEST_CASE(format_characters_become_marked_tokens) {
    BOOST_TEST(visible_text(std::string_view("The device shall \u202Etpyrcne ton\u202C stored data.")) ==
               "The device shall ⟨RLO⟩tpyrcne ton⟨PDF⟩ stored data.");
    BOOST_TEST(visible_text(std::string_view("\u202A\u202B\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C")) ==
               "⟨LRE⟩⟨RLE⟩⟨LRO⟩⟨LRI⟩⟨RLI⟩⟨FSI⟩⟨PDI⟩⟨LRM⟩⟨RLM⟩⟨ALM⟩");
    BOOST_TEST(visible_text(std::string_view("en\u200Bcrypt \u200C\u200D\u2060\u2061\u2062\u2063\u2064 \uFEFF")) ==
               "en⟨ZWSP⟩crypt ⟨ZWNJ⟩⟨ZWJ⟩⟨WJ⟩⟨U+2061⟩⟨U+2062⟩⟨U+2063⟩⟨U+2064⟩ ⟨BOM⟩");
    // Their neighbours stay: U+200A HAIR SPACE, U+2010 hyphen, U+2029, U+2065 (unassigned),
    // U+206A, em dash, quotes, arrows, U+FEFE, Arabic letters around U+061C, and Han.
    const std::string_view plain = "\u200A\u2010\u2029\u2065\u206A — “x” → \uFEFE \u061B\u061D 中文";
    BOOST_TEST(visible_text(plain) == plain);
    BOOST_TEST(find_hidden(plain) == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(what_a_hidden_character_is_called) {
    const std::string_view s = "x\u202Ey";
    BOOST_TEST(find_hidden(s) == 1u);
    const HiddenChar h = hidden_at(s, 1);
    BOOST_TEST(static_cast<std::uint32_t>(h.code_point) == 0x202Eu);
    BOOST_TEST(h.bytes == 3u);
    BOOST_TEST(h.format);
    BOOST_TEST(describe_hidden(h) == "U+202E RIGHT-TO-LEFT OVERRIDE");
    BOOST_TEST(describe_hidden(hidden_at("\x1b", 0)) == "U+001B ESCAPE");
    BOOST_TEST(describe_hidden(hidden_at("\x7f", 0)) == "U+007F DELETE");
    BOOST_TEST(!hidden_at(s, 0));
    // A sequence cut off at the end of the string is no character.
    BOOST_TEST(find_hidden(std::string_view("ab\xE2\x80")) == std::string_view::npos);
    BOOST_TEST(find_hidden(std::string_view("ab\xC2")) == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(clean_text_is_returned_as_it_is) {
    std::string clean(1000, 'a');
    const char* data = clean.data();
    const std::string same = visible_text(std::move(clean));
    BOOST_TEST(static_cast<const void*>(same.data()) == static_cast<const void*>(data));  // moved, not copied
}

BOOST_AUTO_TEST_CASE(html_shows_them_as_text_in_attributes_and_isolated_in_content) {
    const std::string_view s = "a <b> \u202Ex\x7f";
    BOOST_TEST(esc(s) == "a &lt;b&gt; ⟨RLO⟩x␡");
    BOOST_TEST(esc_marked(s) == "a &lt;b&gt; <bdi class=\"hidden-char\" title=\"U+202E RIGHT-TO-LEFT OVERRIDE\">⟨RLO⟩</bdi>x"
                                "<bdi class=\"hidden-char\" title=\"U+007F DELETE\">␡</bdi>");
    BOOST_TEST(esc(std::string_view("\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBB\xBF")) == "\xEF\xBF\xBD\xEF\xBF\xBD⟨BOM⟩");
}

// Printable ASCII is skipped eight bytes at a time: a hidden character is found at every
// offset of a word, and the neighbours of the ranges (space, tilde, tab, newline) are not.
BOOST_AUTO_TEST_CASE(found_at_every_offset) {
    for (const std::string_view hidden : {"\x01", "\x1f", "\x7f", "\r", "\xC2\x80", "\xE2\x80\xAE", "\xEF\xBB\xBF"})
        for (std::size_t at = 0; at < 20; ++at) {
            const std::string s = std::string(at, 'a') + std::string(hidden) + std::string(20, 'b');
            BOOST_TEST(find_hidden(s) == at, hidden.size() << " bytes at " << at);
            BOOST_TEST(find_hidden(s, at + 1) == std::string_view::npos);
        }
    const std::string plain = std::string(17, ' ') + "~~~~~~~~\t\n\t\n !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}";
    BOOST_TEST(find_hidden(plain) == std::string_view::npos);
}

// The reader warning, made once after any reader: one per clause, at the first place that
// holds such a character; past 100 clauses one warning counts the rest; a front-matter title
// that no clause holds gets its own, at line 1.
BOOST_AUTO_TEST_CASE(reader_warnings_name_the_clause) {
    std::string text;
    for (int i = 1; i <= 105; ++i) text += std::to_string(i) + " Clause\n\nSome text.\n\nMore en\u200Bcrypted text.\n\n";
    ReadOptions options;
    options.path = "many.txt";
    const redline::Document many = read_document(text, options);
    BOOST_REQUIRE(many.warnings.size() == 101u);
    BOOST_TEST(many.warnings[0].where.line == 5u);
    BOOST_TEST(many.warnings[0].message == "clause 1: text contains invisible control characters (U+200B ZERO WIDTH SPACE ×1)");
    BOOST_TEST(many.warnings[99].message == "clause 100: text contains invisible control characters (U+200B ZERO WIDTH SPACE ×1)");
    BOOST_TEST(many.warnings[100].message == "5 more clauses: text contains invisible control characters (U+200B ZERO WIDTH SPACE ×5)");

    options.path = "front.md";
    const redline::Document front = read_document("---\ntitle: \"Secure \u202Edevices\"\n---\n\n# Scope\n\nText.\n", options);
    BOOST_REQUIRE(front.warnings.size() == 1u);
    BOOST_TEST(front.warnings[0].where.line == 1u);
    BOOST_TEST(front.warnings[0].message ==
               "the document's title or identifier: text contains invisible control characters (U+202E RIGHT-TO-LEFT OVERRIDE ×1)");
}

// A place in a draft, as the writers name it to a reader of either language: a text draft's
// line, a Word part's paragraph, a PDF's line and page.
BOOST_AUTO_TEST_CASE(source_places_in_the_readers_language) {
    redline::Document doc;
    doc.parts.push_back("word/document.xml");
    using redline::Language;
    BOOST_TEST(source_place(doc, {93, 0, 0, 0}) == "line 93");
    BOOST_TEST(source_place(doc, {93, 0, 0, 0}, Language::zh) == "第 93 行");
    BOOST_TEST(source_place(doc, {0, 1, 12, 0}) == "word/document.xml ¶12");
    BOOST_TEST(source_place(doc, {0, 1, 12, 0}, Language::zh) == "word/document.xml 第 12 段");
    BOOST_TEST(source_place(doc, {93, 0, 0, 4}) == "line 93 (page 4)");
    BOOST_TEST(source_place(doc, {93, 0, 0, 4}, Language::zh) == "第 93 行（第 4 页）");
    BOOST_TEST(source_place(doc, {0, 0, 0, 4}) == "page 4");
    BOOST_TEST(source_place(doc, {0, 0, 0, 4}, Language::zh) == "第 4 页");
}
