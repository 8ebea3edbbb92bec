// Scaling of the comparison: a generated draft of N clauses (sentences taken from a corpus
// file, shuffled deterministically) against a reproducible mutation of it (5% of clauses
// reworded, 2% deleted, 2% inserted, 1% moved), compared end to end (tokenise, align, diff).
// Usage: scale_bench [--clauses N] [--source FILE]   Prints time and ratios for 1×, 2×, 4×, 8×.
#include "cli/allocator.hpp"
#include "engine/comparison.hpp"
#include "formats/reader.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

std::vector<std::string> sentences_of(const std::string& path) {
    const std::string bytes = redline::formats::read_bytes(path);
    std::vector<std::string> out;
    std::string cur;
    for (char c : bytes) {
        if (c == '\n' || c == '\r') c = ' ';
        cur += c;
        if ((c == '.' || c == ';') && cur.size() > 40) {
            out.push_back(cur);
            cur.clear();
        }
    }
    return out;
}

redline::Document build(const std::vector<std::vector<std::string>>& clauses) {
    redline::DocumentBuilder b;
    std::uint32_t line = 1;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        const bool top = i % 10 == 0;
        if (top) b.close_all();
        else if (b.open_clauses().size() > 2) b.close();
        const std::string label = top ? std::to_string(i / 10 + 1) : std::to_string(i / 10 + 1) + "." + std::to_string(i % 10);
        b.open(redline::ClauseKind::clause, label, "Clause " + label, redline::SourceLocation{line++, 0, 0});
        for (const auto& s : clauses[i]) b.add_block(redline::BlockKind::paragraph, s, redline::SourceLocation{line++, 0, 0});
    }
    return b.finish();
}

double run(std::size_t n, const std::vector<std::string>& pool) {
    std::mt19937 rng(12345);
    std::vector<std::vector<std::string>> a(n);
    // Three corpus sentences, plus a phrase of eight random corpus words that makes each
    // clause distinctive, as real clauses are (reusing a small pool of sentences alone would
    // turn every token common at 80,000 clauses).
    std::vector<std::string> words;
    for (const auto& s : pool) {
        std::size_t p = 0;
        while ((p = s.find(' ', p)) != std::string::npos && words.size() < 200000) {
            const std::size_t q = s.find(' ', p + 1);
            if (q != std::string::npos && q > p + 3) words.push_back(s.substr(p + 1, q - p - 1));
            p = q == std::string::npos ? s.size() : q;
        }
    }
    for (auto& c : a) {
        for (int k = 0; k < 3; ++k) c.push_back(pool[rng() % pool.size()]);
        std::string phrase;
        for (int k = 0; k < 8; ++k) phrase += words[rng() % words.size()] + (k == 7 ? "." : " ");
        c.push_back(phrase);
    }
    std::vector<std::vector<std::string>> b;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned r = rng() % 100;
        if (r < 2) continue;                                  // deleted
        b.push_back(a[i]);
        if (r < 7) b.back()[1] = pool[rng() % pool.size()];   // reworded
        if (r >= 98) b.push_back({pool[rng() % pool.size()]});  // inserted
    }
    for (std::size_t i = 0; i + 50 < b.size(); i += 100) std::swap(b[i + 3], b[i + 50]);  // moved
    const redline::Document da = build(a), db = build(b);
    const auto t0 = std::chrono::steady_clock::now();
    const redline::Comparison c = redline::compare(da, db);
    const auto t1 = std::chrono::steady_clock::now();
    std::size_t bytes = 0;
    for (const auto& cl : a)
        for (const auto& s : cl) bytes += s.size();
    std::printf("%8zu clauses %9.1f MB  entries %8zu  %8.3f s\n", n, static_cast<double>(bytes) / 1e6, c.entries.size(),
                std::chrono::duration<double>(t1 - t0).count());
    return std::chrono::duration<double>(t1 - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    std::size_t clauses = 10000;
    std::string source = "../shared/corpus/ietf-quic-transport/draft-ietf-quic-transport-30.md";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--clauses") clauses = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (arg == "--source") source = argv[i + 1];
    }
    const auto pool = sentences_of(source);
    if (pool.empty()) {
        std::fprintf(stderr, "scale_bench: no sentences in %s\n", source.c_str());
        return 2;
    }
    double base = 0;
    for (std::size_t k = 1; k <= 8; k *= 2) {
        const double t = run(clauses * k, pool);
        if (k == 1) base = t;
        else std::printf("         ratio to 1×: %.2f\n", t / base);
    }
    return 0;
}
