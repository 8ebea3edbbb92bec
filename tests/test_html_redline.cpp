// The redline page, checked structurally: parsed back as XML with libxml2 (the page is
// polyglot HTML5), its <ins>/<del> elements counted against the comparison's edits, every
// clause entry present once, nothing fetched from outside, document markup inert.
#define BOOST_TEST_MODULE html_redline
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"
#include "tests/support/spoofed_drafts.hpp"

#include "engine/pipeline.hpp"
#include "formats/common/cross_references.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/reader.hpp"

#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <memory>
#include <set>
#include <string>

using namespace redline;

namespace {

Document read_file(const std::string& path) {
    formats::ReadOptions o;
    o.path = path;
    return formats::read_document(formats::read_bytes(path), o);
}

Document read_text(const std::string& name, const std::string& text) {
    formats::ReadOptions o;
    o.path = name;
    return formats::read_document(text, o);
}

struct Xml {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc{nullptr, xmlFreeDoc};
    explicit Xml(const std::string& html) {
        // No network, no entity substitution: the page must stand on its own.
        doc.reset(xmlReadMemory(html.data(), static_cast<int>(html.size()), "page.html", "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    }
    double number(const char* xpath) const {
        std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()), xmlXPathFreeContext);
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(xmlXPathEvalExpression(BAD_CAST xpath, ctx.get()),
                                                                         xmlXPathFreeObject);
        return r ? xmlXPathCastToNumber(r.get()) : -1;
    }
    std::vector<std::string> strings(const char* xpath) const {
        std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(xmlXPathNewContext(doc.get()), xmlXPathFreeContext);
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> r(xmlXPathEvalExpression(BAD_CAST xpath, ctx.get()),
                                                                         xmlXPathFreeObject);
        std::vector<std::string> out;
        if (!r || !r->nodesetval) return out;
        for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
            xmlChar* s = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
            out.emplace_back(s ? reinterpret_cast<const char*>(s) : "");
            xmlFree(s);
        }
        return out;
    }
};

void check_page(const Comparison& c, const std::string& html) {
    const Xml x(html);
    BOOST_REQUIRE_MESSAGE(x.doc, "the page is not well-formed XML");
    std::size_t inserts = 0, removes = 0;
    for (const ClauseEntry& e : c.entries)
        for (const auto* list : {&e.edits, &e.title_edits})
            for (const Edit& ed : *list) {
                inserts += ed.op == EditOp::insert;
                removes += ed.op == EditOp::remove;
            }
    BOOST_TEST(x.number("count(//ins)") == static_cast<double>(inserts));
    BOOST_TEST(x.number("count(//del)") == static_cast<double>(removes));
    // Every clause entry once, with a unique id (an article, or an item of a card of names);
    // the outline links to each.
    const auto ids = x.strings("//@id");
    BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    const std::set<std::string> id_set(ids.begin(), ids.end());
    std::size_t anchored = 0;
    for (std::size_t i = 0; i < c.entries.size(); ++i) anchored += id_set.count("e" + std::to_string(i));
    BOOST_TEST(anchored == c.entries.size());
    BOOST_TEST(x.number("count(//article[contains(concat(' ', @class, ' '), ' entry ')])") ==
               static_cast<double>(c.entries.size()) - x.number("count(//article[contains(@class,'name-list')]//li[@id])"));
    BOOST_TEST(x.number("count(//nav//a)") == static_cast<double>(c.entries.size()));
    // Change numbers as in the report: each on its clause, or in the range of a card of names.
    std::set<std::uint32_t> shown;
    for (const std::string& n : x.strings("//article//span[@class='cnum']")) {
        const auto dash = n.find("–C");
        const std::uint32_t first = static_cast<std::uint32_t>(std::stoul(n.substr(1)));
        const std::uint32_t last = dash == std::string::npos ? first : static_cast<std::uint32_t>(std::stoul(n.substr(dash + 4)));
        for (std::uint32_t k = first; k <= last; ++k) shown.insert(k);
    }
    std::set<std::uint32_t> numbers;
    for (const ClauseEntry& e : c.entries)
        if (e.number) numbers.insert(e.number);
    BOOST_TEST((shown == numbers));
    // The counter names how many stops n / p have: the substantive articles.
    const auto counter = x.strings("//span[@class='counter']");
    BOOST_REQUIRE(counter.size() == 1u);
    const auto stops = static_cast<long>(x.number("count(//article[contains(concat(' ', @class, ' '), ' substantive ')])"));
    BOOST_TEST((counter[0] == std::to_string(stops) + " changes" || counter[0] == "共 " + std::to_string(stops) + " 处更改"), counter[0]);
    BOOST_TEST(x.number("count(//button[@data-step])") == 2);
    // No internal kind name reaches a reader: not in the text, not in the column heads' data.
    for (const std::string& t : x.strings("//main | //nav | //@data-old | //@data-new"))
        for (const char* internal : {"list-item", "front-matter", "term-entry"}) BOOST_TEST(t.find(internal) == std::string::npos);
    // Nothing from outside: only in-page links, no src, no url() in the stylesheet.
    BOOST_TEST(x.number("count(//@href[not(starts-with(., '#'))])") == 0);
    BOOST_TEST(x.number("count(//@src)") == 0);
    BOOST_TEST(x.number("count(//script)") == 1);
    BOOST_TEST(x.number("count(//style)") == 1);
    BOOST_TEST(html.find("url(") == std::string::npos);
    BOOST_TEST(html.find("@import") == std::string::npos);
    const auto csp = x.strings("//meta[@http-equiv='Content-Security-Policy']/@content");
    BOOST_REQUIRE(csp.size() == 1u);
    BOOST_TEST(csp[0].rfind("default-src 'none'; style-src 'sha256-", 0) == 0);
    BOOST_TEST(csp[0].find("unsafe") == std::string::npos);
}

const std::string samples = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";
const std::string corpus = std::string(REDLINE_SHARED_DIR) + "/corpus/";

}  // namespace

BOOST_AUTO_TEST_CASE(sample_pages_in_both_languages) {
    for (const char* lang : {"zh", "en"}) {
        const Document o = read_file(samples + "2023-05-draft." + lang + ".txt");
        const Document n = read_file(samples + "2023-08-draft-for-comments." + lang + ".txt");
        const Comparison c = compare(o, n);
        formats::HtmlOptions options;
        options.date = "2026-11-30";
        const std::string html = formats::write_redline_html(c, options);
        check_page(c, html);
        BOOST_TEST(html == formats::write_redline_html(c, options));  // deterministic
        const Xml x(html);
        BOOST_TEST(x.strings("//p[@class='compared']").at(0) ==
                   (std::string(lang) == "zh" ? "2026-11-30 由 redline 比较。" : "Compared on 2026-11-30 by redline."));
        BOOST_TEST(x.strings("/html/@lang") == std::vector<std::string>{lang});
        // The moved clause 5.4 has a stub at its old place linking to its new one, and back.
        BOOST_TEST(x.number("count(//div[@class='moved-stub']/a)") == 1);
        BOOST_TEST(x.number("count(//article[contains(@class,'k-moved')]//a[starts-with(@href,'#s')])") == 1);
        // Provision changes are listed, and marked in their clauses.
        BOOST_TEST(x.number("count(//section[@class='provisions']/div[contains(@class,'pc ')])") >= 5);
        BOOST_TEST(x.number("count(//article[contains(@class,'has-provisions')])") >= 4);
    }
}

BOOST_AUTO_TEST_CASE(chinese_sample_marks_the_removed_requirement_and_the_renumbering) {
    const Document o = read_file(samples + "2023-05-draft.zh.txt");
    const Document n = read_file(samples + "2023-08-draft-for-comments.zh.txt");
    const Comparison c = compare(o, n);
    const Xml x(formats::write_redline_html(c));
    // 6.2.4 供应链安全 became 6.2.3; its removed 不应 requirement is struck through.
    const auto heads = x.strings("//article[@data-old='6.2.4']//*[@class='head']");
    BOOST_REQUIRE(heads.size() == 1u);
    BOOST_TEST(heads[0].find("6.2.4 → 6.2.3") != std::string::npos);
    BOOST_TEST(heads[0].find("供应链安全") != std::string::npos);
    const auto dels = x.strings("//article[@data-old='6.2.4']//del");
    BOOST_REQUIRE(dels.size() == 1u);
    BOOST_TEST(dels[0] == "应确保激光扫描单元等关键部件采购来源稳定且多样，不应依赖单一供应商。");
    BOOST_TEST(x.number("count(//article[@data-old='6.2.4']//ul[@class='notes']/li)") >= 1);
    // The removed sentence carries its mark, just before the deletion.
    BOOST_TEST(x.strings("//article[@data-old='6.2.4']//span[contains(@class,'pmark')]") ==
               std::vector<std::string>{"删除了要求"});
    BOOST_TEST(x.number("count(//article[@data-old='6.2.4']//span[contains(@class,'pmark')]/following-sibling::*[1][self::del])") == 1);
    // 6.2.2 was merged into 6.2.1: one entry, whose moved requirement says where it came from.
    BOOST_TEST(x.strings("//article[@data-old='6.2.1 + 6.2.2']//span[contains(@class,'pmark')]") ==
               std::vector<std::string>{"要求移动 ← 6.2.2"});
    // Unchanged clauses are collapsed into runs that say how many they hold.
    BOOST_TEST(x.number("count(//details[@class='unchanged-run'])") >= 3);
    for (const std::string& s : x.strings("//details[@class='unchanged-run']/summary"))
        BOOST_TEST((s.find("个未变条款") != std::string::npos), s);
}

// The cover and the table of contents are grouped apart and are no stop of n / p; the five
// drafting organisations removed from the foreword are one card, not five beside empty boxes.
// A Chinese page says what its readers noticed in Chinese, with Chinese punctuation.
BOOST_AUTO_TEST_CASE(chinese_page_words_reader_notes_in_chinese) {
    const Document o = read_text("old.txt", "1 范围\n本文件规定了设备的安全要求。\n2 要求\n设备应记录事件。\n");
    const Document n = read_text("new.txt", "1 范围\n本文件规定了设备的安全要求。\n2 要求\n设备应记录事件。\n4 管理\n设备宜保存日志。\n");
    const Xml x(formats::write_redline_html(compare(o, n), {}));
    BOOST_TEST(x.strings("//details[@class='reader-notes']//li") == std::vector<std::string>{"新版，第 5 行：条号从 2 跳到 4"});
}

BOOST_AUTO_TEST_CASE(chinese_sample_groups_front_matter_and_names) {
    const Document o = read_file(samples + "2023-05-draft.zh.txt");
    const Document n = read_file(samples + "2023-08-draft-for-comments.zh.txt");
    const Comparison c = compare(o, n);
    const Xml x(formats::write_redline_html(c));
    BOOST_TEST(x.number("count(//details[@class='front-matter'])") == 1);
    BOOST_TEST(x.strings("//details[@class='front-matter']/summary") ==
               std::vector<std::string>{"封面和目次：2 处更改，不计为实质性更改"});
    BOOST_TEST(x.strings("//details[@class='front-matter']/article//span[@class='label']") ==
               (std::vector<std::string>{"封面", ""}));
    BOOST_TEST(x.strings("//details[@class='front-matter']/article//span[@class='title']") ==
               (std::vector<std::string>{"ICS 35.030 CCS L 80 中华人民…", "目次"}));
    BOOST_TEST(x.number("count(//details[@class='front-matter']/article[contains(@class,'substantive')])") == 0);
    BOOST_TEST(x.number("count(//article[contains(@class,' front')][not(ancestor::details[@class='front-matter'])])") == 0);
    // The first stop of n is the first change after them.
    BOOST_TEST(x.strings("(//article[contains(concat(' ', @class, ' '), ' substantive ')])[1]/@id") ==
               std::vector<std::string>{"e12"});
    // One card for the removed organisations, each struck, each keeping its entry's anchor.
    BOOST_TEST(x.number("count(//article[contains(@class,'name-list')])") == 1);
    BOOST_TEST(x.strings("//article[contains(@class,'name-list')]/*[@class='head']") ==
               std::vector<std::string>{"C3–C7 前言 · 起草单位：删除 5 家 删除"});
    BOOST_TEST(x.strings("//article[contains(@class,'name-list')]//li/del") ==
               (std::vector<std::string>{"中国信息安全测评中心", "北京信息安全测评中心", "上海市信息安全测评认证中心",
                                         "珠江数码打印技术有限公司", "天工网络安全技术有限公司"}));
    BOOST_TEST(x.strings("//article[contains(@class,'name-list')]//li/@id") ==
               (std::vector<std::string>{"e13", "e14", "e17", "e21"}));
    // Human words in the page's language: change kinds and the drafts' roles.
    BOOST_TEST(x.strings("//article[@data-old='6.2.4']//span[starts-with(@class,'badge')]") ==
               (std::vector<std::string>{"修改", "重新编号"}));
    BOOST_TEST(x.strings("/html/body/@data-old-role") == std::vector<std::string>{"旧版"});
    BOOST_TEST(x.strings("//article[@id='e8']/@data-new") == std::vector<std::string>{"前言 列项"});
}

// kramdown-rfc cross-references show the section they point to, linked to it; one that names
// no section of the draft (a bibliography entry) stays as written.
BOOST_AUTO_TEST_CASE(kramdown_cross_references_show_their_section) {
    const std::string tls = std::string(REDLINE_SOURCE_DIR) + "/tests/corpus/ietf-tls13/";
    const Document o = read_file(tls + "draft-ietf-tls-tls13-06.md");
    const Document n = read_file(tls + "draft-ietf-tls-tls13-07.md");
    const Comparison c = compare(o, n);
    const std::string html = formats::write_redline_html(c);
    check_page(c, html);
    const Xml x(html);
    const auto shown = x.strings("//a[@class='xref'][@title='{{iana-considerations}}']");
    BOOST_REQUIRE(!shown.empty());
    for (const std::string& s : shown) BOOST_TEST(s == "Section 11");
    const auto target = x.strings("(//a[@class='xref'][@title='{{iana-considerations}}'])[1]/@href");
    const std::string article = "//article[@id='" + target.at(0).substr(1) + "']//span[@class='title']";
    BOOST_TEST(x.strings(article.c_str()) ==
               std::vector<std::string>{"IANA Considerations"});
    BOOST_TEST(x.strings("(//a[@class='xref'][@title='{{the-security-parameters}}'])[1]") ==
               std::vector<std::string>{"Appendix A.2"});
    BOOST_TEST(x.number("count(//a[@class='xref'][@title='{{RFC2434}}'])") == 0);
    BOOST_TEST(html.find(" {{RFC2434}}") != std::string::npos);
    BOOST_TEST(formats::kramdown_auto_id("Address Validation") == "address-validation");
    BOOST_TEST(formats::kramdown_auto_id("1.2 The TLS 1.3 Handshake (Overview)") == "the-tls-13-handshake-overview");
}

BOOST_AUTO_TEST_CASE(corpus_pair_page, *boost::unit_test::precondition(shared_corpus_present)) {
    const Document o = read_file(corpus + "ietf-quic-transport/draft-ietf-quic-transport-29.md");
    const Document n = read_file(corpus + "ietf-quic-transport/draft-ietf-quic-transport-30.md");
    const Comparison c = compare(o, n);
    const std::string html = formats::write_redline_html(c);
    check_page(c, html);
    // The page grows with the text, not with the tokens: no element per word.
    auto text_bytes = [](const Document& d) {
        std::size_t n = 0;
        for (const Block& b : d.blocks()) n += d.str(b.text).size();
        for (ClauseId id = 0; id < d.size(); ++id) n += d.title(id).size() + d.label(id).size();
        return n;
    };
    const std::size_t text = text_bytes(o) + text_bytes(n);
    BOOST_TEST_MESSAGE("QUIC 29 -> 30: page " << html.size() << " bytes for " << text << " bytes of text");
    BOOST_TEST(html.size() < text + 100 * c.entries.size() + 100000);
}

BOOST_AUTO_TEST_CASE(markup_in_a_draft_stays_text) {
    const std::string hostile =
        "1 Scope\n\n"
        "This document shall apply. <script>window.__pwned = 1</script>\n\n"
        "2 Terms\n\n"
        "Use <img src=x onerror=\"window.__pwned=1\"> and <a href=\"javascript:window.__pwned=1\">this link</a>.\n"
        "A </style><style>body{display:none}</style> and ]]> and <!-- comment --> and &amp; and \x01 end.\n";
    const std::string changed =
        "1 Scope\n\n"
        "This document should apply. <script>window.__pwned = 2</script>\n\n"
        "2 Terms\n\n"
        "Use <img src=y onerror=\"window.__pwned=2\"> and <a href=\"javascript:window.__pwned=2\">this link</a>.\n"
        "A </style><style>body{display:none}</style> and ]]> and <!-- comment --> and &amp; and \x01 end.\n";
    const Document o = read_text("hostile-old.txt", hostile);
    const Document n = read_text("hostile-new.txt", changed);
    const Comparison c = compare(o, n);
    const std::string html = formats::write_redline_html(c);
    check_page(c, html);
    const Xml x(html);
    BOOST_TEST(x.number("count(//img)") == 0);
    BOOST_TEST(x.number("count(//@onerror)") == 0);
    BOOST_TEST(x.number("count(//a[contains(@href,'javascript')])") == 0);
    BOOST_TEST(x.number("count(//comment())") == 0);
    // The text is all there, as text.
    const auto bodies = x.strings("//article//div[contains(@class,'inline-body')]");
    std::string all;
    for (const auto& b : bodies) all += b;
    BOOST_TEST(all.find("<script>window.__pwned") != std::string::npos);
    BOOST_TEST(all.find("onerror=\"window.__pwned=") != std::string::npos);
    BOOST_TEST(all.find("</style><style>body{display:none}</style>") != std::string::npos);
    BOOST_TEST(all.find("\xE2\x90\x81 end") != std::string::npos);  // U+0001 shown as ␁
}

// "The device shall U+202E tpyrcne ton U+202C stored data." renders as "shall not encrypt"
// when the controls reach the page. They do not: each is a highlighted ⟨RLO⟩ / ⟨PDF⟩ marker
// in an isolating <bdi>, the reader notes name the clause, and the provision change is the
// reworded requirement it is, quoted with the same markers. ESC, BEL and DEL show as
// Control Pictures; attribute values hold the plain tokens.
BOOST_AUTO_TEST_CASE(controls_in_a_draft_are_shown_isolated) {
    const Document o = read_text("old.txt", spoofed::old_draft);
    const Document n = read_text("new.txt", spoofed::new_draft);
    const Comparison c = compare(o, n);
    const std::string html = formats::write_redline_html(c);
    check_page(c, html);
    for (const std::string& raw : {spoofed::rlo, spoofed::pdf, std::string("\x1b"), std::string("\x07"), std::string("\x7f")})
        BOOST_TEST(html.find(raw) == std::string::npos);
    const Xml x(html);
    // In the clause text: the inserted words, with both markers isolated and named.
    BOOST_TEST(x.strings("//article[@data-new='2.1']//ins") == std::vector<std::string>{" ⟨RLO⟩tpyrcne ton⟨PDF⟩"});
    BOOST_TEST(x.strings("//article[@data-new='2.1']//ins/bdi[@class='hidden-char']") ==
               (std::vector<std::string>{"⟨RLO⟩", "⟨PDF⟩"}));
    BOOST_TEST(x.strings("//article[@data-new='2.1']//ins/bdi/@title") ==
               (std::vector<std::string>{"U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C POP DIRECTIONAL FORMATTING"}));
    BOOST_TEST(html.find(".hidden-char { unicode-bidi: isolate;") != std::string::npos);
    // The provision change: reworded, its new wording quoted with the markers.
    BOOST_TEST(x.strings("//section[@class='provisions']/div[contains(@class,'pc-modified')]/span[@class='what']") ==
               (std::vector<std::string>{"requirement reworded", "requirement reworded"}));
    BOOST_TEST(x.strings("//section[@class='provisions']/div[1]/q[@class='new']") == std::vector<std::string>{spoofed::shown});
    BOOST_TEST(x.number("count(//section[@class='provisions']/div[1]/q[@class='new']/bdi[@class='hidden-char'])") == 2);
    // The reader notes name the clauses.
    BOOST_TEST(x.strings("//details[@class='reader-notes']//li") ==
               (std::vector<std::string>{"New draft, line 9: " + spoofed::warning_2_1, "New draft, line 11: " + spoofed::warning_2_2}));
    // The title with an escape sequence, in the heading and the outline; DEL in the text.
    BOOST_TEST(x.strings("//article[@data-new='2.2']//span[@class='title']") == std::vector<std::string>{"Logging␛]0;pwned␇"});
    BOOST_TEST(x.number("count(//nav//span[@class='ntitle']/bdi[@class='hidden-char'])") == 2);
    BOOST_TEST(x.strings("//article[@data-new='2.2']//div[contains(@class,'inline-body')]//ins/bdi/@title") ==
               std::vector<std::string>{"U+007F DELETE"});
}

// Code and ASCII art keep their lines and columns, in monospace, and are diffed line by
// line: the one changed line of a packet diagram is the only line with a deletion and an
// insertion.
BOOST_AUTO_TEST_CASE(code_keeps_its_lines_and_is_diffed_line_by_line) {
    const std::string before =
        "# Packets\n\nA packet looks like this:\n\n~~~~~\nLong Header Packet {\n  Header Form (1) = 1,\n"
        "  Version (32),\n  +--------+    +-----+\n}\n~~~~~\n\nThat is all.\n";
    std::string after = before;
    after.replace(after.find("Version (32)"), 12, "Version (64)");
    const Document o = read_text("old.md", before);
    const Document n = read_text("new.md", after);
    const Comparison c = compare(o, n);
    const std::string html = formats::write_redline_html(c);
    check_page(c, html);
    const Xml x(html);
    BOOST_TEST(x.strings("//article//div[contains(@class,'inline-body')]//code[@class='fig']") ==
               (std::vector<std::string>{"Long Header Packet {", "  Header Form (1) = 1,", "  Version (", "32", "64", "),",
                                         "  +--------+    +-----+", "}"}));
    BOOST_TEST(x.strings("//del/code[@class='fig']") == std::vector<std::string>{"32"});
    BOOST_TEST(x.strings("//ins/code[@class='fig']") == std::vector<std::string>{"64"});
    BOOST_TEST(html.find("A packet looks like this:\n<code class=\"fig\">Long Header Packet {</code>\n") != std::string::npos);
    BOOST_TEST(html.find(".text code.fig { font-family: ui-monospace") != std::string::npos);
}
