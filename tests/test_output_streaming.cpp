// The writers stream (issue 15, memory within 20× the input): the JSON of a parse, the report,
// the outline, the terminal view and the redline page reach their sink in many chunks of bounded size, the same
// bytes as the whole-string form, and writing them allocates a bounded amount whatever the
// size of the output — counted by this executable's own operator new, not timed. And
// write_output leaves no file behind when making the output fails half way.
#define BOOST_TEST_MODULE output_streaming
#include <boost/test/unit_test.hpp>

#include "engine/pipeline.hpp"
#include "formats/common/output.hpp"
#include "formats/common/output_sink.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/document_json.hpp"
#include "formats/json/report_json.hpp"
#include "formats/outline/outline_writer.hpp"
#include "formats/reader.hpp"
#include "formats/terminal/terminal_writer.hpp"
#include "formats/writers.hpp"
#include "tests/support/counting_allocator.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

using namespace redline;

namespace {

namespace fs = std::filesystem;

// Records what reaches it: how many chunks, the largest, the bytes (kept only when asked).
class RecordingSink final : public formats::OutputSink {
public:
    explicit RecordingSink(bool keep) : keep_(keep) {}
    std::size_t takes = 0, largest = 0, bytes = 0;
    std::string text;

private:
    void take(std::string_view b) override {
        ++takes;
        largest = std::max(largest, b.size());
        bytes += b.size();
        if (keep_) text += b;
    }
    bool keep_;
};

// A draft of `n` numbered clauses of five one-word paragraphs each, the input whose outputs
// are largest beside it; `shift` changes every 7th word so that a comparison has edits.
std::string one_word_paragraphs(std::size_t n, std::size_t shift = 0) {
    static const char* words[] = {"shall", "device", "may", "key", "frames", "server", "verify"};
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += std::to_string(i + 1) + " Clause\n\n";
        for (std::size_t k = 0; k < 5; ++k) {
            const std::size_t w = i * 5 + k;
            out += words[(w + (shift && w % 7 == 0 ? shift : 0)) % 7];
            out += "\n\n";
        }
    }
    return out;
}

// A draft of `n` numbered clauses, one line each: the outline writes a line for every clause.
std::string numbered_clauses(std::size_t n) {
    std::string out;
    for (std::size_t i = 1; i <= n; ++i) out += std::to_string(i) + " Clause\n\nThe device shall log event " + std::to_string(i) + ".\n\n";
    return out;
}

Document read(const std::string& text, const std::string& path) {
    formats::ReadOptions o;
    o.path = path;
    return formats::read_document(text, o);
}

using redline::tests::peak_while;

constexpr std::size_t chunk = formats::OutputSink::default_chunk;

struct Drafts {
    Document old_doc = read(one_word_paragraphs(8000), "old.txt");
    Document new_doc = read(one_word_paragraphs(8000, 3), "new.txt");
    Analysis analysis = analyse(new_doc, Profile::iso);
    Document clauses = read(numbered_clauses(40000), "clauses.txt");
    Analysis clauses_analysis = analyse(clauses, Profile::iso);
    Comparison comparison = compare(old_doc, new_doc);
};

const Drafts& drafts() {
    static const Drafts d;
    return d;
}

}  // namespace

BOOST_AUTO_TEST_CASE(document_json_streams_the_same_bytes_in_chunks) {
    const Drafts& d = drafts();
    RecordingSink sink(true);
    formats::write_document_json(d.new_doc, &d.analysis, sink);
    BOOST_TEST(sink.text == formats::write_document_json(d.new_doc, &d.analysis));
    // Some 5 MB: handed on a chunk at a time, each at most a chunk and one piece more.
    BOOST_TEST(sink.bytes > 40 * chunk);
    BOOST_TEST(sink.takes >= sink.bytes / (2 * chunk));
    BOOST_TEST(sink.largest < chunk + 1024);
}

BOOST_AUTO_TEST_CASE(report_json_streams_the_same_bytes_in_chunks) {
    const Drafts& d = drafts();
    RecordingSink sink(true);
    formats::write_report_json(d.comparison, sink);
    BOOST_TEST(sink.text == formats::write_report_json(d.comparison));
    BOOST_TEST(sink.bytes > 20 * chunk);
    BOOST_TEST(sink.takes >= sink.bytes / (2 * chunk));
    BOOST_TEST(sink.largest < chunk + 1024);
}

BOOST_AUTO_TEST_CASE(outline_and_terminal_view_stream_the_same_bytes_in_chunks) {
    const Drafts& d = drafts();
    RecordingSink outline(true);
    formats::write_outline(d.clauses, &d.clauses_analysis, outline);
    BOOST_TEST(outline.text == formats::write_outline(d.clauses, &d.clauses_analysis));
    BOOST_TEST(outline.bytes > 10 * chunk);
    BOOST_TEST(outline.takes >= outline.bytes / (2 * chunk));
    BOOST_TEST(outline.takes > 10u);
    BOOST_TEST(outline.largest < chunk + 1024);

    RecordingSink view(true);
    formats::write_terminal(d.comparison, {}, view);
    BOOST_TEST(view.text == formats::write_terminal(d.comparison, {}));
    BOOST_TEST(view.takes >= view.bytes / (2 * chunk));
    BOOST_TEST(view.takes > 3u);
    BOOST_TEST(view.largest < chunk + 1024);
}

BOOST_AUTO_TEST_CASE(redline_page_streams_the_same_bytes_in_chunks) {
    const Drafts& d = drafts();
    formats::HtmlOptions o;
    o.date = "2026-12-02";
    RecordingSink page(true);
    formats::write_redline_html(d.comparison, o, page);
    BOOST_TEST(page.text == formats::write_redline_html(d.comparison, o));
    BOOST_TEST(page.bytes > 20 * chunk);
    BOOST_TEST(page.takes >= page.bytes / (2 * chunk));
    // A chunk, and at most the script or stylesheet appended whole after it.
    BOOST_TEST(page.largest < chunk + 256 * 1024);
}

// The bound that matters: what writing allocates does not grow with the output. Some 5 MB of
// document JSON, 2 MB of report, 1 MB of outline are written through at most 512 KiB.
BOOST_AUTO_TEST_CASE(writing_allocates_a_bounded_amount_whatever_the_output) {
    const Drafts& d = drafts();
    constexpr std::size_t bound = 512 * 1024;
    std::size_t written = 0;
    const std::size_t document = peak_while([&] {
        RecordingSink sink(false);
        formats::write_document_json(d.new_doc, &d.analysis, sink);
        written = sink.bytes;
    });
    BOOST_TEST(written > 8 * bound);
    BOOST_TEST(document < bound);
    const std::size_t report = peak_while([&] {
        RecordingSink sink(false);
        formats::write_report_json(d.comparison, sink);
        written = sink.bytes;
    });
    BOOST_TEST(written > 2 * bound);
    BOOST_TEST(report < bound);
    const std::size_t view = peak_while([&] {
        RecordingSink sink(false);
        formats::write_terminal(d.comparison, {}, sink);
    });
    BOOST_TEST(view < bound);
    const std::size_t outline = peak_while([&] {
        RecordingSink sink(false);
        formats::write_outline(d.clauses, nullptr, sink);
        written = sink.bytes;
    });
    BOOST_TEST(written > 2 * bound);
    BOOST_TEST(outline < bound);
}

// The registry's writers are the streaming ones: a parse and a diff to JSON through
// write_output into a file allocate a bounded amount too.
BOOST_AUTO_TEST_CASE(write_output_streams_the_registry_writers_into_the_file) {
    const Drafts& d = drafts();
    const fs::path dir = fs::temp_directory_path() / ("redline-streaming-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "document.json").string();
    formats::WriteInput in;
    in.document = &d.new_doc;
    in.analysis = &d.analysis;
    const formats::Writer& json = formats::choose_writer(formats::Command::parse, "auto", path);
    const std::size_t peak = peak_while([&] {
        formats::write_output(path, [&](formats::OutputSink& out) { json.write(in, out); });
    });
    BOOST_TEST(peak < std::size_t{512 * 1024});
    std::ifstream f(path, std::ios::binary);
    const std::string written((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    BOOST_TEST((written == formats::write_document_json(d.new_doc, &d.analysis)));
    fs::remove_all(dir);
}

// Making the output fails after several chunks reached the temporary file: no file is left,
// and an existing target keeps what it held.
BOOST_AUTO_TEST_CASE(a_failure_while_streaming_leaves_no_file) {
    const fs::path dir = fs::temp_directory_path() / ("redline-streaming-fail-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto fail_half_way = [](formats::OutputSink& out) {
        for (int i = 0; i < 10; ++i) out.append(std::string(chunk, 'x'));
        throw std::runtime_error("writer failed");
    };
    const fs::path fresh = dir / "new.json";
    BOOST_CHECK_THROW(formats::write_output(fresh.string(), fail_half_way), std::runtime_error);
    BOOST_TEST(!fs::exists(fresh));
    const fs::path existing = dir / "old.json";
    std::ofstream(existing) << "old\n";
    BOOST_CHECK_THROW(formats::write_output(existing.string(), fail_half_way), std::runtime_error);
    std::ifstream f(existing);
    std::string kept;
    std::getline(f, kept);
    BOOST_TEST(kept == "old");
    // Nothing but the file that was there: no temporary left beside it.
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
    BOOST_TEST(entries == 1u);
    fs::remove_all(dir);
}
