#define BOOST_TEST_MODULE provisions
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"

#include "engine/provisions.hpp"
#include "formats/reader.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace redline;

namespace {

std::string what(std::string_view unit, Profile p) {
    const Classification c = classify(unit, p);
    if (c.kind == ProvisionKind::statement) return "statement";
    return std::string(to_string(c.kind)) + "/" + std::string(to_string(c.polarity)) + "/" + c.form;
}

Document read(const std::string& path) {
    formats::ReadOptions o;
    o.path = path;
    return formats::read_document(formats::read_bytes(path), o);
}

}  // namespace

BOOST_AUTO_TEST_CASE(chinese_modals_are_found_by_words_not_characters) {
    const Profile gb = Profile::gb;
    BOOST_TEST(what("系统应支持可信启动。", gb) == "requirement/positive/应");
    BOOST_TEST(what("设备不应提供调试接口。", gb) == "requirement/negative/不应");
    BOOST_TEST(what("设备宜采用国家密码算法。", gb) == "recommendation/positive/宜");
    BOOST_TEST(what("设备不宜开放远程管理。", gb) == "recommendation/negative/不宜");
    BOOST_TEST(what("设备可支持基于智能卡的身份鉴别。", gb) == "permission/positive/可");
    BOOST_TEST(what("用户无须注册。", gb) == "permission/negative/无须");
    BOOST_TEST(what("擦除后的数据不能恢复。", gb) == "possibility/negative/不能");
    BOOST_TEST(what("设备不得使用明文协议。", gb) == "requirement/negative/不得");
    BOOST_TEST(what("设备应对管理功能实施身份鉴别。", gb) == "requirement/positive/应");
    BOOST_TEST(what("生产者应识别风险，并制定应对措施。", gb) == "requirement/positive/应");
    // Trap words: never a provision on their own…
    for (const char* s : {"应用程序的响应时间。", "供应商提供相应的对应关系。", "设备适应不同环境。", "可信计算的可靠性与可用性。",
                          "许可证的功能和性能。", "智能卡的能力。", "价格便宜。", "制定应对措施。"})
        BOOST_TEST(what(s, gb) == "statement", s);
    // … and no obstacle to the real modal beside them.
    BOOST_TEST(what("应用程序应记录响应时间。", gb) == "requirement/positive/应");
    BOOST_TEST(what("供应商宜提供可信的组件。", gb) == "recommendation/positive/宜");
    BOOST_TEST(what("设备应具备智能卡功能。", gb) == "requirement/positive/应");
}

BOOST_AUTO_TEST_CASE(law_forms) {
    const Profile law = Profile::law;
    BOOST_TEST(what("设立公司，应当依法向公司登记机关申请设立登记。", law) == "requirement/positive/应当");
    BOOST_TEST(what("公司股东不得滥用股东权利。", law) == "requirement/negative/不得");
    BOOST_TEST(what("禁止滥用职权。", law) == "requirement/negative/禁止");
    BOOST_TEST(what("公司可以设立分公司。", law) == "permission/positive/可以");
    BOOST_TEST(what("公司必须保护职工的合法权益。", law) == "requirement/positive/必须");
    BOOST_TEST(what("承担相应的法律责任。", law) == "statement");
}

// 应 standing alone after ICU's segmentation that is not the modal.
BOOST_AUTO_TEST_CASE(ying_that_is_no_modal) {
    const Profile law = Profile::law;
    // 应诉: "respond to a lawsuit", read 应 | 诉.
    BOOST_TEST(what("被告应诉。", law) == "statement");
    BOOST_TEST(what("被告应当应诉。", law) == "requirement/positive/应当");
    BOOST_TEST(what("当事人应诉讼请求变更的内容答辩。", law) == "requirement/positive/应");
    // "At the request of": 应 + the one who asks + 请求 / 要求 / 邀请, closed by a comma.
    BOOST_TEST(what("应公司的请求，董事会可以召开临时会议。", law) == "permission/positive/可以");
    BOOST_TEST(what("应当事人的请求，人民法院可以调查收集证据。", law) == "permission/positive/可以");
    BOOST_TEST(what("应国务院要求，有关部门可以报告工作。", law) == "permission/positive/可以");
    BOOST_TEST(what("应国务院邀请，代表团访问。", law) == "statement");
    BOOST_TEST(what("代表应邀出席会议。", law) == "statement");
    BOOST_TEST(what("应要求，公司可以提供副本。", law) == "permission/positive/可以");
    BOOST_TEST(what("公司应要求股东提供担保。", law) == "requirement/positive/应");
    // The modal before the same words has a verb between.
    BOOST_TEST(what("设备应满足下列要求，并记录日志。", Profile::gb) == "requirement/positive/应");
    BOOST_TEST(what("设备应按用户要求，提供接口。", Profile::gb) == "requirement/positive/应");
    BOOST_TEST(what("设备应满足 GB 4943.1 的要求，并应记录。", Profile::gb) == "requirement/positive/应");
    BOOST_TEST(what("申请人应提出书面申请，并附材料。", law) == "requirement/positive/应");
    // Compounds with the character before, split by the dictionary.
    BOOST_TEST(what("与之相应的数据。", Profile::gb) == "statement");
    BOOST_TEST(what("与之相 应的数据。", Profile::gb) == "statement");
    BOOST_TEST(what("与之相应应当记录。", law) == "requirement/positive/应当");
}

// "Ought to have known / foreseen" is knowledge the law imputes, not a duty.
BOOST_AUTO_TEST_CASE(epistemic_ying_dang_is_no_requirement) {
    const Profile law = Profile::law;
    BOOST_TEST(what("知道或者应当知道其违法的，可以撤销。", law) == "permission/positive/可以");
    BOOST_TEST(what("相对人知道或者应当知道该情形，可以请求撤销。", law) == "permission/positive/可以");
    BOOST_TEST(what("明知或者应知的，应当赔偿。", law) == "requirement/positive/应当");
    BOOST_TEST(what("已经预见或者应当预见而轻信能够避免的，可以减轻处罚。", law) == "permission/positive/可以");
    BOOST_TEST(what("行为人应当知道。", law) == "statement");
    // 知晓 (be aware of) is a duty.
    BOOST_TEST(what("用户应知晓风险。", Profile::gb) == "requirement/positive/应");
}

// A verbal form inside a 的-condition says when the provision applies, not what it is.
BOOST_AUTO_TEST_CASE(forms_in_a_de_condition_are_not_the_main_form) {
    const Profile law = Profile::law;
    BOOST_TEST(what("董事不宜担任董事的，可以由股东会解任。", law) == "permission/positive/可以");
    BOOST_TEST(what("董事不宜担任董事的，由股东会解任。", law) == "statement");
    BOOST_TEST(what("股东会的会议召集程序违反法律，或者决议内容不得通过而通过的，股东可以请求撤销。", law) ==
               "permission/positive/可以");
    // A main clause before the condition keeps its form; a 的 before a noun is no condition.
    BOOST_TEST(what("董事会应当召开会议，不能召开的，监事会可以召集。", law) == "requirement/positive/应当");
    BOOST_TEST(what("规定须经批准的项目，应当依法办理。", law) == "requirement/positive/应当");
    BOOST_TEST(what("设备不宜开放远程管理的，宜关闭端口。", Profile::gb) == "recommendation/positive/宜");
}

// 可 + verb as an attributive ("voidable", "alterable") is not a permission.
BOOST_AUTO_TEST_CASE(adjectival_ke_is_no_permission) {
    const Profile law = Profile::law;
    BOOST_TEST(what("可撤销的民事法律行为自始没有法律效力。", law) == "statement");
    BOOST_TEST(what("无效或者可撤销的合同不影响争议解决条款的效力。", law) == "statement");
    BOOST_TEST(what("可变更或者可撤销的合同，由人民法院裁决。", law) == "statement");
    BOOST_TEST(what("可分割的财产按份额处理。", law) == "statement");
    BOOST_TEST(what("对可撤销合同，当事人可以请求撤销。", law) == "permission/positive/可以");
    BOOST_TEST(what("属于可撤销合同。", law) == "statement");
    // The modal before the same verbs.
    BOOST_TEST(what("当事人可撤销合同。", law) == "permission/positive/可");
    BOOST_TEST(what("人民法院可变更或者撤销。", law) == "permission/positive/可");
    BOOST_TEST(what("设备可采用加密。", Profile::gb) == "permission/positive/可");
    // 对 ending a noun ICU split (公私钥 | 对: a key pair) is no preposition.
    BOOST_TEST(what("用户的加解密公私钥对可由第三方产生。", Profile::gb) == "permission/positive/可");
}

BOOST_AUTO_TEST_CASE(rfc2119_forms_are_capitals_only) {
    const Profile rfc = Profile::rfc2119;
    BOOST_TEST(what("A QUIC endpoint MUST NOT reuse a stream ID within a connection.", rfc) == "requirement/negative/MUST NOT");
    BOOST_TEST(what("Endpoints SHOULD use the value.", rfc) == "recommendation/positive/SHOULD");
    BOOST_TEST(what("This is NOT RECOMMENDED.", rfc) == "recommendation/negative/NOT RECOMMENDED");
    BOOST_TEST(what("An endpoint MAY treat receipt as an error.", rfc) == "permission/positive/MAY");
    BOOST_TEST(what("Support is OPTIONAL.", rfc) == "permission/positive/OPTIONAL");
    BOOST_TEST(what("An endpoint must be careful and may retry.", rfc) == "statement");
    BOOST_TEST(what("The key words \"MUST\", \"MUST NOT\", \"REQUIRED\" in this document are to be interpreted as described in "
                    "BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals.",
                    rfc) == "statement");
}

// A plain-text Internet-Draft wraps the boilerplate anywhere; a line starting "BCP 14
// [RFC2119]" continues its sentence.
const char* const wrapped_bcp14_draft =
    "Network Working Group                                          A. Author\n"
    "Internet-Draft                                              Example Corp\n"
    "Intended status: Standards Track                           March 1, 2015\n"
    "\n"
    "                         An Example Protocol\n"
    "                        draft-example-proto-00\n"
    "\n"
    "1.  Introduction\n"
    "\n"
    "1.1.  Conventions and Definitions\n"
    "\n"
    "   The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHALL NOT\",\n"
    "   \"SHOULD\", \"SHOULD NOT\", \"RECOMMENDED\", \"NOT RECOMMENDED\", \"MAY\", and\n"
    "   \"OPTIONAL\" in this document are to be interpreted as described in\n"
    "   BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all\n"
    "   capitals, as shown here.\n"
    "\n"
    "2.  Protocol\n"
    "\n"
    "   A client MUST send a hello.  A server MUST NOT reply twice.\n";

BOOST_AUTO_TEST_CASE(the_bcp14_boilerplate_however_it_wraps) {
    formats::ReadOptions o;
    o.path = "draft.txt";
    const Document d = formats::read_text(wrapped_bcp14_draft, o);
    BOOST_TEST(choose_profile(d) == Profile::rfc2119);
    const Analysis a = analyse(d, choose_profile(d));
    std::vector<std::string> provisions;
    for (const Unit& u : a.units)
        if (u.what.kind != ProvisionKind::statement) provisions.push_back(std::string(d.label(u.clause)) + " " + u.what.form);
    BOOST_TEST(provisions == (std::vector<std::string>{"2 MUST", "2 MUST NOT"}), boost::test_tools::per_element());

    // Cut in two blocks anyway (another reader, another wrap): still BCP 14, and neither half
    // is a provision under any English profile.
    const std::string first = "The key words \"MUST\", \"MUST NOT\", \"REQUIRED\", \"SHALL\", \"SHOULD\", \"MAY\", and "
                              "\"OPTIONAL\" in this document are to be interpreted as described in";
    const std::string second = "BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.";
    DocumentBuilder b;
    b.open(ClauseKind::clause, "1.1", "Conventions and Definitions", SourceLocation{1, 0, 0});
    b.add_block(BlockKind::paragraph, first, SourceLocation{2, 0, 0});
    b.add_block(BlockKind::paragraph, second, SourceLocation{3, 0, 0});
    b.close();
    b.open(ClauseKind::clause, "2", "Protocol", SourceLocation{4, 0, 0});
    b.add_block(BlockKind::paragraph, "A client MUST send a hello.", SourceLocation{5, 0, 0});
    b.close();
    Document split = b.finish();
    split.language = Language::en;
    BOOST_TEST(choose_profile(split) == Profile::rfc2119);
    for (Profile p : {Profile::rfc2119, Profile::iso}) {
        BOOST_TEST(what(first, p) == "statement", p);
        BOOST_TEST(what(second, p) == "statement", p);
    }
    // Quoted keywords in a real provision are no boilerplate.
    BOOST_TEST(what("The definition MUST say whether they \"MUST\", \"MAY\" or \"SHOULD\" be stored.", Profile::rfc2119) ==
               "requirement/positive/MUST");
}

BOOST_AUTO_TEST_CASE(iso_forms) {
    const Profile iso = Profile::iso;
    BOOST_TEST(what("The device shall not use plain text.", iso) == "requirement/negative/shall not");
    BOOST_TEST(what("Logs shall be retained.", iso) == "requirement/positive/shall");
    BOOST_TEST(what("It is recommended that logs be exported.", iso) == "recommendation/positive/It is recommended that");
    BOOST_TEST(what("The list should include versions.", iso) == "recommendation/positive/should");
    BOOST_TEST(what("Users need not register.", iso) == "permission/negative/need not");
    BOOST_TEST(what("The device may support smart cards.", iso) == "permission/positive/may");
    BOOST_TEST(what("Test laboratories can adjust it.", iso) == "possibility/positive/can");
    BOOST_TEST(what("Erased data cannot be recovered.", iso) == "possibility/negative/cannot");
    BOOST_TEST(what("Operators must comply with national law.", iso) == "constraint/positive/must");
    BOOST_TEST(what("The draft was discussed in May 2023.", iso) == "statement");
    BOOST_TEST(what("The device shall encrypt data and can compress it.", iso) == "requirement/positive/shall");
}

BOOST_AUTO_TEST_CASE(references_in_all_their_forms) {
    const std::string text =
        "应符合 GB/T 29829—2022、GB 34660-2017、YD/T 3756—2024、GM/T 0008-2012、ＧＢ／Ｔ　２０５１８ 和 GB/T 32918（所有部分）；"
        "see ISO/IEC 27001:2022, IEC 62443-4-2, ITU-T X.509, RFC 8446, [RFC2119] and NIST SP 800-53.";
    std::vector<std::string> keys;
    for (const Reference& r : find_references(text)) keys.push_back(r.key);
    BOOST_TEST(keys == (std::vector<std::string>{"GB/T 29829-2022", "GB 34660-2017", "YD/T 3756-2024", "GM/T 0008-2012",
                                                 "GB/T 20518", "GB/T 32918", "ISO/IEC 27001:2022", "IEC 62443-4-2",
                                                 "ITU-T X.509", "RFC 8446", "RFC 2119", "NIST SP 800-53"}),
               boost::test_tools::per_element());
    const auto refs = find_references("GB/T 29829—2022");
    BOOST_REQUIRE(refs.size() == 1u);
    BOOST_TEST(refs[0].dated);
    BOOST_TEST(refs[0].offset == 0u);
    BOOST_TEST(refs[0].length == std::string("GB/T 29829—2022").size());
    // Em dash, en dash, hyphen, full-width hyphen and spacing all give one key.
    for (const char* form : {"GB/T29829-2022", "GB/T 29829–2022", "GB/T 29829－2022", "GB/T  29829 — 2022", "ＧＢ／Ｔ２９８２９—２０２２"})
        BOOST_TEST(find_references(form).at(0).key == "GB/T 29829-2022", form);
}

BOOST_AUTO_TEST_CASE(a_reference_is_placed_in_the_text_as_written_whatever_folding_shortened_before_it) {
    // Full-width forms and dashes fold to one byte from three; the places map back through them.
    const std::string text = "见ＧＢ／Ｔ　２０５１８—２０２０、GB/T 29829—2022和ＧＢ　３４６６０，设备应符合。";
    std::vector<std::string> spelled;
    for (const Reference& r : find_references(text)) spelled.push_back(text.substr(r.offset, r.length));
    BOOST_TEST(spelled == (std::vector<std::string>{"ＧＢ／Ｔ　２０５１８—２０２０", "GB/T 29829—2022", "ＧＢ　３４６６０"}),
               boost::test_tools::per_element());
    // A full-width bracket is not a full-width digit: a Chinese list with no digit cites nothing.
    BOOST_TEST(find_references("a）b）（一）设备应符合ＧＢ／Ｔ的要求。").empty());
}

BOOST_AUTO_TEST_CASE(numbers_that_are_not_references) {
    for (const char* s : {"See Section 4.2 and 6.1.3.", "2019-01-01", "version 1.0", "按照 6.1.3 的要求", "TLS 1.3", "HTTP/1.1",
                          "见第 5 章", "CVE-2023-1234"})
        BOOST_TEST(find_references(s).empty(), s);
}

BOOST_AUTO_TEST_CASE(list_items_inherit_a_lead_in_provision) {
    DocumentBuilder b;
    b.open(ClauseKind::clause, "6.3.3", "访问控制", SourceLocation{1, 0, 0});
    b.add_block(BlockKind::paragraph, "设备应满足以下要求：", SourceLocation{2, 0, 0});
    b.open(ClauseKind::list_item, "a）", "", SourceLocation{3, 0, 0});
    b.add_block(BlockKind::paragraph, "支持口令复杂度检查；", SourceLocation{3, 0, 0});
    b.close();
    b.open(ClauseKind::list_item, "b）", "", SourceLocation{4, 0, 0});
    b.add_block(BlockKind::paragraph, "宜支持双因素鉴别。", SourceLocation{4, 0, 0});
    b.close();
    Document d = b.finish();
    d.language = Language::zh;
    const Analysis a = analyse(d, Profile::gb);
    BOOST_REQUIRE(a.units.size() == 3u);
    BOOST_TEST(a.units[1].what.kind == ProvisionKind::requirement);
    BOOST_TEST(a.units[1].inherited);
    BOOST_TEST(a.units[2].what.kind == ProvisionKind::recommendation);
    BOOST_TEST(!a.units[2].inherited);
}

BOOST_AUTO_TEST_CASE(notes_and_front_matter_carry_no_provisions_in_iso) {
    const Document d = read(std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/2023-05-draft.en.txt");
    const Analysis a = analyse(d, Profile::iso);
    for (const Unit& u : a.units) {
        const ClauseKind k = d[u.clause].kind;
        if (k == ClauseKind::note || k == ClauseKind::front_matter || k == ClauseKind::example)
            BOOST_TEST((u.what.kind == ProvisionKind::statement), d.label(u.clause));
    }
}

BOOST_AUTO_TEST_CASE(roles_not_titles_decide_informative_parts_and_the_normative_list) {
    // Built by hand: the roles are what a reader would set; the titles alone decide nothing.
    DocumentBuilder b;
    const SourceLocation at{1, 0, 0};
    b.set_role(b.open(ClauseKind::clause, "0", "Introduction", at), SectionRole::introduction);
    b.add_block(BlockKind::paragraph, "The device shall log events.", at);  // informative: no provision
    b.close();
    b.set_role(b.open(ClauseKind::clause, "2", "Normative references", at), SectionRole::normative_references);
    b.add_block(BlockKind::paragraph, "ISO 9001:2015, Quality management systems", at);
    b.open(ClauseKind::list_item, "a)", "", at);
    b.add_block(BlockKind::paragraph, "ISO/IEC 27001:2022, Information security", at);
    b.close();
    b.close();
    b.open(ClauseKind::clause, "4", "Requirements", at);
    b.open(ClauseKind::clause, "4.1", "Introduction", at);  // a subclause so titled heads no part
    b.add_block(BlockKind::paragraph, "The device shall log events.", at);
    b.close();
    b.open(ClauseKind::clause, "4.2", "Normative references", at);  // neither does this one
    b.add_block(BlockKind::paragraph, "ISO 8601-1:2019 applies.", at);
    b.close();
    b.close();
    b.set_role(b.open(ClauseKind::clause, "", "Bibliography", at), SectionRole::bibliography);
    b.add_block(BlockKind::paragraph, "[1] ISO 9000 may be consulted.", at);
    b.close();
    Document d = b.finish();
    d.language = Language::en;
    const Analysis a = analyse(d, Profile::iso);
    std::vector<std::string> provisions;
    for (const Unit& u : a.units)
        if (u.what.kind != ProvisionKind::statement) provisions.push_back(std::string(d.label(u.clause)) + " " + u.what.form);
    BOOST_TEST(provisions == (std::vector<std::string>{"4.1 shall"}), boost::test_tools::per_element());
    std::vector<std::string> normative;
    for (const Reference& r : a.references)
        if (r.normative_list) normative.push_back(r.key);
    BOOST_TEST(normative == (std::vector<std::string>{"ISO 9001:2015", "ISO/IEC 27001:2022"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sample_provisions_and_normative_references) {
    const Document d = read(std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/2023-05-draft.zh.txt");
    const Analysis a = analyse(d, choose_profile(d));
    BOOST_TEST(a.profile == Profile::gb);
    std::vector<std::string> normative;
    bool cited_in_613 = false;
    for (const Reference& r : a.references) {
        if (r.normative_list) normative.push_back(r.key);
        if (r.key == "GB/T 29829-2022" && d.label(r.clause) == "6.1.3") cited_in_613 = true;
    }
    BOOST_TEST(normative == (std::vector<std::string>{"GB 4943.1-2022", "GB/T 22239-2019", "GB/T 25069", "GB/T 29829-2022",
                                                      "GB/T 32905-2016", "GB/T 32918", "GB/T 37092-2018"}),
               boost::test_tools::per_element());
    BOOST_TEST(cited_in_613);
    std::size_t requirements_613 = 0;
    for (const Unit& u : a.units)
        if (d.label(u.clause) == "6.1.3" && u.what.kind == ProvisionKind::requirement) ++requirements_613;
    BOOST_TEST(requirements_613 == 4u);  // four sentences, each with 应
    BOOST_TEST(a.terms.size() == 8u);
    BOOST_TEST(term_text(d, a.terms[0]) == "办公设备");
    BOOST_TEST(term_alt(d, a.terms[0]) == "office device");
}

BOOST_AUTO_TEST_CASE(profile_is_chosen_for_every_corpus_file_and_sample, *boost::unit_test::precondition(shared_corpus_present)) {
    const std::string corpus = std::string(REDLINE_SHARED_DIR) + "/corpus/";
    const std::string samples = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";
    const std::vector<std::pair<std::string, Profile>> expected = {
        {corpus + "cn-laws/company-law-2018.md", Profile::law},
        {corpus + "cn-laws/company-law-2023.md", Profile::law},
        {corpus + "cn-laws/legislation-law-2015.md", Profile::law},
        {corpus + "cn-laws/legislation-law-2023.md", Profile::law},
        {corpus + "gbt/GB-T-19771-XXXX-draft-for-comments.md", Profile::gb},
        {corpus + "gbt/GB-T-40949-2021.md", Profile::gb},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-10.md", Profile::rfc2119},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-11.md", Profile::rfc2119},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-24.md", Profile::rfc2119},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-25.md", Profile::rfc2119},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-29.md", Profile::rfc2119},
        {corpus + "ietf-quic-transport/draft-ietf-quic-transport-30.md", Profile::rfc2119},
        {corpus + "ietf-tls13/draft-ietf-tls-tls13-06.md", Profile::rfc2119},
        {corpus + "ietf-tls13/draft-ietf-tls-tls13-07.md", Profile::rfc2119},
        {corpus + "ietf-tls13/draft-ietf-tls-tls13-13.md", Profile::rfc2119},
        {corpus + "ietf-tls13/draft-ietf-tls-tls13-14.md", Profile::rfc2119},
        {corpus + "ietf-httpbis/draft-ietf-httpbis-p2-semantics-20.xml", Profile::rfc2119},
        {corpus + "ietf-httpbis/draft-ietf-httpbis-p2-semantics-21.xml", Profile::rfc2119},
        {samples + "2023-05-draft.zh.txt", Profile::gb},
        {samples + "2023-08-draft-for-comments.zh.txt", Profile::gb},
        {samples + "2023-05-draft.en.txt", Profile::iso},
        {samples + "2023-08-draft-for-comments.en.txt", Profile::iso},
    };
    for (const auto& [path, profile] : expected) BOOST_TEST((choose_profile(read(path)) == profile), path);
}

// A draft of one-line paragraphs has a unit for each: the unit's size is most of the analysis'
// memory (docs/limits.md), and its verbal form is shared, not a string of its own.
BOOST_AUTO_TEST_CASE(a_unit_holds_its_verbal_form_by_number) {
    static_assert(sizeof(Unit) <= 28);
    const Classification a = classify("The device shall log.", Profile::iso);
    const Classification b = classify("The server shall retry.", Profile::iso);
    BOOST_TEST(a.form == "shall");
    BOOST_TEST((a.form == b.form));
    BOOST_TEST(classify("The device logs.", Profile::iso).form.empty());
}
