#define BOOST_TEST_MODULE compare_corpus
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/json/report_json.hpp"
#include "formats/reader.hpp"

#include <string>
#include <utility>
#include <vector>

using namespace redline;

namespace {

Document read(const std::string& rel) {
    const std::string path = std::string(REDLINE_SHARED_DIR) + "/corpus/" + rel;
    formats::ReadOptions o;
    o.path = rel;
    return formats::read_document(formats::read_bytes(path), o);
}

const std::vector<std::pair<std::string, std::string>> pairs = {
    {"ietf-quic-transport/draft-ietf-quic-transport-29.md", "ietf-quic-transport/draft-ietf-quic-transport-30.md"},
    {"ietf-tls13/draft-ietf-tls-tls13-13.md", "ietf-tls13/draft-ietf-tls-tls13-14.md"},
    {"ietf-httpbis/draft-ietf-httpbis-p2-semantics-20.xml", "ietf-httpbis/draft-ietf-httpbis-p2-semantics-21.xml"},
    {"cn-laws/company-law-2018.md", "cn-laws/company-law-2023.md"},
    {"gbt/GB-T-19771-XXXX-draft-for-comments.md", "gbt/GB-T-40949-2021.md"},  // unrelated drafts
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_node_of_both_documents_is_in_exactly_one_entry) {
    for (const auto& [old_path, new_path] : pairs) {
        const Document o = read(old_path), n = read(new_path);
        const Comparison c = compare(o, n);
        std::vector<int> seen_old(o.size()), seen_new(n.size());
        for (const ClauseEntry& e : c.entries) {
            for (ClauseId id : e.old_ids) ++seen_old[id];
            for (ClauseId id : e.new_ids) ++seen_new[id];
        }
        std::size_t bad = 0;
        for (ClauseId id = 1; id < o.size(); ++id) bad += seen_old[id] != 1;
        for (ClauseId id = 1; id < n.size(); ++id) bad += seen_new[id] != 1;
        BOOST_TEST(bad == 0u, old_path << " -> " << new_path);
        // Change numbers run C1, C2, … over the substantive entries in order.
        std::uint32_t expect = 0;
        for (const ClauseEntry& e : c.entries)
            if (e.number) BOOST_TEST(e.number == ++expect);
    }
}

BOOST_AUTO_TEST_CASE(entries_follow_the_new_document_order) {
    const Document o = read(pairs[0].first), n = read(pairs[0].second);
    const Comparison c = compare(o, n);
    ClauseId last = 0;
    for (const ClauseEntry& e : c.entries) {
        if (e.new_ids.empty()) continue;
        BOOST_TEST(e.new_ids.front() > last);
        last = e.new_ids.front();
    }
}

BOOST_AUTO_TEST_CASE(reports_are_byte_identical_across_runs) {
    for (const auto& [old_path, new_path] : pairs) {
        const Document o = read(old_path), n = read(new_path);
        const std::string a = formats::write_report_json(compare(o, n));
        const Document o2 = read(old_path), n2 = read(new_path);
        const std::string b = formats::write_report_json(compare(o2, n2));
        BOOST_TEST((a == b), old_path);
    }
}

BOOST_AUTO_TEST_CASE(a_document_against_itself_has_no_changes) {
    const Document o = read(pairs[3].first);
    const Document same = read(pairs[3].first);
    const Comparison c = compare(o, same);
    for (const ClauseEntry& e : c.entries) BOOST_TEST((e.change == ClauseChange::unchanged));
    BOOST_TEST(!c.has_substantive_changes());
}
