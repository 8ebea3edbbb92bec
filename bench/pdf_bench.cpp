// PDF reading throughput and memory: poppler's words, lines, furniture, paragraphs and the
// clause tree, in pages per second on one core, per file, and the process's peak resident
// memory after reading them all.
// Usage: pdf_bench [--repeat N] FILE...   (defaults: the SARIF 2.1 PDFs in ../shared/corpus)
// Prints one line per file: pages, median seconds per read over N runs, pages/s, node count;
// then the peak RSS. Targets (docs/performance.md): >= 50 pages/s, <= 200 MB.
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
    "../shared/corpus/oasis-sarif-pdf/sarif-v2.1-csd02.pdf",
    "../shared/corpus/oasis-sarif-pdf/sarif-v2.1.0-csd01-provisional.pdf",
};

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    int repeat = 5;
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
        std::fprintf(stderr, "pdf_bench: no input files (run from the repository root or name files)\n");
        return 2;
    }
    std::printf("%-60s %6s %10s %9s %7s\n", "file", "pages", "s/read", "pages/s", "nodes");
    for (const auto& path : files) {
        const std::string bytes = redline::formats::read_bytes(path);
        const std::uint32_t pages = redline::formats::pdf::extract_text(bytes).pages;
        redline::formats::ReadOptions options;
        options.path = path;
        std::vector<double> times;
        std::size_t nodes = 0;
        for (int r = 0; r < repeat; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const redline::Document doc = redline::formats::read_document(bytes, options);
            times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            nodes = doc.size();
        }
        std::sort(times.begin(), times.end());
        const double median = times[times.size() / 2];
        std::printf("%-60s %6u %10.3f %9.1f %7zu\n", path.c_str(), pages, median, pages / median, nodes);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024);
    return 0;
}
