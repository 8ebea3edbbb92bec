#define BOOST_TEST_MODULE pdf_reader
#include <boost/test/unit_test.hpp>

#include "engine/error.hpp"
#include "formats/pdf/pdf_reader.hpp"
#include "formats/reader.hpp"
#include "tests/support/pdf_maker.hpp"
#include "tests/support/run_redline.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace redline;
namespace fs = std::filesystem;
namespace maker = redline::test::pdf;

namespace {

// ---- the drafts, made here ----------------------------------------------------------------

maker::Text t(double x, double y, double size, std::string text, int font = 1, double angle = 0) {
    return maker::Text{x, y, size, std::move(text), font, angle};
}

// Three pages of an ISO-like working draft: running header, "Page N of 3" footers, a DRAFT
// watermark turned 45°, a table of contents with leaders, margin line numbers on the body
// pages, headings in bold, a lower-case title only the font marks as a heading, hyphenated
// line ends, and a sentence that runs on over a page break.
std::string english_draft(const std::string& keys = "Keys shall be stored encrypted.") {
    std::vector<maker::Page> pages(3);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        maker::Page& p = pages[i];
        p.width = 612;
        p.height = 792;
        p.texts.push_back(t(72, 40, 9, "ISO/WD 99999:2026(E)"));
        p.texts.push_back(t(470, 760, 9, "Page " + std::to_string(i + 1) + " of 3"));
        p.texts.push_back(t(200, 500, 72, "DRAFT", 1, 45));
    }
    auto& p1 = pages[0].texts;
    p1.push_back(t(72, 100, 20, "Widget security requirements", 2));
    p1.push_back(t(72, 160, 12, "Contents", 2));
    p1.push_back(t(72, 184, 10, "1 Scope ........................................................ 2"));
    p1.push_back(t(72, 198, 10, "2 Requirements ............................................. 2"));
    p1.push_back(t(72, 212, 10, "2.1 General ..................................................... 2"));
    p1.push_back(t(72, 226, 10, "2.2 storage of keys ........................................ 3"));
    auto& p2 = pages[1].texts;
    p2.push_back(t(72, 100, 14, "1 Scope", 2));
    p2.push_back(t(72, 124, 10, "This document specifies security requirements for widgets and their inter-"));
    p2.push_back(t(72, 136, 10, "faces. The requirements were agreed by the committee and need no re-"));
    p2.push_back(t(72, 148, 10, "approve step."));
    p2.push_back(t(72, 180, 14, "2 Requirements", 2));
    p2.push_back(t(72, 204, 12, "2.1 General", 2));
    p2.push_back(t(72, 228, 10, "The widget shall authenticate every user before it grants access to the"));
    p2.push_back(t(72, 240, 10, "configuration data, the firmware and the"));
    for (int n = 1; n <= 5; ++n) p2.push_back(t(40, 112 + 12 * n, 8, std::to_string(n)));
    auto& p3 = pages[2].texts;
    p3.push_back(t(72, 100, 10, "audit log."));
    p3.push_back(t(72, 130, 12, "2.2 storage of keys", 2));
    p3.push_back(t(72, 154, 10, keys + " All interfaces shall be documented."));
    for (int n = 6; n <= 8; ++n) p3.push_back(t(40, 88 + 12 * (n - 5), 8, std::to_string(n)));
    return maker::make(pages);
}

// A GB/T-like draft for comments: the standard's number as running header, Roman page number
// on the front matter and "— 1 —" after it, 征求意见稿 as a watermark, Chinese text set
// character by character with justification gaps, full-width punctuation.
std::string chinese_draft() {
    std::vector<maker::Page> pages(2);
    const char* header = "GB/T 99999\xE2\x80\x94" "2026";
    const char* numbers[] = {"I", "\xE2\x80\x94 1 \xE2\x80\x94"};   // I, — 1 —
    for (std::size_t i = 0; i < pages.size(); ++i) {
        maker::Page& p = pages[i];
        p.texts.push_back(t(72, 50, 10.5, header));
        p.texts.push_back(t(292, 800, 9, numbers[i]));
        p.texts.push_back(t(150, 500, 54, "\xE5\xBE\x81\xE6\xB1\x82\xE6\x84\x8F\xE8\xA7\x81\xE7\xA8\xBF", 3, 30));
    }
    auto spaced = [](maker::Page& p, double y, std::string_view text) {
        // One character at a time, 2 pt apart: a justified line.
        double x = 72;
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t n = (static_cast<unsigned char>(text[i]) >= 0xE0) ? 3 : 1;
            p.texts.push_back(t(x, y, 10.5, std::string(text.substr(i, n)), 3));
            x += n == 3 ? 12.5 : 7.5;
            i += n;
        }
    };
    pages[0].texts.push_back(t(260, 100, 16, "\xE5\x89\x8D\xE8\xA8\x80", 3));   // 前言
    spaced(pages[0], 140, "\xE6\x9C\xAC\xE6\x96\x87\xE4\xBB\xB6\xE4\xBB\xA3\xE6\x9B\xBF\xE6\x97\xA7\xE7\x89\x88\xEF\xBC\x8C"   // 本文件代替旧版，
                          "\xE4\xB8\x8E\xE6\x97\xA7\xE7\x89\x88\xE7\x9B\xB8\xE6\xAF\x94");                                        // 与旧版相比
    spaced(pages[0], 158, "\xE6\x9C\x89\xE5\x8F\x98\xE5\x8C\x96\xE3\x80\x82");                                                   // 有变化。
    pages[1].texts.push_back(t(72, 100, 12, "1 \xE8\x8C\x83\xE5\x9B\xB4", 3));   // 1 范围
    spaced(pages[1], 130, "\xE6\x9C\xAC\xE6\x96\x87\xE4\xBB\xB6\xE8\xA7\x84\xE5\xAE\x9A\xE4\xBA\x86\xE5\x8A\x9E\xE5\x85\xAC"
                          "\xE8\xAE\xBE\xE5\xA4\x87\xE7\x9A\x84\xE5\xAE\x89\xE5\x85\xA8\xE8\xA6\x81\xE6\xB1\x82\xEF\xBC\x8C");   // 本文件规定了办公设备的安全要求，
    spaced(pages[1], 148, "\xE9\x80\x82\xE7\x94\xA8\xE4\xBA\x8E\xE8\xAE\xBE\xE8\xAE\xA1\xE3\x80\x82");                         // 适用于设计。
    pages[1].texts.push_back(t(72, 180, 12, "2 \xE8\xA6\x81\xE6\xB1\x82", 3));   // 2 要求
    spaced(pages[1], 210, "\xE8\xAE\xBE\xE5\xA4\x87\xE5\xBA\x94\xE5\x8A\xA0\xE5\xAF\x86\xE5\xAD\x98\xE5\x82\xA8\xE6\x95\xB0"
                          "\xE6\x8D\xAE\xE3\x80\x82");                                                                          // 设备应加密存储数据。
    return maker::make(pages);
}

Document read(const std::string& bytes, const std::string& path = "draft.pdf") {
    formats::ReadOptions o;
    o.path = path;
    o.keep_text = true;
    return formats::read_document(bytes, o);
}

std::string outline(const Document& d) {
    std::string out;
    for (ClauseId i = 1; i < d.size(); ++i) {
        const Clause& c = d[i];
        out += std::string(2 * (c.depth - 1), ' ') + std::string(to_string(c.kind)) + " " + std::string(d.label(i)) +
               " | " + std::string(d.title(i)) + " | line " + std::to_string(c.where.line) + " page " +
               std::to_string(c.where.page) + "\n";
    }
    return out;
}

std::vector<std::string> messages(const Document& d) {
    std::vector<std::string> out;
    for (const Warning& w : d.warnings) {
        std::string m = "p";
        m += std::to_string(w.where.page);
        m += ": ";
        m += w.message;
        out.push_back(std::move(m));
    }
    return out;
}

std::string error_of(const std::string& bytes, const formats::pdf::Limits& limits = formats::pdf::default_limits) {
    try {
        formats::pdf::extract_text(bytes, limits);
    } catch (const InputError& e) {
        return e.describe();
    }
    return "(no error)";
}

// A scratch directory for the command-line cases.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / ("redline-pdf-test-" + std::to_string(::getpid()));
    Scratch() { fs::create_directories(dir); }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        const fs::path p = dir / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }
};

}  // namespace

// ---- text, paragraphs, structure ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(english_draft_text_without_furniture_paragraphs_rejoined) {
    const Document d = read(english_draft());
    BOOST_TEST(d.info.format == "pdf");
    BOOST_TEST(d.source_text ==
               "Widget security requirements\n\n"
               "Contents\n\n"
               "1 Scope ........................................................ 2\n\n"
               "2 Requirements ............................................. 2\n\n"
               "2.1 General ..................................................... 2\n\n"
               "2.2 storage of keys ........................................ 3\n\n"
               "1 Scope\n\n"
               "This document specifies security requirements for widgets and their interfaces. The requirements "
               "were agreed by the committee and need no re-approve step.\n\n"
               "2 Requirements\n\n"
               "2.1 General\n\n"
               "The widget shall authenticate every user before it grants access to the configuration data, the "
               "firmware and the audit log.\n\n"
               "2.2 storage of keys\n\n"
               "Keys shall be stored encrypted. All interfaces shall be documented.\n\n");
}

BOOST_AUTO_TEST_CASE(english_draft_tree_keeps_pages_and_skips_the_contents) {
    const Document d = read(english_draft());
    BOOST_TEST(outline(d) ==
               "front-matter  |  | line 1 page 1\n"
               "front-matter  | Contents | line 3 page 1\n"
               "clause 1 | Scope | line 13 page 2\n"
               "clause 2 | Requirements | line 17 page 2\n"
               "  clause 2.1 | General | line 19 page 2\n"
               "  clause 2.2 | storage of keys | line 23 page 3\n");
}

BOOST_AUTO_TEST_CASE(furniture_removed_is_reported_with_counts) {
    const Document d = read(english_draft());
    BOOST_TEST(messages(d) == (std::vector<std::string>{
                                  "p1: removed running header or footer \"ISO/WD 99999:2026(E)\" from 3 pages",
                                  "p1: removed page numbers from 3 pages",
                                  "p2: removed 8 margin line numbers from 2 pages",
                                  "p1: removed watermark \"DRAFT\" from 3 pages",
                              }),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(chinese_draft_no_spaces_between_han_full_width_punctuation_kept) {
    const Document d = read(chinese_draft());
    BOOST_TEST(d.source_text ==
               "\xE5\x89\x8D\xE8\xA8\x80\n\n"
               "\xE6\x9C\xAC\xE6\x96\x87\xE4\xBB\xB6\xE4\xBB\xA3\xE6\x9B\xBF\xE6\x97\xA7\xE7\x89\x88\xEF\xBC\x8C"
               "\xE4\xB8\x8E\xE6\x97\xA7\xE7\x89\x88\xE7\x9B\xB8\xE6\xAF\x94"
               "\xE6\x9C\x89\xE5\x8F\x98\xE5\x8C\x96\xE3\x80\x82\n\n"
               "1 \xE8\x8C\x83\xE5\x9B\xB4\n\n"
               "\xE6\x9C\xAC\xE6\x96\x87\xE4\xBB\xB6\xE8\xA7\x84\xE5\xAE\x9A\xE4\xBA\x86\xE5\x8A\x9E\xE5\x85\xAC"
               "\xE8\xAE\xBE\xE5\xA4\x87\xE7\x9A\x84\xE5\xAE\x89\xE5\x85\xA8\xE8\xA6\x81\xE6\xB1\x82\xEF\xBC\x8C"
               "\xE9\x80\x82\xE7\x94\xA8\xE4\xBA\x8E\xE8\xAE\xBE\xE8\xAE\xA1\xE3\x80\x82\n\n"
               "2 \xE8\xA6\x81\xE6\xB1\x82\n\n"
               "\xE8\xAE\xBE\xE5\xA4\x87\xE5\xBA\x94\xE5\x8A\xA0\xE5\xAF\x86\xE5\xAD\x98\xE5\x82\xA8\xE6\x95\xB0"
               "\xE6\x8D\xAE\xE3\x80\x82\n\n");
    BOOST_TEST(outline(d) ==
               "front-matter  | \xE5\x89\x8D\xE8\xA8\x80 | line 1 page 1\n"
               "clause 1 | \xE8\x8C\x83\xE5\x9B\xB4 | line 5 page 2\n"
               "clause 2 | \xE8\xA6\x81\xE6\xB1\x82 | line 9 page 2\n");
    BOOST_TEST(messages(d) ==
                   (std::vector<std::string>{
                       "p1: removed running header or footer \"GB/T 99999\xE2\x80\x94" "2026\" from 2 pages",
                       "p1: removed page numbers from 2 pages",
                       "p1: removed watermark \"\xE5\xBE\x81\xE6\xB1\x82\xE6\x84\x8F\xE8\xA7\x81\xE7\xA8\xBF\" from 2 pages",
                   }),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(two_columns_read_column_by_column) {
    maker::Page p;
    const char* left[] = {"Left column opens the page and its", "sentence runs down the left column", "to its end."};
    const char* right[] = {"Right column follows the left one", "and ends the page."};
    for (int i = 0; i < 3; ++i) p.texts.push_back(t(60, 100 + 12 * i, 10, left[i]));
    for (int i = 0; i < 2; ++i) p.texts.push_back(t(320, 100 + 12 * i, 10, right[i]));
    const formats::pdf::Extracted e = formats::pdf::extract_text(maker::make({p}));
    BOOST_TEST(e.text ==
               "Left column opens the page and its sentence runs down the left column to its end.\n\n"
               "Right column follows the left one and ends the page.\n\n");
}

// Word sets a list's marker a tab away from its text: each marker opens an item, however
// short the items (a list of names set in two columns among them), "o" is its second-level
// bullet, and "4." after "3." is an item, not clause 4.
BOOST_AUTO_TEST_CASE(markers_set_apart_open_list_items) {
    maker::Page names;
    names.texts.push_back(t(72, 100, 10, "1 Names", 2));
    names.texts.push_back(t(72, 124, 10, "The names:"));
    const char* left[] = {"abap", "ada", "c"};
    const char* right[] = {"perl", "php", "Markup languages:"};
    for (int i = 0; i < 3; ++i) {
        names.texts.push_back(t(90, 136 + 12 * i, 10, "\xE2\x80\xA2"));
        names.texts.push_back(t(108, 136 + 12 * i, 10, left[i]));
        names.texts.push_back(t(320, 136 + 12 * i, 10, "\xE2\x80\xA2"));
        names.texts.push_back(t(338, 136 + 12 * i, 10, right[i]));
    }
    names.texts.push_back(t(356, 172, 10, "o"));
    names.texts.push_back(t(374, 172, 10, "html"));
    names.texts.push_back(t(356, 184, 10, "o"));
    names.texts.push_back(t(374, 184, 10, "xml"));
    maker::Page steps;
    steps.texts.push_back(t(72, 100, 10, "2 Steps", 2));
    steps.texts.push_back(t(72, 124, 10, "Producers follow these steps:"));
    const char* step[] = {"Remove empty segments", "Resolve the path", "Make a URI", "Divide the URI"};
    for (int i = 0; i < 4; ++i) {
        steps.texts.push_back(t(90, 136 + 12 * i, 10, std::to_string(i + 1) + "."));
        steps.texts.push_back(t(108, 136 + 12 * i, 10, step[i]));
    }
    const std::string pdf = maker::make({names, steps});
    BOOST_TEST(formats::pdf::extract_text(pdf).text ==
               "1 Names\n\nThe names:\n\n\xE2\x80\xA2 abap\n\n\xE2\x80\xA2 ada\n\n\xE2\x80\xA2 c\n\n\xE2\x80\xA2 perl\n\n"
               "\xE2\x80\xA2 php\n\n\xE2\x80\xA2 Markup languages:\n\no html\n\no xml\n\n2 Steps\n\n"
               "Producers follow these steps:\n\n1. Remove empty segments\n\n2. Resolve the path\n\n3. Make a URI\n\n"
               "4. Divide the URI\n\n");
    formats::ReadOptions o;
    o.path = "lists.pdf";
    const Document d = formats::read_document(pdf, o);
    std::vector<std::string> items;
    for (ClauseId id = 1; id < d.size(); ++id)
        items.push_back(std::string(to_string(d[id].kind)) + " " + std::string(d.label(id)));
    BOOST_TEST(items == (std::vector<std::string>{"clause 1", "list-item \xE2\x80\xA2", "list-item \xE2\x80\xA2",
                                                  "list-item \xE2\x80\xA2", "list-item \xE2\x80\xA2",
                                                  "list-item \xE2\x80\xA2", "list-item \xE2\x80\xA2", "list-item o",
                                                  "list-item o", "clause 2", "list-item 1.", "list-item 2.",
                                                  "list-item 3.", "list-item 4."}),
               boost::test_tools::per_element());
}

// A Word file's compressed data may hold "%PDF-" within its first kilobyte: a file that opens
// as a ZIP package is never taken for a PDF, whatever its name (the docx fuzz target's input
// tests/fuzz_regressions/docx/zip-with-pdf-header-in-its-first-kilobyte).
BOOST_AUTO_TEST_CASE(a_package_with_pdf_bytes_inside_is_no_pdf) {
    const std::string bytes = std::string("PK\x03\x04", 4) + std::string(40, 'x') + "%PDF-1.7" + std::string(40, 'y');
    for (const char* name : {"draft.pdf", "draft.docx"}) {
        formats::ReadOptions o;
        o.path = name;
        std::string error = "(no error)";
        try {
            formats::read_document(bytes, o);
        } catch (const InputError& e) {
            error = e.describe();
        }
        BOOST_TEST(error == std::string(name) + ": not a readable ZIP container (Not a zip archive)");
    }
}

// ---- failure modes and limits -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(failures_are_errors_that_say_what_to_do) {
    maker::Page scanned;
    scanned.image = true;
    BOOST_TEST(error_of(maker::make({scanned})) == "no text layer: this PDF is images; run OCR first, e.g. ocrmypdf");
    maker::Page text;
    text.texts.push_back(t(72, 100, 10, "Secret"));
    BOOST_TEST(error_of(maker::make({text}, maker::Options{true, 0})) ==
               "encrypted PDF: it needs a password to open, and Redline takes none; save a copy without one "
               "(e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf)");
    BOOST_TEST(error_of(maker::make({text}).substr(0, 300)) ==
               "damaged PDF: poppler cannot open it (poppler: error: Couldn't find trailer dictionary)");
    BOOST_TEST(error_of("%PDF-1.7\n") == "damaged PDF: poppler cannot open it");
    BOOST_TEST(error_of("plain text named .pdf") == "not a PDF (no %PDF- header in its first 1024 bytes)");
}

BOOST_AUTO_TEST_CASE(unmapped_glyphs_a_warning_below_the_threshold_an_error_naming_the_font_above) {
    maker::Page few;
    few.texts.push_back(t(72, 100, 10, "The device shall encrypt stored data and keys in every state it can be in."));
    few.texts.push_back(t(72, 112, 10, "AB", 4));
    const formats::pdf::Extracted e = formats::pdf::extract_text(maker::make({few}));
    BOOST_REQUIRE_EQUAL(e.warnings.size(), 1u);
    BOOST_TEST(e.warnings[0].message == "2 of 62 glyphs (3.2%) have no Unicode mapping and are left out (Opaque ×2)");
    maker::Page many = few;
    many.texts.push_back(t(72, 124, 10, "ABCDEFGHIJ", 4));
    BOOST_TEST(error_of(maker::make({many})) ==
               "16.7% of the glyphs (12 of 72) have no Unicode mapping, 12 of them in font Opaque: the text cannot be "
               "read from this PDF; run OCR first, e.g. ocrmypdf --force-ocr");
}

BOOST_AUTO_TEST_CASE(limits_on_pages_words_and_time) {
    maker::Page p;
    p.texts.push_back(t(72, 100, 10, "one two three four five six seven eight nine ten eleven"));
    BOOST_TEST(error_of(maker::make({p}, maker::Options{false, 5000})) ==
               "5001 pages, more than the limit of 5000 pages in one PDF");
    formats::pdf::Limits words;
    words.max_words = 10;
    BOOST_TEST(error_of(maker::make({p}), words) == "page 1: more than 10 words (the limit on one PDF)");
    formats::pdf::Limits time;
    time.max_seconds = 0;
    BOOST_TEST(error_of(maker::make({p}, maker::Options{false, 2}), time) ==
               "page 2: reading the text took longer than 0 s (the limit on one PDF); stopped at page 2 of 3");
}

// ---- the command line ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(command_line_text_format_json_pages_and_clean_errors) {
    const Scratch scratch;
    const std::string draft = scratch.write("draft.pdf", english_draft());
    const run_cli::Result text = run_cli::redline("parse " + draft + " --format text");
    BOOST_TEST(text.status == 0);
    BOOST_TEST(text.out == read(english_draft()).source_text);

    const run_cli::Result json = run_cli::redline("parse " + draft + " --format json");
    BOOST_REQUIRE_EQUAL(json.status, 0);
    const auto doc = nlohmann::json::parse(json.out);
    BOOST_TEST(doc["format"] == "pdf");
    const auto& scope = doc["root"]["children"][2];
    BOOST_TEST(scope["label"] == "1");
    BOOST_TEST(scope["line"] == 13);
    BOOST_TEST(scope["page"] == 2);

    const std::string damaged = scratch.write("damaged.pdf", english_draft().substr(0, 400));
    const run_cli::Result bad = run_cli::redline("parse " + damaged);
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.out.empty());
    // poppler's own complaints never reach the terminal raw: one error line.
    BOOST_TEST(bad.err == "redline: error: " + damaged +
                              ": damaged PDF: poppler cannot open it (poppler: error: Couldn't find trailer dictionary)\n");

    const std::string pages = scratch.write("pages.pdf", maker::make({maker::Page{}}, maker::Options{false, 5000}));
    const run_cli::Result many = run_cli::redline("parse " + pages);
    BOOST_TEST(many.status == 2);
    BOOST_TEST(many.err == "redline: error: " + pages + ": 5001 pages, more than the limit of 5000 pages in one PDF\n");

    const run_cli::Result docx_text = run_cli::redline("parse " + std::string(REDLINE_SOURCE_DIR) +
                                                       "/samples/office-devices/docx/2023-05-draft.zh.docx --format text");
    BOOST_TEST(docx_text.status == 2);
}

BOOST_AUTO_TEST_CASE(diff_of_two_pdf_drafts) {
    const Scratch scratch;
    const std::string old_pdf = scratch.write("old.pdf", english_draft());
    const std::string new_pdf = scratch.write("new.pdf", english_draft("Keys should be stored encrypted."));
    const run_cli::Result r = run_cli::redline("diff " + old_pdf + " " + new_pdf + " --format json");
    BOOST_TEST(r.status == 1);
    const auto report = nlohmann::json::parse(r.out);
    BOOST_TEST(report["summary"]["clauses"]["modified"] == 1);
    BOOST_TEST(report["summary"]["clauses"]["added"] == 0);
    BOOST_TEST(report["summary"]["clauses"]["removed"] == 0);
    BOOST_TEST(report["summary"]["provisions"]["weakened"] == 1);
    for (const auto& c : report["clauses"])
        if (c["change"] == "modified") {
            BOOST_TEST(c["new"]["label"] == "2.2");
            BOOST_TEST(c["new"]["page"] == 3);
        }
}

// ---- the sample drafts as PDF (samples/office-devices/pdf, made by LibreOffice) -----------

namespace {

const std::string samples = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";

boost::test_tools::assertion_result sample_pdfs_present(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result present(fs::exists(samples + "pdf/2023-05-draft.zh.pdf"));
    present.message() << "samples/office-devices/pdf/ has no PDFs yet";
    return present;
}

// The changes of numbered clauses, in report order: "modified+renumbered 6.2.4 → 6.2.3".
std::vector<std::string> numbered_changes(const nlohmann::json& report) {
    auto labels = [](const nlohmann::json& side) {
        if (side.is_null()) return std::string("-");
        if (side.is_object()) return side["label"].get<std::string>();
        std::string out;
        for (const auto& s : side) {
            if (!out.empty()) out += ',';
            out += s["label"].get<std::string>();
        }
        return out;
    };
    std::vector<std::string> out;
    for (const auto& c : report["clauses"]) {
        if (c["change"] == "unchanged") continue;
        const std::string old_labels = labels(c["old"]), new_labels = labels(c["new"]);
        if (!std::isdigit(static_cast<unsigned char>(old_labels[0])) && !std::isdigit(static_cast<unsigned char>(new_labels[0])))
            continue;
        std::string change = c["change"];
        for (const auto& also : c.value("also", nlohmann::json::array())) {
            change += '+';
            change += also.get<std::string>();
        }
        change += ' ';
        change += old_labels;
        change += " → ";
        change += new_labels;
        out.push_back(std::move(change));
    }
    return out;
}

nlohmann::json diff_json(const std::string& old_file, const std::string& new_file) {
    const run_cli::Result r = run_cli::redline("diff " + old_file + " " + new_file + " --format json");
    BOOST_REQUIRE_EQUAL(r.status, 1);
    return nlohmann::json::parse(r.out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(chinese_sample_pdfs_report_the_changes_of_the_text_pair,
                     *boost::unit_test::precondition(sample_pdfs_present)) {
    const auto text = diff_json(samples + "2023-05-draft.zh.txt", samples + "2023-08-draft-for-comments.zh.txt");
    const auto pdf = diff_json(samples + "pdf/2023-05-draft.zh.pdf", samples + "pdf/2023-08-draft-for-comments.zh.pdf");
    BOOST_TEST(numbered_changes(pdf) == numbered_changes(text), boost::test_tools::per_element());
    BOOST_TEST(pdf["summary"]["provisions"] == text["summary"]["provisions"]);
}

// In English two paragraphs break differently at a page break of one draft and not the
// other (6.4.3, 7.4.2), which the PDF pair reports as modified and the text pair does not;
// everything else is the text pair's.
BOOST_AUTO_TEST_CASE(english_sample_pdfs_report_the_changes_of_the_text_pair_and_two_paragraph_breaks,
                     *boost::unit_test::precondition(sample_pdfs_present)) {
    const auto text = diff_json(samples + "2023-05-draft.en.txt", samples + "2023-08-draft-for-comments.en.txt");
    const auto pdf = diff_json(samples + "pdf/2023-05-draft.en.pdf", samples + "pdf/2023-08-draft-for-comments.en.pdf");
    std::vector<std::string> expected = numbered_changes(text);
    expected.insert(expected.end() - 1, "modified 6.4.3 → 6.4.3");
    expected.push_back("modified 7.4.2 → 7.4.2");
    BOOST_TEST(numbered_changes(pdf) == expected, boost::test_tools::per_element());
    for (const char* kind : {"removed", "added", "weakened", "strengthened", "negated", "moved"})
        BOOST_TEST(pdf["summary"]["provisions"][kind] == text["summary"]["provisions"][kind], kind);
}

// The Chinese drafts as Word files (samples/office-devices/docx) and as PDFs, made from the
// same text: the same clauses on both sides, none added or removed (the PDF's text differs in
// whitespace, its cover and table of contents in line breaks).
BOOST_AUTO_TEST_CASE(sample_docx_and_pdf_of_one_draft_have_the_same_clauses,
                     *boost::unit_test::precondition(sample_pdfs_present)) {
    for (const char* draft : {"2023-05-draft.zh", "2023-08-draft-for-comments.zh"}) {
        const auto report = diff_json(samples + "docx/" + draft + ".docx", samples + "pdf/" + draft + ".pdf");
        const auto& clauses = report["summary"]["clauses"];
        BOOST_TEST(clauses["added"] == 0, draft);
        BOOST_TEST(clauses["removed"] == 0, draft);
        BOOST_TEST(clauses["renumbered"] == 0, draft);
        BOOST_TEST(report["summary"]["provisions"]["added"] == 0, draft);
        BOOST_TEST(report["summary"]["provisions"]["removed"] == 0, draft);
    }
}

// Each English draft as PDF against its text: the same paragraphs. LibreOffice justifies
// them, so a paragraph whose last line ends a sentence just short of the edge (the next
// word would not have fitted) is told from the next one by that line alone, without vertical
// space between them ("…(SAC/TC 260)." and "This document was drafted by: …" ran on into one).
// The one node added is the document title the PDF repeats above clause 1.
BOOST_AUTO_TEST_CASE(english_sample_pdf_has_the_paragraphs_of_its_text, *boost::unit_test::precondition(sample_pdfs_present)) {
    for (const char* draft : {"2023-05-draft.en", "2023-08-draft-for-comments.en"}) {
        const auto report = diff_json(samples + draft + ".txt", samples + "pdf/" + draft + ".pdf");
        const auto& clauses = report["summary"]["clauses"];
        BOOST_TEST(clauses["added"] == 1, draft);
        BOOST_TEST(clauses["removed"] == 0, draft);
        BOOST_TEST(clauses["merged"] == 0, draft);
        BOOST_TEST(clauses["split"] == 0, draft);
    }
}
