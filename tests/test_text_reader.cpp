#define BOOST_TEST_MODULE text_reader
#include <boost/test/unit_test.hpp>

#include "engine/error.hpp"
#include "formats/reader.hpp"
#include "formats/text/structure.hpp"
#include "tests/support/roles.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

using namespace redline;
using namespace redline::formats;

namespace {

using redline::test::roles;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    BOOST_REQUIRE_MESSAGE(in, "cannot open " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string data(const std::string& name) { return slurp(std::string(REDLINE_SOURCE_DIR) + "/tests/data/text_reader/" + name); }

Document text(std::string_view s, Language language = Language::unknown) {
    ReadOptions o;
    o.path = "test.txt";
    o.language = language;
    return read_text(s, o);
}

Document markdown(std::string_view s) {
    ReadOptions o;
    o.path = "test.md";
    return read_numbered_markdown(s, o);
}

// One node a line: depth-indented "label | kind | title | line".
std::string outline(const Document& d) {
    std::string out;
    for (ClauseId i = 1; i < d.size(); ++i) {
        const Clause& c = d[i];
        out += std::string(2 * (c.depth - 1), ' ');
        out += std::string(d.label(i)) + " | " + std::string(to_string(c.kind)) + " | " + std::string(d.title(i)) +
               " | " + std::to_string(c.where.line) + "\n";
    }
    return out;
}

// The first node with this label (and kind, when given).
ClauseId find(const Document& d, std::string_view label, ClauseKind kind = ClauseKind::root) {
    for (ClauseId i = 1; i < d.size(); ++i)
        if (d.label(i) == label && (kind == ClauseKind::root || d[i].kind == kind)) return i;
    BOOST_FAIL("no node labelled " << label);
    return no_clause;
}

ClauseId find_title(const Document& d, std::string_view title) {
    for (ClauseId i = 1; i < d.size(); ++i)
        if (d.title(i) == title) return i;
    BOOST_FAIL("no node titled " << title);
    return no_clause;
}

std::string warnings(const Document& d) {
    std::string out;
    for (const Warning& w : d.warnings) out += std::to_string(w.where.line) + ": " + w.message + "\n";
    return out;
}

// Every block's text, in document order: what a reader must never lose.
std::string all_text(const Document& d) {
    std::string out;
    for (const Block& b : d.blocks()) {
        out += d.str(b.text);
        out += '\n';
    }
    return out;
}

// The size of s without trailing white space (readers trim lines).
std::size_t scan_trimmed_size(const std::string& s) { return s.find_last_not_of(" \t\r\n") + 1; }

}  // namespace

// ---- whole drafts -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(gbt_chinese_plain_text_draft) {
    const Document d = text(data("gbt-draft.zh.txt"));
    BOOST_TEST(outline(d) ==
               " | front-matter |  | 1\n"
               " | front-matter | 目次 | 19\n"
               " | front-matter | 前言 | 26\n"
               "   | list-item |  | 30\n"
               "   | list-item |  | 30\n"
               "   | list-item |  | 30\n"
               "   | list-item |  | 30\n"
               "   | paragraph |  | 31\n"
               " | front-matter | 引言 | 33\n"
               "1 | clause | 范围 | 37\n"
               "2 | clause | 规范性引用文件 | 42\n"
               "3 | clause | 术语和定义 | 47\n"
               "  3.1 | term-entry | 办公设备 | 50\n"
               "    注 | note |  | 53\n"
               "  3.2 | term-entry | 固件 | 54\n"
               "4 | clause | 安全要求 | 58\n"
               "  4.1 | clause | 基本要求 | 59\n"
               "    4.1.1 | clause | 标识与鉴别 | 60\n"
               "    4.1.2 | clause | 访问控制 | 63\n"
               "      4.1.2.1 | clause |  | 64\n"
               "    4.1.3 | clause | 固件安全 | 65\n"
               "      a） | list-item |  | 67\n"
               "      b） | list-item |  | 68\n"
               "        1） | list-item |  | 69\n"
               "        2） | list-item |  | 70\n"
               "          —— | list-item |  | 71\n"
               "          —— | list-item |  | 72\n"
               "      注1 | note |  | 73\n"
               "      注 2 | note |  | 74\n"
               "      示例 1 | example |  | 75\n"
               "       | paragraph |  | 76\n"
               "  4.2 | clause | 供应链安全 | 77\n"
               "附录 A | annex | 测试环境 | 79\n"
               "  A.1 | clause | 概述 | 82\n"
               "  A.2 | clause | 设备 | 84\n"
               " | clause | 参考文献 | 85\n");
    BOOST_TEST(warnings(d) == "");
    BOOST_TEST(d.language == Language::zh);
    for (const Clause& c : d.clauses()) BOOST_TEST(c.language == Language::zh);

    // The cover.
    BOOST_TEST(d.info.identifier == "GB/T 29244—XXXX");
    BOOST_TEST(d.info.title == "信息安全技术 办公设备安全规范");
    BOOST_TEST(d.info.alt_title == "Information security technology—Security specification for office devices");
    BOOST_TEST(d.info.stage == "征求意见稿");
    BOOST_TEST(d.info.classifications == (std::vector<std::string>{"ICS 35.030", "CCS L 80"}));
    BOOST_TEST(d.info.replaces == (std::vector<std::string>{"GB/T 29244—2012", "GB/T 38558—2020"}));
    const ClauseId cover = d.first_child(0);
    BOOST_TEST(d[cover].block_count == 11u);
    BOOST_TEST(d.own_text(cover).starts_with("ICS 35.030\nCCS L 80\n中华人民共和国国家标准\nGB/T 29244—XXXX\n"));

    // The table of contents stays visible, line by line, and gives no clauses.
    const ClauseId toc = find_title(d, "目次");
    BOOST_TEST(d[toc].block_count == 4u);
    BOOST_TEST(d.blocks_begin(toc)[2].where.line == 23u);
    BOOST_TEST(d.str(d.blocks_begin(toc)[2].text) == "4.1.3　固件安全…………………………………………………………5");

    // One list item per drafting organisation; the lead-in stays with the foreword.
    const ClauseId foreword = find_title(d, "前言");
    BOOST_TEST(d.own_text(foreword) ==
               "本文件按照GB/T 1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。\n"
               "本文件代替GB/T 29244—2012和GB/T 38558—2020。\n本文件起草单位：");
    std::vector<std::string> orgs;
    for (ClauseId c = d.first_child(foreword); c != no_clause; c = d.next_sibling(c))
        if (d[c].kind == ClauseKind::list_item) orgs.push_back(d.own_text(c));
    BOOST_TEST(orgs == (std::vector<std::string>{"中国电子技术标准化研究院", "国家计算机网络应急技术处理协调中心",
                                                 "北京某某科技有限公司", "某某办公设备（中国）有限公司"}));

    // Terms: Chinese term and English equivalent; the definition and the note.
    const ClauseId term = find(d, "3.1");
    BOOST_TEST(d.str(d[term].alt_title) == "office device");
    BOOST_TEST(d.own_text(term) == "用于办公的打印机、复印机、扫描仪等设备。");
    BOOST_TEST(d.own_text(d.first_child(term)) == "包括多功能一体机。");

    // A year at the start of a line and a wrapped "5.2 规定的…" are text.
    BOOST_TEST(d.own_text(find(d, "1")) == "本文件规定了办公设备的安全要求。\n2019年发布的相关文件不适用。");
    BOOST_TEST(d.own_text(find(d, "4.1.1")) == "办公设备应对用户进行身份鉴别，鉴别方式见 5.2 规定的内容。");
    // A numbered paragraph: label, no title, its text as a block.
    BOOST_TEST(d.own_text(find(d, "4.1.2.1")) == "办公设备应提供访问控制功能。");
    // A date at the start of a line after an example is text of the clause.
    BOOST_TEST(d.own_text(find(d, "4.1.3") + 10) == "2023.08.25 发布的补丁除外。");
    BOOST_TEST(d.own_text(find(d, "注 2")) == "版本号如 1.0 不是条号。");

    const ClauseId annex = find(d, "附录 A");
    BOOST_TEST(d[annex].kind == ClauseKind::annex);
    BOOST_TEST(d.str(d[annex].alt_title) == "（资料性）");
    const ClauseId bib = find_title(d, "参考文献");
    BOOST_TEST(d.own_text(bib) == "[1] GB/T 20269—2006　信息安全技术　信息系统安全管理要求\n"
                                  "[2] GB/T 22239—2019　信息安全技术　网络安全等级保护基本要求");
}

BOOST_AUTO_TEST_CASE(iso_english_plain_text_draft) {
    const Document d = text(data("iso-draft.en.txt"));
    BOOST_TEST(outline(d) ==
               " | front-matter |  | 1\n"
               " | front-matter | Contents | 15\n"
               " | front-matter | Foreword | 21\n"
               "   | list-item |  | 25\n"
               "   | list-item |  | 25\n"
               "   | list-item |  | 25\n"
               "   | list-item |  | 25\n"
               " | front-matter | Introduction | 27\n"
               "1 | clause | Scope | 31\n"
               "2 | clause | Normative references | 37\n"
               "3 | clause | Terms and definitions | 42\n"
               "  3.1 | term-entry | office device | 44\n"
               "    Note 1 to entry | note |  | 48\n"
               "  3.2 | term-entry | firmware | 50\n"
               "4 | clause | Security requirements | 54\n"
               "  4.1 | clause | General | 56\n"
               "    4.1.1 | clause | Firmware security | 58\n"
               "      a) | list-item |  | 61\n"
               "      b) | list-item |  | 62\n"
               "        1) | list-item |  | 63\n"
               "        2) | list-item |  | 64\n"
               "      NOTE 1 | note |  | 65\n"
               "      NOTE 2 | note |  | 66\n"
               "      EXAMPLE | example |  | 67\n"
               "  4.2 | clause | Supply chain security | 69\n"
               "Annex A | annex | Test environment | 71\n"
               "  A.1 | clause | General | 75\n"
               " | clause | Bibliography | 79\n");
    BOOST_TEST(warnings(d) == "");
    BOOST_TEST(d.language == Language::en);
    BOOST_TEST(d.info.title == "Information security technology—Security specification for office devices");
    BOOST_TEST(d.info.alt_title == "信息安全技术 办公设备安全规范");
    BOOST_TEST(d.info.stage == "Draft for comments");
    BOOST_TEST(d.info.replaces == (std::vector<std::string>{"GB/T 29244—2012", "GB/T 38558—2020"}));

    std::vector<std::string> orgs;
    const ClauseId foreword = find_title(d, "Foreword");
    for (ClauseId c = d.first_child(foreword); c != no_clause; c = d.next_sibling(c)) orgs.push_back(d.own_text(c));
    BOOST_TEST(orgs == (std::vector<std::string>{"China Electronics Standardization Institute", "CNCERT/CC",
                                                 "Example Technology Co., Ltd.",
                                                 "Example Office Devices (China) Co., Ltd."}));
    // Wrapped lines are joined with a space; "3.1 of ISO 9001" at the start of a wrapped
    // line stays in its sentence.
    BOOST_TEST(d.own_text(find(d, "1")) ==
               "This document specifies security requirements for office devices used in government procurement "
               "and critical information infrastructure. It applies to printers, copiers and scanners.");
    BOOST_TEST(d.own_text(find(d, "2")) == "The following documents are referred to in the text. For dated "
                                           "references, see 3.1 of ISO 9001 for details.");
    // ISO term layout: number, term, definition.
    BOOST_TEST(d.own_text(find(d, "3.2")) == "program stored in non-volatile memory of the device");
    BOOST_TEST(d[find(d, "3.2")].alt_title.empty());
    BOOST_TEST(d.own_text(find(d, "NOTE 2")) == "A version such as 1.0 is not a clause number.");
    BOOST_TEST(d.str(d[find(d, "Annex A")].alt_title) == "(informative)");
}

BOOST_AUTO_TEST_CASE(rfc_plain_text_draft) {
    const Document d = text(data("rfc-draft.txt"));
    BOOST_TEST(outline(d) ==
               " | front-matter |  | 5\n"
               " | front-matter | Abstract | 15\n"
               " | front-matter | Status of This Memo | 20\n"
               " | front-matter | Table of Contents | 25\n"
               "1 | clause | Introduction | 32\n"
               "  o | list-item |  | 45\n"
               "  o | list-item |  | 48\n"
               "  1.1 | clause | Conventions | 50\n"
               "2 | clause | Goals | 56\n"
               "  1. | list-item |  | 60\n"
               "  2. | list-item |  | 63\n"
               "Appendix A | annex | Protocol Constants | 71\n"
               "  A.1 | clause | Record Layer | 75\n"
               " | clause | Author's Address | 81\n");
    BOOST_TEST(d.info.title == "The Transport Layer Security (TLS) Protocol Version 1.3");
    BOOST_TEST(d.info.identifier == "draft-ietf-tls-tls13-05");
    BOOST_TEST(d.info.stage == "Internet-Draft");
    BOOST_TEST(d.info.replaces == (std::vector<std::string>{"RFC 5077", "RFC 5246"}));
    BOOST_TEST(d.language == Language::en);

    // Page footers, form feeds and running headers are gone; the paragraph that the page
    // break split is whole again.
    const std::string all = all_text(d);
    BOOST_TEST(all.find("[Page") == std::string::npos);
    BOOST_TEST(all.find("March 2015") == std::string::npos);
    BOOST_TEST(all.find('\f') == std::string::npos);
    BOOST_TEST(d.own_text(find(d, "1")) ==
               "The primary goal of the TLS protocol is to provide privacy and data integrity between two "
               "communicating applications.  The protocol is composed of two layers: the TLS Record Protocol "
               "and the TLS Handshake Protocol.");
    // "3.1 of [RFC5246]" at the start of an indented line is text.
    BOOST_TEST(d.own_text(find(d, "1.1")).ends_with("see Section 3.1 of [RFC5246] for details."));
    // The table of contents is kept as lines, never as clauses.
    BOOST_TEST(d[find_title(d, "Table of Contents")].block_count == 4u);
    // A figure keeps its lines.
    const Block& figure = *d.blocks_begin(find(d, "A.1"));
    BOOST_TEST(figure.kind == BlockKind::code);
    BOOST_TEST(d.str(figure.text) == "   struct {\n       uint8 major;\n   } ProtocolVersion;");
}

BOOST_AUTO_TEST_CASE(cover_facts) {
    const Document d = text("ISO/TC 154\nSecretariat: SAC\n\nISO/CD 8601-1:2016(E)\n\nDate and time — Representations\n\n"
                            "Working Draft\n\nForeword\n\nText.\n");
    BOOST_TEST(d.info.identifier == "ISO/CD 8601-1:2016");
    BOOST_TEST(d.info.title == "Date and time — Representations");
    BOOST_TEST(d.info.stage == "Working Draft");
    const Document z = text("GB/T 22239—XXXX\n\n信息安全技术\n网络安全等级保护实施指南\n\n2023-01-01 发布\n\n前言\n\n本文件。\n");
    BOOST_TEST(z.info.title == "信息安全技术 网络安全等级保护实施指南");
    BOOST_TEST(z.info.identifier == "GB/T 22239—XXXX");
}

// ---- section roles ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(section_roles_of_a_gbt_draft) {
    const Document d = text(data("gbt-draft.zh.txt"));
    BOOST_TEST(roles(d) == "ICS 35.030 → cover\n"
                           "目次 → contents\n"
                           "前言 → foreword\n"
                           "中国电子技术标准化研究院 → drafting-organisation\n"
                           "国家计算机网络应急技术处理协调中心 → drafting-organisation\n"
                           "北京某某科技有限公司 → drafting-organisation\n"
                           "某某办公设备（中国）有限公司 → drafting-organisation\n"
                           "引言 → introduction\n"
                           "1 范围 → scope\n"
                           "2 规范性引用文件 → normative-references\n"
                           "3 术语和定义 → terms\n"
                           "附录 A 测试环境 → annex\n"
                           "参考文献 → bibliography\n");
}

BOOST_AUTO_TEST_CASE(section_roles_of_an_iso_draft) {
    const Document d = text(data("iso-draft.en.txt"));
    BOOST_TEST(roles(d) == "ICS 35.030 → cover\n"
                           "Contents → contents\n"
                           "Foreword → foreword\n"
                           "China Electronics Standardization Institute → drafting-organisation\n"
                           "CNCERT/CC → drafting-organisation\n"
                           "Example Technology Co., Ltd. → drafting-organisation\n"
                           "Example Office Devices (China) Co., Ltd. → drafting-organisation\n"
                           "Introduction → introduction\n"
                           "1 Scope → scope\n"
                           "2 Normative references → normative-references\n"
                           "3 Terms and definitions → terms\n"
                           "Annex A Test environment → annex\n"
                           "Bibliography → bibliography\n");
    // Only the clause that heads a part has a role: not "4.1 General", not a subclause
    // titled like a part of the document.
    const Document sub = text("1 Scope\n\nText.\n\n2 Requirements\n\n2.1 Introduction\n\nText.\n\n2.2 Scope\n\nText.\n\n"
                              "3 Method definitions\n\nText.\n");
    BOOST_TEST(roles(sub) == "1 Scope → scope\n");
}

BOOST_AUTO_TEST_CASE(section_roles_of_an_rfc) {
    BOOST_TEST(roles(text(data("rfc-draft.txt"))) == "Network Working Group E. Rescorla → cover\n"
                                                     "Abstract → abstract\n"
                                                     "Status of This Memo → boilerplate\n"
                                                     "Table of Contents → contents\n"
                                                     "1 Introduction → introduction\n"
                                                     "Appendix A Protocol Constants → annex\n");
    const Document d = text(
        "Network Working Group                                          A. Author\n"
        "Internet-Draft                                              Example Corp\n"
        "Intended status: Standards Track                           March 1, 2015\n"
        "\n"
        "                         An Example Protocol\n"
        "                        draft-example-proto-00\n"
        "\n"
        "Abstract\n"
        "\n"
        "   This document specifies an example.\n"
        "\n"
        "1.  Introduction\n"
        "\n"
        "   The example protocol is small.\n"
        "\n"
        "1.1.  Terminology\n"
        "\n"
        "   The key words are to be interpreted as described in BCP 14.\n"
        "\n"
        "2.  Security Considerations\n"
        "\n"
        "   None.\n"
        "\n"
        "3.  IANA Considerations\n"
        "\n"
        "   None.\n"
        "\n"
        "4.  References\n"
        "\n"
        "4.1.  Normative References\n"
        "\n"
        "   [RFC2119]  Bradner, S., \"Key words\", BCP 14, RFC 2119, March 1997.\n"
        "\n"
        "4.2.  Informative References\n"
        "\n"
        "   [RFC5246]  Dierks, T., \"TLS\", RFC 5246, August 2008.\n"
        "\n"
        "Author's Address\n"
        "\n"
        "   A. Author\n");
    BOOST_TEST(roles(d) == "Network Working Group A. Author → cover\n"
                           "Abstract → abstract\n"
                           "1 Introduction → introduction\n"
                           "1.1 Terminology → terms\n"
                           "2 Security Considerations → security-considerations\n"
                           "3 IANA Considerations → iana-considerations\n"
                           "4 References → references\n"
                           "4.1 Normative References → normative-references\n"
                           "4.2 Informative References → informative-references\n");
}

// A wrapped line that starts with a document identifier continues the sentence the line
// before broke off; after a finished line it starts a reference entry.
BOOST_AUTO_TEST_CASE(a_wrapped_line_starting_with_an_identifier_continues_its_sentence) {
    const Document d = text(
        "1.  Conventions\n"
        "\n"
        "   The key words \"MUST\", \"MUST NOT\", \"SHOULD\" and \"MAY\" in this\n"
        "   document are to be interpreted as described in\n"
        "   BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all\n"
        "   capitals, as shown here.  The record layer follows\n"
        "   RFC 8446 and is defined there.\n"
        "\n"
        "2.  References\n"
        "\n"
        "   [RFC2119]  Bradner, S., \"Key words\", BCP 14, RFC 2119, March 1997.\n"
        "   [RFC8174]  Leiba, B., \"Ambiguity of Uppercase\", BCP 14, RFC 8174.\n"
        "   RFC 8446 The Transport Layer Security Protocol Version 1.3\n"
        "   RFC 9000 QUIC: A UDP-Based Multiplexed and Secure Transport\n"
        "   ISO 7000, Graphical symbols for use on equipment — Registered symbols\n"
        "   ISO 9001, Quality management systems — Requirements\n"
        "   ISO 17301-1, Cereals — Specification — Part A\n"
        "   ISO 7301 Rice — Specification\n");
    std::vector<std::string> blocks;
    for (const Block& b : d.blocks()) blocks.push_back(std::string(d.str(b.text)));
    BOOST_TEST(blocks == (std::vector<std::string>{
                             "The key words \"MUST\", \"MUST NOT\", \"SHOULD\" and \"MAY\" in this document are to be "
                             "interpreted as described in BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in "
                             "all capitals, as shown here.  The record layer follows RFC 8446 and is defined there.",
                             "[RFC2119]  Bradner, S., \"Key words\", BCP 14, RFC 2119, March 1997.",
                             "[RFC8174]  Leiba, B., \"Ambiguity of Uppercase\", BCP 14, RFC 8174.",
                             "RFC 8446 The Transport Layer Security Protocol Version 1.3",
                             "RFC 9000 QUIC: A UDP-Based Multiplexed and Secure Transport",
                             "ISO 7000, Graphical symbols for use on equipment — Registered symbols",
                             "ISO 9001, Quality management systems — Requirements",
                             "ISO 17301-1, Cereals — Specification — Part A",
                             "ISO 7301 Rice — Specification"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(section_roles_of_a_law) {
    // A law has a cover (its title and enactment history) and chapters and articles, which
    // head no part of the document in the sense of GB/T 1.1.
    const Document d = text("中华人民共和国示例法\n\n（2015年3月15日第十二届全国人民代表大会第三次会议通过）\n\n"
                            "第一章　总则\n\n第一条　为了规范示例活动，制定本法。\n\n第二条　示例活动适用本法。\n\n"
                            "第三条　示例活动应当遵循宪法。\n\n第二章　附则\n\n第四条　本法自公布之日起施行。\n");
    BOOST_TEST(roles(d) == "中华人民共和国示例法 → cover\n");
}

// ---- headings and the numbering sequence ---------------------------------------------------

BOOST_AUTO_TEST_CASE(full_width_digits_and_ideographic_spaces) {
    const Document d = text("１　范围\n本文件规定了要求。\n\n２　要求\n２．１　总则\n２．２\u3000\u3000细则\n3  两个空格\n");
    BOOST_TEST(outline(d) == "１ | clause | 范围 | 1\n"
                             "２ | clause | 要求 | 4\n"
                             "  ２．１ | clause | 总则 | 5\n"
                             "  ２．２ | clause | 细则 | 6\n"
                             "3 | clause | 两个空格 | 7\n");
}

BOOST_AUTO_TEST_CASE(zero_width_spaces_are_blank_and_print_as_nothing) {
    // Converted drafts leave U+200B alone on empty lines (company-law-2023.md) and a BOM at
    // the start of pasted text: such a line is blank, and in a title they are no space.
    const Document d = text("１　范围\n本文件规定了\u200B要求。\n\u200B\n\uFEFF\u3000\n"
                            "２　要\u200B求\n本章\u2028无内容。\n");
    BOOST_TEST(outline(d) == "１ | clause | 范围 | 1\n"
                             "２ | clause | 要求 | 5\n");
}

BOOST_AUTO_TEST_CASE(numbers_that_are_not_headings) {
    const Document d = text(
        "1 Scope\n"
        "\n"
        "This document applies to devices.\n"
        "\n"
        "2019 was the year of the first edition.\n"
        "\n"
        "2023.08.25 is the release date.\n"
        "\n"
        "1.0 is the version of the protocol.\n"
        "\n"
        "12.7 Far outside the sequence\n"
        "\n"
        "2 Requirements\n"
        "\n"
        "2.1 General\n"
        "\n"
        "1.1 Backwards\n"
        "\n"
        "3.1 of ISO 9001 applies.\n"
        "\n"
        "5    Printer    yes    no\n");
    BOOST_TEST(outline(d) == "1 | clause | Scope | 1\n"
                             "2 | clause | Requirements | 13\n"
                             "  2.1 | clause | General | 15\n");
    BOOST_TEST(d.own_text(find(d, "1")) == "This document applies to devices.\n2019 was the year of the first edition.\n"
                                           "2023.08.25 is the release date.\n1.0 is the version of the protocol.\n"
                                           "12.7 Far outside the sequence");
    BOOST_TEST(d.own_text(find(d, "2.1")) == "1.1 Backwards\n3.1 of ISO 9001 applies.\n5    Printer    yes    no");
    BOOST_TEST(warnings(d) == "");
}

BOOST_AUTO_TEST_CASE(chinese_numbers_that_are_not_headings) {
    const Document d = text(
        "5 要求\n"
        "5.1 总则\n"
        "设备应符合本条的要求，具体的鉴别方式和鉴别强度按照下列文件的规定执行，详见标准\n"
        "5.2 规定的要求。\n"
        "2019年发布的版本不再适用。\n"
        "5.2 和 5.3 给出了细则。\n"
        "6 个设备参与测试。\n"
        "5.2 细则\n");
    BOOST_TEST(outline(d) == "5 | clause | 要求 | 1\n"
                             "  5.1 | clause | 总则 | 2\n"
                             "  5.2 | clause | 细则 | 8\n");
    BOOST_TEST(d.own_text(find(d, "5.1")) ==
               "设备应符合本条的要求，具体的鉴别方式和鉴别强度按照下列文件的规定执行，详见标准 5.2 规定的要求。\n"
               "2019年发布的版本不再适用。\n5.2 和 5.3 给出了细则。\n6 个设备参与测试。");
}

BOOST_AUTO_TEST_CASE(a_gap_in_the_numbering_is_accepted_with_a_warning) {
    const Document d = text("6 要求\n6.1 总则\n6.1.2 甲\n6.1.5 乙\n6.1.6 丙\n8 丁\n8.1.1 戊\n");
    BOOST_TEST(outline(d) == "6 | clause | 要求 | 1\n"
                             "  6.1 | clause | 总则 | 2\n"
                             "    6.1.2 | clause | 甲 | 3\n"
                             "    6.1.5 | clause | 乙 | 4\n"
                             "    6.1.6 | clause | 丙 | 5\n"
                             "8 | clause | 丁 | 6\n"
                             "  8.1.1 | clause | 戊 | 7\n");
    BOOST_TEST(warnings(d) == "1: clause numbering skips from the start to 6\n"
                              "3: clause numbering skips from 6.1 to 6.1.2\n"
                              "4: clause numbering skips from 6.1.2 to 6.1.5\n"
                              "6: clause numbering skips from 6.1.6 to 8\n"
                              "7: clause numbering skips from 8 to 8.1.1\n");
    // Worded in Chinese too, for the page and brief of a Chinese comparison.
    std::string zh;
    for (const Warning& w : d.warnings) zh += w.worded(Language::zh) + "\n";
    BOOST_TEST(zh == "条号从开头跳到 6\n条号从 6.1 跳到 6.1.2\n条号从 6.1.2 跳到 6.1.5\n条号从 6.1.6 跳到 8\n条号从 8 跳到 8.1.1\n");
    BOOST_TEST(d.warnings.front().worded(Language::en) == "clause numbering skips from the start to 6");
}

BOOST_AUTO_TEST_CASE(numbered_paragraphs_without_titles) {
    const Document d = text("7 通信\n7.1 系统\n7.1.1 LTE-V2X 系统应支持直连通信。\n7.1.2 系统宜支持以下功能：\na）广播；\nb）组播。\n");
    BOOST_TEST(outline(d) == "7 | clause | 通信 | 1\n"
                             "  7.1 | clause | 系统 | 2\n"
                             "    7.1.1 | clause |  | 3\n"
                             "    7.1.2 | clause |  | 4\n"
                             "      a） | list-item |  | 5\n"
                             "      b） | list-item |  | 6\n");
    BOOST_TEST(d.own_text(find(d, "7.1.1")) == "LTE-V2X 系统应支持直连通信。");
    BOOST_TEST(d.own_text(find(d, "7.1.2")) == "系统宜支持以下功能：");
}

BOOST_AUTO_TEST_CASE(table_of_contents_lines_are_never_clauses) {
    const Document d = text("目　次\n前言……………………Ⅰ\n1　范围………………1\n2　术语………………2\n前　言\n本文件起草。\n1　范围\n本文件规定。\n");
    BOOST_TEST(outline(d) == " | front-matter | 目次 | 1\n"
                             " | front-matter | 前言 | 5\n"
                             "1 | clause | 范围 | 7\n");
    BOOST_TEST(d.own_text(1) == "前言……………………Ⅰ\n1　范围………………1\n2　术语………………2");
    // A contents line elsewhere is text too.
    const Document e = text("1 Scope\n\n2 Terms ........ 4\n\n2 Terms\n");
    BOOST_TEST(outline(e) == "1 | clause | Scope | 1\n2 | clause | Terms | 5\n");
    BOOST_TEST(e.own_text(1) == "2 Terms ........ 4");
}

BOOST_AUTO_TEST_CASE(contents_without_page_numbers_end_at_a_repeated_heading) {
    const Document d = text("Contents\nForeword\n1 Scope\n2 Terms\n\nForeword\n\nText.\n\n1 Scope\n");
    BOOST_TEST(outline(d) == " | front-matter | Contents | 1\n"
                             " | front-matter | Foreword | 6\n"
                             "1 | clause | Scope | 10\n");
    BOOST_TEST(d[1].block_count == 3u);
}

BOOST_AUTO_TEST_CASE(contents_with_tab_leaders_or_bare_page_numbers) {
    const Document d = text("目　次\n前言\tI\n1　范围\t1\n2　术语\t2\n前　言\n本文件起草。\n1　范围\n本文件规定。\n");
    BOOST_TEST(outline(d) == " | front-matter | 目次 | 1\n"
                             " | front-matter | 前言 | 5\n"
                             "1 | clause | 范围 | 7\n");
    BOOST_TEST(d[1].block_count == 3u);
    const Document e = text("Contents\nForeword 2\n1 Scope 3\n\nForeword\n\nText.\n\n1 Scope\n");
    BOOST_TEST(outline(e) == " | front-matter | Contents | 1\n"
                             " | front-matter | Foreword | 5\n"
                             "1 | clause | Scope | 9\n");
}

BOOST_AUTO_TEST_CASE(page_furniture_of_pdf_conversions) {
    // Form feeds; a running header on every page; bare page numbers next to the breaks.
    const Document d = text(
        "1 范围\n"                          // 1
        "本文件规定了要求。\n"               // 2
        "1\n"                               // 3  page number
        "\f信息安全技术 办公设备安全规范\n"  // 4  running header after a form feed
        "2 术语\n"                          // 5
        "术语。\n"                           // 6
        "2\n"                               // 7
        "\f信息安全技术 办公设备安全规范\n"  // 8
        "3 要求\n"                          // 9
        "要求。\n"                           // 10
        "- 3 -\n"                           // 11
        "\f信息安全技术 办公设备安全规范\n"  // 12
        "4 测试\n");                        // 13
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 1\n2 | clause | 术语 | 5\n3 | clause | 要求 | 9\n4 | clause | 测试 | 13\n");
    BOOST_TEST(all_text(d) == "本文件规定了要求。\n术语。\n要求。\n");
    BOOST_TEST(warnings(d) == "0: removed 3 running header or footer lines (such as \"信息安全技术 办公设备安全规范\")\n"
                              "0: removed 3 page numbers\n");
    // The same in an OCR Markdown conversion, where "---" marks the page breaks.
    const Document m = markdown("## 1 范围\n\n本文件规定了要求。\n\nI\n\n---\n\n## 2 术语\n\n术语。\n\n---\n\n12\n\n## 3 要求\n");
    BOOST_TEST(outline(m) == "1 | clause | 范围 | 1\n2 | clause | 术语 | 9\n3 | clause | 要求 | 17\n");
    BOOST_TEST(all_text(m) == "本文件规定了要求。\n术语。\n");
    // Without page breaks: decorated page numbers and the title repeated in the body.
    const Document n = text("GB/T 1—XXXX\n示例规范\n\n1 范围\n本文件规定了要求。\n— 2 —\n示例规范\n2 术语\n第 3 页 共 9 页\n术语。\n");
    BOOST_TEST(outline(n) == " | front-matter |  | 1\n1 | clause | 范围 | 4\n2 | clause | 术语 | 8\n");
    BOOST_TEST(all_text(n) == "GB/T 1—XXXX\n示例规范\n本文件规定了要求。\n术语。\n");
    BOOST_TEST(warnings(n) == "0: removed 2 page numbers\n7: removed running header \"示例规范\" (1 line)\n");
}

// ---- terms ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(term_entries_in_both_layouts) {
    const Document d = text(
        "3 术语和定义\n"
        "下列术语和定义适用于本文件。\n"
        "3.1\n"
        "可信计算　trusted computing\n"
        "一种计算方式。\n"
        "[来源：GB/T 29829—2022，3.1]\n"
        "3.2 密码模块 cryptographic module\n"
        "实现密码功能的硬件。\n"
        "3.3\n"
        "固件\n"
        "程序。\n");
    BOOST_TEST(outline(d) == "3 | clause | 术语和定义 | 1\n"
                             "  3.1 | term-entry | 可信计算 | 3\n"
                             "  3.2 | term-entry | 密码模块 | 7\n"
                             "  3.3 | term-entry | 固件 | 9\n");
    BOOST_TEST(d.str(d[find(d, "3.1")].alt_title) == "trusted computing");
    BOOST_TEST(d.own_text(find(d, "3.1")) == "一种计算方式。\n[来源：GB/T 29829—2022，3.1]");
    BOOST_TEST(d.str(d[find(d, "3.2")].alt_title) == "cryptographic module");
    BOOST_TEST(d[find(d, "3.3")].alt_title.empty());

    const Document e = text("3 Terms and definitions\n\n3.1\naccess control\nmeans to ensure that access is "
                            "restricted\n\nNote 1 to entry: Access can be physical.\n\n3.2\nasset\nanything of value\n");
    BOOST_TEST(outline(e) == "3 | clause | Terms and definitions | 1\n"
                             "  3.1 | term-entry | access control | 3\n"
                             "    Note 1 to entry | note |  | 7\n"
                             "  3.2 | term-entry | asset | 9\n");
    BOOST_TEST(e.own_text(find(e, "3.1")) == "means to ensure that access is restricted");
    BOOST_TEST(e.own_text(find(e, "Note 1 to entry")) == "Access can be physical.");
}

BOOST_AUTO_TEST_CASE(a_group_of_terms_is_a_clause) {
    const Document d = text("3 术语和定义\n3.1 通用术语\n3.1.1\n设备 device\n物品。\n3.2 专用术语\n3.2.1\n固件 firmware\n程序。\n");
    BOOST_TEST(outline(d) == "3 | clause | 术语和定义 | 1\n"
                             "  3.1 | clause | 通用术语 | 2\n"
                             "    3.1.1 | term-entry | 设备 | 3\n"
                             "  3.2 | clause | 专用术语 | 6\n"
                             "    3.2.1 | term-entry | 固件 | 7\n");
}

// ---- notes, examples, lists ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(notes_and_examples_in_chinese_and_english) {
    const Document d = text("5 要求\n注：第一条注。\n注1：第二条注。\n注 2：第三条注。\n示例：\n<a>示例代码</a>\n示例 1：第二个示例。\n"
                            "注意：这不是注。\n");
    BOOST_TEST(outline(d) == "5 | clause | 要求 | 1\n"
                             "  注 | note |  | 2\n"
                             "  注1 | note |  | 3\n"
                             "  注 2 | note |  | 4\n"
                             "  示例 | example |  | 5\n"
                             "  示例 1 | example |  | 7\n"
                             "   | paragraph |  | 8\n");
    BOOST_TEST(d.own_text(find(d, "示例")) == "<a>示例代码</a>");
    BOOST_TEST(d.own_text(find(d, "注 2")) == "第三条注。");

    const Document e = text("5 Requirements\n\nNOTE This is a note.\n\nNOTE 2 Another one.\n\nEXAMPLE 1 An example.\n\n"
                            "Note that this is text.\n\nNote 1 to entry: Entry note.\n");
    BOOST_TEST(outline(e) == "5 | clause | Requirements | 1\n"
                             "  NOTE | note |  | 3\n"
                             "  NOTE 2 | note |  | 5\n"
                             "  EXAMPLE 1 | example |  | 7\n"
                             "   | paragraph |  | 9\n"
                             "  Note 1 to entry | note |  | 11\n");
    BOOST_TEST(e.own_text(find(e, "NOTE")) == "This is a note.");
    BOOST_TEST(e.own_text(e.first_child(0) + 4) == "Note that this is text.");
}

BOOST_AUTO_TEST_CASE(a_note_that_looks_like_a_list_item) {
    // "注1：" inside a list of "1）" items is a note of the clause, not an item.
    const Document d = text("6 要求\n设备应：\n1）验证签名；\n2）记录日志。\n注1：适用于所有设备。\n3）第三项。\n");
    BOOST_TEST(outline(d) == "6 | clause | 要求 | 1\n"
                             "  1） | list-item |  | 3\n"
                             "  2） | list-item |  | 4\n"
                             "  注1 | note |  | 5\n"
                             "  3） | list-item |  | 6\n");
}

BOOST_AUTO_TEST_CASE(list_items_nest_by_marker_kind) {
    const Document d = text("5 要求\n应满足：\na）甲：\n1）子一；\n2）子二；\nb）乙；\n——丙；\n——丁。\nc）戊。\n其后的段落。\n");
    BOOST_TEST(outline(d) == "5 | clause | 要求 | 1\n"
                             "  a） | list-item |  | 3\n"
                             "    1） | list-item |  | 4\n"
                             "    2） | list-item |  | 5\n"
                             "  b） | list-item |  | 6\n"
                             "    —— | list-item |  | 7\n"
                             "    —— | list-item |  | 8\n"
                             "  c） | list-item |  | 9\n"
                             "   | paragraph |  | 10\n");
    BOOST_TEST(d.own_text(find(d, "c）")) == "戊。");
    const Document e = text("5 Requirements\n\nThe device shall:\n\na) verify\n   signatures;\n\nb) log updates.\n");
    BOOST_TEST(outline(e) == "5 | clause | Requirements | 1\n"
                             "  a) | list-item |  | 5\n"
                             "  b) | list-item |  | 8\n");
    BOOST_TEST(e.own_text(find(e, "a)")) == "verify signatures;");
}

// ---- annexes, front and back matter -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(annex_headings) {
    const Document d = text("1 范围\n附录A给出了示例。\n附录 A（规范性）　测试方法\nA.1 概述\nA.1.1 环境\n附录B\n（资料性）\n"
                            "示例\nB.1 一般规定\nA.2 不属于附录B\n附录 C (资料性)\n补充说明\n");
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 1\n"
                             "附录 A | annex | 测试方法 | 3\n"
                             "  A.1 | clause | 概述 | 4\n"
                             "    A.1.1 | clause | 环境 | 5\n"
                             "附录 B | annex | 示例 | 6\n"
                             "  B.1 | clause | 一般规定 | 9\n"
                             "附录 C | annex | 补充说明 | 11\n");
    BOOST_TEST(d.own_text(1) == "附录A给出了示例。");
    BOOST_TEST(d.str(d[find(d, "附录 A")].alt_title) == "（规范性）");
    BOOST_TEST(d.str(d[find(d, "附录 B")].alt_title) == "（资料性）");
    BOOST_TEST(d.str(d[find(d, "附录 C")].alt_title) == "(资料性)");
    BOOST_TEST(d.own_text(find(d, "B.1")) == "A.2 不属于附录B");

    const Document e = text("1 Scope\n\nAnnex A provides examples.\n\nAnnex A\n(normative)\nTest methods\n\nA.1 General\n\n"
                            "Annex B (informative) Examples\n\nBibliography\n\n[1] ISO 9001\n");
    BOOST_TEST(outline(e) == "1 | clause | Scope | 1\n"
                             "Annex A | annex | Test methods | 5\n"
                             "  A.1 | clause | General | 9\n"
                             "Annex B | annex | Examples | 11\n"
                             " | clause | Bibliography | 13\n");
    BOOST_TEST(e.str(e[find(e, "Annex A")].alt_title) == "(normative)");
    BOOST_TEST(e.own_text(find_title(e, "Bibliography")) == "[1] ISO 9001");
}

// ---- Chinese laws ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(law_units_articles_paragraphs_and_items) {
    const Document d = text(
        "中华人民共和国示例法\n"
        "2023年12月29日通过\n"
        "第一编 总则\n"
        "第一章 一般规定\n"
        "第一条 为了规范示例，制定本法。\n"
        "第二条 本法所称示例，是指：\n"
        "（一）第一项；\n"
        "（二）第二项。\n"
        "前款规定以外的示例，适用其他规定。\n"
        "第二章 具体规定\n"
        "第一节 设立\n"
        "第三条 设立示例应当具备条件。\n"
        "第三条规定的条件由国务院规定。\n"
        "第二节 变更\n"
        "第五条 变更应当登记。\n"
        "第二编 分则\n"
        "第六条 分则条文。\n");
    BOOST_TEST(outline(d) == " | front-matter |  | 1\n"
                             "第一编 | clause | 总则 | 3\n"
                             "  第一章 | clause | 一般规定 | 4\n"
                             "    第一条 | clause |  | 5\n"
                             "    第二条 | clause |  | 6\n"
                             "      （一） | list-item |  | 7\n"
                             "      （二） | list-item |  | 8\n"
                             "       | paragraph |  | 9\n"
                             "  第二章 | clause | 具体规定 | 10\n"
                             "    第一节 | clause | 设立 | 11\n"
                             "      第三条 | clause |  | 12\n"
                             "    第二节 | clause | 变更 | 14\n"
                             "      第五条 | clause |  | 15\n"
                             "第二编 | clause | 分则 | 16\n"
                             "  第六条 | clause |  | 17\n");
    BOOST_TEST(d.info.title == "中华人民共和国示例法");
    BOOST_TEST(d.own_text(find(d, "第一条")) == "为了规范示例，制定本法。");
    BOOST_TEST(d.own_text(find(d, "第二条")) == "本法所称示例，是指：");
    BOOST_TEST(d.own_text(find(d, "第二条") + 3) == "前款规定以外的示例，适用其他规定。");
    // 款: unnumbered paragraphs stay blocks of their article, in order.
    BOOST_TEST(d.own_text(find(d, "第三条")) == "设立示例应当具备条件。\n第三条规定的条件由国务院规定。");
    BOOST_TEST(warnings(d) == "15: article numbering jumps from 第三条 to 第五条\n");
}

// Items of an article numbered "1." or "1、", glued to their text or not; decimal numbers and
// years in an article's text stay text, and outside articles "1.范围" is no item.
BOOST_AUTO_TEST_CASE(law_items_numbered_with_digits) {
    const Document d = text(
        "中华人民共和国示例法\n"
        "第一条 为了规范示例，制定本法。\n"
        "第二条 有下列情形之一的，人民法院应当撤销原判决：\n"
        "1.主要事实不清的；\n"
        "2. 适用法律错误的；\n"
        "3．违反法定程序的。\n"
        "前款规定以外的情形，适用其他规定。\n"
        "第三条 下列文件应当公开：\n"
        "1、年度报告；\n"
        "2、财务报告。\n"
        "第四条 1.1 版本的规定自公布之日起施行。\n"
        "2015.5 月修订的条文同时废止。\n"
        "3.5倍以上的罚款由国务院规定。\n");
    BOOST_TEST(outline(d) == " | front-matter |  | 1\n"
                             "第一条 | clause |  | 2\n"
                             "第二条 | clause |  | 3\n"
                             "  1. | list-item |  | 4\n"
                             "  2. | list-item |  | 5\n"
                             "  3． | list-item |  | 6\n"
                             "   | paragraph |  | 7\n"
                             "第三条 | clause |  | 8\n"
                             "  1、 | list-item |  | 9\n"
                             "  2、 | list-item |  | 10\n"
                             "第四条 | clause |  | 11\n");
    BOOST_TEST(d.own_text(find(d, "1.")) == "主要事实不清的；");
    BOOST_TEST(d.own_text(find(d, "2.")) == "适用法律错误的；");
    BOOST_TEST(d.own_text(find(d, "1、")) == "年度报告；");
    BOOST_TEST(d.own_text(find(d, "第四条")) ==
               "1.1 版本的规定自公布之日起施行。\n2015.5 月修订的条文同时废止。\n3.5倍以上的罚款由国务院规定。");
    // No article: a lone "1." line before Han text is not an article's item.
    const Document s = text("1.范围\n本文件规定了要求。\n");
    BOOST_TEST(outline(s).find("list-item") == std::string::npos, outline(s));
}

// Statutes list more than 99 items (a schedule of offences, of fees): （一百零一） is an item like
// （九十九）; a year in brackets is no item.
BOOST_AUTO_TEST_CASE(law_items_past_ninety_nine) {
    static const char* const tail[] = {"九十九", "一百", "一百零一", "一百一十二", "一千九百九十九"};
    std::string in = "第一条 下列事项应当登记：\n";
    for (const char* n : tail) in += std::string("（") + n + "）事项；\n";
    in += "(2019) 号文件同时废止。\n";
    const Document d = text(in);
    BOOST_TEST(outline(d) == "第一条 | clause |  | 1\n"
                             "  （九十九） | list-item |  | 2\n"
                             "  （一百） | list-item |  | 3\n"
                             "  （一百零一） | list-item |  | 4\n"
                             "  （一百一十二） | list-item |  | 5\n"
                             "  （一千九百九十九） | list-item |  | 6\n"
                             "   | paragraph |  | 7\n");
    BOOST_TEST(d.own_text(find(d, "（一千九百九十九）")) == "事项；");
    BOOST_TEST(d.own_text(static_cast<ClauseId>(d.size() - 1)) == "(2019) 号文件同时废止。");
}

// ---- running text ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(wrapped_lines_are_joined) {
    const Document d = text(
        "1 Scope\n\nThis document specifies the security\nrequirements for office devices.\n\n"
        "2 范围\n\n本文件规定了办公设备的安全要求，适用于政府采购和关键信息基础设施中使用的\n办公设备，也适用于 PKI\n组件。\n");
    BOOST_TEST(d.own_text(find(d, "1")) == "This document specifies the security requirements for office devices.");
    BOOST_TEST(d.own_text(find(d, "2")) ==
               "本文件规定了办公设备的安全要求，适用于政府采购和关键信息基础设施中使用的办公设备，也适用于 PKI 组件。");
    BOOST_TEST(d.blocks_begin(find(d, "2"))->where.line == 8u);
}

BOOST_AUTO_TEST_CASE(text_before_any_heading_goes_to_a_root_paragraph) {
    const Document d = text("Just some prose without any structure.\n\nA second paragraph.\n");
    BOOST_TEST(outline(d) == " | paragraph |  | 1\n");
    BOOST_TEST(d.own_text(1) == "Just some prose without any structure.\nA second paragraph.");
}

BOOST_AUTO_TEST_CASE(line_ends_and_form_feeds) {
    const Document d = text("1 Scope\r\n\r\nText one.\r2 Terms\n\nText\ftwo.\n");
    BOOST_TEST(outline(d) == "1 | clause | Scope | 1\n2 | clause | Terms | 4\n");
    BOOST_TEST(d.own_text(find(d, "1")) == "Text one.");
    BOOST_TEST(d.own_text(find(d, "2")) == "Text\ntwo.");
    BOOST_TEST(d.blocks_begin(find(d, "2"))[1].where.line == 6u);
}

BOOST_AUTO_TEST_CASE(language_option_and_detection) {
    const Document zh = text("1 范围\n本文件规定了办公设备的基本安全要求，适用于办公设备的设计和测试。\n");
    BOOST_TEST(zh.language == Language::zh);
    BOOST_TEST(zh[1].language == Language::zh);
    const Document en = text("1 Scope\n\nThis document specifies requirements.\n");
    BOOST_TEST(en.language == Language::en);
    const Document forced = text("1 Scope\n\nThis document specifies requirements.\n", Language::zh);
    BOOST_TEST(forced.language == Language::zh);
    BOOST_TEST(forced[1].language == Language::zh);
}

// ---- Markdown whose structure is in its numbers ------------------------------------------------

BOOST_AUTO_TEST_CASE(markdown_lines_become_source_lines) {
    const Document d = markdown(
        "---\n"                                                     // 1
        "title: \"示例标准\"\n"                                     // 2
        "source: \"x.pdf\"\n"                                       // 3
        "---\n"                                                     // 4
        "\n"                                                        // 5
        "## 1 范围\n"                                               // 6
        "\n"                                                        // 7
        "本文件**规定**了[要求](http://example.org)。<!-- 批注 -->\n"  // 8
        "<!-- 跨行\n"                                               // 9
        "注释 -->\n"                                                // 10
        "### 2 表格\n"                                              // 11
        "\n"                                                        // 12
        "表 1 名称\n"                                               // 13
        "\n"                                                        // 14
        "| 序号 | 名称 |\n"                                         // 15
        "|---|:---:|\n"                                             // 16
        "| 1 | *甲* \\| 乙 |\n"                                     // 17
        "\n"                                                        // 18
        "<table><tr><td>2</td><td>丙 &amp; 丁</td></tr>\n"          // 19
        "<tr><td>3</td><td>戊</td></tr></table>\n"                  // 20
        "\n"                                                        // 21
        "```\n"                                                     // 22
        "<Title>题名</Title>\n"                                     // 23
        "\n"                                                        // 24
        "```\n"                                                     // 25
        "- 列项一；\n"                                              // 26
        "- 列项二。\n"                                              // 27
        "\n"                                                        // 28
        "---\n"                                                     // 29
        "\n"                                                        // 30
        "<div style=\"text-align: center;\"><img src=\"a.jpg\" alt=\"Image\" /></div>\n"  // 31
        "\n"                                                        // 32
        "# 3 结束\n"                                                // 33
        "<CRI>CRI000</CRI>\n");                                     // 34
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 6\n"
                             "2 | clause | 表格 | 11\n"
                             "  表 1 | table | 名称 | 13\n"
                             "   | table |  | 19\n"
                             "   | paragraph |  | 23\n"
                             "  - | list-item |  | 26\n"
                             "  - | list-item |  | 27\n"
                             "3 | clause | 结束 | 33\n");
    BOOST_TEST(d.info.title == "示例标准");
    BOOST_TEST(d.own_text(find(d, "1")) == "本文件规定了要求。");
    const ClauseId t1 = find(d, "表 1");
    BOOST_TEST(d.own_text(t1) == "序号 | 名称\n1 | 甲 | 乙");
    BOOST_TEST(d.blocks_begin(t1)[1].kind == BlockKind::table_row);
    BOOST_TEST(d.blocks_begin(t1)[1].where.line == 17u);
    BOOST_TEST(d.own_text(t1 + 1) == "2 | 丙 & 丁\n3 | 戊");
    BOOST_TEST(d.blocks_begin(t1 + 1)[1].where.line == 20u);
    BOOST_TEST(d.blocks_begin(t1 + 2)->kind == BlockKind::code);
    BOOST_TEST(d.own_text(t1 + 2) == "<Title>题名</Title>\n");
    BOOST_TEST(d.own_text(find(d, "3")) == "<CRI>CRI000</CRI>");
}

BOOST_AUTO_TEST_CASE(a_leading_page_break_is_not_front_matter) {
    const Document d = markdown("---\n\n## 1 范围\n\n本文件规定了要求。\n\n---\n\n## 2 术语\n");
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 3\n2 | clause | 术语 | 9\n");
}

BOOST_AUTO_TEST_CASE(ocr_markdown_conversions) {
    const Document d = markdown(
        "# 中华人民共和国国家标准\n"       // 1
        "\n"
        "GB/T 12345—XXXX\n"                // 3
        "\n"
        "# 示例规范\n"                     // 5
        "\n"
        "---\n"                            // 7
        "\n"
        "# 1 范围\n"                       // 9
        "\n"
        "本文件规定了要求，适用于办公设备、打印设备、复印设备、扫描设备、多功能一体机以及其他各类办公设备的设计、\n"  // 11
        "\n"
        "---\n"                            // 13
        "\n"
        "## GB/T 12345—XXXX\n"             // 15
        "\n"
        "开发和测试。\n"                   // 17
        "\n"
        "## 3 术语和定义\n"                // 19
        "\n"
        "### 3.1\n"                        // 21
        "\n"
        "## 设备 device\n"                 // 23
        "\n"
        "物品。\n"                         // 25
        "\n"
        "## 5 要求\n"                      // 27
        "\n"
        "# 5.1 总则\n"                     // 29
        "\n"
        "## a) 第一项\n"                   // 31
        "\n"
        "说明。\n"                         // 33
        "\n"
        "### 1) 子项\n"                    // 35
        "\n"
        "## b) 第二项\n"                   // 37
        "\n"
        "## GB/T 12345—XXXX\n");           // 39
    BOOST_TEST(outline(d) == " | front-matter |  | 1\n"
                             "1 | clause | 范围 | 9\n"
                             "3 | clause | 术语和定义 | 19\n"
                             "  3.1 | term-entry | 设备 | 21\n"
                             "5 | clause | 要求 | 27\n"
                             "  5.1 | clause | 总则 | 29\n"
                             "    a) | list-item |  | 31\n"
                             "      1) | list-item |  | 35\n"
                             "    b) | list-item |  | 37\n");
    BOOST_TEST(d.info.identifier == "GB/T 12345—XXXX");
    BOOST_TEST(d.info.title == "示例规范");
    // The running header is dropped (once reported); the paragraph split by the page
    // break is whole again.
    BOOST_TEST(d.own_text(find(d, "1")) ==
               "本文件规定了要求，适用于办公设备、打印设备、复印设备、扫描设备、多功能一体机以及其他各类办公设备的设计、"
               "开发和测试。");
    BOOST_TEST(warnings(d) == "19: clause numbering skips from 1 to 3\n"
                              "27: clause numbering skips from 3.1 to 5\n"
                              "15: removed running header \"GB/T 12345—XXXX\" (2 lines)\n");
    BOOST_TEST(all_text(d).find("GB/T 12345—XXXX\n") == all_text(d).find("GB/T 12345—XXXX"));  // the cover's only
    BOOST_TEST(d.str(d[find(d, "3.1")].alt_title) == "device");
    BOOST_TEST(d.own_text(find(d, "a)")) == "第一项\n说明。");
}

// ---- hostile input ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(ten_megabyte_single_line) {
    std::string big;
    while (big.size() < (10u << 20)) big += "本文件规定了办公设备的安全要求 and some English words, ";
    const Document d = text(big);
    BOOST_TEST(outline(d) == " | paragraph |  | 1\n");
    BOOST_TEST(d.own_text(1).size() == scan_trimmed_size(big));
}

BOOST_AUTO_TEST_CASE(many_list_markers_on_one_line) {
    std::string line;
    for (int i = 0; i < 100000; ++i) line += "a）";
    const Document d = text("1 范围\n" + line + "\n");
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 1\n  a） | list-item |  | 2\n");
    BOOST_TEST(d.own_text(2).size() == line.size() - std::string("a）").size());
}

BOOST_AUTO_TEST_CASE(a_hundred_thousand_lines_each_a_new_kind_of_list) {
    // Every line opens a list of a kind not yet open, so each would nest one level deeper.
    static const char* const markers[] = {"a）", "1）", "（1）", "（一）", "①", "——"};
    std::string in = "1 范围\n";
    for (int i = 0; i < 100000; ++i) in += std::string(markers[i % 6]) + "项\n";
    const Document d = text(in);
    std::uint32_t depth = 0;
    std::size_t items = 0;
    for (const Clause& c : d.clauses()) {
        depth = std::max(depth, c.depth);
        items += c.kind == ClauseKind::list_item;
    }
    BOOST_TEST(depth <= max_tree_depth);
    BOOST_TEST(items == 100000u);
}

BOOST_AUTO_TEST_CASE(rfc_lists_indented_ever_deeper_are_flattened) {
    std::string in = "Network Working Group                                        A. Author\n"
                     "Internet-Draft                                                 Example\n\n"
                     "1.  Introduction\n\n";
    for (int i = 0; i < 3000; ++i) in += std::string(3 + static_cast<std::size_t>(i), ' ') + "o  item\n";
    const Document d = text(in);
    std::uint32_t depth = 0;
    std::size_t items = 0;
    for (const Clause& c : d.clauses()) {
        depth = std::max(depth, c.depth);
        items += c.kind == ClauseKind::list_item;
    }
    BOOST_TEST(depth <= max_tree_depth);
    BOOST_TEST(items == 3000u);
    // The 17th level (line 22) is the first one kept as a sibling.
    BOOST_TEST(warnings(d) == "22: list nested too deeply; deeper items are kept as siblings\n");
}

BOOST_AUTO_TEST_CASE(numbers_deeper_than_clauses_go_are_text) {
    std::string in, number = "1";
    for (int i = 0; i < 200; ++i) {
        in += number + " 标题\n";
        number += ".1";
    }
    const Document d = text(in);
    BOOST_TEST(d.size() == 9u);  // the root and eight levels of clauses
    BOOST_TEST(d[8].depth == 8u);
    // The deeper lines are text of the deepest clause; none is lost.
    const std::string deepest = d.own_text(8);
    std::size_t count = 0;
    for (std::size_t p = deepest.find("标题"); p != std::string::npos; p = deepest.find("标题", p + 1)) ++count;
    BOOST_TEST(count == 192u);
}

BOOST_AUTO_TEST_CASE(hostile_markdown_lines) {
    // A million openers without closers, and a line of tables.
    std::string line(3u << 20, '[');
    line += std::string(3u << 20, '<') + std::string(2u << 20, '*') + "<!-- never closed";
    std::string tables;
    for (int i = 0; i < 20000; ++i) tables += "<table><tr><td>x</td></tr></table>";
    const Document d = markdown("## 1 范围\n\n" + line + "\n\n## 2 表\n\n" + tables + "\n");
    // Unmatched openers stay text; the emphasis run goes; an inline "<!--" that never
    // closes is text, and does not swallow the rest of the document.
    const bool kept = d.own_text(find(d, "1")) ==
                      std::string(3u << 20, '[') + std::string(3u << 20, '<') + "<!-- never closed";
    BOOST_TEST(kept);
    const ClauseId two = find(d, "2");
    BOOST_TEST(d.child_count(two) == 2u);                     // the parsed tables, then the rest as text
    BOOST_TEST(d[two + 1].kind == ClauseKind::table);
    BOOST_TEST(d[two + 1].block_count == 10000u);             // max_tables parsed
    BOOST_TEST(d.own_text(two + 2).starts_with("<table><tr><td>x</td></tr></table>"));
}

BOOST_AUTO_TEST_CASE(only_blank_lines) {
    const Document d = text("\n\n  \n\t\n\r\n");
    BOOST_TEST(d.size() == 1u);
    BOOST_TEST(d.warnings.empty());
    ReadOptions o;
    o.path = "blank.txt";
    try {
        (void)read_document("\n\n  \n", o);
        BOOST_FAIL("expected an InputError");
    } catch (const InputError& e) {
        BOOST_TEST(e.describe() == "blank.txt: empty document (no text)");
    }
}

BOOST_AUTO_TEST_CASE(gb18030_input_gives_the_same_tree) {
    const std::string utf8 = data("gbt-draft.zh.txt");
    UErrorCode err = U_ZERO_ERROR;
    std::string gb(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("gb18030", "utf-8", gb.data(), static_cast<int32_t>(gb.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &err);
    BOOST_REQUIRE(U_SUCCESS(err));
    gb.resize(static_cast<std::size_t>(n));
    BOOST_REQUIRE(gb != utf8);
    ReadOptions o;
    o.path = "draft.txt";
    const Document a = read_document(utf8, o);
    const Document b = read_document(gb, o);
    BOOST_TEST(b.info.encoding == "GB18030");
    BOOST_TEST(outline(a) == outline(b));
    BOOST_TEST(all_text(a) == all_text(b));
    BOOST_TEST(b.info.title == "信息安全技术 办公设备安全规范");
}

// ---- limits of clause numbers (docs/limits.md) -------------------------------------------

BOOST_AUTO_TEST_CASE(clause_numbers_go_past_999_where_the_sequence_continues) {
    std::string s;
    for (int i = 1; i <= 1003; ++i) s += std::to_string(i) + " Heading " + std::to_string(i) + "\n\nText of clause " + std::to_string(i) + ".\n\n";
    s += "1003.1 Sub-clause\n\nText.\n\n1004 Last\n\nText.\n";
    const Document d = text(s);
    std::vector<std::string> tail;
    for (ClauseId i = 1; i < d.size(); ++i)
        if (i + 7 >= d.size()) tail.push_back(std::string(d.label(i)) + " " + std::string(d.title(i)));
    BOOST_TEST(d.size() == 1006u);   // the root, 1004 clauses and one sub-clause
    BOOST_TEST(tail == (std::vector<std::string>{"999 Heading 999", "1000 Heading 1000", "1001 Heading 1001",
                                                 "1002 Heading 1002", "1003 Heading 1003", "1003.1 Sub-clause", "1004 Last"}),
               boost::test_tools::per_element());
    BOOST_TEST(warnings(d) == "");
}

BOOST_AUTO_TEST_CASE(four_digit_numbers_outside_the_sequence_stay_text) {
    const Document d = text("1 范围\n\n本文件规定了要求。\n\n2 要求\n\n2023 年发布的要求。\n\n1000 台设备的要求。\n\n3 测试\n\n文本。\n",
                            Language::zh);
    BOOST_TEST(outline(d) == "1 | clause | 范围 | 1\n2 | clause | 要求 | 5\n3 | clause | 测试 | 11\n");
    BOOST_TEST(warnings(d) == "");
}

BOOST_AUTO_TEST_CASE(clause_numbers_deeper_than_the_limit_are_reported) {
    const Document d = text("1 Scope\n\nText.\n\n1.1 A\n\n1.1.1 B\n\n1.1.1.1 C\n\n1.1.1.1.1 D\n\n1.1.1.1.1.1 E\n\n"
                            "1.1.1.1.1.1.1 F\n\n1.1.1.1.1.1.1.1 G\n\n1.1.1.1.1.1.1.1.1 H\n\nText of H.\n");
    BOOST_TEST(d.size() == 9u);   // the root and eight levels
    BOOST_TEST(warnings(d) == "19: clause number 1.1.1.1.1.1.1.1.1 is deeper than 8 levels (the limit): read as text\n");
}
