// Adversarial input classes (issue 15, bench/adversarial) at small sizes: the work of each is
// counted (engine/work_counters.hpp) at N and 2N, or its output checked exactly — never timed.
#define BOOST_TEST_MODULE bounded_work
#include <boost/test/unit_test.hpp>

#include "cli/memory_guard.hpp"
#include "engine/diff.hpp"
#include "engine/error.hpp"
#include "engine/pipeline.hpp"
#include "engine/provisions.hpp"
#include "engine/work_counters.hpp"
#include "formats/brief/brief.hpp"
#include "formats/common/reader_notes.hpp"
#include "formats/reader.hpp"
#include "tests/support/run_redline.hpp"
#include "tests/support/generated_words.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace redline;
using redline::tests::word_for;

namespace {

template <class F>
std::uint64_t counted(work::Counter c, F&& f) {
    const std::uint64_t before = work::read(c);
    f();
    return work::read(c) - before;
}

// Clause 1 "Root" (the same text on both sides, so that it pairs) with n children titled
// title(i), each a sentence of words beginning with `letter` that no other clause shares.
template <class Title>
Document wide(std::size_t n, Title title, char letter) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    b.open(ClauseKind::clause, "1", "Root", SourceLocation{line++, 0, 0});
    b.add_block(BlockKind::paragraph, "The parts of this clause follow.", SourceLocation{line++, 0, 0});
    for (std::size_t i = 0; i < n; ++i) {
        b.open(ClauseKind::clause, "", title(i), SourceLocation{line++, 0, 0});
        std::string text;
        for (std::size_t k = 0; k < 6; ++k) text += word_for(i * 6 + k, letter) + (k == 5 ? "." : " ");
        b.add_block(BlockKind::paragraph, text, SourceLocation{line++, 0, 0});
        b.close();
    }
    return b.finish();
}

std::uint64_t same_label_work(std::size_t n, bool same_titles) {
    auto title = [&](char side) {
        return [=](std::size_t i) { return same_titles ? std::string("Note") : std::string(1, side) + word_for(i, 'x'); };
    };
    const Document o = wide(n, title('O'), 'o'), nw = wide(n, title('N'), 'n');
    std::uint64_t steps = 0;
    std::size_t added = 0;
    steps = counted(work::Counter::same_label_candidates, [&] {
        const Comparison c = compare(o, nw);
        for (const ClauseEntry& e : c.entries) added += e.change == ClauseChange::added;
    });
    BOOST_TEST(added == n);   // nothing alike: every new child is added, every old one removed
    return steps;
}

// Pseudo-random words from a small vocabulary (no word unique: no anchor for the diff), and
// the same words shuffled.
std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>> shuffled_ids(std::size_t n) {
    std::mt19937 rng(7);
    std::vector<std::uint32_t> a(n);
    for (auto& x : a) x = 1 + rng() % 40;
    std::vector<std::uint32_t> b = a;
    for (std::size_t i = b.size(); i > 1; --i) std::swap(b[i - 1], b[rng() % i]);
    return {a, b};
}

struct TokenRun {
    std::vector<TokenEdit> script;
    bool over_budget = false;
    std::uint64_t steps = 0;
};

TokenRun diff_ids(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
    const std::vector<std::uint8_t> aw(a.size(), DiffInput::word_flag), bw(b.size(), DiffInput::word_flag);
    std::vector<std::uint32_t> key_of_exact(1 + std::max(*std::max_element(a.begin(), a.end()), *std::max_element(b.begin(), b.end())));
    std::iota(key_of_exact.begin(), key_of_exact.end(), 0u);   // each id its own key
    const DiffInput in{a, b, aw, bw, key_of_exact, {}, 0};
    TokenRun r;
    r.steps = counted(work::Counter::diff_steps, [&] { r.script = diff_tokens(in, &r.over_budget); });
    return r;
}

// Clause 1 with one paragraph per side.
Document one_paragraph(const std::string& text) {
    DocumentBuilder b;
    b.open(ClauseKind::clause, "1", "Requirements", SourceLocation{1, 0, 0});
    b.add_block(BlockKind::paragraph, text, SourceLocation{2, 0, 0});
    return b.finish();
}

// n top-level clauses whose requirement each turns into a recommendation.
Document top_level(std::size_t n, const char* verb) {
    DocumentBuilder b;
    std::uint32_t line = 1;
    for (std::size_t i = 0; i < n; ++i) {
        b.open(ClauseKind::clause, std::to_string(i + 1), "Clause " + word_for(i, 'c'), SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, "The device " + std::string(verb) + " record the " + word_for(i, 'e') + " event.",
                    SourceLocation{line++, 0, 0});
        b.close();
    }
    return b.finish();
}

}  // namespace

BOOST_AUTO_TEST_CASE(same_label_matching_looks_up_siblings_instead_of_scanning_them) {
    // Distinct titles: no old sibling is a candidate (a scan looked at all n for each of n).
    BOOST_TEST(same_label_work(100, false) == 0u);
    BOOST_TEST(same_label_work(200, false) == 0u);
    // One title for all: each new clause looks at no more than 64 old siblings of that title.
    BOOST_TEST(same_label_work(100, true) == 100u * 64u);
    BOOST_TEST(same_label_work(200, true) == 200u * 64u);
}

BOOST_AUTO_TEST_CASE(one_provision_repeated_in_every_clause_pairs_without_rescanning) {
    // n clauses of the same text, one more inserted first: each provision pairs with its
    // clause's counterpart, and each old provision is looked at a bounded number of times.
    auto clauses = [](std::size_t n, bool inserted) {
        DocumentBuilder b;
        std::uint32_t line = 1;
        if (inserted) {
            b.open(ClauseKind::clause, "", "Inserted", SourceLocation{line++, 0, 0});
            b.add_block(BlockKind::paragraph, "A new clause at the start.", SourceLocation{line++, 0, 0});
            b.close();
        }
        for (std::size_t i = 0; i < n; ++i) {
            b.open(ClauseKind::clause, "", "Requirement", SourceLocation{line++, 0, 0});
            b.add_block(BlockKind::paragraph, "The device shall keep the same record of every change.", SourceLocation{line++, 0, 0});
            b.close();
        }
        return b.finish();
    };
    std::uint64_t work[2] = {};
    for (const std::size_t n : {200u, 400u}) {
        const Document o = clauses(n, false), nw = clauses(n, true);
        std::size_t changed = 0;
        work[n == 400] = counted(work::Counter::same_text_provisions, [&] {
            const Comparison c = compare(o, nw);
            changed = c.provisions.size();
        });
        BOOST_TEST(changed == 0u);   // every provision kept its place (a clause was only added)
        BOOST_TEST(work[n == 400] <= 2 * n);
    }
    BOOST_TEST(work[1] == 2 * work[0]);
}

BOOST_AUTO_TEST_CASE(a_long_term_section_compares_numbers_without_walking_the_siblings) {
    // A term section of n entries 3.1 … 3.n, each reworded: whether an entry's number still
    // names it is asked of the siblings next to it, and its previous sibling was found by
    // walking the section from its first entry (n²/2 steps: 40,000 entries took 3.3 s).
    auto terms = [](std::size_t n, const char* verb) {
        DocumentBuilder b;
        std::uint32_t line = 1;
        b.open(ClauseKind::clause, "3", "Terms and definitions", SourceLocation{line++, 0, 0});
        for (std::size_t i = 0; i < n; ++i) {
            b.open(ClauseKind::term_entry, "3." + std::to_string(i + 1), word_for(i, 't'), SourceLocation{line++, 0, 0});
            b.add_block(BlockKind::paragraph, std::string("The device ") + verb + " record the " + word_for(i, 'e') + " event.",
                        SourceLocation{line++, 0, 0});
            b.close();
        }
        return b.finish();
    };
    std::uint64_t work[2] = {};
    for (const std::size_t n : {500u, 1000u}) {
        const Document o = terms(n, "shall"), nw = terms(n, "should");
        std::size_t paired = 0;
        work[n == 1000] = counted(work::Counter::sibling_steps, [&] {
            const Comparison c = compare(o, nw);
            for (const ClauseEntry& e : c.entries)
                if (e.old_ids.size() == 1 && e.new_ids.size() == 1 && o.label(e.old_ids[0]) == nw.label(e.new_ids[0])) ++paired;
        });
        BOOST_TEST(paired == n + 1);   // the section and every entry with its namesake
        BOOST_TEST(work[n == 1000] >= n);   // each entry's number was weighed
        BOOST_TEST(work[n == 1000] <= 4 * n);
    }
    BOOST_TEST(work[1] <= 2 * work[0] + 8);
}

BOOST_AUTO_TEST_CASE(a_long_normative_references_list_is_looked_up_not_searched) {
    // A GB/T normative-references clause of n standards, each cited at a new date: each
    // reference found the finding that names it, and its printed form, by searching all
    // findings and all citations (n² string comparisons: 20,000 references took 5.8 s). The
    // lookups must give what the searches gave: the first finding naming a reference covers
    // it, and a reference is printed as the clause citing it prints it.
    auto draft = [](std::size_t n, const char* year, bool cites) {
        std::string t = "1 范围\n\n本文件规定了设备的要求。\n\n2 规范性引用文件\n\n";
        for (std::size_t i = 0; i < n; ++i)
            t += "GB/T " + std::to_string(10000 + i) + "—" + year + " 信息安全技术 " + word_for(i, 'w') + "\n\n";
        t += "5 要求\n\n";
        t += cites ? "设备应符合GB/T 10000—2015的要求。\n" : "设备应满足安全要求。\n";
        return formats::read_document(t, formats::ReadOptions{"gbt.txt"});
    };
    const std::size_t n = 300;
    const Document old_doc = draft(n, "2015", true), new_doc = draft(n, "2022", false);
    const Comparison c = compare(old_doc, new_doc);
    std::size_t removed = 0, added = 0, covered = 0;
    for (const Finding& f : c.findings) {
        if (f.subject == FindingSubject::normative_reference) {
            const std::string written(reference_written(c, f));
            const std::string& key = normative_citation(c, f).key;
            BOOST_TEST(written.find("—") != std::string::npos, written);
            BOOST_TEST(written.find(key.substr(5, 5)) != std::string::npos);
            BOOST_TEST(normative_citation(c, f).normative_list);
            ++(f.verb == FindingVerb::deleted ? removed : added);
            BOOST_TEST(key != "GB/T 10000-2015");   // covered by the requirement
        }
        for (const std::string& key : f.facts().left_normative_list) {
            BOOST_TEST(key == "GB/T 10000-2015");
            BOOST_TEST((f.subject == FindingSubject::provision));
            BOOST_TEST(f.facts().cited_removed == (std::vector<std::string>{"GB/T 10000—2015"}), boost::test_tools::per_element());
            ++covered;
        }
    }
    BOOST_TEST(removed == n - 1);
    BOOST_TEST(added == n);
    BOOST_TEST(covered == 1u);
}

BOOST_AUTO_TEST_CASE(a_wide_gap_between_two_kept_clauses_is_compared_by_place) {
    // n unmatched siblings on each side between two clauses that kept their place: each pair
    // was scored for a rewrite in place (n² Dice comparisons: 8,000 took 4.4 s). Up to 65,536
    // pairs all are; beyond, each new clause meets the 257 old ones nearest its place.
    auto gap = [](std::size_t n, char letter) {
        DocumentBuilder b;
        std::uint32_t line = 1;
        b.open(ClauseKind::clause, "", "Root", SourceLocation{line++, 0, 0});
        b.open(ClauseKind::clause, "", "First", SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, "The first clause stays the same.", SourceLocation{line++, 0, 0});
        b.close();
        for (std::size_t i = 0; i < n; ++i) {
            b.open(ClauseKind::clause, "", std::string(1, letter) + word_for(i, 't'), SourceLocation{line++, 0, 0});
            std::string text;
            for (std::size_t k = 0; k < 6; ++k) text += word_for(i * 6 + k, letter) + (k == 5 ? "." : " ");
            b.add_block(BlockKind::paragraph, text, SourceLocation{line++, 0, 0});
            b.close();
        }
        b.open(ClauseKind::clause, "", "Last", SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, "The last clause stays the same.", SourceLocation{line++, 0, 0});
        b.close();
        return b.finish();
    };
    auto scored = [&](std::size_t n) {
        const Document o = gap(n, 'o'), nw = gap(n, 'n');
        return counted(work::Counter::same_place_pairs, [&] { (void)compare(o, nw); });
    };
    BOOST_TEST(scored(200) == 200u * 200u);   // within the bound: every pair
    const std::uint64_t at_1000 = scored(1000), at_2000 = scored(2000);
    BOOST_TEST(at_1000 <= 1000u * 257u);
    BOOST_TEST(at_2000 <= 2000u * 257u);
    BOOST_TEST(at_2000 * 10 <= at_1000 * 21);   // the band is clipped at the gap's ends: a little over 2
}

BOOST_AUTO_TEST_CASE(each_new_clause_ranks_its_candidates_once_whichever_phases_ask) {
    // n new clauses against n old ones, none alike, in words from a small vocabulary: each
    // new clause's rarest words are in many old clauses, and ranking those (thousands of votes
    // a clause at bench/adversarial's gap-in-place 8N) was done again by each of the four
    // phases that ask for candidates. A ranking is kept and later questions are answered from
    // it, while enough of it is left unpaired.
    auto drafts = [](std::size_t n, char letter) {
        std::mt19937 rng(letter);
        DocumentBuilder b;
        std::uint32_t line = 1;
        b.open(ClauseKind::clause, "1", "Root", SourceLocation{line++, 0, 0});
        b.add_block(BlockKind::paragraph, "The parts of this clause follow.", SourceLocation{line++, 0, 0});
        for (std::size_t i = 0; i < n; ++i) {
            b.open(ClauseKind::clause, "", std::string(1, letter) + word_for(i, 't'), SourceLocation{line++, 0, 0});
            std::string text;
            for (std::size_t k = 0; k < 8; ++k) text += word_for(rng() % 300, 'v') + (k == 7 ? "." : " ");
            b.add_block(BlockKind::paragraph, text, SourceLocation{line++, 0, 0});
            b.close();
        }
        b.close();
        return b.finish();
    };
    const std::size_t n = 400;
    const Document o = drafts(n, 'o'), nw = drafts(n, 'n');
    std::size_t added = 0;
    const std::uint64_t rankings = counted(work::Counter::candidate_rankings, [&] {
        const Comparison c = compare(o, nw);
        for (const ClauseEntry& e : c.entries) added += e.change == ClauseChange::added;
    });
    BOOST_TEST(added == n);        // nothing paired: every phase asked for every new clause
    BOOST_TEST(rankings >= n);     // each was ranked …
    BOOST_TEST(rankings <= n + 1); // … once (four times before)
}

BOOST_AUTO_TEST_CASE(a_long_lead_in_is_searched_not_walked_for_each_sentence_it_is_scored_against) {
    // A clause of one long lead-in sentence (l words) and n requirements, split into itself and
    // n new subclauses that each repeat a little of the lead-in: tracing the sentences scored
    // the lead-in against each subclause's sentence, every score walking all of its words
    // (n * l: bench/adversarial's long-lead-in at 8N, 256,000 words and 128,000 subclauses,
    // took 29.4 s; 4.2 s since). The short sentence's words are now searched for in the long one.
    auto drafts = [](std::size_t l, std::size_t n) {
        std::string lead = "The device shall meet the following:";
        for (std::size_t i = 0; i < l; ++i) lead += " " + word_for(i, 'l');
        lead += ".";
        auto requirement = [&](std::size_t i) {
            std::string text;
            for (std::size_t k = 0; k < 6; ++k) text += " " + word_for(i * 6 + k, 't');
            return text;
        };
        DocumentBuilder o, nw;
        std::uint32_t line = 1;
        for (DocumentBuilder* b : {&o, &nw}) {
            b->open(ClauseKind::clause, "1", "Requirements", SourceLocation{line++, 0, 0});
            b->add_block(BlockKind::paragraph, lead, SourceLocation{line++, 0, 0});
        }
        for (std::size_t i = 0; i < n; ++i) o.add_block(BlockKind::paragraph, "The device shall" + requirement(i) + ".", SourceLocation{line++, 0, 0});
        for (std::size_t i = 0; i < n; ++i) {
            nw.open(ClauseKind::clause, "1." + std::to_string(i + 1), "Item", SourceLocation{line++, 0, 0});
            nw.add_block(BlockKind::paragraph,
                         "The device shall meet the following: " + word_for(0, 'l') + " " + word_for(1, 'l') + requirement(i) + ".",
                         SourceLocation{line++, 0, 0});
            nw.close();
        }
        o.close();
        nw.close();
        return std::pair{o.finish(), nw.finish()};
    };
    auto keys = [&](std::size_t l, std::size_t n) {
        const auto [o, nw] = drafts(l, n);
        Comparison c;
        const std::uint64_t k = counted(work::Counter::sentence_keys, [&] { c = compare(o, nw); });
        BOOST_TEST(c.summary.counts[static_cast<int>(ClauseChange::split)] == 1u);
        return k;
    };
    const std::uint64_t at_n = keys(4000, 400), at_2n = keys(8000, 800);
    BOOST_TEST_MESSAGE("sentence keys scored: " << at_n << " at n, " << at_2n << " at 2n");
    BOOST_TEST(at_2n * 10 <= at_n * 23);   // walked: 4 times
}

BOOST_AUTO_TEST_CASE(reworded_provisions_of_one_clause_pair_without_scoring_every_pair) {
    // One clause of n provisions, each reworded on the other side: pairing them scored every
    // pair (n² word-set comparisons); the prefix index scores a bounded number per provision.
    auto requirements = [](std::size_t n, int side) {
        DocumentBuilder b;
        std::uint32_t line = 1;
        b.open(ClauseKind::clause, "1", "Requirements", SourceLocation{line++, 0, 0});
        for (std::size_t i = 0; i < n; ++i) {
            const std::string w = word_for(i, 'f');
            const std::string text =
                side == 0   ? "The device shall support the " + w + " feature of the " + word_for(i + n, 'g') + " unit."
                : side == 1 ? "The device shall support the " + w + " feature of the " + word_for(i + 2 * n, 'h') + " unit."
                            : "Each device shall provide its " + w + " feature for any " + word_for(i + 2 * n, 'h') + " unit.";
            b.add_block(BlockKind::paragraph, text, SourceLocation{line++, 0, 0});
        }
        b.close();
        return b.finish();
    };
    std::uint64_t work[2][2] = {};
    for (const std::size_t n : {2000u, 4000u}) {
        const Document o = requirements(n, 0);
        for (const int side : {1, 2}) {
            std::size_t modified = 0, removed = 0, added = 0;
            const Document nw = requirements(n, side);
            work[side - 1][n == 4000] = counted(work::Counter::reworded_provisions, [&] {
                const Comparison c = compare(o, nw);
                for (const ProvisionChange& p : c.provisions) {
                    modified += p.change == ProvisionChangeKind::modified;
                    removed += p.change == ProvisionChangeKind::removed;
                    added += p.change == ProvisionChangeKind::added;
                }
            });
            BOOST_TEST_INFO("side " << side << ", n " << n);
            if (side == 1) {
                // One word of eleven changed: each pairs with its own (Dice 0.91).
                BOOST_TEST(modified == n);
                BOOST_TEST(removed + added == 0u);
            } else {
                // Five words of eleven shared (Dice 0.45, under the 0.5 of a reworded provision).
                BOOST_TEST(modified == 0u);
                BOOST_TEST(removed == n);
                BOOST_TEST(added == n);
            }
            BOOST_TEST(work[side - 1][n == 4000] <= 1200 * n);
        }
    }
    for (const int side : {0, 1}) {
        BOOST_TEST_INFO("side " << side + 1);
        BOOST_TEST(work[side][1] <= 2 * work[side][0] + work[side][0] / 5);
    }
}

BOOST_AUTO_TEST_CASE(shuffled_words_stay_exact_under_the_budget) {
    const auto [a, b] = shuffled_ids(300);
    const TokenRun r = diff_ids(a, b);
    BOOST_TEST(!r.over_budget);
    BOOST_TEST(r.steps == 0u);   // too small to reach the budget: not even searched twice
}

BOOST_AUTO_TEST_CASE(shuffled_words_beyond_the_budget_are_one_replacement) {
    for (const std::size_t n : {4000u, 8000u}) {
        const auto [a, b] = shuffled_ids(n);
        const TokenRun r = diff_ids(a, b);
        BOOST_TEST(r.over_budget);
        // Ends the two sides share stay equal; the middle is one removal and one insertion.
        std::size_t changes = 0;
        for (const TokenEdit& e : r.script) changes += e.op != EditOp::equal;
        BOOST_TEST(changes == 2u);
        // The search stops at the budget, whatever the size: the visits up to it, the snakes
        // along them and one round more.
        BOOST_TEST(r.steps <= 2 * max_diff_diagonals);
        BOOST_TEST(r.steps >= max_diff_diagonals);
    }
}

BOOST_AUTO_TEST_CASE(a_diff_beyond_its_budget_is_a_warning_of_the_comparison) {
    std::mt19937 rng(3);
    std::vector<std::string> words;
    for (int i = 0; i < 12000; ++i) words.push_back(word_for(rng() % 40, 'w'));
    std::string old_text, new_text;
    for (const std::string& w : words) old_text += w + " ";
    for (std::size_t i = words.size(); i > 1; --i) std::swap(words[i - 1], words[rng() % i]);
    for (const std::string& w : words) new_text += w + " ";
    Document o = one_paragraph(old_text), n = one_paragraph(new_text);
    o.info.path = "old.txt";
    n.info.path = "new.txt";
    const Comparison c = compare(o, n);
    BOOST_REQUIRE(c.warnings.size() == 1u);
    BOOST_TEST(c.warnings[0].where.line == 1u);
    BOOST_TEST(c.warnings[0].message ==
               "clause 1: too different to diff word by word within the limits of docs/limits.md (2000000 diagonals of "
               "the edit search, 20000 tokens of a changed stretch); parts of it are shown removed and inserted whole");
    // Every writer lists it with the readers' warnings, as the new draft's.
    const auto notes = formats::reader_notes(c);
    BOOST_REQUIRE(notes.size() == 1u);
    BOOST_TEST(!notes[0].old_draft);
    BOOST_TEST(notes[0].path == "new.txt");
    BOOST_TEST(notes[0].where == "line 1");
    // A clause within the budget says nothing.
    const Document small_o = one_paragraph("The device shall keep a record."),
                   small_n = one_paragraph("The device should keep a log.");
    BOOST_TEST(compare(small_o, small_n).warnings.empty());
}

BOOST_AUTO_TEST_CASE(chinese_modal_words_without_punctuation_are_read_in_one_pass) {
    auto line = [](std::size_t n) {
        static const char* words[] = {"应", "宜", "可", "不得", "应当", "必须", "可以", "不宜", "设备", "系统", "数据", "的"};
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += words[(i * 7 + i / 5) % std::size(words)];
        return s;
    };
    const std::string small = line(2000), large = small + small;
    const std::uint64_t at_n = counted(work::Counter::zh_modal_scan, [&] { (void)classify(small, Profile::gb); });
    const std::uint64_t at_2n = counted(work::Counter::zh_modal_scan, [&] { (void)classify(large, Profile::gb); });
    BOOST_TEST(at_n > 1000u);            // one look at each token …
    BOOST_TEST(at_2n <= 2 * at_n + 2);   // … once, however many modal words the line holds
    // The readings that used to scan forward from each modal word are unchanged.
    BOOST_TEST(classify("应国务院要求，董事会可以召开临时会议。", Profile::law).form == "可以");
    BOOST_TEST(classify("董事应当辞职的，或者董事不宜担任董事的，可以召开会议。", Profile::law).form == "可以");
    BOOST_TEST(classify("设备应记录用户的操作。", Profile::gb).form == "应");
}

BOOST_AUTO_TEST_CASE(the_brief_chart_is_capped_and_says_how_many_it_adds_up) {
    for (const std::size_t n : {30u, 100u}) {
        const Document o = top_level(n, "shall"), nw = top_level(n, "should");
        const Comparison c = compare(o, nw);
        const formats::Brief b = formats::make_brief(c);
        std::uint32_t total = 0;
        for (const formats::ChartBar& bar : b.chart) total += bar.total();
        BOOST_TEST(total == n);   // every change is counted, in its bar or in the last
        if (n <= formats::max_chart_bars) {
            BOOST_TEST(b.chart.size() == n);
            continue;
        }
        BOOST_REQUIRE(b.chart.size() == formats::max_chart_bars);
        BOOST_TEST(b.chart.front().label == "1");   // ties keep document order
        BOOST_TEST(b.chart.back().label == "61 other clauses");
        BOOST_TEST(b.chart.back().title == "the chart shows at most 40 bars; the rest together");
        BOOST_TEST(b.chart.back().modified == 61u);
    }
}

// ---- The memory guard (cli/memory_guard) ----

namespace {

// A sparse file of `bytes` zeros: as large as a draft near the input limit, without the disk.
struct SparseFile {
    std::filesystem::path path;
    SparseFile(const std::string& name, std::uintmax_t bytes)
        : path(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
        std::ofstream(path).close();
        std::filesystem::resize_file(path, bytes);
    }
    ~SparseFile() { std::filesystem::remove(path); }
};

std::string refusal(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.describe();
    }
    return "(not refused)";
}

}  // namespace

BOOST_AUTO_TEST_CASE(memory_guard_refuses_inputs_that_would_need_more_than_is_available) {
    const SparseFile big("redline-guard-big.txt", std::uintmax_t{100} << 20), other("redline-guard-other.txt", std::uintmax_t{50} << 20);
    const cli::AvailableMemory one_gb{std::uint64_t{1} << 30, "a test's budget"};
    BOOST_TEST(cli::expected_peak(std::uint64_t{100} << 20) == (std::uint64_t{64} << 20) + 32 * (std::uint64_t{100} << 20));
    // 64 MiB + 32 × 100 MiB = 3264 MiB.
    BOOST_TEST(refusal([&] { cli::check_memory({{"FILE", big.path.string()}}, "parsing", one_gb); }) ==
               big.path.string() + ": parsing 100 MB of input needs about 3.2 GB of memory (64 MiB and 32× the input, "
                                   "docs/limits.md), more than the 1.0 GB available (a test's budget)");
    // Both drafts of a comparison count; the message names the larger, whichever comes first.
    BOOST_TEST(refusal([&] { cli::check_memory({{"OLD", other.path.string()}, {"NEW", big.path.string()}}, "comparing", one_gb); }) ==
               big.path.string() + ": comparing 150 MB of input needs about 4.8 GB of memory (64 MiB and 32× the input, "
                                   "docs/limits.md), more than the 1.0 GB available (a test's budget)");
    // Enough memory: nothing refused, the bytes measured returned; standard input is not measured.
    const cli::AvailableMemory plenty{std::uint64_t{8} << 30, "a test's budget"};
    BOOST_TEST(cli::check_memory({{"OLD", other.path.string()}, {"NEW", big.path.string()}}, "comparing", plenty) == (std::uint64_t{150} << 20));
    BOOST_TEST(cli::check_memory({{"OLD", "-"}, {"NEW", other.path.string()}}, "comparing", plenty) == (std::uint64_t{50} << 20));
    // A stream is checked once read, on the bytes read.
    BOOST_TEST(refusal([&] { cli::check_read_memory("standard input", std::uint64_t{40} << 20, one_gb); }) ==
               "standard input: reading 40 MB of input needs about 1.3 GB of memory (64 MiB and 32× the input, "
               "docs/limits.md), more than the 1.0 GB available (a test's budget)");
    BOOST_TEST(refusal([&] { cli::check_read_memory("standard input", std::uint64_t{20} << 20, one_gb); }) == "(not refused)");
}

BOOST_AUTO_TEST_CASE(memory_guard_reads_the_limits_of_the_process) {
    // Whatever the machine, the guard finds some bound (MemAvailable at least) and says which.
    const cli::AvailableMemory a = cli::available_memory();
    BOOST_TEST(a.bytes < UINT64_MAX);
    BOOST_TEST(!a.source.empty());
}

// AddressSanitizer reserves terabytes of shadow address space at start: under `ulimit -v` its
// redline cannot start at all, so the run with a real limit is for uninstrumented builds (the
// messages are checked under the sanitizers too, with an injected budget, above).
boost::test_tools::assertion_result without_address_sanitizer(boost::unit_test::test_unit_id) {
#if defined(__SANITIZE_ADDRESS__)
    boost::test_tools::assertion_result no(false);
    no.message() << "an AddressSanitizer build cannot run under an address-space limit";
    return no;
#else
    return true;
#endif
}

BOOST_AUTO_TEST_CASE(a_draft_too_large_for_the_memory_is_refused_before_it_is_read,
                     *boost::unit_test::precondition(without_address_sanitizer)) {
    // 100 MiB of zeros under an address-space limit of 1 GB: refused with exit 2 before a byte
    // is read (read, the zeros would be a binary file), and no output file is written.
    const SparseFile big("redline-guard-run.txt", std::uintmax_t{100} << 20);
    const std::filesystem::path out = big.path.string() + ".json";
    const run_cli::Result r = run_cli::redline("parse " + big.path.string() + " --format json -o " + out.string(), "ulimit -v 1000000;");
    BOOST_TEST(r.status == 2);
    const std::string head = "redline: error: " + big.path.string() + ": parsing 100 MB of input needs about 3.2 GB of memory "
                                                                      "(64 MiB and 32× the input, docs/limits.md), more than the ";
    BOOST_TEST(r.err.substr(0, head.size()) == head);
    BOOST_TEST(r.err.ends_with(" available (the limit on address space, ulimit -v)\n"));
    BOOST_TEST(r.out.empty());
    BOOST_TEST(!std::filesystem::exists(out));
}

BOOST_AUTO_TEST_CASE(a_run_restarted_for_huge_pages_writes_what_a_run_without_writes) {
    // 1.2 MB of clauses: the run restarts itself with glibc.malloc.hugetlb=1 (cli/huge_pages);
    // given that tunable already, it does not. Both write the same outline and exit alike.
    const std::filesystem::path draft = std::filesystem::temp_directory_path() / ("redline-huge-" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream out(draft);
        for (std::size_t i = 1; i <= 20000; ++i)
            out << i << " Clause " << word_for(i, 'c') << "\n\nThe device shall keep the record of " << word_for(i, 'r') << ".\n\n";
    }
    BOOST_REQUIRE(std::filesystem::file_size(draft) >= (std::uintmax_t{1} << 20));
    const run_cli::Result restarted = run_cli::redline("parse " + draft.string());
    const run_cli::Result as_is = run_cli::redline("parse " + draft.string(), "GLIBC_TUNABLES=glibc.malloc.hugetlb=0");
    std::filesystem::remove(draft);
    BOOST_TEST(restarted.status == 0);
    BOOST_TEST(as_is.status == 0);
    BOOST_TEST(restarted.err == as_is.err);
    BOOST_TEST(restarted.out.size() > 900000u);
    BOOST_TEST((restarted.out == as_is.out));
}
