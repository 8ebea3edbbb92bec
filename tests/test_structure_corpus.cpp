#define BOOST_TEST_MODULE structure_corpus
#include <boost/test/unit_test.hpp>

#include "formats/reader.hpp"
#include "formats/text/structure.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

// The structure recogniser on real drafts from ../shared/corpus: Chinese laws (every article
// found, at its line) and two OCR conversions of GB/T standards (their outline pinned in
// tests/golden/*-outline.txt, checked by hand against the source). Set REDLINE_ACCEPT=1 to
// rewrite the golden files after a deliberate change, then review the diff.

using namespace redline;
using namespace redline::formats;

namespace {

const std::string corpus = std::string(REDLINE_SHARED_DIR) + "/corpus/";
const std::string golden_dir = std::string(REDLINE_SOURCE_DIR) + "/tests/golden/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Document numbered_markdown(const std::string& path) {
    ReadOptions o;
    o.path = path;
    return read_numbered_markdown(slurp(path), o);
}

// The outline of the standard: one node a line, depth-indented "label | kind | title | line";
// list items, notes, examples and paragraph nodes are left out.
std::string outline(const Document& d) {
    std::string out;
    for (ClauseId i = 1; i < d.size(); ++i) {
        const Clause& c = d[i];
        if (c.kind == ClauseKind::list_item || c.kind == ClauseKind::note || c.kind == ClauseKind::example ||
            c.kind == ClauseKind::paragraph)
            continue;
        out += std::string(2 * (c.depth - 1), ' ');
        out += std::string(d.label(i)) + " | " + std::string(to_string(c.kind)) + " | " + std::string(d.title(i)) +
               " | " + std::to_string(c.where.line) + "\n";
    }
    return out;
}

void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = golden_dir + name;
    if (std::getenv("REDLINE_ACCEPT") != nullptr) {
        std::ofstream(path, std::ios::binary) << actual;
        BOOST_TEST_MESSAGE("rewrote " << path);
        return;
    }
    BOOST_TEST(actual == slurp(path));
}

// Lines split as the readers split them ("\n", "\r\n", lone "\r").
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t e = pos;
        while (e < text.size() && text[e] != '\n' && text[e] != '\r') ++e;
        out.push_back(text.substr(pos, e - pos));
        if (e < text.size() && text[e] == '\r' && e + 1 < text.size() && text[e + 1] == '\n') ++e;
        pos = e + 1;
    }
    return out;
}

std::string text_of(const Document& d, ClauseId id) { return d.own_text(id); }

}  // namespace

// ---- Chinese laws ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(every_article_of_every_law_is_found_at_its_line) {
    // Counted independently of the reader: lines that start with 第…条.
    const std::regex article_line("^\\s*第(一|二|三|四|五|六|七|八|九|十|百|千|零|〇|两)+条");
    for (const char* name : {"company-law-2018.md", "company-law-2023.md", "legislation-law-2015.md",
                             "legislation-law-2023.md"}) {
        BOOST_TEST_CONTEXT(name) {
            const std::string path = corpus + "cn-laws/" + name;
            const std::vector<std::string> lines = lines_of(slurp(path));
            std::set<std::uint32_t> expected;
            for (std::size_t i = 0; i < lines.size(); ++i)
                if (std::regex_search(lines[i], article_line)) expected.insert(static_cast<std::uint32_t>(i + 1));

            const Document d = numbered_markdown(path);
            std::set<std::uint32_t> found;
            for (ClauseId i = 1; i < d.size(); ++i)
                if (d[i].kind == ClauseKind::clause && d.label(i).ends_with("条")) found.insert(d[i].where.line);
            BOOST_TEST(found.size() == expected.size());
            BOOST_TEST(found == expected);
            BOOST_TEST(d.warnings.empty());
            BOOST_TEST(d.language == Language::zh);
        }
    }
}

BOOST_AUTO_TEST_CASE(company_law_2023_spot_checks) {
    const Document d = numbered_markdown(corpus + "cn-laws/company-law-2023.md");
    BOOST_TEST(d.info.title == "中华人民共和国公司法");
    // The title and enactment history are the cover; the comment marker is gone.
    const ClauseId cover = d.first_child(0);
    BOOST_TEST(d[cover].kind == ClauseKind::front_matter);
    BOOST_TEST(d[cover].block_count == 8u);
    BOOST_TEST(text_of(d, cover).find("INFO END") == std::string::npos);

    const ClauseId ch1 = d.next_sibling(cover);
    BOOST_TEST(d.label(ch1) == "第一章");
    BOOST_TEST(d.title(ch1) == "总 则");
    BOOST_TEST(d[ch1].where.line == 21u);
    const ClauseId a1 = d.first_child(ch1);
    BOOST_TEST(d.label(a1) == "第一条");
    BOOST_TEST(d.title(a1) == "");
    BOOST_TEST(d[a1].where.line == 25u);
    BOOST_TEST(text_of(d, a1).starts_with("为了规范公司的组织和行为"));

    // 第三章 › 第一节 › articles
    ClauseId ch3 = no_clause;
    for (ClauseId c = d.first_child(0); c != no_clause; c = d.next_sibling(c))
        if (d.label(c) == "第三章") ch3 = c;
    BOOST_REQUIRE(ch3 != no_clause);
    BOOST_TEST(d.title(ch3) == "有限责任公司的设立和组织机构");
    BOOST_TEST(d[ch3].where.line == 211u);
    const ClauseId s1 = d.first_child(ch3);
    BOOST_TEST(d.label(s1) == "第一节");
    BOOST_TEST(d.title(s1) == "设 立");
    BOOST_TEST(d[s1].where.line == 215u);
    BOOST_TEST(d.label(d.first_child(s1)).ends_with("条"));

    // The last article, in the last chapter.
    const Clause& last = d[static_cast<ClauseId>(d.size() - 1)];
    BOOST_TEST(d.label(static_cast<ClauseId>(d.size() - 1)) == "第二百六十六条");
    BOOST_TEST(last.where.line == 1467u);
    BOOST_TEST(d.label(last.parent) == "第十五章");
    BOOST_TEST(d.title(last.parent) == "附 则");
}

BOOST_AUTO_TEST_CASE(legislation_law_2015_items_and_paragraphs) {
    const Document d = numbered_markdown(corpus + "cn-laws/legislation-law-2015.md");
    ClauseId a8 = no_clause, a9 = no_clause;
    for (ClauseId i = 1; i < d.size(); ++i) {
        if (d.label(i) == "第八条") a8 = i;
        if (d.label(i) == "第九条") a9 = i;
    }
    BOOST_REQUIRE(a8 != no_clause);
    BOOST_TEST(d[a8].where.line == 37u);
    BOOST_TEST(text_of(d, a8) == "下列事项只能制定法律:");
    BOOST_TEST(d.child_count(a8) == 11u);
    const ClauseId item11 = a9 - 1;
    BOOST_TEST(d.label(item11) == "（十一）");
    BOOST_TEST(d[item11].kind == ClauseKind::list_item);
    BOOST_TEST(d[item11].where.line == 59u);
    BOOST_TEST(d[a9].where.line == 61u);
    BOOST_TEST(d.label(d[a8].parent) == "第一节");
    BOOST_TEST(d.title(d[a8].parent) == "立法权限");
    BOOST_TEST(d.label(d[d[a8].parent].parent) == "第二章");
}

// ---- GB/T standards converted from PDF by OCR ------------------------------------------------------

BOOST_AUTO_TEST_CASE(gbt_19771_draft_outline) {
    const Document d = numbered_markdown(corpus + "gbt/GB-T-19771-XXXX-draft-for-comments.md");
    check_golden("gbt-19771-outline.txt", outline(d));
    BOOST_TEST(d.info.identifier == "GB/T 19771—XXXX");
    BOOST_TEST(d.info.title == "网络安全技术 公钥基础设施 PKI 组件最小互操作规范");
    BOOST_TEST(d.info.alt_title == "Cyberspace security technology – Public key infrastructure – Minimum "
                                   "interoperability specification for PKI components");
    BOOST_TEST(d.info.stage == "征求意见稿");
    BOOST_TEST(d.info.classifications == (std::vector<std::string>{"ICS 35.030", "CCS L 80"}));
    BOOST_TEST(d.language == Language::zh);
    // The running header in mid-text is dropped once; the term OCR printed above its
    // number is given back to it.
    std::string warnings;
    for (const Warning& w : d.warnings) warnings += std::to_string(w.where.line) + ": " + w.message + "\n";
    BOOST_TEST(warnings == "93: the term of 3.4 is printed above its number\n"
                           "331: removed running header \"GB/T 19771—XXXX\" (1 line)\n");
    for (const Block& b : d.blocks()) BOOST_TEST(d.str(b.text) != "GB/T 19771—XXXX");

    // List items the conversion set as headings are list items, with their text.
    for (ClauseId i = 1; i < d.size(); ++i) {
        if (d.label(i) != "a）" || d[i].where.line != 203u) continue;
        BOOST_TEST(d[i].kind == ClauseKind::list_item);
        BOOST_TEST(d.label(d[i].parent) == "5.2");
        BOOST_TEST(text_of(d, i).starts_with("颁发数字签名证书\nCA应支持两种数字签名证书的证书请求"));
        BOOST_TEST(d.child_count(i) == 2u);  // 1）and 2）
    }
    // A paragraph split by a page break is one paragraph.
    bool joined = false;
    for (const Block& b : d.blocks())
        joined = joined || d.str(b.text).find("响应的PKIHeader应将其作为recipNonce。") != std::string_view::npos;
    BOOST_TEST(joined);
}

BOOST_AUTO_TEST_CASE(gbt_40949_standard_outline) {
    const Document d = numbered_markdown(corpus + "gbt/GB-T-40949-2021.md");
    check_golden("gbt-40949-outline.txt", outline(d));
    BOOST_TEST(d.info.identifier == "GB/T 40949—2021");
    BOOST_TEST(d.info.title == "数字版权保护 可信计数技术规范");
    BOOST_TEST(d.info.alt_title == "Digital rights management—Specification for trusted counting technology");
    BOOST_TEST(d.warnings.empty());

    ClauseId foreword = no_clause, toc = no_clause;
    for (ClauseId i = 1; i < d.size(); ++i) {
        if (d.title(i) == "前言") foreword = i;
        if (d.title(i) == "目次") toc = i;
    }
    BOOST_REQUIRE(toc != no_clause);
    BOOST_TEST(d[toc].block_count == 16u);  // every contents line, none a clause
    BOOST_TEST(d.child_count(toc) == 0u);
    BOOST_REQUIRE(foreword != no_clause);
    std::vector<std::string> orgs;
    for (ClauseId c = d.first_child(foreword); c != no_clause; c = d.next_sibling(c))
        if (d[c].kind == ClauseKind::list_item) orgs.push_back(text_of(d, c));
    BOOST_TEST(orgs == (std::vector<std::string>{"中国科学院自动化研究所", "北大方正信息产业集团有限公司",
                                                 "中国新闻出版研究院", "北京大学", "咪咕文化科技有限公司"}));
    // HTML tables: one row a block, cells joined.
    for (ClauseId i = 1; i < d.size(); ++i) {
        if (d.label(i) != "表 1") continue;
        BOOST_TEST(d[i].kind == ClauseKind::table);
        BOOST_TEST(d.title(i) == "基础性数据元");
        BOOST_TEST(d[i].block_count == 4u);
        BOOST_TEST(d.str(d.blocks_begin(i)[1].text) ==
                   "1 | 版权资源标识 | CRI | 字符串 | 是 | 版权资源的唯一标识符，由授权方提供");
        BOOST_TEST(d.blocks_begin(i)[1].kind == BlockKind::table_row);
        BOOST_TEST(d.blocks_begin(i)[1].where.line == 129u);
    }
}

// ---- through read_document ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(read_document_routes_numbered_markdown_here) {
    // The Markdown reader hands texts numbered in their words to read_numbered_markdown:
    // the tree read_document gives is the one this recogniser builds.
    for (const char* name : {"cn-laws/company-law-2018.md", "cn-laws/legislation-law-2023.md",
                             "gbt/GB-T-19771-XXXX-draft-for-comments.md", "gbt/GB-T-40949-2021.md"}) {
        BOOST_TEST_CONTEXT(name) {
            const std::string path = corpus + name;
            ReadOptions o;
            o.path = path;
            const Document via_reader = read_document(slurp(path), o);
            const Document direct = numbered_markdown(path);
            BOOST_TEST(via_reader.info.format == "markdown");
            BOOST_TEST(outline(via_reader) == outline(direct));
            BOOST_TEST(via_reader.size() == direct.size());
        }
    }
}
