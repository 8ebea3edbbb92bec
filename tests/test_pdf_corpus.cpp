// The PDF reader on real drafts: the SARIF 2.1 specification as OASIS published it in PDF
// (made by Word; ../shared/corpus/oasis-sarif-pdf) and its DOCX twin. Registered only where
// ../shared is beside the checkout.
#define BOOST_TEST_MODULE pdf_corpus
#include <boost/test/unit_test.hpp>

#include "engine/text.hpp"
#include "formats/reader.hpp"
#include "tests/support/run_redline.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

using namespace redline;

namespace {

const std::string pdf_dir = std::string(REDLINE_SHARED_DIR) + "/corpus/oasis-sarif-pdf/";
const std::string csd02_pdf = pdf_dir + "sarif-v2.1-csd02.pdf";
const std::string csd01_pdf = pdf_dir + "sarif-v2.1.0-csd01-provisional.pdf";
const std::string csd02_docx = std::string(REDLINE_SHARED_DIR) + "/corpus/oasis-sarif-docx/sarif-v2.1-csd02.docx";

const Document& csd02() {
    static const Document doc = [] {
        formats::ReadOptions o;
        o.path = csd02_pdf;
        o.keep_text = true;
        return formats::read_document(formats::read_bytes(csd02_pdf), o);
    }();
    return doc;
}

struct TocEntry {
    std::string label, title;
};

// The entries of the PDF's own table of contents, from the text read off its TOC pages:
// "3.3.1 General ......... 27", "Appendix A. (Informative) Acknowledgments ....... 194".
std::vector<TocEntry> toc_entries(const std::string& text) {
    static const std::regex clause(R"(^(\d+(?:\.\d+)*) +(.*?) *\.{3,} *\d+$)");
    static const std::regex appendix(R"(^Appendix ([A-Z])\. +\((?:Normative|Informative)\) +(.*?) *\.{3,} *\d+$)");
    std::vector<TocEntry> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        std::smatch m;
        if (std::regex_match(line, m, clause)) out.push_back({m[1], m[2]});
        else if (std::regex_match(line, m, appendix)) out.push_back({"Appendix " + m[1].str(), m[2]});
        start = end + 1;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_heading_of_the_table_of_contents_is_in_the_tree) {
    const Document& d = csd02();
    const std::vector<TocEntry> toc = toc_entries(d.source_text);
    BOOST_TEST(toc.size() == 536u);   // 524 numbered clauses and 12 appendices
    std::set<std::pair<std::string, std::string>> tree;
    for (ClauseId i = 1; i < d.size(); ++i)
        tree.insert({std::string(d.label(i)), text::fold_space(d.title(i))});
    std::size_t missing = 0;
    for (const TocEntry& e : toc)
        if (!tree.contains({e.label, text::fold_space(e.title)})) {
            ++missing;
            BOOST_TEST_MESSAGE("missing: " << e.label << " " << e.title);
        }
    BOOST_TEST(missing == 0u);
}

BOOST_AUTO_TEST_CASE(no_running_header_or_footer_text_in_any_clause) {
    const Document& d = csd02();
    static const std::regex furniture(R"(Page \d+ of 231|Standards Track Draft|^sarif-v2\.1-csd02$)");
    std::size_t found = 0, dates = 0;
    auto check = [&](std::string_view s) {
        if (std::regex_search(std::string(s), furniture)) {
            ++found;
            BOOST_TEST_MESSAGE("furniture: " << s);
        }
        if (s == "20 May 2019") ++dates;
    };
    for (ClauseId i = 1; i < d.size(); ++i) check(d.title(i));
    for (const Block& b : d.blocks()) check(d.str(b.text));
    BOOST_TEST(found == 0u);
    BOOST_TEST(dates == 1u);   // the cover's date, not the footer's 231
    std::vector<std::string> removed;
    for (const Warning& w : d.warnings)
        if (w.message.starts_with("removed")) removed.push_back(w.message);
    BOOST_TEST(removed == (std::vector<std::string>{
                              "removed running header or footer \"sarif-v2.1-csd02\" from 231 pages",
                              "removed running header or footer \"Standards Track Draft\" from 231 pages",
                              "removed running header or footer \"Committee Specification Draft 02\" from 231 pages",
                              "removed running header or footer \"Copyright © OASIS Open 2019. All Rights Reserved.\" from 231 pages",
                              "removed running header or footer \"20 May 2019\" from 231 pages",
                              "removed page numbers from 231 pages",
                          }),
               boost::test_tools::per_element());
}

// The two drafts list the same numbered headings in their tables of contents: every numbered
// clause pairs with the clause of its own number, none is renumbered, removed or added.
BOOST_AUTO_TEST_CASE(diff_of_the_two_pdfs_pairs_clauses_by_their_numbers) {
    const run_cli::Result r = run_cli::redline("diff " + csd01_pdf + " " + csd02_pdf + " --format json");
    BOOST_REQUIRE_EQUAL(r.status, 1);
    const auto report = nlohmann::json::parse(r.out);
    std::size_t pairs = 0, other_number = 0, unpaired = 0;
    static const std::regex numbered(R"(^(\d+(\.\d+)*|Appendix [A-Z])$)");
    for (const auto& c : report["clauses"]) {
        const auto& o = c["old"];
        const auto& n = c["new"];
        auto numbered_clause = [](const nlohmann::json& x) {
            return x.is_object() && std::regex_match(x["label"].get<std::string>(), numbered);
        };
        if (numbered_clause(o) && numbered_clause(n)) {
            ++pairs;
            if (o["label"] != n["label"]) ++other_number;
        } else if (numbered_clause(o) || numbered_clause(n)) {
            ++unpaired;
            BOOST_TEST_MESSAGE("unpaired: " << c.dump());
        }
    }
    BOOST_TEST(pairs >= 536u);
    BOOST_TEST(other_number == 0u);
    BOOST_TEST(unpaired == 0u);
    BOOST_TEST(report["summary"]["clauses"]["renumbered"] == 0);
}

// The PDF and the DOCX it was made from: the same clauses, none added or removed. Word's
// bullet and numbered lists are list items on both sides (a Symbol bullet "•", a Courier New
// "o", "1." set a tab from its text), the sample languages of Appendix J set in two columns
// included; what differs is whitespace, line breaks and how paragraphs pair up.
BOOST_AUTO_TEST_CASE(pdf_and_its_docx_twin_have_the_same_clauses) {
    const run_cli::Result r = run_cli::redline("diff " + csd02_docx + " " + csd02_pdf + " --format json");
    BOOST_REQUIRE_EQUAL(r.status, 1);
    const auto report = nlohmann::json::parse(r.out);
    const auto& clauses = report["summary"]["clauses"];
    BOOST_TEST_MESSAGE("docx → pdf: " << clauses.dump());
    BOOST_TEST(clauses["added"].get<int>() == 0);
    BOOST_TEST(clauses["removed"].get<int>() == 0);
    BOOST_TEST(clauses["renumbered"].get<int>() == 0);
}

namespace {

// How many list items carry each marker, over the whole tree: "• ×330", in marker order.
std::vector<std::string> list_markers(const std::string& file) {
    const run_cli::Result r = run_cli::redline("parse " + file + " --format json");
    BOOST_REQUIRE_EQUAL(r.status, 0);
    std::map<std::string, std::size_t> count;
    std::vector<nlohmann::json> todo{nlohmann::json::parse(r.out)["root"]};
    while (!todo.empty()) {
        const nlohmann::json node = std::move(todo.back());
        todo.pop_back();
        for (const auto& c : node["children"]) {
            if (c["kind"] == "list-item") ++count[c["label"].get<std::string>()];
            todo.push_back(c);
        }
    }
    std::vector<std::string> out;
    for (const auto& [label, n] : count) out.push_back(label + " \u00d7" + std::to_string(n));
    return out;
}

}  // namespace

// Both readers see the same lists: Word's Symbol bullet as "•", its Courier New "o", its
// numbered lists "1." (restarting per list), as many on each side.
BOOST_AUTO_TEST_CASE(pdf_and_its_docx_twin_have_the_same_list_items) {
    const std::vector<std::string> want = {"1. \u00d711", "2. \u00d711", "3. \u00d76", "4. \u00d75", "5. \u00d74",
                                           "6. \u00d72",  "7. \u00d71",  "o \u00d745", "\u2022 \u00d7330"};
    BOOST_TEST(list_markers(csd02_docx) == want, boost::test_tools::per_element());
    BOOST_TEST(list_markers(csd02_pdf) == want, boost::test_tools::per_element());
}
