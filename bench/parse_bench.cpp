// Reading throughput: decode + read + build the clause tree, per input file, and the process's
// peak resident memory after reading them all.
// Usage: parse_bench [--repeat N] FILE...   (defaults: the largest drafts in ../shared/corpus
//        and the samples)
// Prints one line per file: size, median seconds per read over N runs (default 20; fewer for a
// file that takes seconds: at least 3, and no new run once 10 s are spent), MB/s, pages/s for a
// PDF, node count; then the peak RSS. Targets (docs/performance.md): ≥ 50 MB/s for plain text
// and Markdown, ≥ 50 pages/s for PDF on one core, ≤ 200 MB.
#include "cli/allocator.hpp"
#include "formats/pdf/pdf_reader.hpp"
#include "formats/reader.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

const char* const default_files[] = {
    "../shared/corpus/ietf-quic-transport/draft-ietf-quic-transport-30.md",
    "../shared/corpus/ietf-tls13/draft-ietf-tls-tls13-13.md",
    "../shared/corpus/cn-laws/company-law-2023.md",
    "../shared/corpus/gbt/GB-T-19771-XXXX-draft-for-comments.md",
    // The largest Word draft (6.9 MB of word/document.xml in a 0.7 MB package): MB/s are of
    // the package; the target is on the time (docs/performance.md).
    "../shared/corpus/oasis-sarif-docx/sarif-v2.1-changes-from-csd01.docx",
    "../shared/corpus/oasis-sarif-pdf/sarif-v2.1-csd02.pdf",
    "../shared/corpus/oasis-sarif-pdf/sarif-v2.1.0-csd01-provisional.pdf",
    "samples/office-devices/2023-05-draft.zh.txt",
    "samples/office-devices/2023-05-draft.en.txt",
};

bool is_pdf(const std::string& bytes) { return bytes.compare(0, 5, "%PDF-") == 0; }

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    int repeat = 20;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
        else files.push_back(arg);
    }
    if (files.empty())
        for (const char* f : default_files)
            if (std::filesystem::exists(f)) files.emplace_back(f);
    if (files.empty()) {
        std::fprintf(stderr, "parse_bench: no input files (run from the repository root or name files)\n");
        return 2;
    }
    std::printf("%-60s %10s %10s %9s %8s %7s\n", "file", "bytes", "s/read", "MB/s", "pages/s", "nodes");
    for (const auto& path : files) {
        const std::string bytes = redline::formats::read_bytes(path);
        redline::formats::ReadOptions options;
        options.path = path;
        std::vector<double> seconds;
        double spent = 0;
        std::size_t nodes = 0;
        for (int r = 0; r < repeat && (r < 3 || spent < 10); ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const redline::Document doc = redline::formats::read_document(bytes, options);
            const auto t1 = std::chrono::steady_clock::now();
            nodes = doc.size() - 1;
            seconds.push_back(std::chrono::duration<double>(t1 - t0).count());
            spent += seconds.back();
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        std::string pages_per_second = "-";
        if (is_pdf(bytes)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.1f", redline::formats::pdf::extract_text(bytes).pages / median);
            pages_per_second = buf;
        }
        std::printf("%-60s %10zu %10.5f %9.1f %8s %7zu\n", path.c_str(), bytes.size(), median,
                    static_cast<double>(bytes.size()) / 1e6 / median, pages_per_second.c_str(), nodes);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024);
    return 0;
}
