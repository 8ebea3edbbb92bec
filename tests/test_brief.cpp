// The brief: the sample pair's five findings of SCENARIO.md first and in order; every
// provision change of a corpus pair reported exactly once in its category; --watch; the
// GB/T foreword change list; Markdown, HTML and a DOCX that LibreOffice converts to PDF.
#define BOOST_TEST_MODULE brief
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"
#include "tests/support/spoofed_drafts.hpp"

#include "engine/pipeline.hpp"
#include "formats/brief/brief.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/report_json.hpp"
#include "formats/reader.hpp"
#include "formats/terminal/terminal_writer.hpp"

#include <nlohmann/json.hpp>

#include <libxml/parser.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace redline;

namespace {

namespace fs = std::filesystem;

const std::string samples = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";
const std::string corpus = std::string(REDLINE_SHARED_DIR) + "/corpus/";

Document read_file(const std::string& path) {
    formats::ReadOptions o;
    o.path = path;
    return formats::read_document(formats::read_bytes(path), o);
}

struct Pair {
    Document old_doc, new_doc;
    Comparison c;
    Pair(const std::string& a, const std::string& b) : old_doc(read_file(a)), new_doc(read_file(b)), c(compare(old_doc, new_doc)) {}
};

const Pair& sample(const std::string& lang) {
    static const Pair zh(samples + "2023-05-draft.zh.txt", samples + "2023-08-draft-for-comments.zh.txt");
    static const Pair en(samples + "2023-05-draft.en.txt", samples + "2023-08-draft-for-comments.en.txt");
    return lang == "zh" ? zh : en;
}

// Every finding of a brief worded, the appendix's too (the brief holds the body's only).
std::vector<formats::BriefFinding> all_worded(const formats::Brief& b) {
    std::vector<formats::BriefFinding> out;
    for (std::size_t k = 0; k < b.order.size(); ++k) out.push_back(formats::worded(b, k));
    return out;
}

std::string removed_text(const formats::BriefFinding& f) {
    std::string out;
    for (const Edit& e : f.wording)
        if (e.op == EditOp::remove) out += e.text;
    return out;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_CASE(the_five_findings_of_the_scenario_come_first) {
    struct Expect {
        const char* lang;
        const char* firmware;
        const char* laser;
        const char* politics;
        const char* scope_removed;
    };
    for (const Expect& x : {Expect{"zh", "6.1.3 固件安全", "激光扫描单元", "政治、外交", "政府采购"},
                            Expect{"en", "6.1.3 Firmware security", "laser scanning units", "political or diplomatic",
                                   "government procurement"}}) {
        const formats::Brief b = formats::make_brief(sample(x.lang).c);
        const std::vector<formats::BriefFinding> f = all_worded(b);
        BOOST_REQUIRE(f.size() >= 5u);
        BOOST_TEST_CONTEXT(x.lang) {
            // 1. 6.1.3 no longer requires GB/T 29829-2022 (which also left the normative references).
            BOOST_TEST((f[0].category == FindingCategory::requirement_removed));
            BOOST_TEST(f[0].old_place == x.firmware);
            // The standard's number is quoted as the draft prints it, em dash and all.
            BOOST_TEST(f[0].references_removed == std::vector<std::string>{"GB/T 29829—2022"});
            BOOST_TEST(contains(removed_text(f[0]), "GB/T 29829—2022"));
            BOOST_TEST(contains(f[0].headline, "GB/T 29829—2022"));
            BOOST_TEST(!contains(f[0].headline, "GB/T 29829-2022"));
            BOOST_TEST(contains(f[0].headline, "6.1.3"));
            BOOST_TEST(f[0].change_number == 11u);
            // 2. 6.2.4 lost the stable and diverse procurement of laser scanning units.
            BOOST_TEST((f[1].category == FindingCategory::requirement_removed));
            BOOST_TEST(f[1].old_place.rfind("6.2.4 ", 0) == 0u);
            BOOST_TEST(contains(removed_text(f[1]), x.laser));
            // 3. the political / diplomatic supply requirement.
            BOOST_TEST((f[2].category == FindingCategory::requirement_removed));
            BOOST_TEST(f[2].old_place.rfind("6.2.5 ", 0) == 0u);
            BOOST_TEST(contains(removed_text(f[2]), x.politics));
            // 4. the scope now covers all office devices.
            BOOST_TEST((f[3].category == FindingCategory::scope));
            BOOST_TEST(contains(removed_text(f[3]), x.scope_removed));
            BOOST_TEST(f[3].new_place.rfind("1 ", 0) == 0u);
            // 5. fewer drafting organisations.
            BOOST_TEST((f[4].category == FindingCategory::front_matter));
            BOOST_TEST(f[4].items_removed.size() == 5u);
            BOOST_TEST(f[4].items_added.empty());
            BOOST_TEST(f[4].headline == "Drafting organisations: 5 removed, 14 → 9");
        }
        // Nothing from unchanged or merely renumbered / moved clauses.
        for (const auto& finding : f) {
            for (const char* quiet : {"软件组成", "Software composition", "日志留存", "Log retention", "漏洞管理", "Vulnerability"})
                BOOST_TEST(!contains(finding.headline, quiet), finding.headline);
        }
        // The moved requirement of deleted 6.2.2 is reported as moved, not removed.
        bool moved = false;
        for (const auto& finding : f) moved = moved || (finding.category == FindingCategory::provision_moved &&
                                                         finding.old_place.rfind("6.2.2 ", 0) == 0 &&
                                                         finding.new_place.rfind("6.2.1 ", 0) == 0);
        BOOST_TEST(moved);
        BOOST_TEST(b.renumbering.size() == 4u);
    }
}

BOOST_AUTO_TEST_CASE(every_provision_change_of_a_corpus_pair_appears_once_in_its_category, *boost::unit_test::precondition(shared_corpus_present)) {
    for (const auto& [a, b] : {std::pair{"ietf-quic-transport/draft-ietf-quic-transport-29.md", "ietf-quic-transport/draft-ietf-quic-transport-30.md"},
                               std::pair{"ietf-tls13/draft-ietf-tls-tls13-13.md", "ietf-tls13/draft-ietf-tls-tls13-14.md"}}) {
        const Pair p(corpus + a, corpus + b);
        formats::BriefOptions all;
        all.top = 100000;
        const formats::Brief brief = formats::make_brief(p.c, all);
        std::vector<int> seen(p.c.provisions.size(), 0);
        for (const auto& f : brief.findings)
            for (std::size_t i : f.provisions) {
                ++seen[i];
                if (f.category == FindingCategory::systematic) continue;  // a rewording told by a systematic edit
                const ProvisionChange& pc = p.c.provisions[i];
                const Unit& u = p.c.unit(pc);
                const bool requirement = u.what.kind == ProvisionKind::requirement;
                FindingCategory want = FindingCategory::provision_reworded;
                switch (pc.change) {
                case ProvisionChangeKind::removed:
                    want = requirement ? FindingCategory::requirement_removed : FindingCategory::provision_removed_added;
                    break;
                case ProvisionChangeKind::added:
                    want = requirement ? FindingCategory::requirement_added : FindingCategory::provision_removed_added;
                    break;
                case ProvisionChangeKind::weakened:
                case ProvisionChangeKind::strengthened: want = FindingCategory::force_changed; break;
                case ProvisionChangeKind::negated: want = f.category; break;  // requirement_removed or force_changed
                case ProvisionChangeKind::modified:
                    want = requirement && (!pc.references_removed.empty() || !pc.references_added.empty()) ? FindingCategory::reference
                                                                                                          : FindingCategory::provision_reworded;
                    break;
                case ProvisionChangeKind::moved: want = FindingCategory::provision_moved; break;
                }
                BOOST_TEST((f.category == want), a << ": provision change " << i << " in the wrong category: " << f.headline);
            }
        for (std::size_t i = 0; i < seen.size(); ++i) BOOST_TEST(seen[i] == 1, a << ": provision change " << i << " seen " << seen[i] << " times");
        BOOST_TEST(p.c.provisions.size() > 10u, a);
        // And each finding is written once into the Markdown brief.
        const std::string md = formats::write_brief_markdown(brief);
        for (std::size_t i = 0; i < brief.findings.size(); ++i)
            BOOST_TEST(contains(md, "### " + std::to_string(i + 1) + ". "), a << " finding " << i + 1);
    }
}

BOOST_AUTO_TEST_CASE(watched_terms_go_first_and_are_tagged) {
    formats::BriefOptions o;
    o.watch = formats::parse_watch_list("# terms\nsupply chain\n\n  TCM  \n");
    BOOST_TEST(o.watch == (std::vector<std::string>{"supply chain", "TCM"}));
    const formats::Brief en = formats::make_brief(sample("en").c, o);
    BOOST_REQUIRE(!en.findings.empty());
    BOOST_TEST(en.findings[0].old_place == "6.2.4 (now 6.2.3) Supply chain security");
    BOOST_TEST(en.findings[0].watched == std::vector<std::string>{"supply chain"});
    BOOST_TEST(en.findings[1].watched.empty());
    o.watch = {"供应链"};
    const formats::Brief zh = formats::make_brief(sample("zh").c, o);
    BOOST_TEST(zh.findings[0].old_place == "6.2.4 (now 6.2.3) 供应链安全");
    BOOST_TEST(zh.findings[0].watched == std::vector<std::string>{"供应链"});
    BOOST_TEST(contains(formats::write_brief_markdown(zh), "**watch: 供应链**"));
}

BOOST_AUTO_TEST_CASE(gbt_foreword_change_list) {
    const formats::Brief b = formats::make_brief(sample("zh").c);
    const std::string list = formats::write_gbt_changes(b);
    const std::string expected =
        "与讨论稿相比，除结构调整和编辑性改动外，主要技术变化如下：\n"
        "——更改了范围（见第1章，讨论稿的第1章）；\n"
        "——删除了“设备应采用符合 GB/T 29829—2022 要求的可信计算密码支撑平台，实现固件的可信度量与验证”的要求（见讨论稿的6.1.3）；\n"
        "——删除了“应确保激光扫描单元等关键部件采购来源稳定且多样，不应依赖单一供应商”的要求（见讨论稿的6.2.4（现 6.2.3））；\n"
        "——删除了“第三方技术供应不应因政治、外交等因素而中断”的要求（见讨论稿的6.2.5（现 6.2.4））。\n"
        "\n"
        "Compared with the previous draft, apart from structural and editorial changes, the main technical changes are as follows:\n"
        "— changed the scope (see Clause 1; Clause 1 of the previous draft);\n";
    BOOST_TEST(list.substr(0, expected.size()) == expected);
    BOOST_TEST(contains(list, "— deleted the requirement “第三方技术供应不应因政治、外交等因素而中断” (see 6.2.5 (now 6.2.4) of the previous draft).\n"));
}

BOOST_AUTO_TEST_CASE(chinese_labels) {
    formats::BriefOptions o;
    o.lang = formats::BriefLanguage::zh;
    const formats::Brief b = formats::make_brief(sample("zh").c, o);
    BOOST_TEST(b.findings[0].headline == "删除了要求（6.1.3 固件安全），引用 GB/T 29829—2022；该标准同时移出规范性引用文件");
    BOOST_TEST(b.findings[3].headline == "更改了范围（第1章）");
    BOOST_TEST(b.findings[4].headline == "起草单位：删除 5 家，14 → 9");
    const std::string md = formats::write_brief_markdown(b);
    BOOST_TEST(contains(md, "## 主要变化"));
    BOOST_TEST(contains(md, "| 删除或否定的要求 | 3 |"));
}

BOOST_AUTO_TEST_CASE(html_brief_is_well_formed_and_inert) {
    const formats::Brief b = formats::make_brief(sample("zh").c, {formats::BriefLanguage::en, {}, "2026-11-30"});
    const std::string html = formats::write_brief_html(b);
    xmlDoc* doc = xmlReadMemory(html.data(), static_cast<int>(html.size()), "brief.html", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    BOOST_TEST(doc != nullptr);
    if (doc) xmlFreeDoc(doc);
    BOOST_TEST(!contains(html, "<script"));
    BOOST_TEST(contains(html, "default-src 'none'"));
    BOOST_TEST(contains(html, "<svg"));                 // the chart
    BOOST_TEST(contains(html, "<del>设备应采用符合 GB/T 29829—2022"));
    BOOST_TEST(contains(html, "<h3>5. Drafting organisations: 5 removed, 14 → 9</h3>"));
}

BOOST_AUTO_TEST_CASE(docx_brief_converts_to_pdf_with_the_headlines) {
    const formats::Brief b = formats::make_brief(sample("en").c, {formats::BriefLanguage::en, {"supply chain"}, "2026-11-30"});
    const std::string docx = formats::write_brief_docx(b);
    BOOST_TEST(docx.substr(0, 2) == "PK");
    BOOST_TEST(docx == formats::write_brief_docx(b));  // same bytes every time
    const fs::path dir = fs::temp_directory_path() / ("redline-brief-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "brief.docx", std::ios::binary) << docx;
    // Its own LibreOffice profile, so that parallel tests and a user's running office do not clash.
    const std::string cmd = "cd " + dir.string() + " && timeout 180 soffice -env:UserInstallation=file://" + dir.string() +
                            "/profile --headless --convert-to pdf brief.docx >convert.log 2>&1 && pdftotext brief.pdf brief.txt";
    BOOST_REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, "LibreOffice could not convert the DOCX brief (see " << dir / "convert.log" << ")");
    std::ifstream in(dir / "brief.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    // pdftotext wraps long headlines: compare without line breaks.
    for (char& c : text)
        if (c == '\n') c = ' ';
    std::string folded;
    for (char c : text)
        if (!(c == ' ' && !folded.empty() && folded.back() == ' ')) folded += c;
    for (const auto& f : b.findings) {
        std::string h = std::to_string(&f - b.findings.data() + 1) + ". " + f.headline;
        BOOST_TEST(contains(folded, h), h);
    }
    BOOST_TEST(contains(folded, "watch: supply chain"));

    // A draft with characters XML forbids (a control character, U+FFFF) still gives a
    // document LibreOffice opens.
    formats::ReadOptions ro;
    ro.path = "hostile-old.txt";
    const Document ho = formats::read_document("1 Scope\n\nThe device shall log \x01 events \xEF\xBF\xBF here.\n", ro);
    ro.path = "hostile-new.txt";
    const Document hn = formats::read_document("1 Scope\n\nThe device should log \x01 events \xEF\xBF\xBF here.\n", ro);
    const Comparison hc = compare(ho, hn);
    std::ofstream(dir / "hostile.docx", std::ios::binary) << formats::write_brief_docx(formats::make_brief(hc));
    const std::string cmd2 = "cd " + dir.string() + " && timeout 180 soffice -env:UserInstallation=file://" + dir.string() +
                             "/profile --headless --convert-to pdf hostile.docx >convert2.log 2>&1 && test -s hostile.pdf";
    BOOST_TEST(std::system(cmd2.c_str()) == 0);
    fs::remove_all(dir);
}

// Chart labels are shortened by characters, never inside a UTF-8 sequence; article numbers
// follow 见 without a space.
BOOST_AUTO_TEST_CASE(chinese_labels_stay_whole, *boost::unit_test::precondition(shared_corpus_present)) {
    formats::Brief b = formats::make_brief(sample("zh").c);
    b.chart.push_back({"附录 B", "权利许可请求基本数据与权利许可基本数据的示例及其说明", 1, 0, 0, 0});
    const std::string html = formats::write_brief_html(b);
    xmlDoc* doc = xmlReadMemory(html.data(), static_cast<int>(html.size()), "brief.html", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    BOOST_TEST(doc != nullptr);
    if (doc) xmlFreeDoc(doc);
    const Pair law(corpus + "cn-laws/company-law-2018.md", corpus + "cn-laws/company-law-2023.md");
    const std::string list = formats::write_gbt_changes(formats::make_brief(law.c));
    BOOST_TEST(contains(list, "（见第六条"));
    BOOST_TEST(!contains(list, "第三条 总 则"));  // an untitled article keeps no chapter title
    BOOST_TEST(!contains(list, "见 第"));
}

// What the readers noticed travels with the documents into every output of a comparison.
BOOST_AUTO_TEST_CASE(reader_warnings_reach_every_output) {
    auto draft = [](std::string_view text, std::string path) {
        DocumentBuilder b;
        b.open(ClauseKind::clause, "1", "Scope", SourceLocation{1, 0, 0});
        b.add_block(BlockKind::paragraph, text, SourceLocation{2, 0, 0});
        Document d = b.finish();
        d.info.path = std::move(path);
        return d;
    };
    Document o = draft("The device shall log events.", "old.txt");
    Document n = draft("The device should log events.", "new.txt");
    n.warnings.push_back({SourceLocation{7, 0, 0}, "removed running header \"DRAFT <b>\" (3 lines)",
                          "删除了页眉“DRAFT <b>”（3 行）"});
    n.warnings.push_back({SourceLocation{8, 0, 0}, "a remark worded in English only"});
    const Comparison c = compare(o, n);

    const auto report = nlohmann::json::parse(formats::write_report_json(c));
    BOOST_TEST(report["warnings"].dump() ==
               R"j([{"draft":"new","line":7,"message":"removed running header \"DRAFT <b>\" (3 lines)"},)j"
               R"j({"draft":"new","line":8,"message":"a remark worded in English only"}])j");

    const std::string terminal = formats::write_terminal(c, {});
    BOOST_TEST(terminal.ends_with("\nReader notes\n  new line 7: removed running header \"DRAFT <b>\" (3 lines)\n"
                                  "  new line 8: a remark worded in English only\n"));

    const std::string page = formats::write_redline_html(c, {});
    BOOST_TEST(page.find("<li>New draft, line 7: removed running header &quot;DRAFT &lt;b&gt;&quot; (3 lines)</li>") !=
               std::string::npos);

    const std::string md = formats::write_brief_markdown(formats::make_brief(c));
    BOOST_TEST(md.find("## Reader notes\n\n- New draft (new.txt), line 7: removed running header") != std::string::npos);
    formats::BriefOptions zh;
    zh.lang = formats::BriefLanguage::zh;
    const std::string zh_md = formats::write_brief_markdown(formats::make_brief(c, zh));
    // A Chinese brief words the notes in Chinese; a remark its reader worded only in English
    // stays in English rather than disappearing.
    BOOST_TEST(zh_md.find("## 读取说明\n\n- 新稿（new.txt）第 7 行：删除了页眉“DRAFT ") != std::string::npos);
    BOOST_TEST(zh_md.find("”（3 行）\n- 新稿（new.txt）第 8 行：a remark worded in English only\n") != std::string::npos);
}

// The findings are the engine's, as data: categories, subjects, places and quotations; the
// brief only words them.
BOOST_AUTO_TEST_CASE(findings_are_data_in_the_comparison) {
    const Comparison& c = sample("zh").c;
    std::vector<std::string> got;
    for (const Finding& f : c.findings) {
        std::string s(to_string(f.category));
        s += " ";
        s += f.old_clause == no_clause ? "-" : std::string(c.old_doc->label(f.old_clause));
        s += "→";
        s += f.new_clause == no_clause ? "-" : std::string(c.new_doc->label(f.new_clause));
        got.push_back(s);
    }
    BOOST_TEST(got == (std::vector<std::string>{"requirement-removed 6.1.3→-", "requirement-removed 6.2.4→-",
                                                "requirement-removed 6.2.5→-", "scope 1→1", "front-matter -→-",
                                                "front-matter -→-", "front-matter →", "provision-moved 6.2.2→6.2.1"}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(!c.findings.empty());
    const Finding& first = c.findings.front();
    BOOST_TEST((first.subject == FindingSubject::provision));
    BOOST_TEST((first.verb == FindingVerb::deleted));
    BOOST_TEST(c.old_doc->label(first.old_clause) == "6.1.3");
    // The quotation is the provision's own wording, held once by the comparison.
    const std::vector<Edit>& quote = c.quote(first);
    BOOST_TEST(&quote == &c.provisions[first.provision].wording);
    BOOST_TEST((quote.size() == 1 && quote[0].op == EditOp::remove));
    BOOST_TEST(quote[0].text == unit_text(*c.old_doc, c.old_unit(c.provisions[first.provision])));
    BOOST_TEST(first.facts().references_removed == (std::vector<std::string>{"GB/T 29829-2022"}), boost::test_tools::per_element());
    BOOST_TEST(first.facts().cited_removed == (std::vector<std::string>{"GB/T 29829—2022"}), boost::test_tools::per_element());
    // Ranked: categories never go back.
    for (std::size_t i = 1; i < c.findings.size(); ++i) BOOST_TEST((c.findings[i - 1].category <= c.findings[i].category));
}

// The spoofed sentence in every brief: the finding is the reworded requirement it is, quoted
// with ⟨RLO⟩ and ⟨PDF⟩ where the draft has the controls — in Markdown as text, in HTML as
// isolated, highlighted markers, in the GB/T change list and in the DOCX as text — and the
// reader notes name the clause. No control character is left raw in any of them.
// A quotation is read where the comparison holds it (a provision's wording, an entry's edits),
// never copied per finding: a draft of many small clauses has as many findings as clauses.
BOOST_AUTO_TEST_CASE(quotations_are_the_comparisons_own_runs) {
    const Comparison& c = sample("en").c;
    const formats::Brief b = formats::make_brief(c);
    std::size_t quoted = 0;
    for (const formats::BriefFinding& f : b.findings) {
        BOOST_REQUIRE(f.finding != nullptr);
        const std::vector<Edit>& held = c.quote(*f.finding);
        BOOST_TEST(f.wording.data() == held.data());
        BOOST_TEST(f.wording.size() == held.size());
        quoted += !held.empty();
    }
    BOOST_TEST(quoted > 0u);
    for (const Finding& f : c.findings) {
        if (f.quote.from == FindingQuote::From::provision) BOOST_TEST(&c.quote(f) == &c.provisions[f.quote.index].wording);
        if (f.quote.from == FindingQuote::From::entry) BOOST_TEST(&c.quote(f) == &c.entries[f.quote.index].edits);
        if (f.quote.from == FindingQuote::From::none) BOOST_TEST(c.quote(f).empty());
    }
}

BOOST_AUTO_TEST_CASE(controls_in_a_draft_are_shown_in_every_brief) {
    formats::ReadOptions ro;
    ro.path = "old.txt";
    const Document o = formats::read_document(spoofed::old_draft, ro);
    ro.path = "new.txt";
    const Document n = formats::read_document(spoofed::new_draft, ro);
    const Comparison c = compare(o, n);
    const formats::Brief b = formats::make_brief(c);
    auto raw = [](const std::string& out) {
        for (const std::string& r : {spoofed::rlo, spoofed::pdf, std::string("\x1b"), std::string("\x07"), std::string("\x7f")})
            if (contains(out, r)) return true;
        return false;
    };
    BOOST_REQUIRE(b.findings.size() == 2u);
    BOOST_TEST(b.findings[0].headline == "Requirement reworded in 2.1 Storage");

    const std::string md = formats::write_brief_markdown(b);
    BOOST_TEST(!raw(md));
    BOOST_TEST(contains(md, "### 1. Requirement reworded in 2.1 Storage\n\n*Provisions reworded · C1 · 2.1 Storage*\n\n"
                            "> The device shall ~~encrypt~~ **⟨RLO⟩tpyrcne ton⟨PDF⟩** stored data.\n\n"
                            "**The quoted wording contains invisible control characters, shown by name or picture: "
                            "U+202E RIGHT-TO-LEFT OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1.**\n"));
    BOOST_TEST(contains(md, "### 2. Requirement reworded in 2.2 Logging␛\\]0;pwned␇\n"));
    BOOST_TEST(contains(md, "> The device shall log every event**␡**.\n\n**The quoted wording contains invisible control "
                            "characters, shown by name or picture: U+007F DELETE ×1.**\n"));
    BOOST_TEST(contains(md, "## Reader notes\n\n- New draft (new.txt), line 9: " + spoofed::warning_2_1 +
                                "\n- New draft (new.txt), line 11: " + spoofed::warning_2_2 + "\n"));

    const std::string html = formats::write_brief_html(b);
    BOOST_TEST(!raw(html));
    BOOST_TEST(contains(html, "<blockquote lang=\"en\">The device shall<del> encrypt</del><ins> "
                              "<bdi class=\"hidden-char\" title=\"U+202E RIGHT-TO-LEFT OVERRIDE\">⟨RLO⟩</bdi>tpyrcne ton"
                              "<bdi class=\"hidden-char\" title=\"U+202C POP DIRECTIONAL FORMATTING\">⟨PDF⟩</bdi></ins> stored data."
                              "</blockquote>"));
    BOOST_TEST(contains(html, ".hidden-char { unicode-bidi: isolate;"));
    BOOST_TEST(contains(html, "</blockquote>\n<p class=\"hidden-note\">The quoted wording contains invisible control characters, "
                              "shown by name or picture: U+202E RIGHT-TO-LEFT OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1.</p>"));
    BOOST_TEST(contains(html, "<li>New draft (new.txt), line 9: " + spoofed::warning_2_1 + "</li>"));
    xmlDoc* parsed = xmlReadMemory(html.data(), static_cast<int>(html.size()), "brief.html", "UTF-8",
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    BOOST_TEST(parsed != nullptr);
    if (parsed) xmlFreeDoc(parsed);

    const std::string list = formats::write_gbt_changes(b);
    BOOST_TEST(!raw(list));
    // An English draft gets the English list only.
    BOOST_TEST(contains(list, "— changed the requirement “" + spoofed::shown.substr(0, spoofed::shown.size() - 1) +
                                  "” (see 2.1; 2.1 of the previous draft);\n"));
    BOOST_TEST(!contains(list, "——"));

    // The DOCX's document part holds the tokens as text.
    const fs::path dir = fs::temp_directory_path() / ("redline-spoofed-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "brief.docx", std::ios::binary) << formats::write_brief_docx(b);
    const std::string cmd = "cd " + dir.string() +
                            " && python3 -c \"import zipfile; open('document.xml', 'wb').write("
                            "zipfile.ZipFile('brief.docx').read('word/document.xml'))\"";
    BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
    std::ifstream in(dir / "document.xml", std::ios::binary);
    std::stringstream xml;
    xml << in.rdbuf();
    BOOST_TEST(!raw(xml.str()));
    BOOST_TEST(contains(xml.str(), "> ⟨RLO⟩tpyrcne ton⟨PDF⟩</w:t>"));
    BOOST_TEST(contains(xml.str(), spoofed::warning_2_1));
    BOOST_TEST(contains(xml.str(), ">The quoted wording contains invisible control characters, shown by name or picture: "
                                   "U+202E RIGHT-TO-LEFT OVERRIDE ×1, U+202C POP DIRECTIONAL FORMATTING ×1.</w:t>"));
    fs::remove_all(dir);
}

namespace {

formats::Brief brief_of(const Comparison& c, formats::BriefLanguage lang, std::size_t top = 20) {
    formats::BriefOptions o;
    o.lang = lang;
    o.top = top;
    return formats::make_brief(c, o);
}

// The parts of a DOCX package, read with Python's zipfile (a reader independent of ours).
std::string docx_part(const std::string& docx, const std::string& part) {
    const fs::path dir = fs::temp_directory_path() / ("redline-docx-part-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "brief.docx", std::ios::binary) << docx;
    const std::string cmd = "cd " + dir.string() + " && python3 -c \"import zipfile; open('part.xml', 'wb').write(zipfile.ZipFile('brief.docx').read('" +
                            part + "'))\"";
    std::string out;
    if (std::system(cmd.c_str()) == 0) {
        std::ifstream in(dir / "part.xml", std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        out = ss.str();
    }
    fs::remove_all(dir);
    return out;
}

std::size_t count(const std::string& s, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
}

const std::string legislation = std::string(REDLINE_SOURCE_DIR) + "/tests/corpus/cn-legislation-law/";
const std::string brief_data = std::string(REDLINE_SOURCE_DIR) + "/tests/data/brief/";

}  // namespace

// 6.2.4 became 6.2.3: a comment on the new draft must find it, so every place the brief cites
// it names both numbers — headline, meta line, HTML, DOCX and the GB/T change list — in the
// brief's language.
BOOST_AUTO_TEST_CASE(renumbered_clauses_are_cited_by_old_and_new_number_in_every_format) {
    const formats::Brief zh = brief_of(sample("zh").c, formats::BriefLanguage::zh);
    BOOST_TEST(zh.findings[1].headline == "删除了要求（6.2.4（现 6.2.3）供应链安全）");
    BOOST_TEST(zh.findings[2].headline == "删除了要求（6.2.5（现 6.2.4）第三方技术与服务）");
    BOOST_TEST(zh.findings[1].old_label_now == "6.2.3");
    BOOST_TEST(zh.findings[0].old_label_now.empty());  // 6.1.3 kept its number
    const std::string md = formats::write_brief_markdown(zh);
    BOOST_TEST(contains(md, "### 2. 删除了要求（6.2.4（现 6.2.3）供应链安全）\n\n*删除或否定的要求 · C13 · 6.2.4（现 6.2.3）供应链安全*\n"));
    BOOST_TEST(contains(md, "*删除或否定的要求 · C11 · 6.1.3 固件安全（旧版）*"));
    BOOST_TEST(contains(formats::write_brief_html(zh), "<h3>2. 删除了要求（6.2.4（现 6.2.3）供应链安全）</h3>"));
    BOOST_TEST(contains(docx_part(formats::write_brief_docx(zh), "word/document.xml"), ">2. 删除了要求（6.2.4（现 6.2.3）供应链安全）</w:t>"));
    const std::string list = formats::write_gbt_changes(zh);
    BOOST_TEST(contains(list, "的要求（见讨论稿的6.2.4（现 6.2.3））；\n"));
    BOOST_TEST(contains(list, "(see 6.2.4 (now 6.2.3) of the previous draft);\n"));

    const formats::Brief en = brief_of(sample("en").c, formats::BriefLanguage::en);
    BOOST_TEST(en.findings[1].headline == "Requirement removed from 6.2.4 (now 6.2.3) Supply chain security");
    const std::string en_md = formats::write_brief_markdown(en);
    BOOST_TEST(contains(en_md, "*Requirements removed or negated · C13 · 6.2.4 (now 6.2.3) Supply chain security*\n"));
    BOOST_TEST(contains(formats::write_brief_html(en), "<p class=\"meta\">Requirements removed or negated · C13 · 6.2.4 (now 6.2.3) Supply chain security</p>"));
    BOOST_TEST(contains(docx_part(formats::write_brief_docx(en), "word/document.xml"), "6.2.4 (now 6.2.3) Supply chain security</w:t>"));
    BOOST_TEST(contains(formats::write_gbt_changes(en), "(see 6.2.4 (now 6.2.3) of the previous draft);\n"));
}

// The drafters' line is a set of names: 周强 stays whatever his place in the list.
BOOST_AUTO_TEST_CASE(lists_of_names_are_diffed_as_sets) {
    const formats::Brief zh = brief_of(sample("zh").c, formats::BriefLanguage::zh);
    std::vector<std::string> fronts;
    for (const auto& f : zh.findings)
        if (f.category == FindingCategory::front_matter) fronts.push_back(f.headline);
    BOOST_TEST(fronts == (std::vector<std::string>{"起草单位：删除 5 家，14 → 9", "阶段：讨论稿 → 征求意见稿",
                                                   "起草人：删除 4 人（黄丽、吴敏、徐涛、孙悦），12 → 8"}),
               boost::test_tools::per_element());
    const std::string md = formats::write_brief_markdown(zh);
    BOOST_TEST(!contains(md, "~~黄丽、周强"));
    BOOST_TEST(!contains(md, "**周强**"));
    const formats::Brief en = brief_of(sample("en").c, formats::BriefLanguage::en);
    bool drafters = false;
    for (const auto& f : en.findings)
        drafters = drafters || f.headline == "Drafters: 4 removed (Huang Li, Wu Min, Xu Tao, Sun Yue), 12 → 8";
    BOOST_TEST(drafters);
    // In the engine: the names as sets, and how many each list had.
    const Comparison& c = sample("zh").c;
    std::size_t lists = 0;
    for (const Finding& f : c.findings) {
        if (f.subject != FindingSubject::drafters) continue;
        ++lists;
        BOOST_TEST(f.facts().items_removed == (std::vector<std::string>{"黄丽", "吴敏", "徐涛", "孙悦"}), boost::test_tools::per_element());
        BOOST_TEST(f.facts().items_added.empty());
        BOOST_TEST(f.facts().items_before == 12u);
        BOOST_TEST(f.facts().items_after == 8u);
    }
    BOOST_TEST(lists == 1u);
}

// "GB/T 29829—2022" keeps its em dash in headlines, reference lines and every format.
BOOST_AUTO_TEST_CASE(standard_numbers_are_quoted_as_written) {
    for (const auto lang : {formats::BriefLanguage::zh, formats::BriefLanguage::en}) {
        const formats::Brief b = brief_of(sample("zh").c, lang);
        const std::string outputs[] = {formats::write_brief_markdown(b), formats::write_brief_html(b),
                                       docx_part(formats::write_brief_docx(b), "word/document.xml"), formats::write_gbt_changes(b)};
        for (const std::string& out : outputs) {
            BOOST_TEST(contains(out, "GB/T 29829—2022"));
            BOOST_TEST(!contains(out, "GB/T 29829-2022"));
        }
    }
    const formats::Brief zh = brief_of(sample("zh").c, formats::BriefLanguage::zh);
    BOOST_TEST(contains(formats::write_brief_markdown(zh), "引用文件：删除 GB/T 29829—2022\n"));
    BOOST_TEST(zh.findings[0].references_removed == std::vector<std::string>{"GB/T 29829—2022"});
}

// Chinese briefs read as Chinese: the verb first, chapters as 第1章, full-width punctuation
// in the distribution line with the clauses named.
BOOST_AUTO_TEST_CASE(chinese_wording_and_the_distribution_line) {
    const formats::Brief zh = brief_of(sample("zh").c, formats::BriefLanguage::zh);
    BOOST_TEST(zh.findings[3].headline == "更改了范围（第1章）");
    const std::string md = formats::write_brief_markdown(zh);
    BOOST_TEST(contains(md, "\n变化分布（各章的实质性变化条数）：前言：6 处；第1章 范围：1 处；第2章 规范性引用文件：1 处；第6章 安全技术要求：5 处。\n"));
    BOOST_TEST(contains(md, "# 变化摘要：GB/T XXXXX—XXXX 信息安全技术 办公设备安全规范（讨论稿 → 征求意见稿）\n"));
    const std::string en_md = formats::write_brief_markdown(brief_of(sample("en").c, formats::BriefLanguage::en));
    BOOST_TEST(contains(en_md, "Where the changes are (substantive clause changes per top-level clause): Foreword: 6; Clause 1 Scope: 1; "
                               "Clause 2 Normative references: 1; Clause 6 Security technical requirements: 5.\n"));
}

// A law's brief names the law once with its two versions, from the front matter's years.
BOOST_AUTO_TEST_CASE(the_title_names_the_versions) {
    const Pair law(legislation + "legislation-law-2015.md", legislation + "legislation-law-2023.md");
    BOOST_TEST(formats::write_brief_markdown(brief_of(law.c, formats::BriefLanguage::zh)).starts_with("# 变化摘要：中华人民共和国立法法 2015 → 2023\n"));
    BOOST_TEST(formats::write_brief_markdown(brief_of(law.c, formats::BriefLanguage::en)).starts_with("# Brief: 中华人民共和国立法法 2015 → 2023\n"));
}

// The body holds the first --top findings and the systematic edits; the rest are rows of an
// appendix table, numbered on. A replacement made in at least five rewordings is one finding.
BOOST_AUTO_TEST_CASE(top_findings_in_the_body_and_the_rest_in_an_appendix) {
    const Pair law(legislation + "legislation-law-2015.md", legislation + "legislation-law-2023.md");
    const formats::Brief b = brief_of(law.c, formats::BriefLanguage::zh, 5);
    BOOST_TEST(b.shown == 7u);  // 5 + the 2 systematic edits
    BOOST_TEST(b.order.size() == 73u);
    BOOST_TEST(b.findings.size() == b.shown);  // only the body's are worded and held
    BOOST_TEST(b.findings[5].headline == "将“和”改为“、”（6 处，如第四十一条、第四十四条、第四十九条）");
    BOOST_TEST(b.findings[6].headline == "将“由法”改为“由宪法和法”（5 处，如第二十三条、第二十七条、第三十六条）");
    const std::string md = formats::write_brief_markdown(b);
    BOOST_TEST(count(md, "\n### ") == 7u);
    BOOST_TEST(contains(md, "\n## 附：其他 66 项变化\n\n| 序号 | 类别 | 变化 |\n|---:|---|---|\n| 8 | 新增的要求 | 增加了要求（第九条），新增条款 |\n"));
    BOOST_TEST(contains(md, "\n| 73 | 移动的条款 | "));
    BOOST_TEST(!contains(md, "\n| 74 | "));
    const std::string html = formats::write_brief_html(b);
    BOOST_TEST(count(html, "<article class=\"finding\"") == 7u);
    BOOST_TEST(contains(html, "<h2 id=\"other-findings\">附：其他 66 项变化</h2>"));
    BOOST_TEST(contains(html, "<tr><td class=\"n\">8</td><td>新增的要求</td><td>增加了要求（第九条），新增条款</td></tr>"));
    const std::string xml = docx_part(formats::write_brief_docx(b), "word/document.xml");
    BOOST_TEST(contains(xml, ">附：其他 66 项变化</w:t>"));
    // The engine's systematic finding: its members, and which of them it alone tells.
    std::size_t systematic = 0;
    for (const Finding& f : law.c.findings) {
        if (f.subject != FindingSubject::systematic) continue;
        ++systematic;
        const std::vector<SystematicMember>& members = f.facts().members;
        BOOST_TEST(members.size() >= systematic_minimum);
        for (std::size_t k = 1; k < members.size(); ++k) BOOST_TEST(members[k - 1].position <= members[k].position);
        // The first member places the systematic finding.
        BOOST_TEST(f.new_clause == members.front().new_clause);
    }
    BOOST_TEST(systematic == 2u);
    // Default: 20.
    BOOST_TEST(formats::make_brief(law.c).shown == 22u);
    // Beside an arrow to the new number, the old place is named by its old number alone.
    const std::string all = formats::write_brief_markdown(brief_of(law.c, formats::BriefLanguage::en, 1000));
    BOOST_TEST(contains(all, "*Provisions reworded · C3 · 第四条 → 第五条*"));
    BOOST_TEST(!contains(all, ") → "));
}

// The appendix's rows of the DOCX are written without pugixml (formats/brief/brief_docx makes
// word/document.xml twice, counted, then as libzip reads it): their text is escaped as pugixml
// escapes the body's, and the document stays well-formed.
BOOST_AUTO_TEST_CASE(docx_appendix_rows_escape_their_text_as_the_body_does) {
    const std::vector<std::string> titles = {"Plain", "Less a < b > c && d <x", "Quotes \"q\" and 's'", "Control \x01 and \xEF\xBF\xBF end",
                                             "Tab\tand \xE2\x80\xAE bidi"};
    std::string old_text, new_text;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        old_text += "# " + titles[i] + "\n\nThe device shall record event " + std::to_string(i) + ".\n\n";
        new_text += "# " + titles[i] + "\n\nThe device should record event " + std::to_string(i) + ".\n\n";
    }
    formats::ReadOptions ro;
    ro.path = "escapes-old.md";
    const Document o = formats::read_document(old_text, ro);
    ro.path = "escapes-new.md";
    const Document n = formats::read_document(new_text, ro);
    const Comparison c = compare(o, n);
    const formats::Brief in_body = brief_of(c, formats::BriefLanguage::en, 100);
    const formats::Brief in_appendix = brief_of(c, formats::BriefLanguage::en, 1);
    BOOST_REQUIRE(in_appendix.order.size() == titles.size());
    BOOST_REQUIRE(in_appendix.shown == 1u);
    const std::string body_xml = docx_part(formats::write_brief_docx(in_body), "word/document.xml");
    const std::string appendix_xml = docx_part(formats::write_brief_docx(in_appendix), "word/document.xml");
    for (std::size_t k = 1; k < titles.size(); ++k) {
        // The body's heading "N. headline", as pugixml wrote it.
        const std::string heading = "<w:t xml:space=\"preserve\">" + std::to_string(k + 1) + ". ";
        const std::size_t at = body_xml.find(heading);
        BOOST_REQUIRE(at != std::string::npos);
        const std::size_t from = at + heading.size();
        const std::string escaped = body_xml.substr(from, body_xml.find("</w:t>", from) - from);
        BOOST_TEST(contains(appendix_xml, "<w:tr><w:tc><w:p><w:r><w:rPr/><w:t xml:space=\"preserve\">" + std::to_string(k + 1) + "</w:t>"));
        BOOST_TEST(contains(appendix_xml, "<w:t xml:space=\"preserve\">" + escaped + "</w:t></w:r></w:p></w:tc></w:tr>"), escaped);
    }
    BOOST_TEST(contains(appendix_xml, "Less a &lt; b &gt; c &amp;&amp; d &lt;x"));
    BOOST_TEST(contains(appendix_xml, "Quotes \"q\" and 's'"));
    xmlDoc* doc = xmlReadMemory(appendix_xml.data(), static_cast<int>(appendix_xml.size()), "document.xml", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    BOOST_TEST(doc != nullptr);
    if (doc) xmlFreeDoc(doc);
}

// Company Law 2018 → 2023, as a policy analyst read it: 558 findings in the body before.
BOOST_AUTO_TEST_CASE(company_law_brief_fits_ten_minutes, *boost::unit_test::precondition(shared_corpus_present)) {
    const Pair law(corpus + "cn-laws/company-law-2018.md", corpus + "cn-laws/company-law-2023.md");
    const formats::Brief zh = brief_of(law.c, formats::BriefLanguage::zh);
    BOOST_TEST(zh.shown == 24u);
    BOOST_TEST(zh.order.size() == 529u);
    std::vector<std::string> systematic;
    for (std::size_t i = 0; i < zh.shown; ++i)
        if (zh.findings[i].category == FindingCategory::systematic) systematic.push_back(zh.findings[i].headline);
    BOOST_TEST(systematic == (std::vector<std::string>{"将“股东大会”改为“股东会”（20 处，如第一百一十一条、第一百一十二条、第一百一十三条）",
                                                       "将“必须”改为“应当”（18 处，如第五条、第七条、第十五条）",
                                                       "将“中国”改为“中华人民共和国”（9 处，如第二条、第九十二条、第二百四十三条）",
                                                       "删除了“或者股东大会”（6 处，如第十五条、第二十六条、第二十八条）"}),
               boost::test_tools::per_element());
    const formats::Brief en = brief_of(law.c, formats::BriefLanguage::en);
    bool must = false;
    for (const auto& f : all_worded(en)) must = must || f.headline == "“必须” → “应当” in 18 provisions, e.g. 第五条, 第七条, 第十五条";
    BOOST_TEST(must);
    const std::string md = formats::write_brief_markdown(zh);
    BOOST_TEST(md.starts_with("# 变化摘要：中华人民共和国公司法 2018 → 2023\n"));
    BOOST_TEST(count(md, "\n### ") == 24u);
    BOOST_TEST(contains(md, "\n## 附：其他 505 项变化\n"));
    // Headlines name the article, not the section around it.
    for (const auto& f : all_worded(zh)) BOOST_TEST(!contains(f.headline, " 设立"), f.headline);
    BOOST_TEST(contains(md, "### 6. 删除了要求（第二十三条（五）（现第三十二条（二）））\n"));
}

// The GB/T change list: an English draft gets one English block, quotes cut between words;
// a law gets the forms law revisions use.
BOOST_AUTO_TEST_CASE(gbt_changes_in_one_language_and_in_the_forms_of_law_revisions) {
    const std::string en = formats::write_gbt_changes(brief_of(sample("en").c, formats::BriefLanguage::en));
    BOOST_TEST(en == "Compared with the previous draft, apart from structural and editorial changes, the main technical changes are as follows:\n"
                     "— changed the scope (see Clause 1; Clause 1 of the previous draft);\n"
                     "— deleted the requirement “The device shall use a cryptographic support platform for…” (see 6.1.3 of the previous draft);\n"
                     "— deleted the requirement “The manufacturer shall ensure that the procurement sources…” (see 6.2.4 (now 6.2.3) of the previous draft);\n"
                     "— deleted the requirement “The supply of third-party technology shall not be…” (see 6.2.5 (now 6.2.4) of the previous draft).\n");
    const Pair law(legislation + "legislation-law-2015.md", legislation + "legislation-law-2023.md");
    const std::string list = formats::write_gbt_changes(brief_of(law.c, formats::BriefLanguage::zh));
    BOOST_TEST(contains(list, "\n——增加了“全国人民代表大会可以授权全国人民代表大会常务委员会制定相关法律”的规定（见第十条）；\n"));
    BOOST_TEST(contains(list, "\n——将“由法”改为“由宪法和法”（5 处，见第二十三条、第二十七条、第三十六条等）；\n"));
    BOOST_TEST(contains(list, "的规定（见上一稿的第三条）；\n"));
    for (const char* wrong : {"”的允许", "”的要求", "增加了第"}) BOOST_TEST(!contains(list, wrong), wrong);
}

// A draft whose foreword says it replaces GB/T 29244—2012, against that edition: the form
// published forewords use.
BOOST_AUTO_TEST_CASE(gbt_changes_against_the_replaced_standard) {
    const Pair p(brief_data + "gbt-29244-2012.txt", brief_data + "replacing-draft.txt");
    BOOST_TEST(p.new_doc.info.replaces == std::vector<std::string>{"GB/T 29244—2012"});
    const std::string list = formats::write_gbt_changes(formats::make_brief(p.c));
    BOOST_TEST(list.starts_with("与GB/T 29244—2012相比，除结构调整和编辑性改动外，主要技术变化如下：\n——更改了范围（见第1章，2012年版的第1章）；\n"));
    BOOST_TEST(contains(list, "——更改了“设备应采用国家密码管理部门认可的算法对存储的数据进行加密”的要求（见6.1，2012年版的5.2）。\n"));
    BOOST_TEST(contains(list, "\nCompared with GB/T 29244—2012, apart from structural and editorial changes, the main technical changes are as follows:\n"));
    BOOST_TEST(contains(list, " (see 6.1; 5.2 of the 2012 edition).\n"));
}

// Word documents in Chinese use 宋体 for text and 黑体 for headings; the package declares
// them with their English names so that Word substitutes them where they are missing, and
// marks Chinese text zh-CN.
BOOST_AUTO_TEST_CASE(docx_brief_uses_chinese_fonts_and_languages) {
    const std::string zh_docx = formats::write_brief_docx(brief_of(sample("zh").c, formats::BriefLanguage::zh));
    const std::string styles = docx_part(zh_docx, "word/styles.xml");
    BOOST_TEST(contains(styles, "<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\""));
    BOOST_TEST(count(styles, "w:eastAsia=\"黑体\"") == 3u);  // title and two heading levels
    BOOST_TEST(!contains(styles, "Noto"));
    BOOST_TEST(contains(styles, "<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/>"));
    BOOST_TEST(!contains(styles, "en-GB"));
    const std::string fonts = docx_part(zh_docx, "word/fontTable.xml");
    BOOST_TEST(contains(fonts, "<w:font w:name=\"宋体\"><w:altName w:val=\"SimSun\"/>"));
    BOOST_TEST(contains(fonts, "<w:font w:name=\"黑体\"><w:altName w:val=\"SimHei\"/>"));
    BOOST_TEST(contains(fonts, "<w:charset w:val=\"86\"/>"));
    BOOST_TEST(contains(docx_part(zh_docx, "word/_rels/document.xml.rels"), "Target=\"fontTable.xml\""));
    BOOST_TEST(contains(docx_part(zh_docx, "[Content_Types].xml"), "PartName=\"/word/fontTable.xml\""));
    const std::string document = docx_part(zh_docx, "word/document.xml");
    BOOST_TEST(contains(document, "<w:lang w:val=\"zh-CN\" w:eastAsia=\"zh-CN\"/>"));
    BOOST_TEST(!contains(document, "en-GB"));
    // An English brief of English drafts: en-GB by default and for its quotations.
    const std::string en_docx = formats::write_brief_docx(brief_of(sample("en").c, formats::BriefLanguage::en));
    BOOST_TEST(contains(docx_part(en_docx, "word/styles.xml"), "<w:lang w:val=\"en-GB\" w:eastAsia=\"zh-CN\"/>"));
    const std::string en_document = docx_part(en_docx, "word/document.xml");
    BOOST_TEST(contains(en_document, "<w:lang w:val=\"en-GB\"/>"));
    BOOST_TEST(!contains(en_document, "zh-CN"));
}

// redline brief --top N: the CLI passes it on; 0 is refused.
BOOST_AUTO_TEST_CASE(top_option_on_the_command_line) {
    const fs::path dir = fs::temp_directory_path() / ("redline-top-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string cmd = std::string(REDLINE_BINARY) + " brief " + legislation + "legislation-law-2015.md " + legislation +
                            "legislation-law-2023.md --top 3 -o " + (dir / "brief.md").string() + " 2>" + (dir / "err").string();
    std::system(cmd.c_str());
    std::ifstream in(dir / "brief.md");
    std::stringstream ss;
    ss << in.rdbuf();
    BOOST_TEST(count(ss.str(), "\n### ") == 5u);  // 3 + the 2 systematic edits
    BOOST_TEST(contains(ss.str(), "\n## Appendix: 68 further findings\n"));
    const std::string zero = std::string(REDLINE_BINARY) + " brief " + legislation + "legislation-law-2015.md " + legislation +
                             "legislation-law-2023.md --top 0 >/dev/null 2>&1";
    BOOST_TEST(WEXITSTATUS(std::system(zero.c_str())) == 2);
    fs::remove_all(dir);
}

// A names line is a list only to the end of its paragraph: a paragraph that goes on after the
// list stays a wording change; a list with names added and removed says both.
BOOST_AUTO_TEST_CASE(name_lists_end_with_their_paragraph) {
    auto draft = [](const std::string& foreword, const char* path) {
        formats::ReadOptions ro;
        ro.path = path;
        return formats::read_document("前言\n\n" + foreword + "\n\n1 范围\n\n本文件规定了办公设备的安全要求。\n", ro);
    };
    {
        const Document o = draft("本文件主要起草人：李明、王芳、张伟。", "old.txt");
        const Document n = draft("本文件主要起草人：王芳、张伟、赵磊、孙悦。", "new.txt");
        const formats::Brief b = brief_of(compare(o, n), formats::BriefLanguage::zh);
        BOOST_REQUIRE(b.findings.size() == 1u);
        BOOST_TEST(b.findings[0].headline == "起草人：删除 1 人（李明），增加 2 人（赵磊、孙悦），3 → 4");
    }
    {
        const Document o = draft("本文件主要起草人：李明、王芳。本文件由全国信息安全标准化技术委员会提出。", "old.txt");
        const Document n = draft("本文件主要起草人：王芳、李明、张伟。本文件由全国信息安全标准化技术委员会提出。", "new.txt");
        const formats::Brief b = brief_of(compare(o, n), formats::BriefLanguage::zh);
        BOOST_REQUIRE(b.findings.size() == 1u);
        BOOST_TEST(b.findings[0].headline == "更改了前言");
    }
}
