// The brief of drafts of many small changed clauses (issue 15, memory within 20× the input;
// bench/adversarial --class brief-top-level): a finding is a compact record, the brief words
// only the findings its body shows, and the appendix's rows are worded and written one at a
// time, in every format. Counted by this executable's own operator new (libzip's own buffers,
// taken with malloc, are not), not timed.
#define BOOST_TEST_MODULE brief_memory
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/brief/brief.hpp"
#include "formats/reader.hpp"
#include "tests/support/counting_allocator.hpp"

#include <string>

using namespace redline;

namespace {

// Keeps nothing of what reaches it, counts the bytes.
class CountingSink final : public formats::OutputSink {
public:
    std::size_t bytes = 0;

private:
    void take(std::string_view b) override { bytes += b.size(); }
};

// Drafts of `n` top-level clauses, each with one requirement weakened: one finding a clause.
struct ManyClauses {
    Document old_doc, new_doc;
    Comparison c;
    explicit ManyClauses(std::size_t n) : old_doc(read(n, "shall")), new_doc(read(n, "should")), c(compare(old_doc, new_doc)) {}

    static Document read(std::size_t n, const char* verb) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            std::string w = "c";
            for (std::size_t k = i; k > 0 || w.size() == 1; k /= 26) w += static_cast<char>('a' + k % 26);
            text += "# Clause " + w + "\n\nThe device " + verb + " record the " + w + " event.\n\n";
        }
        formats::ReadOptions o;
        o.path = std::string("many-") + verb + ".md";
        return formats::read_document(text, o);
    }
};

constexpr std::size_t clauses = 4000;

const ManyClauses& drafts() {
    static const ManyClauses d(clauses);
    return d;
}

}  // namespace

// Some 56 bytes a finding, with its subject's facts apart: it was 480, mostly empty
// containers for other subjects' facts, and a draft has a finding per changed clause.
BOOST_AUTO_TEST_CASE(a_finding_is_a_compact_record) {
    BOOST_TEST(sizeof(Finding) <= 64u);
    const Comparison& c = drafts().c;
    BOOST_REQUIRE(c.findings.size() == clauses);
    for (const Finding& f : c.findings) BOOST_TEST((&f.facts() == &Finding().facts()));   // none has facts of its own
    // Finding them costs the records, the vector reserved for them and the systematic edits'
    // bookkeeping: some 160 bytes a finding (960 before: heaptrack of find_findings at 152,000
    // clauses, 146 MB).
    const std::size_t peak = tests::peak_while([&] { BOOST_TEST(find_findings(c).size() == clauses); });
    BOOST_TEST_MESSAGE("find_findings: " << peak / clauses << " bytes a finding at the peak");
    BOOST_TEST(peak <= 256u * clauses);
}

// Comparing drafts of many small changed clauses, beside the prepared drafts: at its peak
// (placing the provisions) the comparison holds no token edit script of a short entry (placing
// a provision diffs such an entry again), no provision changes' vector grown to twice their
// number, and no alignment or entry plan, all given back before: some 1,120 bytes a clause
// (1,380 before).
BOOST_AUTO_TEST_CASE(comparing_many_small_clauses_keeps_no_scripts_and_no_slack) {
    constexpr std::size_t n = 2100;   // grown by doubling, room for 4,096 provision changes
    const Document old_doc = ManyClauses::read(n, "shall"), new_doc = ManyClauses::read(n, "should");
    PreparedDraft a = prepare(old_doc), b = prepare(new_doc);
    std::size_t changes = 0;
    const std::size_t peak = tests::peak_while([&] { changes = compare(std::move(a), std::move(b)).provisions.size(); });
    BOOST_TEST(changes == n);
    BOOST_TEST_MESSAGE("compare: " << peak / n << " bytes a clause at the peak");
    BOOST_TEST(peak <= 1200u * n);
}

// make_brief words the body's findings only (--top and the systematic edits): the rest are
// indices, worded as they are written. Some 115 bytes a finding at the peak, mostly the chart's
// tally of each top-level clause (2,570 before, every finding worded and held: heaptrack of
// make_brief at 152,000 clauses, 390 MB).
BOOST_AUTO_TEST_CASE(the_brief_holds_the_body_worded_and_indices_for_the_rest) {
    const Comparison& c = drafts().c;
    std::size_t shown = 0, ordered = 0;
    const std::size_t peak = tests::peak_while([&] {
        const formats::Brief b = formats::make_brief(c);
        shown = b.findings.size();
        ordered = b.order.size();
    });
    BOOST_TEST(shown == 20u);
    BOOST_TEST(ordered == clauses);
    BOOST_TEST_MESSAGE("make_brief: " << peak / clauses << " bytes a finding at the peak");
    BOOST_TEST(peak <= 256u * clauses);
}

// The writers stream the appendix: what writing a brief allocates does not grow with its
// findings (each was held worded, and the whole text besides, before).
BOOST_AUTO_TEST_CASE(the_text_briefs_are_written_row_by_row) {
    const formats::Brief b = formats::make_brief(drafts().c);
    using Writer = void (*)(const formats::Brief&, formats::OutputSink&);
    for (const auto& [name, write] : {std::pair<const char*, Writer>{"md", formats::write_brief_markdown},
                                      std::pair<const char*, Writer>{"html", formats::write_brief_html},
                                      std::pair<const char*, Writer>{"gbt-changes", formats::write_gbt_changes}}) {
        CountingSink sink;
        const std::size_t peak = tests::peak_while([&] { write(b, sink); });
        BOOST_TEST_MESSAGE(name << ": " << sink.bytes << " bytes written, " << peak << " bytes allocated at the peak");
        BOOST_TEST(sink.bytes > 50u * clauses, name);
        BOOST_TEST(peak * 8 < sink.bytes, name);
    }
}

// The DOCX package holds word/document.xml once, in pieces that libzip reads in turn: the
// appendix's rows are built as nodes one at a time, not all at once (before, the document's
// nodes, its text and a copy of that text: the DOCX brief of 152,000 changed clauses peaked
// 1,140 bytes a finding above the Markdown brief, which held its whole text too).
BOOST_AUTO_TEST_CASE(the_docx_brief_holds_its_text_once) {
    const formats::Brief b = formats::make_brief(drafts().c);
    std::size_t size = 0;
    const std::size_t peak = tests::peak_while([&] { size = formats::write_brief_docx(b).size(); });
    BOOST_TEST_MESSAGE("docx: " << size << " bytes, " << peak / clauses << " bytes a finding allocated at the peak");
    BOOST_TEST(size > 0u);
    // 519 bytes a finding: the pieces of 256 KiB are reserved at once (558 with pieces of a
    // megabyte grown by doubling, which held up to twice their text).
    BOOST_TEST(peak <= 540u * clauses);
}
