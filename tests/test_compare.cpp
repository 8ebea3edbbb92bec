#define BOOST_TEST_MODULE compare
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"

#include <stdexcept>
#include <string>
#include <vector>

using namespace redline;

namespace {

struct Node {
    unsigned depth;
    std::string label, title, text;
    ClauseKind kind = ClauseKind::clause;
};

// Builds a document from nodes in order; depth 1 = top level. Line = position + 1.
Document doc(const std::vector<Node>& nodes) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    for (const Node& n : nodes) {
        while (b.open_clauses().size() > n.depth) b.close();
        b.open(n.kind, n.label, n.title, SourceLocation{line++, 0, 0});
        if (!n.text.empty()) b.add_block(BlockKind::paragraph, n.text, SourceLocation{line++, 0, 0});
    }
    return b.finish();
}

std::string labels(const Document& d, const std::vector<ClauseId>& ids) {
    std::string out;
    for (ClauseId id : ids) out += (out.empty() ? "" : "+") + std::string(d.label(id));
    return out;
}

// One line per entry: "change old→new", e.g. "renumbered 3→2", "removed 2→", "added →4".
std::vector<std::string> summary(const Comparison& c) {
    std::vector<std::string> out;
    for (const ClauseEntry& e : c.entries) {
        std::string s(to_string(e.change));
        for (ClauseChange a : e.also) s += "+" + std::string(to_string(a));
        s += " " + labels(*c.old_doc, e.old_ids) + "→" + labels(*c.new_doc, e.new_ids);
        out.push_back(s);
    }
    return out;
}

std::string edits(const ClauseEntry& e) {
    std::string out;
    for (const Edit& x : e.edits) {
        if (x.op == EditOp::equal) out += x.text;
        else if (x.op == EditOp::remove) out += "[-" + x.text + "-]";
        else out += "{+" + x.text + "+}";
    }
    return out;
}

const ClauseEntry& entry_for_new(const Comparison& c, std::string_view label) {
    for (const ClauseEntry& e : c.entries)
        for (ClauseId id : e.new_ids)
            if (c.new_doc->label(id) == label) return e;
    BOOST_FAIL("no entry for new " << label);
    return c.entries.front();
}

const std::string A = "The device shall verify the signature of every firmware image before it is installed.";
const std::string B = "Debug interfaces shall be disabled in production units and protected by authentication.";
const std::string C = "The manufacturer shall keep a record of the origin of every critical component it buys.";
const std::string D = "Logs shall be retained for at least six months and protected against modification.";
const std::string E = "Network services that are not needed shall be disabled by default on delivery to users.";

}  // namespace

BOOST_AUTO_TEST_CASE(deleted_clause_renumbers_its_followers) {
    const Document o = doc({{1, "6", "Requirements", ""}, {2, "6.1", "Firmware", A}, {2, "6.2", "Debug", B},
                            {2, "6.3", "Components", C}, {2, "6.4", "Logs", D}});
    const Document n = doc({{1, "6", "Requirements", ""}, {2, "6.1", "Firmware", A}, {2, "6.2", "Components", C},
                            {2, "6.3", "Logs", D}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 6→6", "unchanged 6.1→6.1", "removed 6.2→",
                                                        "renumbered 6.3→6.2", "renumbered 6.4→6.3"}),
               boost::test_tools::per_element());
    BOOST_TEST(c.entries[2].number == 1u);
    BOOST_TEST(edits(c.entries[2]) == "[-" + B + "-]");
    BOOST_TEST(c.entries[3].editorial);
    BOOST_TEST(c.entries[3].number == 0u);
    BOOST_TEST(c.entries[3].reason == MatchReason::identical);
    BOOST_TEST(c.has_substantive_changes());
}

BOOST_AUTO_TEST_CASE(identical_documents_have_no_changes) {
    const Document o = doc({{1, "1", "Scope", A}, {1, "2", "Terms", B}});
    const Document n = doc({{1, "1", "Scope", A}, {1, "2", "Terms", B}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 1→1", "unchanged 2→2"}), boost::test_tools::per_element());
    BOOST_TEST(!c.has_substantive_changes());
}

BOOST_AUTO_TEST_CASE(clause_moved_under_another_parent) {
    const Document o = doc({{1, "5", "Framework", ""}, {2, "5.1", "Overview", A}, {2, "5.2", "Log retention", D},
                            {1, "6", "Requirements", ""}, {2, "6.1", "Debug", B}, {2, "6.2", "Components", C}});
    const Document n = doc({{1, "5", "Framework", ""}, {2, "5.1", "Overview", A}, {1, "6", "Requirements", ""},
                            {2, "6.1", "Debug", B}, {2, "6.2", "Components", C}, {2, "6.3", "Log retention", D}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 5→5", "unchanged 5.1→5.1", "unchanged 6→6",
                                                        "unchanged 6.1→6.1", "unchanged 6.2→6.2",
                                                        "moved+renumbered 5.2→6.3"}),
               boost::test_tools::per_element());
    const ClauseEntry& moved = entry_for_new(c, "6.3");
    BOOST_TEST(moved.number == 1u);
    BOOST_TEST(!moved.editorial);
}

BOOST_AUTO_TEST_CASE(reordered_list_items_are_moved) {
    const Document o = doc({{1, "6.1", "Firmware", "The device shall:"}, {2, "a)", "", A, ClauseKind::list_item},
                            {2, "b)", "", B, ClauseKind::list_item}, {2, "c)", "", C, ClauseKind::list_item}});
    const Document n = doc({{1, "6.1", "Firmware", "The device shall:"}, {2, "a)", "", C, ClauseKind::list_item},
                            {2, "b)", "", A, ClauseKind::list_item}, {2, "c)", "", B, ClauseKind::list_item}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 6.1→6.1", "moved+renumbered c)→a)",
                                                        "renumbered a)→b)", "renumbered b)→c)"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(title_only_change) {
    const Document o = doc({{1, "1", "Scope", A}, {1, "2", "Debug ports", B}});
    const Document n = doc({{1, "1", "Scope", A}, {1, "2", "Debug interfaces", B}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 1→1", "modified 2→2"}), boost::test_tools::per_element());
    const ClauseEntry& e = c.entries[1];
    BOOST_TEST(e.title_changed);
    BOOST_TEST(!e.editorial);
    BOOST_TEST(edits(e) == B);  // body shown as context, unchanged
    BOOST_REQUIRE(e.title_edits.size() == 3u);
    BOOST_TEST(e.title_edits[1].text == " ports");
    BOOST_TEST(e.title_edits[2].text == " interfaces");
}

BOOST_AUTO_TEST_CASE(shall_to_should_is_a_word_level_edit) {
    const Document o = doc({{1, "1", "Scope", A}});
    std::string weaker = A;
    weaker.replace(weaker.find("shall"), 5, "should");
    const Document n = doc({{1, "1", "Scope", weaker}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"modified 1→1"}), boost::test_tools::per_element());
    BOOST_TEST(edits(c.entries[0]) ==
               "The device[- shall-]{+ should+} verify the signature of every firmware image before it is installed.");
    BOOST_TEST(!c.entries[0].replaced);
    BOOST_TEST(c.entries[0].number == 1u);
}

BOOST_AUTO_TEST_CASE(chinese_modal_change_is_a_word_level_edit) {
    const Document o = doc({{1, "6.1.3", "固件安全", "设备应采用经过签名验证的固件更新机制，并记录每次更新的结果。"}});
    const Document n = doc({{1, "6.1.3", "固件安全", "设备宜采用经过签名验证的固件更新机制，并记录每次更新的结果。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(edits(c.entries[0]) == "设备[-应-]{+宜+}采用经过签名验证的固件更新机制，并记录每次更新的结果。");
}

BOOST_AUTO_TEST_CASE(punctuation_width_only_is_editorial) {
    const Document o = doc({{1, "6.1", "日志", "设备应记录登录事件,并保存六个月。"}});
    const Document n = doc({{1, "6.1", "日志", "设备应记录登录事件，并保存六个月。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"modified 6.1→6.1"}), boost::test_tools::per_element());
    BOOST_TEST(c.entries[0].editorial);
    BOOST_TEST(c.entries[0].number == 0u);
    BOOST_TEST(!c.has_substantive_changes());
    CompareOptions ignore;
    ignore.ignore_editorial = true;
    const Comparison quiet = compare(o, n, ignore);
    BOOST_TEST(summary(quiet) == (std::vector<std::string>{"unchanged 6.1→6.1"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mostly_rewritten_clause_is_presented_as_replaced) {
    const Document o = doc({{1, "1", "Scope", A}, {1, "2", "Debug", "Debug interfaces shall be disabled."}});
    const Document n = doc({{1, "1", "Scope", A}, {1, "2", "Debug", "Vendors document every maintenance port they ship."}});
    const Comparison c = compare(o, n);
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.change == ClauseChange::modified);
    BOOST_TEST(e.replaced);
    BOOST_TEST(edits(e) == "[-Debug interfaces shall be disabled.-]{+Vendors document every maintenance port they ship.+}");
}

BOOST_AUTO_TEST_CASE(split_clause) {
    const Document o = doc({{1, "1", "Scope", E}, {1, "2", "Security", A + " " + C}});
    const Document n = doc({{1, "1", "Scope", E}, {1, "2", "Firmware", A}, {1, "3", "Components", C}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 1→1", "split 2→2+3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(merged_clauses) {
    const Document o = doc({{1, "1", "Scope", E}, {1, "2", "Firmware", A}, {1, "3", "Components", C}});
    const Document n = doc({{1, "1", "Scope", E}, {1, "2", "Security", A + " " + C}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 1→1", "merged 2+3→2"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_clause_of_both_documents_appears_exactly_once) {
    const Document o = doc({{1, "5", "Framework", ""}, {2, "5.1", "Overview", A}, {2, "5.2", "Retention", D},
                            {1, "6", "Requirements", B}, {2, "6.1", "Debug", B + " Extra."}, {2, "6.2", "Parts", C}});
    const Document n = doc({{1, "5", "Framework", ""}, {1, "6", "Requirements", B}, {2, "6.1", "Parts", C},
                            {2, "6.2", "Retention", D}, {2, "6.3", "New", E}});
    const Comparison c = compare(o, n);
    std::vector<int> seen_old(o.size()), seen_new(n.size());
    for (const ClauseEntry& e : c.entries) {
        for (ClauseId id : e.old_ids) ++seen_old[id];
        for (ClauseId id : e.new_ids) ++seen_new[id];
    }
    for (ClauseId id = 1; id < o.size(); ++id) BOOST_TEST(seen_old[id] == 1, "old " << o.label(id));
    for (ClauseId id = 1; id < n.size(); ++id) BOOST_TEST(seen_new[id] == 1, "new " << n.label(id));
}

BOOST_AUTO_TEST_CASE(many_identical_clauses_pair_in_order) {
    std::vector<Node> a, b;
    for (int i = 0; i < 5000; ++i) {
        a.push_back({1, std::to_string(i + 1), "Same", "This clause is intentionally left blank."});
        b.push_back({1, std::to_string(i + 1), "Same", "This clause is intentionally left blank."});
    }
    b.erase(b.begin() + 10);
    const Document da = doc(a), db = doc(b);
    const Comparison c = compare(da, db);
    std::size_t removed = 0, unchanged = 0;
    for (const ClauseEntry& e : c.entries) {
        removed += e.change == ClauseChange::removed;
        unchanged += e.change == ClauseChange::unchanged || e.change == ClauseChange::renumbered;
    }
    BOOST_TEST(removed == 1u);
    BOOST_TEST(unchanged == 4999u);
}

BOOST_AUTO_TEST_CASE(two_unrelated_large_clauses_finish) {
    std::string x, y;
    for (int i = 0; i < 60000; ++i) {
        x += "alpha" + std::to_string(i % 977) + " ";
        y += "beta" + std::to_string(i % 983) + " ";
    }
    const Document o = doc({{1, "1", "Big", x}});
    const Document n = doc({{1, "1", "Big", y}});
    const Comparison c = compare(o, n);
    BOOST_REQUIRE(c.entries.size() == 1u);
    BOOST_TEST(c.entries[0].change == ClauseChange::modified);
    BOOST_TEST(c.entries[0].replaced);
}

BOOST_AUTO_TEST_CASE(removed_line_slides_to_whole_line) {
    DocumentBuilder ob, nb;
    ob.open(ClauseKind::clause, "2", "Normative references", SourceLocation{1, 0, 0});
    nb.open(ClauseKind::clause, "2", "Normative references", SourceLocation{1, 0, 0});
    for (const char* line : {"GB/T 25069 Terminology", "GB/T 29829-2022 Trusted computing platform", "GB/T 32905-2016 SM3"})
        ob.add_block(BlockKind::paragraph, line, SourceLocation{2, 0, 0});
    for (const char* line : {"GB/T 25069 Terminology", "GB/T 32905-2016 SM3"})
        nb.add_block(BlockKind::paragraph, line, SourceLocation{2, 0, 0});
    const Document o = ob.finish(), n = nb.finish();
    const Comparison c = compare(o, n);
    BOOST_REQUIRE(c.entries.size() == 1u);
    BOOST_TEST(edits(c.entries[0]) == "GB/T 25069 Terminology\n[-GB/T 29829-2022 Trusted computing platform\n-]GB/T 32905-2016 SM3");
}

BOOST_AUTO_TEST_CASE(removed_reference_inside_an_unchanged_sentence) {
    const Document o = doc({{1, "6.1.3", "固件安全", "设备应采用符合 GB/T 29829—2022 要求的可信计算密码支撑平台。设备应支持可信启动。"}});
    const Document n = doc({{1, "6.1.3", "固件安全", "设备应采用可信计算密码支撑平台。设备应支持可信启动。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(edits(c.entries[0]) == "设备应采用[-符合 GB/T 29829—2022 要求的-]可信计算密码支撑平台。设备应支持可信启动。");
    BOOST_TEST(!c.entries[0].editorial);
}

namespace {

// "change old-clause→new-clause old-form→new-form" per provision change.
std::vector<std::string> provision_summary(const Comparison& c) {
    std::vector<std::string> out;
    for (const ProvisionChange& p : c.provisions) {
        std::string s(to_string(p.change));
        if (p.also_moved) s += "+moved";
        s += " ";
        if (p.old_place.present()) s += std::string(c.old_doc->label(c.old_unit(p).clause));
        s += "→";
        if (p.new_place.present()) s += std::string(c.new_doc->label(c.new_unit(p).clause));
        s += " ";
        if (p.old_place.present()) s += c.old_unit(p).what.form;
        s += "→";
        if (p.new_place.present()) s += c.new_unit(p).what.form;
        for (const auto& r : p.references_removed) s += " -" + r;
        for (const auto& r : p.references_added) s += " +" + r;
        out.push_back(s);
    }
    return out;
}

Document zh(const std::vector<Node>& nodes) {
    Document d = doc(nodes);
    d.language = Language::zh;
    return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(provision_weakened_shall_to_should) {
    std::string weaker = A;
    weaker.replace(weaker.find("shall"), 5, "should");
    const Document o = doc({{1, "1", "Firmware", A}, {1, "2", "Debug", B}});
    const Document n = doc({{1, "1", "Firmware", weaker}, {1, "2", "Debug", B}});
    const Comparison c = compare(o, n);
    BOOST_TEST(provision_summary(c) == (std::vector<std::string>{"weakened 1→1 shall→should"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(provision_weakened_ying_to_yi_and_negated) {
    const Document o = zh({{1, "6.1", "固件", "设备应验证固件签名。设备应关闭调试接口。"}});
    const Document n = zh({{1, "6.1", "固件", "设备宜验证固件签名。设备不应关闭调试接口。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(provision_summary(c) == (std::vector<std::string>{"weakened 6.1→6.1 应→宜", "negated 6.1→6.1 应→不应"}),
               boost::test_tools::per_element());
}

// Negated: the same provision, polarity flipped. A provision of the same force restated the
// other way round in its clause is modified.
BOOST_AUTO_TEST_CASE(negated_only_when_the_rest_is_the_same) {
    const std::string bcp14 = "The key words \"MUST\" and \"MUST NOT\" in this document are to be interpreted as described in "
                              "BCP 14 [RFC2119] [RFC8174] when, and only when, they appear in all capitals, as shown here.";
    const Document o = doc({{1, "2", "Conventions", bcp14},
                            {1, "14", "Datagram Size",
                             "The client MUST send the extension. The endpoint MUST be at least 1200 bytes in size."}});
    const Document n = doc({{1, "2", "Conventions", bcp14},
                            {1, "14", "Datagram Size",
                             "The client MUST NOT send this extension. Path MTU probes MUST NOT be used if the path cannot "
                             "support datagrams of at least 1200 bytes in size."}});
    const Comparison c = compare(o, n);
    BOOST_TEST(c.old_analysis.profile == Profile::rfc2119);
    BOOST_TEST(provision_summary(c) == (std::vector<std::string>{"negated 14→14 MUST→MUST NOT", "modified 14→14 MUST→MUST NOT"}),
               boost::test_tools::per_element());
    const Document zo = zh({{1, "6.2", "调试", "设备应当关闭调试接口。"}});
    const Document zn = zh({{1, "6.2", "调试", "设备不应当关闭调试接口。"}});
    BOOST_TEST(provision_summary(compare(zo, zn)) == (std::vector<std::string>{"negated 6.2→6.2 应当→不应当"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(provision_moved_between_clauses_is_not_removed) {
    const Document o = doc({{1, "1", "Scope", E}, {1, "2", "Firmware", A + " " + D}, {1, "3", "Logs", C}});
    const Document n = doc({{1, "1", "Scope", E}, {1, "2", "Firmware", A}, {1, "3", "Logs", C + " " + D}});
    const Comparison c = compare(o, n);
    BOOST_TEST(provision_summary(c) == (std::vector<std::string>{"moved 2→3 shall→shall"}), boost::test_tools::per_element());
    BOOST_TEST(c.provision_counts[static_cast<int>(ProvisionChangeKind::removed)] == 0u);
}

BOOST_AUTO_TEST_CASE(provision_removed_and_added_and_reference_dropped) {
    const Document o = zh({{1, "6.1.3", "固件安全", "设备应采用符合 GB/T 29829—2022 要求的平台。设备应支持可信启动。"}});
    const Document n = zh({{1, "6.1.3", "固件安全", "设备应采用可信的平台。设备应支持可信启动。设备宜记录启动日志。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(provision_summary(c) == (std::vector<std::string>{"modified 6.1.3→6.1.3 应→应 -GB/T 29829-2022",
                                                                 "added →6.1.3 →宜"}),
               boost::test_tools::per_element());
    BOOST_TEST(c.references.removed == (std::vector<std::string>{"GB/T 29829-2022"}), boost::test_tools::per_element());
}

// A draft prepared once serves several comparisons, and gives what comparing the documents
// directly gives.
BOOST_AUTO_TEST_CASE(a_prepared_draft_compares_like_its_document) {
    const Document o = doc({{1, "6", "Requirements", ""}, {2, "6.1", "Firmware", A}, {2, "6.2", "Debug", B}});
    const Document n1 = doc({{1, "6", "Requirements", ""}, {2, "6.1", "Debug", B}, {2, "6.2", "Firmware", A}});
    const Document n2 = doc({{1, "6", "需求", ""}, {2, "6.1", "固件", "设备应在安装前验证每个固件映像的签名。"}, {2, "6.2", "Logs", D}});
    const PreparedDraft prepared_old = prepare(o);
    for (const Document* n : {&n1, &n2}) {
        const Comparison direct = compare(o, *n);
        const Comparison prepared = compare(prepared_old, prepare(*n));
        BOOST_TEST(summary(prepared) == summary(direct), boost::test_tools::per_element());
        BOOST_REQUIRE_EQUAL(prepared.entries.size(), direct.entries.size());
        for (std::size_t i = 0; i < direct.entries.size(); ++i) BOOST_TEST(edits(prepared.entries[i]) == edits(direct.entries[i]));
        BOOST_TEST(prepared.provisions.size() == direct.provisions.size());
    }
    BOOST_TEST(summary(compare(prepared_old, prepare(n1))) ==
                   (std::vector<std::string>{"unchanged 6→6", "moved+renumbered 6.2→6.1", "renumbered 6.1→6.2"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(comparing_an_unprepared_draft_is_an_error) {
    const Document o = doc({{1, "1", "Scope", A}});
    BOOST_CHECK_THROW(compare(PreparedDraft{}, prepare(o)), std::invalid_argument);
    BOOST_CHECK_THROW(compare(prepare(o), PreparedDraft{}), std::invalid_argument);
}

namespace {

// The text one side of an entry shows: what its edits spell out there, or its clauses' own text.
std::string side_text(const Comparison& c, const ClauseEntry& e, bool old_side) {
    std::string out;
    if (!e.edits.empty()) {
        for (const Edit& x : e.edits)
            if (x.op == EditOp::equal || x.op == (old_side ? EditOp::remove : EditOp::insert)) out += x.text;
        return out;
    }
    const Document& d = e.new_ids.empty() ? *c.old_doc : *c.new_doc;
    for (ClauseId id : e.new_ids.empty() ? e.old_ids : e.new_ids) out += (out.empty() ? "" : "\n") + d.own_text(id);
    return out;
}

std::string placed(const Comparison& c, const ProvisionPlace& p, bool old_side) {
    return side_text(c, c.entries[p.entry], old_side).substr(p.offset, p.length);
}

}  // namespace

// Each provision change knows its clause, its entry and where its sentence stands in the
// entry's text, on both sides: a repeated sentence is the right one of the two, not the first.
BOOST_AUTO_TEST_CASE(provision_changes_carry_their_places) {
    const std::string twice = "Logs shall be kept. The vendor shall sign logs. Logs shall be kept.";
    const Document o = doc({{1, "5", "Logs", twice}, {1, "6", "Debug", B}});
    const Document n = doc({{1, "5", "Logs", "Logs shall be kept. The vendor should sign logs."}, {1, "6", "Debug", B}});
    const Comparison c = compare(o, n);
    BOOST_REQUIRE_EQUAL(c.provisions.size(), 2u);
    const ProvisionChange& weakened = c.provisions[0];
    const ProvisionChange& removed = c.provisions[1];
    BOOST_TEST(to_string(weakened.change) == "weakened");
    BOOST_TEST(to_string(removed.change) == "removed");
    BOOST_TEST(weakened.old_place.entry == 0u);   // entries: 5, 6
    BOOST_TEST(weakened.new_place.entry == 0u);
    BOOST_TEST(c.old_doc->label(weakened.old_place.clause) == "5");
    BOOST_TEST(placed(c, weakened.old_place, true) == "The vendor shall sign logs.");
    BOOST_TEST(placed(c, weakened.new_place, false) == "The vendor should sign logs.");
    // The removed sentence is the second "Logs shall be kept.", at the end of the old text.
    BOOST_TEST(!removed.new_place.present());
    BOOST_TEST(placed(c, removed.old_place, true) == "Logs shall be kept.");
    BOOST_TEST(removed.old_place.offset == side_text(c, c.entries[0], true).rfind("Logs shall be kept."));
    // The word edits of the sentence, and the entry's list of its provision changes.
    ClauseEntry words;
    words.edits = weakened.wording;
    BOOST_TEST(edits(words) == "The vendor[- shall-]{+ should+} sign logs.");
    BOOST_TEST(c.entries[0].provisions == (std::vector<std::size_t>{0, 1}), boost::test_tools::per_element());
    BOOST_TEST(c.entries[1].provisions.empty());
    BOOST_TEST(c.entry_of_old[1] == 0u);
    BOOST_TEST(c.entry_of_new[2] == 1u);
}

// A provision that moved out of an unchanged clause is placed in the text that entry shows.
// (It is a small part of both clauses: a clause that gave a quarter of its text to another
// forms one reorganised entry with it, test_reorganise.)
BOOST_AUTO_TEST_CASE(a_moved_provision_is_placed_at_both_ends) {
    const std::string more5 = " Firmware images are distributed through the update service of the vendor."
                              " Each image carries a version number and a build date in its header."
                              " Older images remain available for rollback during the support period.";
    const std::string more6 = " Records include the supplier name, the batch number and the delivery date."
                              " They are kept in the quality management system of the manufacturer."
                              " Auditors may inspect them during the annual certification visit.";
    const Document o = doc({{1, "5", "General", A + more5 + " " + B}, {1, "6", "Other", C + more6}});
    const Document n = doc({{1, "5", "General", A + more5}, {1, "6", "Other", C + more6 + " " + B}});
    const Comparison c = compare(o, n);
    BOOST_REQUIRE_EQUAL(c.provisions.size(), 1u);
    const ProvisionChange& p = c.provisions[0];
    BOOST_TEST(to_string(p.change) == "moved");
    BOOST_TEST(p.changed_entry());
    BOOST_TEST(placed(c, p.old_place, true) == B);
    BOOST_TEST(placed(c, p.new_place, false) == B);
    BOOST_TEST((p.wording.size() == 1 && p.wording[0].op == EditOp::equal && p.wording[0].text == B));
}

// The profile is decided when a draft is prepared and recorded in it; comparing cannot change it.
BOOST_AUTO_TEST_CASE(the_profile_is_chosen_when_preparing) {
    const Document d = doc({{1, "1", "Scope", "The device MUST log. It SHOULD sign."}});
    PrepareOptions law;
    law.profile = Profile::law;
    BOOST_TEST(prepare(d, law).profile == Profile::law);
    BOOST_TEST(prepare(d, law).analysis.profile == Profile::law);
    BOOST_TEST(prepare(d).profile == choose_profile(d));
    const Comparison c = compare(prepare(d, law), prepare(d, law));
    BOOST_TEST(c.old_analysis.profile == Profile::law);
}

// A prepared draft may own its document: the comparison keeps it alive.
BOOST_AUTO_TEST_CASE(a_comparison_shares_its_documents) {
    Comparison c;
    {
        PreparedDraft a = prepare(doc({{1, "6", "Debug", B}}));
        PreparedDraft b = prepare(doc({{1, "6", "Debug", D}}));
        c = compare(std::move(a), std::move(b));
    }
    BOOST_TEST(c.old_doc->label(1) == "6");
    BOOST_TEST(c.new_doc->own_text(1) == D);
}

// Reading both drafts at once: when both fail, the old draft's error wins, as reading them in
// turn would report it.
BOOST_AUTO_TEST_CASE(preparing_a_pair_reports_the_old_drafts_error_first) {
    auto bad = [](const char* what) { return [what]() -> Document { throw std::runtime_error(what); }; };
    auto good = [] { return doc({{1, "1", "Scope", A}}); };
    BOOST_CHECK_EXCEPTION(prepare_pair(bad("old"), bad("new")), std::runtime_error,
                          [](const std::runtime_error& e) { return std::string(e.what()) == "old"; });
    BOOST_CHECK_EXCEPTION(prepare_pair(good, bad("new")), std::runtime_error,
                          [](const std::runtime_error& e) { return std::string(e.what()) == "new"; });
    const auto [o, n] = prepare_pair(good, good);
    BOOST_TEST(o.doc->own_text(1) == A);
    BOOST_TEST(n.doc->own_text(1) == A);
}

// A clause rewritten in place keeps its place: between two clauses whose counterparts are
// neighbours, with only it between them, it pairs with the one clause there on some common
// content, even where its parent changed too much to pair.
BOOST_AUTO_TEST_CASE(a_clause_rewritten_in_place_pairs_by_its_place) {
    const std::string a = "Devices shall log every administrative login with its time and source address.";
    const std::string b_old = "The vendor shall publish a security contact and respond to reports of vulnerabilities within ninety days.";
    const std::string b_new = "Reports of vulnerabilities received through the published security contact are answered by the vendor in a timely manner.";
    const std::string c = "Configuration backups shall be encrypted with a key held by the owner of the device.";
    const Document o = doc({{1, "4", "Operations", ""},
                            {2, "4.1", "", a},
                            {2, "4.2", "", b_old},
                            {2, "4.3", "", c},
                            {2, "4.4", "", "Paper trays are numbered from the top and hold two hundred sheets each."},
                            {2, "4.5", "", "Toner cartridges are recycled through the dealer network of each region."},
                            {2, "4.6", "", "Fax numbers are dialled with the national prefix unless the dealer configured otherwise."}});
    const Document n = doc({{1, "5", "Security operations", ""},
                            {2, "5.1", "", a},
                            {2, "5.2", "", b_new},
                            {2, "5.3", "", c},
                            {2, "5.4", "", "Remote maintenance sessions end automatically after fifteen minutes without input."},
                            {2, "5.5", "", "Firmware downgrades require the approval of an administrator on the local panel."},
                            {2, "5.6", "", "Audit records are exported in a documented format at least once a week."}});
    const Comparison c_ = compare(o, n);
    const ClauseEntry& e = entry_for_new(c_, "5.2");
    BOOST_TEST(labels(*c_.old_doc, e.old_ids) == "4.2");
    BOOST_TEST(to_string(e.reason) == "same-place");
}

// "（二）" names a list item only within its clause: an item of another clause with the same
// label and some common words is not it (公司法 2018 第二十三条（二）, a condition of
// establishment, against 2023 第五十六条（二）, an entry of the register of shareholders).
BOOST_AUTO_TEST_CASE(an_item_label_under_another_clause_is_no_evidence) {
    const Document o = zh({{1, "第二十三条", "", "设立有限责任公司，应当具备下列条件："},
                           {2, "（一）", "", "股东符合法定人数；", ClauseKind::list_item},
                           {2, "（二）", "", "有符合公司章程规定的全体股东认缴的出资额；", ClauseKind::list_item},
                           {1, "第三十二条", "", "有限责任公司应当置备股东名册，记载下列事项：", ClauseKind::clause},
                           {2, "（一）", "", "股东的姓名或者名称及住所；", ClauseKind::list_item}});
    const Document n = zh({{1, "第二十三条", "", "设立有限责任公司，应当具备下列条件："},
                           {2, "（一）", "", "股东符合法定人数；", ClauseKind::list_item},
                           {1, "第五十六条", "", "有限责任公司应当置备股东名册，记载下列事项：", ClauseKind::clause},
                           {2, "（一）", "", "股东的姓名或者名称及住所；", ClauseKind::list_item},
                           {2, "（二）", "", "股东认缴和实缴的出资额、出资方式和出资日期；", ClauseKind::list_item}});
    const Comparison c = compare(o, n);
    const ClauseEntry& e = entry_for_new(c, "（二）");
    BOOST_TEST(to_string(e.change) == "added");
}

// A clause that keeps its number, title and parent keeps its place when most of its text
// moves into a new child: the child is a part split from it, not its successor.
BOOST_AUTO_TEST_CASE(a_parent_keeps_its_place_when_its_text_moves_into_a_child) {
    const std::string intro = "This section describes the update service.";
    const std::string body = "The update service signs every package with a key held in a hardware module, "
                             "publishes the signatures beside the packages, and keeps the previous three versions "
                             "available for rollback during the support period of the device.";
    // "Overview" titles two clauses on each side: the title alone does not single it out.
    const std::string log = "Devices keep a log of administrative actions for ninety days.";
    const Document o = doc({{1, "3", "Updates", ""},
                            {2, "3.1", "Overview", intro + " " + body},
                            {1, "4", "Logging", ""},
                            {2, "4.1", "Overview", log}});
    const Document n = doc({{1, "3", "Updates", ""},
                            {2, "3.1", "Overview", intro},
                            {3, "3.1.1", "Package signing", body},
                            {1, "4", "Logging", ""},
                            {2, "4.1", "Overview", log}});
    const Comparison c = compare(o, n);
    BOOST_TEST(summary(c) == (std::vector<std::string>{"unchanged 3→3", "split 3.1→3.1+3.1.1", "unchanged 4→4",
                                                       "unchanged 4.1→4.1"}),
               boost::test_tools::per_element());
}

// Laws repeat a rule for each form of company in nearly the same words (公司法 2018 第四十条
// for limited liability companies, 第一百零一条 for joint stock companies; 2023 第六十三条 and
// 第一百一十四条). The joint-stock article keeps its rare words (监事会应当及时, 连续九十日以上)
// in the longer new article, which also gained a paragraph: plain Dice preferred the shorter
// new article, the other form's, and crossed the two pairs.
BOOST_AUTO_TEST_CASE(parallel_articles_pair_by_their_rare_words) {
    const std::string chair = "由董事会召集，董事长主持；董事长不能履行职务或者不履行职务的，由副董事长主持；"
                              "副董事长不能履行职务或者不履行职务的，由";
    const std::string jsc_convene = "召集和主持；监事会不召集和主持的，连续九十日以上单独或者合计持有公司百分之十以上股份的股东可以自行召集和主持。";
    const Document o = zh({{1, "第四十条", "", "有限责任公司设立董事会的，股东会会议" + chair + "半数以上董事共同推举一名董事主持。"
                                                "有限责任公司不设董事会的，股东会会议由执行董事召集和主持。"},
                           {1, "第四十一条", "", "召开股东会会议，应当于会议召开十五日前通知全体股东。"},
                           {1, "第一百零一条", "", "股东大会会议" + chair + "半数以上董事共同推举一名董事主持。"
                                                    "董事会不能履行或者不履行召集股东大会会议职责的，监事会应当及时" + jsc_convene},
                           {1, "第一百零二条", "", "临时提案的内容应当属于股东大会职权范围，并有明确议题和具体决议事项。"}});
    const Document n = zh({{1, "第六十三条", "", "股东会会议" + chair + "半数以上董事共同推举一名董事主持。"
                                                  "董事会不能履行或者不履行召集股东会会议职责的，由监事会召集和主持；"
                                                  "监事会不召集和主持的，代表十分之一以上表决权的股东可以自行召集和主持。"},
                           {1, "第六十四条", "", "召开股东会会议，应当于会议召开十五日前通知全体股东；但是，公司章程另有规定的除外。"},
                           {1, "第一百一十四条", "", "股东会会议" + chair + "半数以上董事共同推举一名董事主持。"
                                                      "董事会不能履行或者不履行召集股东会会议职责的，监事会应当及时" + jsc_convene +
                                                      "单独或者合计持有公司百分之十以上股份的股东请求召开临时股东会会议的，董事会、监事会应当"
                                                      "在收到请求之日起十日内作出是否召开临时股东会会议的决定，并书面答复股东。"},
                           {1, "第一百一十五条", "", "临时提案应当有明确议题和具体决议事项。"}});
    const Comparison c = compare(o, n);
    BOOST_TEST(labels(*c.old_doc, entry_for_new(c, "第六十三条").old_ids) == "第四十条");
    BOOST_TEST(labels(*c.old_doc, entry_for_new(c, "第一百一十四条").old_ids) == "第一百零一条");
}
