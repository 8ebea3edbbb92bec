#define BOOST_TEST_MODULE samples
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/json/document_json.hpp"
#include "formats/reader.hpp"

#include <unicode/ucnv.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace redline;

namespace {

const std::string dir = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";

Document read(const std::string& name, const std::string& bytes) {
    formats::ReadOptions o;
    o.path = name;
    return formats::read_document(bytes, o);
}

Document read_file(const std::string& name) { return read(name, formats::read_bytes(dir + name)); }

std::string to_gb18030(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("gb18030", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    BOOST_REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// old line → new lines paired by the comparison (split and merged entries pair every part).
std::map<std::uint32_t, std::set<std::uint32_t>> pairs(const Comparison& c) {
    std::map<std::uint32_t, std::set<std::uint32_t>> out;
    for (const ClauseEntry& e : c.entries)
        for (ClauseId o : e.old_ids)
            for (ClauseId n : e.new_ids) out[(*c.old_doc)[o].where.line].insert((*c.new_doc)[n].where.line);
    return out;
}

void check_truth(const std::string& lang) {
    const Document o = read_file("2023-05-draft." + lang + ".txt");
    const Document n = read_file("2023-08-draft-for-comments." + lang + ".txt");
    const Comparison c = compare(o, n);
    const auto got = pairs(c);
    std::ifstream truth(dir + "truth." + lang + ".tsv");
    std::string row;
    std::getline(truth, row);  // header
    std::size_t rows = 0;
    while (std::getline(truth, row)) {
        std::vector<std::string> f;
        for (std::size_t p = 0, q; p <= row.size(); p = q + 1) {
            q = row.find('\t', p);
            if (q == std::string::npos) q = row.size();
            f.push_back(row.substr(p, q - p));
        }
        BOOST_REQUIRE(f.size() == 6u);
        ++rows;
        if (f[4] != "same" && f[4] != "split" && f[4] != "merge") continue;  // removed: nothing to pair
        const std::uint32_t ol = static_cast<std::uint32_t>(std::stoul(f[0])), nl = static_cast<std::uint32_t>(std::stoul(f[1]));
        const std::string& olab = f[2];
        const auto it = got.find(ol);
        BOOST_TEST((it != got.end() && it->second.count(nl) == 1), lang << ": old line " << ol << " (" << olab
                                                                       << ") should pair new line " << nl);
    }
    BOOST_TEST(rows == 59u);
}

}  // namespace

BOOST_AUTO_TEST_CASE(gb18030_copy_parses_to_the_same_tree) {
    const std::string utf8 = formats::read_bytes(dir + "2023-05-draft.zh.txt");
    const Document a = read("draft.txt", utf8);
    const Document b = read("draft.txt", to_gb18030(utf8));
    BOOST_TEST(a.info.encoding == "UTF-8");
    BOOST_TEST(b.info.encoding == "GB18030");
    Document b_as_utf8 = read("draft.txt", to_gb18030(utf8));
    b_as_utf8.info.encoding = "UTF-8";
    BOOST_TEST(formats::write_document_json(a) == formats::write_document_json(b_as_utf8));
}

BOOST_AUTO_TEST_CASE(chinese_sample_alignment_matches_the_hand_checked_truth) { check_truth("zh"); }

BOOST_AUTO_TEST_CASE(english_sample_alignment_matches_the_hand_checked_truth) { check_truth("en"); }

BOOST_AUTO_TEST_CASE(chinese_sample_changes) {
    const Document o = read_file("2023-05-draft.zh.txt");
    const Document n = read_file("2023-08-draft-for-comments.zh.txt");
    const Comparison c = compare(o, n);
    std::map<std::string, const ClauseEntry*> by_old;
    for (const ClauseEntry& e : c.entries)
        if (!e.old_ids.empty()) by_old[std::string(o.label(e.old_ids.front()))] = &e;
    BOOST_REQUIRE(by_old.count("6.1.3"));
    BOOST_TEST(by_old["6.1.3"]->change == ClauseChange::modified);
    BOOST_REQUIRE(by_old.count("6.2.4"));
    BOOST_TEST(by_old["6.2.4"]->change == ClauseChange::modified);
    BOOST_TEST(n.label(by_old["6.2.4"]->new_ids.front()) == "6.2.3");
    BOOST_REQUIRE(by_old.count("6.2.3"));
    BOOST_TEST(by_old["6.2.3"]->change == ClauseChange::renumbered);
    BOOST_TEST(by_old["6.2.3"]->editorial);
    BOOST_REQUIRE(by_old.count("5.4"));
    BOOST_TEST(by_old["5.4"]->change == ClauseChange::moved);
    BOOST_TEST(n.label(by_old["5.4"]->new_ids.front()) == "6.5.3");
    BOOST_REQUIRE(by_old.count("1"));
    BOOST_TEST(by_old["1"]->change == ClauseChange::modified);
    BOOST_REQUIRE(by_old.count("6.4.3"));
    BOOST_TEST(by_old["6.4.3"]->editorial);
    std::size_t removed_orgs = 0;
    for (const ClauseEntry& e : c.entries)
        removed_orgs += e.change == ClauseChange::removed && o[e.old_ids.front()].kind == ClauseKind::list_item &&
                        o[o[e.old_ids.front()].parent].kind == ClauseKind::front_matter;
    BOOST_TEST(removed_orgs == 5u);
}

namespace {

std::vector<std::string> organisations(const Document& d) {
    std::vector<std::string> out;
    for (ClauseId id = 1; id < d.size(); ++id)
        if (d[id].kind == ClauseKind::list_item && d[d[id].parent].kind == ClauseKind::front_matter && d.label(id).empty())
            out.push_back(d.own_text(id));
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_node_per_drafting_organisation) {
    const auto zh_may = organisations(read_file("2023-05-draft.zh.txt"));
    const auto zh_aug = organisations(read_file("2023-08-draft-for-comments.zh.txt"));
    BOOST_TEST(zh_may.size() == 14u);
    BOOST_TEST(zh_aug.size() == 9u);
    BOOST_TEST(zh_may.front() == "中国电子技术标准化研究院");
    BOOST_TEST(zh_may.back() == "天工网络安全技术有限公司");
    const auto en_may = organisations(read_file("2023-05-draft.en.txt"));
    BOOST_REQUIRE(en_may.size() == 14u);
    BOOST_TEST(en_may[5] == "Beijing Information Security Test and Evaluation Center");
    BOOST_TEST(en_may[10] == "Donglan Office Equipment (China) Co., Ltd.");
    BOOST_TEST(en_may[13] == "Tiangong Cybersecurity Technology Co., Ltd.");
    BOOST_TEST(organisations(read_file("2023-08-draft-for-comments.en.txt")).size() == 9u);
}

BOOST_AUTO_TEST_CASE(provision_changes_of_the_samples_in_both_languages) {
    for (const std::string lang : {"zh", "en"}) {
        const Document o = read_file("2023-05-draft." + lang + ".txt");
        const Document n = read_file("2023-08-draft-for-comments." + lang + ".txt");
        const Comparison c = compare(o, n);
        std::vector<std::string> got;
        for (const ProvisionChange& p : c.provisions) {
            std::string s(to_string(p.change));
            s += " " + (p.old_place.present() ? std::string(o.label(p.old_place.clause)) : "-");
            s += " " + (p.new_place.present() ? std::string(n.label(p.new_place.clause)) : "-");
            for (const auto& r : p.references_removed) s += " -" + r;
            got.push_back(s);
        }
        BOOST_TEST(got == (std::vector<std::string>{"removed 6.1.3 - -GB/T 29829-2022", "moved 6.2.2 6.2.1", "removed 6.2.4 -",
                                                    "removed 6.2.5 -"}),
                   boost::test_tools::per_element());
        BOOST_TEST(c.references.normative_removed == (std::vector<std::string>{"GB/T 29829-2022"}), boost::test_tools::per_element());
        BOOST_TEST(c.references.added.empty());
    }
}

// The cover's boilerplate line is never the title, in capitals or not.
BOOST_AUTO_TEST_CASE(cover_titles_in_both_languages) {
    BOOST_TEST(read_file("2023-05-draft.zh.txt").info.title == "信息安全技术 办公设备安全规范");
    BOOST_TEST(read_file("2023-05-draft.en.txt").info.title ==
               "Information security technology — Security specification for office devices");
    BOOST_TEST(read_file("2023-08-draft-for-comments.en.txt").info.stage == "Draft for comments");
    BOOST_TEST(read_file("2023-05-draft.en.txt").info.stage == "Draft for discussion");
    BOOST_TEST(read_file("2023-05-draft.zh.txt").info.stage == "讨论稿");
}
