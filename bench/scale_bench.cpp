// Scaling of the comparison: a generated draft of N clauses (a title that stays with its clause,
// sentences taken from a corpus file, shuffled deterministically) against a reproducible
// mutation of it (5% of clauses reworded, 2% deleted, 2% inserted, 1% moved), compared end to
// end (tokenise, align, diff). --numbered-titles yes titles each clause "Clause <its label>", so
// that every clause renumbered by a deletion or insertion is also retitled (the harder case
// this bench measured until 2026-11-30).
// Usage: scale_bench [--clauses N] [--repeat R] [--doublings D] [--numbered-titles yes|no] [--source FILE]
//        Prints, for 1×, 2×, 4× and 8× N clauses (D doublings, default 3; 0 for N alone, to
//        profile one size), the median time of R comparisons (default
//        3), each in a fresh child process, and the ratios to 1×; last, the ratio of each
//        doubling (median and fastest wall time, processor time) and their mean. Beside the wall time, the
//        median run's processor time (both threads; its system part, mostly page faults) and
//        page faults: on a machine other work also loads, these vary far less than wall time.
#include "cli/allocator.hpp"
#include "cli/huge_pages.hpp"
#include "engine/pipeline.hpp"
#include "formats/reader.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

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

// Each clause is its title, then its paragraphs. With `numbered_titles` the title is "Clause "
// and the clause's label instead, so that renumbering also retitles (see main()).
redline::Document build(const std::vector<std::vector<std::string>>& clauses, bool numbered_titles) {
    redline::DocumentBuilder b;
    std::size_t bytes = 0;
    for (const auto& clause : clauses)
        for (const std::string& text : clause) bytes += text.size() + 8;   // and the labels
    b.reserve_text(bytes);
    std::uint32_t line = 1;
    for (std::size_t i = 0; i < clauses.size(); ++i) {
        const bool top = i % 10 == 0;
        if (top) b.close_all();
        else if (b.open_clauses().size() > 2) b.close();
        const std::string label = top ? std::to_string(i / 10 + 1) : std::to_string(i / 10 + 1) + "." + std::to_string(i % 10);
        b.open(redline::ClauseKind::clause, label, numbered_titles ? "Clause " + label : clauses[i][0],
               redline::SourceLocation{line++, 0, 0});
        for (std::size_t k = 1; k < clauses[i].size(); ++k)
            b.add_block(redline::BlockKind::paragraph, clauses[i][k], redline::SourceLocation{line++, 0, 0});
    }
    return b.finish();
}

struct Sample {
    double seconds = 0;
    double cpu_seconds = 0;    // user + system time of both threads of the comparison
    double system_seconds = 0; // of which in the kernel (page faults, mostly)
    long page_faults = 0;      // minor and major, during the comparison
    std::size_t entries = 0;
    double megabytes = 0;
};

// Processor time and page faults of this process so far. On a machine that other work also
// loads, they vary far less than wall time does.
struct Usage {
    double cpu_seconds = 0;
    double system_seconds = 0;
    long page_faults = 0;
};

Usage usage() {
    rusage r{};
    ::getrusage(RUSAGE_SELF, &r);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return {seconds(r.ru_utime) + seconds(r.ru_stime), seconds(r.ru_stime), r.ru_minflt + r.ru_majflt};
}

// One comparison of a generated draft of n clauses against its mutation.
Sample run_once(std::size_t n, const std::vector<std::string>& pool, bool numbered_titles) {
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
    for (std::size_t i = 0; i < n; ++i) {
        auto& c = a[i];
        c.push_back("Clause " + std::to_string(i + 1));   // a title that stays with its clause
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
        if (r < 7) b.back()[2] = pool[rng() % pool.size()];   // reworded
        if (r >= 98) b.push_back({"Clause " + std::to_string(n + i + 1), pool[rng() % pool.size()]});  // inserted
    }
    for (std::size_t i = 0; i + 50 < b.size(); i += 100) std::swap(b[i + 3], b[i + 50]);  // moved
    Sample out;
    for (const auto& cl : a)
        for (std::size_t k = 1; k < cl.size(); ++k) out.megabytes += static_cast<double>(cl[k].size()) / 1e6;
    redline::Document da = build(a, numbered_titles), db = build(b, numbered_titles);
    // The generator's strings are not the comparison's: a redline process holds only the two
    // documents (their peak memory, measured from outside, is the comparison's).
    std::vector<std::vector<std::string>>().swap(a);
    std::vector<std::vector<std::string>>().swap(b);
    std::vector<std::string>().swap(words);
#ifdef __GLIBC__
    // Freed, they would still count: the allocator keeps freed heap (cli/allocator), and the
    // comparison's second thread allocates from a heap of its own, which never reuses it.
    malloc_trim(0);
#endif
    const Usage u0 = usage();
    const auto t0 = std::chrono::steady_clock::now();
    // As `redline diff` runs it (cli/options.cpp): the old draft prepared on the second thread,
    // whose heap gets the same allocator advice.
    auto [old_draft, new_draft] = redline::prepare_pair(
        [&] {
            redline::cli::tune_thread_allocator();
            return std::move(da);
        },
        [&] { return std::move(db); });
    const redline::Comparison c = redline::compare(std::move(old_draft), std::move(new_draft));
    const auto t1 = std::chrono::steady_clock::now();
    const Usage u1 = usage();
    out.seconds = std::chrono::duration<double>(t1 - t0).count();
    out.cpu_seconds = u1.cpu_seconds - u0.cpu_seconds;
    out.system_seconds = u1.system_seconds - u0.system_seconds;
    out.page_faults = u1.page_faults - u0.page_faults;
    out.entries = c.entries.size();
    return out;
}

// Each comparison runs in a child process of its own, as a user's run would: no memory left
// warm by an earlier, smaller size (which made the 2× step look cheaper or dearer depending on
// what the heap held). The median of `repeat` such runs is reported.
struct Measured {
    double median_seconds = 0, fastest_seconds = 0, median_cpu_seconds = 0;
};
Measured measure(std::size_t n, const std::vector<std::string>& pool, int repeat, bool numbered_titles) {
    std::vector<Sample> samples;
    for (int r = 0; r < repeat; ++r) {
        int fds[2];
        std::fflush(stdout);
        const pid_t child = ::pipe(fds) == 0 ? ::fork() : -1;
        if (child <= 0) {
            if (child == 0) {
                ::close(fds[0]);
                const Sample s = run_once(n, pool, numbered_titles);
                const bool ok = ::write(fds[1], &s, sizeof s) == static_cast<ssize_t>(sizeof s);
                ::_exit(ok ? 0 : 1);
            }
            samples.push_back(run_once(n, pool, numbered_titles));   // no child process: measure here
            continue;
        }
        ::close(fds[1]);
        Sample s;
        const bool got = ::read(fds[0], &s, sizeof s) == static_cast<ssize_t>(sizeof s);
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            std::fprintf(stderr, "scale_bench: the run of %zu clauses failed\n", n);
            std::exit(2);
        }
        samples.push_back(s);
    }
    std::sort(samples.begin(), samples.end(), [](const Sample& x, const Sample& y) { return x.seconds < y.seconds; });
    const Sample& median = samples[samples.size() / 2];
    std::printf("%8zu clauses %9.1f MB  entries %8zu  %8.3f s (median of %d; %.3f-%.3f)  processor %.3f s (system %.3f)  page faults %ld\n",
                n, median.megabytes, median.entries, median.seconds, repeat, samples.front().seconds,
                samples.back().seconds, median.cpu_seconds, median.system_seconds, median.page_faults);
    return {median.seconds, samples.front().seconds, median.cpu_seconds};
}

// "2.14 / 1.72 / 1.96, mean 1.93": each doubling's ratio and their geometric mean.
void print_doublings(const char* what, const std::vector<double>& t) {
    std::printf("per doubling, %-15s", what);
    for (std::size_t k = 1; k < t.size(); ++k) std::printf("%s%.2f", k == 1 ? " " : " / ", t[k] / t[k - 1]);
    std::printf(", mean %.2f\n", std::pow(t.back() / t.front(), 1.0 / static_cast<double>(t.size() - 1)));
}

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    // `redline diff` restarts itself with huge pages for inputs of 1 MiB and more
    // (cli/huge_pages), as every size measured here is: so does the bench.
    redline::cli::remember_command_line(argc, argv);
    redline::cli::prefer_huge_pages(redline::cli::huge_page_input_bytes);
    std::size_t clauses = 10000;
    int repeat = 3;
    int doublings = 3;
    bool numbered_titles = false;
    std::string source = "../shared/corpus/ietf-quic-transport/draft-ietf-quic-transport-30.md";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--clauses") clauses = static_cast<std::size_t>(std::atol(argv[i + 1]));
        else if (arg == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (arg == "--doublings") doublings = std::max(0, std::atoi(argv[i + 1]));
        else if (arg == "--numbered-titles") numbered_titles = std::string(argv[i + 1]) == "yes";
        else if (arg == "--source") source = argv[i + 1];
    }
    std::vector<std::string> pool;
    try {
        pool = sentences_of(source);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "scale_bench: %s: %s (run it from the checkout, or give --source FILE)\n",
                     source.c_str(), e.what());
        return 2;
    }
    if (pool.empty()) {
        std::fprintf(stderr, "scale_bench: no sentences in %s\n", source.c_str());
        return 2;
    }
    std::vector<double> median, fastest, cpu;
    for (std::size_t k = 1; k <= (std::size_t{1} << doublings); k *= 2) {
        const Measured m = measure(clauses * k, pool, repeat, numbered_titles);
        median.push_back(m.median_seconds);
        fastest.push_back(m.fastest_seconds);
        cpu.push_back(m.median_cpu_seconds);
        if (k > 1) std::printf("         ratio to 1×: %.2f\n", m.median_seconds / median.front());
    }
    // The target is ≤ 2.2× per doubling. Other work on the machine only ever adds time, so the
    // fastest runs are the least disturbed figure; the mean says whether one slow step is noise.
    if (median.size() > 1) {
        print_doublings("median wall:", median);
        print_doublings("fastest wall:", fastest);
        print_doublings("processor:", cpu);
    }
    return 0;
}
