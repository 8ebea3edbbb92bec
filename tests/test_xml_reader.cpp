#define BOOST_TEST_MODULE xml_reader
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"

#include "engine/error.hpp"
#include "formats/reader.hpp"
#include "tests/support/roles.hpp"

#include <map>
#include <regex>
#include <string>

using namespace redline;

namespace {

using redline::test::roles;

Document xml(const std::string& text) {
    formats::ReadOptions o;
    o.path = "draft.xml";
    return formats::read_document(text, o);
}

std::string error_of(const std::string& text) {
    try {
        xml(text);
    } catch (const InputError& e) {
        return e.describe();
    }
    return "no error";
}

// The scorer's numbering (score_alignment.py, strip_xml): anchor → (line, number).
std::map<std::string, std::pair<std::uint32_t, std::string>> scorer_numbers(const std::string& text) {
    std::map<std::string, std::pair<std::uint32_t, std::string>> out;
    std::vector<int> counters(12, 0);
    int depth = 0;
    bool back = false;
    const std::regex tag(R"(<back\b|</section\s*>|<section\b[^>]*?(/?)>)");
    const std::regex anchor(R"(\s+anchor\s*=\s*("[^"]*"|'[^']*'))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::string t = it->str();
        if (t.rfind("<back", 0) == 0) {
            back = true;
            std::fill(counters.begin(), counters.end(), 0);
            depth = 0;
        } else if (t.rfind("</section", 0) == 0) {
            --depth;
        } else {
            ++depth;
            ++counters[depth];
            for (int k = depth + 1; k < 12; ++k) counters[k] = 0;
            std::string number;
            for (int k = 1; k <= depth; ++k) {
                if (k > 1) number += '.';
                if (back && k == 1 && counters[1] <= 26) number += static_cast<char>('A' + counters[1] - 1);
                else number += std::to_string(counters[k]);
            }
            std::smatch m;
            if (std::regex_search(t, m, anchor)) {
                const auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + it->position(), '\n') + 1);
                out[m[1].str().substr(1, m[1].str().size() - 2)] = {line, number};
            }
            if ((*it)[1] == "/") --depth;
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(httpbis_sections_agree_with_the_scorer, *boost::unit_test::precondition(shared_corpus_present)) {
    for (const char* name : {"draft-ietf-httpbis-p2-semantics-20.xml", "draft-ietf-httpbis-p2-semantics-21.xml"}) {
        const std::string path = std::string(REDLINE_SHARED_DIR) + "/corpus/ietf-httpbis/" + name;
        const std::string text = formats::read_bytes(path);
        const Document d = xml(text);
        std::size_t sections = 0;
        std::map<std::string, ClauseId> by_anchor;
        for (ClauseId id = 1; id < d.size(); ++id) {
            if (d[id].kind != ClauseKind::clause && d[id].kind != ClauseKind::annex) continue;
            if (!d.label(id).empty()) ++sections;
            if (!d[id].anchor.empty()) by_anchor[std::string(d.str(d[id].anchor))] = id;
        }
        std::size_t tags = 0;
        for (std::size_t p = text.find("<section"); p != std::string::npos; p = text.find("<section", p + 1)) ++tags;
        BOOST_TEST(sections == tags, name);
        const auto truth = scorer_numbers(text);
        BOOST_TEST(truth.size() > 100u);
        for (const auto& [anchor, where] : truth) {
            BOOST_REQUIRE_MESSAGE(by_anchor.count(anchor), anchor);
            const ClauseId id = by_anchor[anchor];
            BOOST_TEST(d.label(id) == where.second, anchor);
            BOOST_TEST(d[id].where.line == where.first, anchor);
        }
    }
}

BOOST_AUTO_TEST_CASE(httpbis_spot_checks, *boost::unit_test::precondition(shared_corpus_present)) {
    const Document d = xml(formats::read_bytes(std::string(REDLINE_SHARED_DIR) +
                                               "/corpus/ietf-httpbis/draft-ietf-httpbis-p2-semantics-20.xml"));
    BOOST_TEST(d.info.identifier == "draft-ietf-httpbis-p2-semantics-20");
    BOOST_TEST(d.info.title == "HTTP/1.1, part 2: Semantics and Payloads");
    ClauseId get = no_clause;
    for (ClauseId id = 1; id < d.size(); ++id)
        if (d.label(id) == "2.3.2") get = id;
    BOOST_REQUIRE(get != no_clause);
    BOOST_TEST(d.title(get) == "GET");
    BOOST_TEST(d[get].where.line == 380u);
    BOOST_TEST(d.str(d[get].anchor) == "GET");
}

BOOST_AUTO_TEST_CASE(xml2rfc_v3_elements) {
    const Document d = xml(R"(<?xml version="1.0" encoding="UTF-8"?>
<rfc docName="draft-example-00" version="3">
<front><title>Example</title><abstract><t>Short.</t></abstract></front>
<middle>
<section anchor="intro"><name>Introduction</name>
<t>Clients <bcp14>MUST</bcp14> send <xref target="RFC9110"/> requests.</t>
<ul><li>first item</li><li><t>second item</t></li></ul>
<sourcecode>GET / HTTP/1.1</sourcecode>
<section><name>Details</name><t>More.</t></section>
</section>
</middle>
<back><section anchor="ack"><name>Acknowledgements</name><t>Thanks.</t></section></back>
</rfc>
)");
    ClauseId intro = no_clause, details = no_clause, ack = no_clause;
    for (ClauseId id = 1; id < d.size(); ++id) {
        if (d.label(id) == "1") intro = id;
        if (d.label(id) == "1.1") details = id;
        if (d.label(id) == "A") ack = id;
    }
    BOOST_REQUIRE(intro != no_clause);
    BOOST_REQUIRE(details != no_clause);
    BOOST_REQUIRE(ack != no_clause);
    BOOST_TEST(d.title(intro) == "Introduction");
    BOOST_TEST(d[intro].where.line == 5u);
    BOOST_TEST(d.own_text(intro) == "Clients MUST send [RFC9110] requests.\nfirst item\nsecond item\nGET / HTTP/1.1");
    BOOST_TEST(d.blocks_begin(intro)[3].kind == BlockKind::code);
    BOOST_TEST(d[details].parent == intro);
    BOOST_TEST(d[ack].kind == ClauseKind::annex);
    BOOST_TEST(d.title(ack) == "Acknowledgements");
}

BOOST_AUTO_TEST_CASE(section_roles_of_xml2rfc_drafts) {
    // v2: <references> groups directly in <back>.
    const Document v2 = xml(R"(<?xml version="1.0"?>
<rfc docName="draft-example-01">
<front><title>Example</title><author fullname="A. Person"/><abstract><t>Short.</t></abstract>
<note title="Editorial Note"><t>Discuss on the list.</t></note></front>
<middle>
<section title="Introduction"><t>Text.</t>
<section title="Notational Conventions"><t>BCP 14.</t></section>
<section title="Terminology"><t>Terms.</t></section>
</section>
<section title="Protocol"><section title="Introduction"><t>Not the document's.</t></section></section>
<section title="IANA Considerations"><t>None.</t></section>
<section title="Security Considerations"><t>None.</t></section>
</middle>
<back>
<references title="Normative References"><reference anchor="RFC2119"><front><title>Key words</title></front></reference></references>
<references title="Informative References"><reference anchor="RFC5246"><front><title>TLS</title></front></reference></references>
<section title="Change Log"><t>None.</t></section>
</back>
</rfc>
)");
    BOOST_TEST(roles(v2) == "Front matter → cover\n"
                            "Abstract → abstract\n"
                            "1 Introduction → introduction\n"
                            "1.2 Terminology → terms\n"
                            "3 IANA Considerations → iana-considerations\n"
                            "4 Security Considerations → security-considerations\n"
                            "Normative References → normative-references\n"
                            "Informative References → informative-references\n"
                            "A Change Log → annex\n");
    // v3: the groups nest in one <references>; an untitled list is "References".
    const Document v3 = xml(R"(<?xml version="1.0"?>
<rfc docName="draft-example-02" version="3">
<front><title>Example</title></front>
<middle><section><name>Overview</name><t>Text.</t></section></middle>
<back>
<references><name>References</name>
<references><name>Normative References</name><reference anchor="A"><front><title>A</title></front></reference></references>
<references><name>Informative References</name><reference anchor="B"><front><title>B</title></front></reference></references>
</references>
<references><reference anchor="C"><front><title>C</title></front></reference></references>
</back>
</rfc>
)");
    BOOST_TEST(roles(v3) == "Front matter → cover\n"
                            "References → references\n"
                            "Normative References → normative-references\n"
                            "Informative References → informative-references\n"
                            "References → references\n");
}

// A reference list's entry reads as xml2rfc prints it: authors, title, series, date and
// address are what a new revision of a cited document changes.
BOOST_AUTO_TEST_CASE(references_read_as_xml2rfc_prints_them) {
    const Document d = xml(R"(<?xml version="1.0"?>
<rfc docName="draft-example-03" version="3">
<front><title>Example</title></front>
<middle><section><name>Overview</name><t>Text.</t></section></middle>
<back><references><name>Normative References</name>
<reference anchor="RFC2119" target="https://www.rfc-editor.org/info/rfc2119">
  <front><title>Key words for use in RFCs to Indicate Requirement Levels</title>
    <author initials="S." surname="Bradner" fullname="Scott Bradner"><organization>Harvard University</organization></author>
    <date month="3" year="1997" day="1"/></front>
  <seriesInfo name="BCP" value="14"/><seriesInfo name="RFC" value="2119"/>
</reference>
<reference anchor="Part1">
  <front><title>HTTP/1.1: Message Syntax</title>
    <author initials="R." surname="Fielding" role="editor"/><author initials="Y." surname="Lafon" role="editor"/>
    <author initials="J. F." surname="Reschke" role="editor"/><date month="October" year="2012"/></front>
  <seriesInfo name="Internet-Draft" value="draft-ietf-httpbis-p1-messaging-21"/>
  <annotation>Work in progress.</annotation>
</reference>
<reference anchor="TWO"><front><title>Two</title><author surname="One" initials="A."/><author fullname="Bee Two"/>
  <date year="2020"/></front><refcontent>Vol. 2,
  no. 3</refcontent></reference>
<reference anchor="ORG"><front><title>Standard</title><author><organization>ISO</organization></author></front>
  <seriesInfo name="ISO" value="8601-1:2019 "/></reference>
<referencegroup anchor="BCP14" target="https://www.rfc-editor.org/info/bcp14">
  <reference anchor="RFC8174"><front><title>Ambiguity</title><author initials="B." surname="Leiba"/><date month="May" year="2017"/></front>
    <seriesInfo name="RFC" value="8174"/></reference>
</referencegroup>
</references></back>
</rfc>
)");
    ClauseId refs = 0;
    for (ClauseId id = 0; id < d.size(); ++id)
        if (d.title(id) == "Normative References") refs = id;
    BOOST_REQUIRE(refs != 0);
    BOOST_TEST(d.own_text(refs) ==
               "[RFC2119] Bradner, S., \"Key words for use in RFCs to Indicate Requirement Levels\", BCP 14, RFC 2119, March 1997, "
               "<https://www.rfc-editor.org/info/rfc2119>.\n"
               "[Part1] Fielding, R., Ed., Y. Lafon, Ed., and J. F. Reschke, Ed., \"HTTP/1.1: Message Syntax\", Internet-Draft "
               "draft-ietf-httpbis-p1-messaging-21, October 2012. Work in progress.\n"
               "[TWO] One, A. and Bee Two, \"Two\", Vol. 2, no. 3, 2020.\n"
               "[ORG] ISO, \"Standard\", ISO 8601-1:2019.\n"
               "[BCP14] Leiba, B., \"Ambiguity\", RFC 8174, May 2017. <https://www.rfc-editor.org/info/bcp14>");
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_line) {
    BOOST_TEST(error_of("<?xml version=\"1.0\"?>\n<rfc>\n<middle>\n<section title=\"a\">\n</middle>\n</rfc>\n") ==
               "draft.xml: line 5: XML: Start-end tags mismatch");
    BOOST_TEST(error_of("<?xml version=\"1.0\"?>\n<standard/>\n") ==
               "draft.xml: XML: root element <standard> is not a supported vocabulary (xml2rfc <rfc> is; NISO STS is planned)");
}

BOOST_AUTO_TEST_CASE(entities_are_never_expanded_or_fetched) {
    const std::string bomb = R"(<?xml version="1.0"?>
<!DOCTYPE rfc [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY x SYSTEM "file:///etc/passwd">
]>
<rfc><middle><section title="S"><t>&d; and &x;</t></section></middle></rfc>
)";
    const Document d = xml(bomb);
    ClauseId s = no_clause;
    for (ClauseId id = 1; id < d.size(); ++id)
        if (d.label(id) == "1") s = id;
    BOOST_REQUIRE(s != no_clause);
    BOOST_TEST(d.own_text(s) == "&d; and &x;");
    BOOST_TEST(d.own_text(s).find("root:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(deep_nesting_is_bounded) {
    std::string text = "<rfc><middle>";
    for (int i = 0; i < 100000; ++i) text += "<section title=\"s\">";
    text += "<t>deep</t>";
    for (int i = 0; i < 100000; ++i) text += "</section>";
    text += "</middle></rfc>";
    const Document d = xml(text);
    std::uint32_t deepest = 0;
    for (ClauseId id = 0; id < d.size(); ++id) deepest = std::max(deepest, d[id].depth);
    BOOST_TEST(deepest <= formats::max_tree_depth + 1);
    BOOST_TEST(!d.warnings.empty());
    bool found = false;
    for (const Block& b : d.blocks()) found = found || d.str(b.text) == "deep";
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(line_numbers_count_every_kind_of_line_end) {
    // "\n", "\r\n" and a lone "\r" each end a line (text::split_lines), as XML itself has it.
    const std::string lf = "<?xml version=\"1.0\"?>\n<rfc docName=\"draft-x-00\">\n<middle>\n\n"
                           "<section anchor=\"a\"><name>One</name><t>Text.</t></section>\n</middle>\n</rfc>\n";
    for (const std::string eol : {"\n", "\r\n", "\r"}) {
        const Document d = xml(std::regex_replace(lf, std::regex("\n"), eol));
        ClauseId one = no_clause;
        for (ClauseId id = 1; id < d.size(); ++id)
            if (d.label(id) == "1") one = id;
        BOOST_REQUIRE(one != no_clause);
        BOOST_TEST(d[one].where.line == 5u, "line end of " << eol.size() << " bytes");
    }
}

// Lists nested 100,000 deep (a SIGSEGV from about 21,000 levels before the limit): read to
// the end, the innermost text kept, the flattening said once.
BOOST_AUTO_TEST_CASE(deeply_nested_lists_are_read_as_text_past_the_limit) {
    std::string body;
    for (int i = 0; i < 100000; ++i) body += "<ul><li>";
    body += "innermost item";
    for (int i = 0; i < 100000; ++i) body += "</li></ul>";
    const Document d = xml("<?xml version=\"1.0\"?>\n<rfc docName=\"draft-x-00\"><front><title>T</title></front><middle>"
                           "<section title=\"Intro\"><t>Hello.</t>" + body + "</section></middle></rfc>");
    BOOST_REQUIRE_EQUAL(d.warnings.size(), 1u);
    BOOST_TEST(d.warnings[0].message == "lists, quotes and notes nested deeper than 256 levels are read as text");
    std::string all;
    for (ClauseId id = 0; id < d.size(); ++id) all += d.own_text(id);
    BOOST_TEST(all.find("innermost item") != std::string::npos);
}
