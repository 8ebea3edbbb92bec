// The brief of drafts of many small changed clauses (issue 15, memory within 20× the input;
// bench/adversarial --class brief-top-level): a finding is a compact record, the brief words
// only the findings its body shows, and the appendix's rows are worded and written one at a
// time, in every format. Counted by this executable's own operator new (libzip's own buffers,
// taken with malloc, are not), not timed.
#define BOOST_TEST_MODULE brief_memory
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/brief/brief.hpp"
#include "formats/common/libzip.hpp"
#include "formats/reader.hpp"
#include "tests/support/counting_allocator.hpp"

#include <malloc.h>

#include <cstdint>
#include <string>
#include <string_view>

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

// A GB/T normative-references list of n standards, each cited at a new date
// (bench/adversarial --class gbt-reference-list): 2n findings, one for each reference that
// left or joined the list. Each reads its reference from the comparison (normative_citation,
// reference_written) and holds no facts: some 100 bytes a finding at the peak, the record and
// the drafts' citation indices (some 550 before: its key and printed form copied four times,
// into facts of 344 bytes; heaptrack at 100,000 references, 95 MB of 178).
BOOST_AUTO_TEST_CASE(a_normative_reference_finding_copies_nothing_of_its_reference) {
    constexpr std::size_t n = 2000;
    auto draft = [](const char* year) {
        std::string t = "1 范围\n\n本文件规定了设备的要求。\n\n2 规范性引用文件\n\n";
        for (std::size_t i = 0; i < n; ++i) t += "GB/T " + std::to_string(10000 + i) + "—" + year + " 信息安全技术\n\n";
        return formats::read_document(t, formats::ReadOptions{std::string("gbt-") + year + ".txt"});
    };
    const Document old_doc = draft("2015"), new_doc = draft("2022");
    const Comparison c = compare(old_doc, new_doc);
    BOOST_REQUIRE(c.findings.size() == 2 * n);
    for (const Finding& f : c.findings) {
        BOOST_TEST((f.subject == FindingSubject::normative_reference));
        BOOST_TEST((&f.facts() == &Finding().facts()));
    }
    BOOST_TEST(normative_citation(c, c.findings.front()).key == "GB/T 10000-2015");
    BOOST_TEST(reference_written(c, c.findings.front()) == "GB/T 10000—2015");
    std::size_t found = 0;
    const std::size_t peak = tests::peak_while([&] { found = find_findings(c).size(); });
    BOOST_TEST(found == 2 * n);
    BOOST_TEST_MESSAGE("find_findings: " << peak / found << " bytes a reference finding at the peak");
    BOOST_TEST(peak <= 128u * found);
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

// The bytes of the package's part `name` as its directory gives them (inflated).
std::uint64_t part_size(const std::string& package, const char* name) {
    const formats::Libzip& z = formats::libzip();
    zip_error_t error;
    z.error_init(&error);
    zip_source_t* source = z.source_buffer_create(package.data(), package.size(), 0, &error);
    BOOST_REQUIRE(source);
    zip_t* archive = z.open_from_source(source, ZIP_RDONLY, &error);
    BOOST_REQUIRE(archive);
    std::uint64_t size = 0;
    for (zip_int64_t i = 0; i < z.get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        z.stat_init(&st);
        if (z.stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0 && std::string_view(st.name) == name) size = st.size;
    }
    z.discard(archive);   // frees the source too
    return size;
}

// word/document.xml is made as libzip reads it to compress the package: the appendix's rows a
// piece of 256 KiB at a time into one reused string, so that the rows' text is never held
// (it was, in pieces, until libzip compressed them: 519 bytes a finding allocated at the peak
// here, the whole 54 MB of document.xml beside the comparison for 152,000 changed clauses).
// The package itself is libzip's (malloc, not counted) and goes to the sink 64 KiB at a time.
BOOST_AUTO_TEST_CASE(the_docx_brief_makes_its_document_a_piece_at_a_time) {
    const formats::Brief b = formats::make_brief(drafts().c);
    const std::string docx = formats::write_brief_docx(b);
    const std::uint64_t xml = part_size(docx, "word/document.xml");
    CountingSink sink;
    const std::size_t peak = tests::peak_while([&] { formats::write_brief_docx(b, sink); });
    BOOST_TEST_MESSAGE("docx: " << sink.bytes << " bytes, document.xml " << xml << " bytes, " << peak / clauses
                                << " bytes a finding allocated at the peak");
    BOOST_TEST(sink.bytes == docx.size());
    BOOST_TEST(xml > 100u * clauses);
    BOOST_TEST(peak * 2 < xml);
}

// Out of memory while libzip reads word/document.xml to compress it (inside its C frames,
// which no C++ exception may cross): the failure goes to libzip as its error, so that it gives
// its layers and zlib's state back and zip_close fails, and write_brief_docx then throws it as
// it was; nothing reaches the sink. Let through libzip's frames, the exception left them
// allocated (some 400 KB of deflate state: glibc's count of the heap in use, which also sees
// the C libraries' blocks).
BOOST_AUTO_TEST_CASE(a_failure_while_libzip_reads_the_document_comes_out_and_nothing_is_left) {
    const formats::Brief b = formats::make_brief(drafts().c);
    CountingSink whole;
    const std::size_t made = tests::allocations_while([&] { formats::write_brief_docx(b, whole); });
    const auto heap_in_use = [] {
        const struct mallinfo2 m = mallinfo2();
        return m.uordblks + m.hblkhd;
    };
    CountingSink sink;
    const std::size_t before = heap_in_use();
    {
        // Half of the allocations are the rows counted, half the rows read: this one is a row
        // being read, while libzip deflates.
        const tests::FailAllocation fail(made * 3 / 4);
        BOOST_CHECK_THROW(formats::write_brief_docx(b, sink), std::bad_alloc);
    }
    BOOST_TEST(sink.bytes == 0u);
    BOOST_TEST(heap_in_use() <= before + 4096, heap_in_use() - before << " bytes left in use");
    formats::write_brief_docx(b, sink);
    BOOST_TEST(sink.bytes == whole.bytes);
}
