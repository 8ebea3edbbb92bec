// The hand-labelled provision set (tests/data/provisions/labelled.tsv): precision and recall of
// the classifier per profile, each at least 0.98. A unit counts as found only when kind,
// polarity and verbal form all agree with the label; every miss is printed.
#define BOOST_TEST_MODULE provision_labels
#include <boost/test/unit_test.hpp>

#include "engine/provisions.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

using namespace redline;

namespace {

struct Label {
    Profile profile;
    ProvisionKind kind;
    Polarity polarity;
    std::string form, text, source;
    int line;
};

bool parse_kind(const std::string& s, ProvisionKind& out) {
    for (ProvisionKind k : {ProvisionKind::statement, ProvisionKind::constraint, ProvisionKind::possibility,
                            ProvisionKind::permission, ProvisionKind::recommendation, ProvisionKind::requirement})
        if (s == to_string(k)) {
            out = k;
            return true;
        }
    return false;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == '\t')
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

const std::vector<Label>& labels() {
    static const std::vector<Label> all = [] {
        std::vector<Label> out;
        std::ifstream in(REDLINE_SOURCE_DIR "/tests/data/provisions/labelled.tsv");
        BOOST_REQUIRE_MESSAGE(in, "cannot open tests/data/provisions/labelled.tsv");
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            if (line.empty() || line[0] == '#') continue;
            const auto f = split_tabs(line);
            BOOST_REQUIRE_MESSAGE(f.size() == 6, "labelled.tsv line " << n << ": expected 6 columns");
            Label l;
            l.line = n;
            BOOST_REQUIRE_MESSAGE(parse_profile(f[0], l.profile), "line " << n << ": profile " << f[0]);
            BOOST_REQUIRE_MESSAGE(parse_kind(f[1], l.kind), "line " << n << ": kind " << f[1]);
            BOOST_REQUIRE_MESSAGE(f[2] == "positive" || f[2] == "negative", "line " << n << ": polarity " << f[2]);
            l.polarity = f[2] == "negative" ? Polarity::negative : Polarity::positive;
            l.form = f[3] == "-" ? std::string() : f[3];
            l.text = f[4];
            l.source = f[5];
            out.push_back(std::move(l));
        }
        return out;
    }();
    return all;
}

std::string describe(ProvisionKind k, Polarity p, std::string_view form) {
    if (k == ProvisionKind::statement) return "statement";
    return std::string(to_string(k)) + "/" + std::string(to_string(p)) + "/" + std::string(form);
}

struct Score {
    int units = 0, labelled = 0, predicted = 0, correct = 0;
    double precision() const { return predicted ? double(correct) / predicted : 1.0; }
    double recall() const { return labelled ? double(correct) / labelled : 1.0; }
};

}  // namespace

BOOST_AUTO_TEST_CASE(the_set_is_large_and_covers_every_profile) {
    BOOST_TEST(labels().size() >= 300u);
    std::map<Profile, int> per;
    for (const Label& l : labels()) ++per[l.profile];
    for (Profile p : {Profile::iso, Profile::rfc2119, Profile::gb, Profile::law}) BOOST_TEST(per[p] >= 60, p);
}

// Each trap word appears in a unit that is not a provision and in one where a real modal
// stands next to it.
BOOST_AUTO_TEST_CASE(every_trap_word_is_labelled_both_ways) {
    for (std::string trap : {"应用", "响应", "供应", "相应", "对应", "适应", "可信", "可靠", "可用性", "许可", "功能",
                             "性能", "智能", "能力", "便宜"}) {
        bool as_statement = false, beside_a_modal = false;
        for (const Label& l : labels()) {
            if (l.profile != Profile::gb || l.text.find(trap) == std::string::npos) continue;
            (l.kind == ProvisionKind::statement ? as_statement : beside_a_modal) = true;
        }
        BOOST_TEST(as_statement, trap << " has no statement unit");
        BOOST_TEST(beside_a_modal, trap << " has no provision unit");
    }
}

BOOST_AUTO_TEST_CASE(precision_and_recall_per_profile) {
    std::map<Profile, Score> score;
    for (const Label& l : labels()) {
        const Classification got = classify(l.text, l.profile);
        Score& s = score[l.profile];
        ++s.units;
        const bool label_is_provision = l.kind != ProvisionKind::statement;
        const bool got_provision = got.kind != ProvisionKind::statement;
        const bool agree = got.kind == l.kind && (!label_is_provision || (got.polarity == l.polarity && got.form == l.form));
        if (label_is_provision) ++s.labelled;
        if (got_provision) ++s.predicted;
        if (label_is_provision && agree) ++s.correct;
        if (!agree)
            std::cout << "miss [" << l.profile << "] labelled.tsv:" << l.line << " expected "
                      << describe(l.kind, l.polarity, l.form) << ", got " << describe(got.kind, got.polarity, got.form)
                      << "\n    " << l.text << "\n";
    }
    for (const auto& [profile, s] : score) {
        std::cout << profile << ": " << s.units << " units, " << s.labelled << " provisions; precision "
                  << s.precision() << ", recall " << s.recall() << "\n";
        BOOST_TEST(s.precision() >= 0.98, profile << " precision " << s.precision());
        BOOST_TEST(s.recall() >= 0.98, profile << " recall " << s.recall());
    }
}
