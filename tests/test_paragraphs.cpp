// Paragraph alignment inside a matched clause (engine/diff diff_blocks, engine/entries): the
// blocks of the two sides are aligned first, then each aligned pair is diffed word by word;
// a rewritten paragraph is shown whole while its neighbours stay unchanged, and a clause reads
// as replaced only when none of its paragraphs survived.
#define BOOST_TEST_MODULE paragraphs
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "engine/utf8.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/report_json.hpp"
#include "formats/reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace redline;

namespace {

std::size_t breaks(std::string_view t) { return static_cast<std::size_t>(std::count(t.begin(), t.end(), '\n')); }

// Clause 1 (an anchor that never changes) and clause 2 with the given paragraphs.
Document doc(const std::vector<std::string>& paragraphs, Language language = Language::en) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    b.open(ClauseKind::clause, "1", "Scope", SourceLocation{line++, 0, 0});
    b.add_block(BlockKind::paragraph,
                language == Language::zh ? "本文件规定了办公设备的安全技术要求，适用于办公设备的设计、开发和测试。"
                                         : "This document specifies security requirements for office devices.",
                SourceLocation{line++, 0, 0});
    b.close();
    b.open(ClauseKind::clause, "2", language == Language::zh ? "概述" : "Overview", SourceLocation{line++, 0, 0});
    for (const std::string& p : paragraphs) b.add_block(BlockKind::paragraph, p, SourceLocation{line++, 0, 0});
    Document d = b.finish();
    d.language = language;
    return d;
}

// The edits of an entry: [-removed-]{+inserted+}; a replaced block as [=-old-=]{=+new+=}.
std::string edits(const ClauseEntry& e) {
    std::string out;
    for (const Edit& x : e.edits) {
        if (x.op == EditOp::equal) out += x.text;
        else if (x.op == EditOp::remove) out += (x.replaced ? "[=-" : "[-") + x.text + (x.replaced ? "-=]" : "-]");
        else out += (x.replaced ? "{=+" : "{+") + x.text + (x.replaced ? "+=}" : "+}");
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

// What an entry's edits spell out on one side.
std::string side(const ClauseEntry& e, bool old_side) {
    std::string out;
    for (const Edit& x : e.edits)
        if (x.op == EditOp::equal || x.op == (old_side ? EditOp::remove : EditOp::insert)) out += x.text;
    return out;
}

// Both sides of a changed entry spell out its clauses' own text exactly.
void spells_both_sides(const Comparison& c, const ClauseEntry& e) {
    BOOST_TEST(side(e, true) == c.old_doc->own_text(e.old_ids.front()));
    BOOST_TEST(side(e, false) == c.new_doc->own_text(e.new_ids.front()));
}

// Compares two versions of clause 2; the comparison owns both documents.
Comparison compare_docs(Document&& o, Document&& n, const CompareOptions& options = {}) {
    return compare(prepare(std::move(o)), prepare(std::move(n)), options);
}

// The moved edits of an entry: "-text" for the old place, "+text" for the new.
std::vector<std::string> moved(const ClauseEntry& e) {
    std::vector<std::string> out;
    for (const Edit& x : e.edits)
        if (x.moved) out.push_back((x.op == EditOp::remove ? "-" : x.op == EditOp::insert ? "+" : "=") + x.text);
    return out;
}

std::size_t count_replaced(const ClauseEntry& e) {
    std::size_t n = 0;
    for (const Edit& x : e.edits) n += x.replaced ? 1 : 0;
    return n;
}

const std::string P1 = "QUIC is a multiplexed and secure general-purpose transport protocol that provides:";
const std::string P2 = "Stream multiplexing";
const std::string P3 = "Low-latency connection establishment";
const std::string P4 = "Connection migration and resilience to NAT rebinding";
const std::string OLD_R =
    "QUIC uses UDP as a substrate to avoid requiring changes to legacy client operating systems and middleboxes.";
const std::string NEW_R =
    "Frames are used in QUIC to communicate between endpoints, and frames are assembled into packets.";

const std::string Z1 = "办公设备应当具备身份鉴别功能。";
const std::string Z2 = "管理员应定期检查设备日志。";
const std::string Z3 = "设备出厂时应关闭不必要的网络服务。";
const std::string ZO = "制造商应保存关键部件的来源记录，并向用户提供安全配置指南。";
const std::string ZN = "固件升级包在安装前必须经过数字签名验证，签名无效时拒绝安装。";

}  // namespace

// Three paragraphs survive unchanged; the rewritten one is shown whole between them.
BOOST_AUTO_TEST_CASE(one_rewritten_paragraph_among_three_unchanged) {
    const Comparison c = compare_docs(doc({P1, P2, OLD_R, P4}), doc({P1, P2, NEW_R, P4}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.change == ClauseChange::modified);
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == P1 + "\n" + P2 + "\n[=-" + OLD_R + "-=]{=+" + NEW_R + "+=}\n" + P4);
    BOOST_TEST(count_replaced(e) == 2u);
    spells_both_sides(c, e);
}

// A lightly edited paragraph is diffed word by word; its unchanged neighbours are equal text,
// even where the clause as a whole changed mostly (a long paragraph added).
BOOST_AUTO_TEST_CASE(a_surviving_paragraph_keeps_the_clause_inline) {
    const std::string added = "Streams are means by which an application protocol exchanges information. Streams are "
                              "ordered sequences of bytes. Two types of stream can be created: bidirectional streams, "
                              "which allow both endpoints to send data; and unidirectional streams.";
    const Comparison c = compare_docs(doc({P1, P2, "Stream and connection-level flow control", OLD_R}),
                                 doc({P1, P2, "Stream- and connection-level flow control", NEW_R, added}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    // The last old paragraph is like neither new one: it is removed, and they are added.
    BOOST_TEST(edits(e) == P1 + "\n" + P2 + "\nStream{+-+} and connection-level flow control\n[-" + OLD_R + "-]{+" + NEW_R +
                               "\n" + added + "+}");
    spells_both_sides(c, e);
}

// A paragraph moved inside the clause is removed at its old place and inserted whole at its
// new one; it is not paired with another paragraph, and the others stay unchanged.
BOOST_AUTO_TEST_CASE(paragraph_moved_inside_the_clause) {
    const Comparison c = compare_docs(doc({OLD_R, P1, P2, P4}), doc({P1, P2, OLD_R, P4}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.change == ClauseChange::modified);
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == "[-" + OLD_R + "\n-]" + P1 + "\n" + P2 + "\n{+" + OLD_R + "\n+}" + P4);
    BOOST_TEST(count_replaced(e) == 0u);
    BOOST_TEST(moved(e) == (std::vector<std::string>{"-" + OLD_R + "\n", "+" + OLD_R + "\n"}), boost::test_tools::per_element());
    spells_both_sides(c, e);
}

// A moved paragraph next to an edited one: the edited one is still diffed word by word.
BOOST_AUTO_TEST_CASE(moved_and_edited_paragraphs_together) {
    const Comparison c = compare_docs(doc({P3, P1, P2, "Stream and connection-level flow control"}),
                                 doc({P1, P2, "Stream- and connection-level flow control", P3}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == "[-" + P3 + "\n-]" + P1 + "\n" + P2 + "\nStream{+-+} and connection-level flow control{+\n" + P3 + "+}");
    BOOST_TEST(moved(e) == (std::vector<std::string>{"-" + P3 + "\n", "+\n" + P3}), boost::test_tools::per_element());
    spells_both_sides(c, e);
}

// When every paragraph was rewritten, nothing survives: the clause reads as replaced, old text
// then new text.
BOOST_AUTO_TEST_CASE(every_paragraph_rewritten_reads_as_replaced) {
    const Comparison c = compare_docs(doc({"Debug interfaces shall be disabled.", OLD_R}),
                                 doc({"Vendors document every maintenance port they ship.", NEW_R}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.change == ClauseChange::modified);
    BOOST_TEST(e.replaced);
    BOOST_TEST(edits(e) == "[-Debug interfaces shall be disabled.\n" + OLD_R + "-]{+Vendors document every maintenance port they ship.\n" +
                               NEW_R + "+}");
    BOOST_TEST(count_replaced(e) == 0u);   // the entry's presentation says it once
}

// A paragraph added and one removed around unchanged ones are whole insertions and deletions.
// A paragraph removed and another added in its place, before unchanged ones: the paragraph
// break the removed one leaves waiting is kept for the unchanged text after the added one.
BOOST_AUTO_TEST_CASE(removed_then_added_paragraphs_before_unchanged_ones) {
    const std::string added = "Endpoints negotiate timeouts and close idle connections silently after a period.";
    const Comparison c = compare_docs(doc({P1, OLD_R, P2, P4}), doc({P1, NEW_R, added, P2, P4}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == P1 + "\n[-" + OLD_R + "-]{+" + NEW_R + "+}\n{+" + added + "\n+}" + P2 + "\n" + P4);
    spells_both_sides(c, e);
}

BOOST_AUTO_TEST_CASE(added_and_removed_paragraphs_are_whole) {
    const Comparison c = compare_docs(doc({P1, OLD_R, P2, P4}), doc({P1, P2, P4, NEW_R}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == P1 + "\n[-" + OLD_R + "\n-]" + P2 + "\n" + P4 + "{+\n" + NEW_R + "+}");
    BOOST_TEST(moved(e).empty());
    spells_both_sides(c, e);
}

// Several edited paragraphs in one gap pair up by similarity, in order, and each is diffed
// on its own; an unlike paragraph between them is removed whole.
BOOST_AUTO_TEST_CASE(edited_paragraphs_pair_by_similarity) {
    const Comparison c = compare_docs(
        doc({P1, "The device shall log every failed login attempt.", OLD_R, "Logs shall be kept for six months at least."}),
        doc({P1, "The device shall log each failed login attempt.", "Logs shall be kept for twelve months at least."}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == P1 + "\nThe device shall log[- every-]{+ each+} failed login attempt.\n[-" + OLD_R +
                               "\n-]Logs shall be kept for[- six-]{+ twelve+} months at least.");
    spells_both_sides(c, e);
}

// A paragraph changed only editorially (punctuation width) leaves the clause editorial, and
// with editorial changes ignored the clause is unchanged.
BOOST_AUTO_TEST_CASE(editorial_paragraph_change_among_unchanged) {
    const std::vector<std::string> o = {"管理员应定期检查设备日志,并保存记录。", "办公设备应当具备身份鉴别功能。"};
    const std::vector<std::string> n = {"管理员应定期检查设备日志，并保存记录。", "办公设备应当具备身份鉴别功能。"};
    const Comparison c = compare_docs(doc(o, Language::zh), doc(n, Language::zh));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.change == ClauseChange::modified);
    BOOST_TEST(e.editorial);
    BOOST_TEST(edits(e) == "管理员应定期检查设备日志[-,-]{+，+}并保存记录。\n办公设备应当具备身份鉴别功能。");
    CompareOptions quiet;
    quiet.ignore_editorial = true;
    const Comparison q = compare_docs(doc(o, Language::zh), doc(n, Language::zh), quiet);
    BOOST_TEST(entry_for_new(q, "2").change == ClauseChange::unchanged);
}

// A paragraph split in two is diffed as one text with both parts: the words that survived
// stay equal, the new paragraph break is an insertion.
BOOST_AUTO_TEST_CASE(split_paragraph_is_diffed_with_both_parts) {
    const Comparison c = compare_docs(
        doc({P1, "The device shall log every failed login attempt, and the logs shall be kept for six months.", P4}),
        doc({P1, "The device shall log every failed login attempt.", "The logs shall be kept for six months.", P4}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == P1 + "\nThe device shall log every failed login attempt[-, and the-]{+.\nThe+} logs shall be kept for six months.\n" + P4);
    spells_both_sides(c, e);
}

BOOST_AUTO_TEST_CASE(chinese_split_and_merged_paragraphs) {
    const std::string first = "股东应当按期足额缴纳公司章程规定的各自所认缴的出资额。";
    const std::string second = "股东以货币出资的，应当将货币出资足额存入有限责任公司在银行开设的账户。";
    const Comparison split = compare_docs(doc({Z1, "股东应当按期足额缴纳公司章程中规定的各自所认缴的出资额。" + second}, Language::zh),
                                          doc({Z1, first, second}, Language::zh));
    const ClauseEntry& e = entry_for_new(split, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == Z1 + "\n股东应当按期足额缴纳公司章程[-中-]规定的各自所认缴的出资额。{+\n+}" + second);
    spells_both_sides(split, e);
    // The other way round: two paragraphs merged into one.
    const Comparison merged = compare_docs(doc({Z1, first, second}, Language::zh), doc({Z1, first + second}, Language::zh));
    const ClauseEntry& m = entry_for_new(merged, "2");
    BOOST_TEST(edits(m) == Z1 + "\n" + first + "[-\n-]" + second);
    spells_both_sides(merged, m);
}

// A stretch of too many edited paragraphs to pair (80 x 80 candidates) is diffed word by word
// as one text: both sides are still spelled out exactly.
BOOST_AUTO_TEST_CASE(too_many_edited_paragraphs_fall_back_to_one_word_diff) {
    std::vector<std::string> o, n;
    for (int i = 0; i < 80; ++i) {
        o.push_back("Item " + std::to_string(i) + " shall be checked every month by the operator.");
        n.push_back("Item " + std::to_string(i) + " shall be checked every week by the operator.");
    }
    const Comparison c = compare_docs(doc(o), doc(n));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(count_replaced(e) == 0u);
    BOOST_TEST(edits(e).substr(0, 60) == "Item 0 shall be checked every[- month-]{+ week+} by the oper");
    spells_both_sides(c, e);
}

BOOST_AUTO_TEST_CASE(chinese_one_rewritten_paragraph_among_unchanged) {
    const Comparison c = compare_docs(doc({Z1, Z2, ZO, Z3}, Language::zh), doc({Z1, Z2, ZN, Z3}, Language::zh));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == Z1 + "\n" + Z2 + "\n[=-" + ZO + "-=]{=+" + ZN + "+=}\n" + Z3);
    spells_both_sides(c, e);
}

BOOST_AUTO_TEST_CASE(chinese_word_edit_and_moved_paragraph) {
    const Comparison c = compare_docs(doc({Z3, Z1, Z2}, Language::zh),
                                 doc({Z1, "管理员应每月检查设备日志。", Z3}, Language::zh));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_TEST(edits(e) == "[-" + Z3 + "\n-]" + Z1 + "\n管理员应[-定期-]{+每月+}检查设备日志。{+\n" + Z3 + "+}");
    BOOST_TEST(moved(e) == (std::vector<std::string>{"-" + Z3 + "\n", "+\n" + Z3}), boost::test_tools::per_element());
    spells_both_sides(c, e);
}

BOOST_AUTO_TEST_CASE(chinese_every_paragraph_rewritten_reads_as_replaced) {
    const Comparison c = compare_docs(doc({ZO, Z2}, Language::zh), doc({ZN, "用户可以随时导出审计记录。"}, Language::zh));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(e.replaced);
    BOOST_TEST(edits(e) == "[-" + ZO + "\n" + Z2 + "-]{+" + ZN + "\n用户可以随时导出审计记录。+}");
}

// Provision places are offsets in the text the edits spell out: they stay right when a
// paragraph before them is shown whole.
BOOST_AUTO_TEST_CASE(provision_places_follow_the_paragraph_edits) {
    const std::string old_req = "The device shall log every failed login attempt.";
    const std::string new_req = "The device should log every failed login attempt.";
    const Comparison c = compare_docs(doc({P1, OLD_R, P2, old_req}), doc({P1, NEW_R, P2, new_req}));
    const ClauseEntry& e = entry_for_new(c, "2");
    BOOST_TEST(!e.replaced);
    BOOST_REQUIRE_EQUAL(c.provisions.size(), 1u);
    const ProvisionChange& p = c.provisions[0];
    BOOST_TEST(to_string(p.change) == "weakened");
    BOOST_TEST(side(e, true).substr(p.old_place.offset, p.old_place.length) == old_req);
    BOOST_TEST(side(e, false).substr(p.new_place.offset, p.new_place.length) == new_req);
}

// The report marks a paragraph shown whole with "replaced": true and a moved paragraph with
// "moved": true on its edits, in an entry whose presentation stays inline; the redline page
// shows the former as old and new blocks and the latter with class "mv".
BOOST_AUTO_TEST_CASE(writers_show_replaced_and_moved_paragraphs) {
    const Comparison c = compare_docs(doc({OLD_R, P1, P2, "Debug interfaces shall be disabled."}),
                                      doc({P1, P2, OLD_R, "Vendors document every maintenance port they ship."}));
    const nlohmann::json report = nlohmann::json::parse(formats::write_report_json(c));
    const nlohmann::json* clause = nullptr;
    for (const auto& e : report["clauses"])
        if (e["new"].is_object() && e["new"]["label"] == "2") clause = &e;
    BOOST_REQUIRE(clause);
    BOOST_TEST((*clause)["presentation"] == "inline");
    std::vector<std::string> ops;
    for (const auto& x : (*clause)["edits"]) {
        std::string op = x["op"];
        if (x.value("replaced", false)) op += " replaced";
        if (x.value("moved", false)) op += " moved";
        if (x.contains("replaced") && !x["replaced"].get<bool>()) op += " replaced=false";
        ops.push_back(op);
    }
    BOOST_TEST(ops == (std::vector<std::string>{"delete moved", "equal", "insert moved", "delete replaced", "insert replaced"}),
               boost::test_tools::per_element());
    const std::string html = formats::write_redline_html(c);
    // (the removed requirement's mark stands inside the block, before the deletion)
    const std::size_t old_block = html.find("<div class=\"replaced-old\">");
    BOOST_TEST(old_block != std::string::npos);
    BOOST_TEST(html.find("<del>Debug interfaces shall be disabled.</del></div><div class=\"replaced-new\"><ins>Vendors", old_block) !=
               std::string::npos);
    BOOST_TEST(html.find("<del class=\"mv\" title=\"moved inside the clause\">" + OLD_R) != std::string::npos);
}

// On the drafts in the repository (samples and tests/corpus), every changed entry with one
// clause on each side spells both sides' own text exactly with its edits, and every provision
// place lies inside the text its side shows.
BOOST_AUTO_TEST_CASE(edits_spell_both_sides_of_the_bundled_drafts) {
    const std::string root = REDLINE_SOURCE_DIR;
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"samples/office-devices/2023-05-draft.en.txt", "samples/office-devices/2023-08-draft-for-comments.en.txt"},
        {"samples/office-devices/2023-05-draft.zh.txt", "samples/office-devices/2023-08-draft-for-comments.zh.txt"},
        {"tests/corpus/ietf-tls13/draft-ietf-tls-tls13-06.md", "tests/corpus/ietf-tls13/draft-ietf-tls-tls13-07.md"},
        {"tests/corpus/cn-legislation-law/legislation-law-2015.md", "tests/corpus/cn-legislation-law/legislation-law-2023.md"},
    };
    for (const auto& [a, b] : pairs) {
        BOOST_TEST_CONTEXT(a << " -> " << b) {
            formats::ReadOptions oa, ob;
            oa.path = a, ob.path = b;
            const Comparison c = compare_docs(formats::read_document(formats::read_bytes(root + "/" + a), oa),
                                              formats::read_document(formats::read_bytes(root + "/" + b), ob));
            std::size_t checked = 0;
            for (const ClauseEntry& e : c.entries) {
                if (e.edits.empty() || e.old_ids.size() != 1 || e.new_ids.size() != 1) continue;
                BOOST_TEST_CONTEXT(c.new_doc->label(e.new_ids.front())) {
                    // The edits fold white space inside a paragraph (not in code); each paragraph break is a "\n".
                    auto squeeze = [](std::string_view t) {
                        std::string out;
                        for (std::size_t i = 0; i < t.size();) {
                            const std::size_t at = i;
                            if (!text::prints_blank(text::next(t, i))) out.append(t.substr(at, i - at));
                        }
                        return out;
                    };
                    const ClauseId o = e.old_ids.front(), n = e.new_ids.front();
                    const std::string old_side = side(e, true), new_side = side(e, false);
                    BOOST_TEST(squeeze(old_side) == squeeze(c.old_doc->own_text(o)));
                    BOOST_TEST(squeeze(new_side) == squeeze(c.new_doc->own_text(n)));
                    if (!e.replaced) {
                        // One paragraph per block, and one per line of code (engine/tokens).
                        auto paragraphs = [](const Document& d, ClauseId id) {
                            std::size_t n = 0;
                            for (const Block* b = d.blocks_begin(id); b != d.blocks_end(id); ++b)
                                n += b->kind == BlockKind::code ? 1 + breaks(d.str(b->text)) : 1;
                            return n;
                        };
                        const std::size_t ob = paragraphs(*c.old_doc, o), nb = paragraphs(*c.new_doc, n);
                        BOOST_TEST(breaks(old_side) == (ob ? ob - 1 : 0));
                        BOOST_TEST(breaks(new_side) == (nb ? nb - 1 : 0));
                    }
                    ++checked;
                }
            }
            BOOST_TEST(checked > 5u);
            for (const ProvisionChange& p : c.provisions) {
                if (p.old_place.present() && !c.entries[p.old_place.entry].edits.empty())
                    BOOST_TEST(p.old_place.offset + p.old_place.length <= side(c.entries[p.old_place.entry], true).size());
                if (p.new_place.present() && !c.entries[p.new_place.entry].edits.empty())
                    BOOST_TEST(p.new_place.offset + p.new_place.length <= side(c.entries[p.new_place.entry], false).size());
            }
        }
    }
}
