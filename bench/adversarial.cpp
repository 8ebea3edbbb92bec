// Adversarial input classes (issue 15): for each class, a generator writes drafts of N, 2N, 4N
// and 8N units, and the runner has the `redline` command parse or compare them, each run in a
// child process of its own, and reports its time, its peak resident memory (getrusage of that
// child) and the ratio of its processor time to the size before. The target is at most 2.3× per
// doubling, judged at every step (N log N growth), and any input of about 10 MB (--ten-mb)
// handled in at most 10 s of processor time (both threads of a comparison together) and 2 GB,
// and every run's peak within 20× the drafts it read (where they are a megabyte or more).
// Each class's N is chosen so that its smallest run takes about 0.3 s of processor time: below
// that the process's fixed costs and the machine's noise make the ratios say little.
//
// Usage: adversarial [--redline PATH] [--class NAME] [--n N] [--doublings D] [--repeat R]
//                    [--instructions] [--ten-mb] [--timeout SECONDS] [--dir DIR] [--keep] [--list]
//   --redline   the command to run (default build/cli/redline, then build-release/cli/redline)
//   --class     run this class only (see --list); --n overrides its base size
//   --repeat    run every size R times, in rounds over the whole bench, each timed run after an
//               untimed warm-up of its size, and keep the fastest user time and the fastest
//               system time of each (default 5): on a busy machine the other processes only
//               ever add time, so the fastest of a size's runs is the closest to what redline
//               costs, and every step is judged by the same estimate
//   --instructions  run each size once under `valgrind --tool=callgrind` and judge its
//               instruction count instead of its time: what the machine's load, caches and page
//               faults do not disturb (some 50 times slower); the peak it reports is
//               valgrind's, and memory is not judged
//   --ten-mb    also run each class once at about 10 MB
//   --dir       where the drafts are written (default: a fresh directory under /tmp), one pair
//               a size, named CLASS-N.old.EXT; --keep leaves them there, to profile one by hand
// Exit status: 0 when every class holds its targets, 1 when one does not, 2 on trouble.

// The generated words are the tests' (distinct numbers, distinct words).
#include "tests/support/generated_words.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using redline::tests::word_for;

// A run: `redline COMMAND` on the draft(s) of one size.
struct Drafts {
    std::string command;          // "parse", "diff" or "brief"
    std::string extension;        // ".txt", ".md", ".xml"
    std::string old_text, new_text;   // new_text empty for parse
};

// A comparison of two drafts that begin with the same `head`.
Drafts both_from(const char* extension, const std::string& head) { return Drafts{"diff", extension, head, head}; }

struct Class {
    std::string name;
    std::string what;
    // N: the smallest run takes about 0.3 s of processor time where the class costs that much;
    // the classes that cost least per byte (escaped pipes, list markers, nested quotes or XML)
    // would need hundreds of MB at 8N for it, so theirs stop where 8N is 64–96 MB of input.
    // Every N makes drafts of 1 MiB or more, which redline runs with huge pages
    // (cli/huge_pages): a step from below to above that would measure the switch.
    std::size_t base;
    std::function<Drafts(std::size_t)> make;       // the drafts of size n
};

// Filler words for bodies that share nothing with another clause's.
std::string phrase(std::mt19937& rng, int words, char first) {
    std::string out;
    for (int k = 0; k < words; ++k) {
        if (k) out += ' ';
        out += word_for(rng() % 200000, first);
    }
    return out;
}

std::vector<Class> classes() {
    std::vector<Class> out;
    out.push_back({"identical-clauses", "N clauses of the same title and text; one more inserted first", 20000, [](std::size_t n) {
        Drafts d{"diff", ".md", "", ""};
        std::string clause = "## Requirement\n\nThe device shall keep the same record of every change.\n\n";
        d.new_text = "## Inserted\n\nA new clause at the start.\n\n";
        for (std::size_t i = 0; i < n; ++i) d.old_text += clause;
        d.new_text += d.old_text;
        return d;
    }});
    out.push_back({"wide-unmatched", "one parent of N children, none alike on the other side", 17000, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Root\n\n", "# Root\n\n"};
        std::mt19937 rng(1);
        for (std::size_t i = 0; i < n; ++i) {
            // Appended piece by piece: GCC 12 reports "…" + s + "…" as an overlapping copy at -O3.
            for (const auto& [text, side, letter] : {std::tuple{&d.old_text, "## Old ", 'o'}, std::tuple{&d.new_text, "## New ", 'n'}}) {
                *text += side;
                *text += word_for(i);
                *text += "\n\n";
                *text += phrase(rng, 8, letter);
                *text += ".\n\n";
            }
        }
        return d;
    }});
    out.push_back({"shuffled-provisions", "one clause of N provisions against the same sentences shuffled", 40000, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Requirements\n\n", "# Requirements\n\n"};
        std::vector<std::string> sentences;
        for (std::size_t i = 0; i < n; ++i)
            sentences.push_back("The device shall support the " + word_for(i, 'f') + " feature.");
        for (const std::string& s : sentences) d.old_text += s + " ";
        std::mt19937 rng(2);
        std::shuffle(sentences.begin(), sentences.end(), rng);
        for (const std::string& s : sentences) d.new_text += s + " ";
        d.old_text += "\n";
        d.new_text += "\n";
        return d;
    }});
    out.push_back({"reworded-provisions", "one clause of N provisions, each reworded on the other side", 17000, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Requirements\n\n", "# Requirements\n\n"};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string w = word_for(i, 'f');
            d.old_text += "The device shall support the " + w + " feature of the " + word_for(i + n, 'g') + " unit.\n\n";
            d.new_text += "Each device shall provide its " + w + " feature for any " + word_for(i + 2 * n, 'h') + " unit.\n\n";
        }
        return d;
    }});
    out.push_back({"bcp14-adopted", "one unchanged clause of N lower-case requirements, none a provision once BCP 14 is adopted", 48000,
                   [](std::size_t n) {
        // Every provision change lies in an entry without edits: each is placed in the text
        // the new side shows (engine/provision_changes, TokenPositions).
        Drafts d{"diff", ".md", "# Conventions\n\nThe terms of this document are defined below.\n\n",
                 "# Conventions\n\nThe key words in this document are to be interpreted as described in BCP 14 (RFC 2119).\n\n"};
        std::string requirements = "# Requirements\n\n";
        for (std::size_t i = 0; i < n; ++i) {
            requirements += "The device shall support the ";
            requirements += word_for(i, 'f');
            requirements += " feature.\n\n";
        }
        d.old_text += requirements;
        d.new_text += requirements;
        return d;
    }});
    // One clause's N paragraphs made N subclauses of one paragraph each, no word changed (and
    // the reverse): the new parts are found in what the old clause's successor no longer says,
    // each a split part of one group (merged parts for the reverse).
    out.push_back({"split-clause", "one clause of N paragraphs split into N subclauses, no word changed", 32000, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Requirements\n\n", "# Requirements\n\n"};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string requirement = "The device shall support the " + word_for(i, 'f') + " feature.\n\n";
            d.old_text += requirement;
            d.new_text += "## Item " + word_for(i) + "\n\n" + requirement;
        }
        return d;
    }});
    out.push_back({"merged-clauses", "N subclauses of one paragraph each merged into their clause, no word changed", 32000, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Requirements\n\n", "# Requirements\n\n"};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string requirement = "The device shall support the " + word_for(i, 'f') + " feature.\n\n";
            d.old_text += "## Item " + word_for(i) + "\n\n" + requirement;
            d.new_text += requirement;
        }
        return d;
    }});
    out.push_back({"long-lead-in", "a clause of one lead-in sentence of 2N words and N requirements, split into N subclauses",
                   16000, [](std::size_t n) {
        // Tracing the sentences scored the lead-in against each subclause's sentence, walking
        // all of its words each time (engine/reorganise, Tracer::common): 29.4 s at 8N.
        std::string lead = "The device shall meet the following:";
        for (std::size_t i = 0; i < 2 * n; ++i) lead += " " + word_for(i, 'l');
        Drafts d = both_from(".md", "# Requirements\n\n" + lead + ".\n\n");
        for (std::size_t i = 0; i < n; ++i) {
            std::string words;
            for (std::size_t k = 0; k < 6; ++k) words += " " + word_for(i * 6 + k, 't');
            d.old_text += "- the device shall" + words + ".\n";
            d.new_text += "## Item " + word_for(i) + "\n\nThe device shall meet the following: " + word_for(0, 'l') + " " +
                          word_for(1, 'l') + words + ".\n\n";
        }
        return d;
    }});
    out.push_back({"zh-modal-line", "a Chinese line of N modal words and no punctuation", 210000, [](std::size_t n) {
        static const char* words[] = {"应", "宜", "可", "不得", "应当", "必须", "可以", "不宜", "设备", "系统", "数据", "的"};
        Drafts d{"diff", ".txt", "1 范围\n\n", "1 范围\n\n"};
        std::mt19937 rng(3);
        std::string line;
        for (std::size_t i = 0; i < n; ++i) line += words[rng() % std::size(words)];
        d.old_text += line + "\n";
        d.new_text += line + "设备\n";
        return d;
    }});
    out.push_back({"zh-term-section", "a GB/T term section of N entries, each requirement weakened (应 → 宜)", 12000, [](std::size_t n) {
        // Every entry is weighed by its number, which asks for the siblings next to it
        // (engine/match, numbering_kept).
        Drafts d = both_from(".txt", "1 范围\n\n本文件规定了设备的安全要求。\n\n3 术语和定义\n\n");
        for (std::size_t i = 0; i < n; ++i) {
            const std::string head = "3." + std::to_string(i + 1) + "\n" + word_for(i, 't') + "\n";
            d.old_text += head + "设备应记录" + word_for(i) + "事件。\n\n";
            d.new_text += head + "设备宜记录" + word_for(i) + "事件。\n\n";
        }
        return d;
    }});
    out.push_back({"gbt-reference-list", "a GB/T normative-references list of N standards, each cited at a new date", 25000,
                   [](std::size_t n) {
        // Each reference left and joined the list: its finding and its printed form are
        // looked up (engine/findings, Citations), where each searched all of them.
        Drafts d = both_from(".txt", "1 范围\n\n本文件规定了设备的要求。\n\n2 规范性引用文件\n\n");
        for (std::size_t i = 0; i < n; ++i) {
            const std::string number = "GB/T " + std::to_string(10000 + i);
            d.old_text += number + "—2015 信息安全技术 " + word_for(i) + "\n\n";
            d.new_text += number + "—2022 信息安全技术 " + word_for(i) + "\n\n";
        }
        return d;
    }});
    out.push_back({"gap-in-place", "N unmatched siblings on each side between two clauses that kept their place", 8000,
                   [](std::size_t n) {
        // Each pair of the gap was scored for a rewrite in place (engine/match, pair_gap).
        Drafts d = both_from(".md", "# Root\n\n## First\n\nThe first clause stays the same here.\n\n");
        std::mt19937 rng(5);
        for (std::size_t i = 0; i < n; ++i) {
            for (const auto& [text, side, letter] : {std::tuple{&d.old_text, "## Old ", 'o'}, std::tuple{&d.new_text, "## New ", 'n'}}) {
                *text += side;
                *text += word_for(i, letter);
                *text += "\n\n";
                for (std::size_t k = 0; k < 8; ++k) *text += word_for(rng() % 3000, 'v') + (k == 7 ? ".\n\n" : " ");
            }
        }
        d.old_text += "## Last\n\nThe last clause stays the same here.\n\n";
        d.new_text += "## Last\n\nThe last clause stays the same here.\n\n";
        return d;
    }});
    out.push_back({"brief-top-level", "a brief of drafts of N top-level clauses, each changed", 19000, [](std::size_t n) {
        Drafts d{"brief", ".md", "", ""};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string w = word_for(i);
            d.old_text += "# Clause " + w + "\n\nThe device shall record the " + w + " event.\n\n";
            d.new_text += "# Clause " + w + "\n\nThe device should record the " + w + " event.\n\n";
        }
        return d;
    }});
    out.push_back({"md-escaped-pipes", "a Markdown table row of N escaped pipes", 2000000, [](std::size_t n) {
        Drafts d{"parse", ".md", "# Table\n\n| a | b |\n|---|---|\n| ", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "x \\| ";
        d.old_text += "| y |\n";
        return d;
    }});
    out.push_back({"deep-numbering", "N clauses in chains numbered 12 levels deep", 100000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        std::string number;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t depth = i % 12;
            number = depth == 0 ? std::to_string(i / 12 + 1) : number + ".1";
            d.old_text += number + " Title " + word_for(i) + "\n\nThe text of clause " + word_for(i) + ".\n\n";
        }
        return d;
    }});
    out.push_back({"many-headings-txt", "a .txt draft of N numbered headings", 150000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        for (std::size_t i = 1; i <= n; ++i)
            d.old_text += std::to_string(i) + " Heading " + word_for(i) + "\n\nThe text of clause " + word_for(i) + ".\n\n";
        return d;
    }});
    // The hostile-input cases of tests/test_text_reader.cpp and test_markdown_reader.cpp,
    // whose results the tests check; their time is measured here.
    out.push_back({"long-line", "one line of N mixed Chinese and English phrases, no break", 250000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "本文件规定了办公设备的安全要求 and some English words, ";
        d.old_text += "\n";
        return d;
    }});
    out.push_back({"list-markers-line", "one line of N list markers a）", 3000000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "1 范围\n", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "a）";
        d.old_text += "\n";
        return d;
    }});
    out.push_back({"new-list-kinds", "N lines, each opening a kind of list not yet open", 150000, [](std::size_t n) {
        static const char* const markers[] = {"a）", "1）", "（1）", "（一）", "①", "——"};
        Drafts d{"parse", ".txt", "1 范围\n", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += std::string(markers[i % 6]) + "项\n";
        return d;
    }});
    out.push_back({"md-nested-quotes", "a Markdown paragraph inside N nested block quotes", 8000000, [](std::size_t n) {
        Drafts d{"parse", ".md", std::string(n, '>') + " deep\n\nafter\n", ""};
        return d;
    }});
    out.push_back({"xml-nesting", "xml2rfc lists nested N deep", 500000, [](std::size_t n) {
        Drafts d{"parse", ".xml", "<rfc><front><title>T</title></front><middle><section><name>S</name>", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "<ul><li>";
        d.old_text += "text";
        for (std::size_t i = 0; i < n; ++i) d.old_text += "</li></ul>";
        d.old_text += "</section></middle></rfc>\n";
        return d;
    }});
    return out;
}

struct Result {
    bool ok = false;          // exited 0 or 1 (1: substantive differences)
    bool timed_out = false;
    double seconds = 0;       // processor time (user + system): steadier than wall time on a busy machine
    double system = 0;        // its system part: page faults, mostly, which grow with the memory touched
    double user() const { return seconds - system; }
    double wall = 0;
    double megabytes = 0;     // peak resident set, in MB (10^6 bytes, as the input's size)
    std::size_t input_bytes = 0;
    std::size_t read_bytes = 0;   // of all drafts the run reads: what the memory bound is judged against
    std::uint64_t instructions = 0;   // counted by callgrind (--instructions), else 0
};

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream f(p, std::ios::binary);
    f << text;
    if (!f) {
        std::fprintf(stderr, "adversarial: cannot write %s\n", p.c_str());
        std::exit(2);
    }
}

// The instructions callgrind counted in the run that wrote `out` (its "totals:" line); 0 when
// there is none.
std::uint64_t callgrind_total(const fs::path& out) {
    std::ifstream f(out);
    std::string line;
    std::uint64_t total = 0;
    while (std::getline(f, line))
        if (line.rfind("totals:", 0) == 0 || (total == 0 && line.rfind("summary:", 0) == 0))
            total = std::strtoull(line.c_str() + line.find(':') + 1, nullptr, 10);
    return total;
}

// The drafts of one size written to files, and the command line that runs redline on them.
struct Written {
    std::vector<std::string> args;
    std::size_t input_bytes = 0;   // the larger draft's
    std::size_t read_bytes = 0;    // both drafts'
};

Written write_drafts(const std::string& redline, const fs::path& dir, const std::string& stem, const Drafts& d) {
    Written w;
    const fs::path old_path = dir / (stem + ".old" + d.extension), new_path = dir / (stem + ".new" + d.extension);
    write_file(old_path, d.old_text);
    w.input_bytes = w.read_bytes = d.old_text.size();
    w.args = {redline, d.command, old_path.string()};
    if (!d.new_text.empty()) {
        write_file(new_path, d.new_text);
        w.args.push_back(new_path.string());
        w.input_bytes = std::max(w.input_bytes, d.new_text.size());
        w.read_bytes += d.new_text.size();
    }
    if (d.command != "brief") w.args.insert(w.args.end(), {"--format", "json"});
    return w;
}

void remove_drafts(const Written& w) {
    for (std::size_t a = 2; a < w.args.size() && w.args[a] != "--format"; ++a) fs::remove(w.args[a]);
}

// Runs redline on written drafts in a child process; its output goes to /dev/null. With
// `valgrind` set, the child runs under `valgrind --tool=callgrind` and the result carries its
// instruction count, which other work on the machine does not disturb.
Result run(const Written& w, const fs::path& dir, double timeout, const std::string& valgrind) {
    Result r;
    r.input_bytes = w.input_bytes;
    r.read_bytes = w.read_bytes;
    std::vector<std::string> args = w.args;
    const fs::path counts = dir / "callgrind.out";
    if (!valgrind.empty()) {
        fs::remove(counts);
        args.insert(args.begin(), {valgrind, "--tool=callgrind", "--callgrind-out-file=" + counts.string()});
    }
    std::fflush(stdout);
    // The child's ru_maxrss starts from its resident memory at the fork, which is the bench's:
    // the drafts generated so far leave tens of MB of freed heap resident here (76.4 MB was
    // reported for parses that peak at 40), so it goes back to the system first.
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
    const auto t0 = std::chrono::steady_clock::now();
    const pid_t child = ::fork();
    if (child < 0) {
        std::perror("adversarial: fork");
        std::exit(2);
    }
    if (child == 0) {
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        if (std::freopen("/dev/null", "w", stdout) == nullptr) ::_exit(127);
        if (!valgrind.empty()) {
            // Valgrind's own report and redline's warnings would bury the bench's table.
            if (std::freopen("/dev/null", "w", stderr) == nullptr) ::_exit(127);
            // A run of 1 MiB or more restarts itself for huge pages (cli/huge_pages) unless the
            // tunable is set already; the restarted process would escape callgrind.
            ::setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage{};
    while (true) {
        const pid_t done = ::wait4(child, &status, WNOHANG, &usage);
        if (done == child) break;
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() > timeout) {
            ::kill(child, SIGKILL);
            ::wait4(child, &status, 0, &usage);
            r.timed_out = true;
            break;
        }
        ::usleep(2000);
    }
    r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    r.seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
    r.system = secs(usage.ru_stime);
    r.megabytes = static_cast<double>(usage.ru_maxrss) * 1024.0 / 1e6;   // ru_maxrss is in KiB
    r.ok = !r.timed_out && WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
    if (!valgrind.empty()) {
        r.instructions = callgrind_total(counts);
        r.ok = r.ok && r.instructions > 0;
        fs::remove(counts);
    }
    return r;
}

constexpr double max_ratio = 2.3;       // per doubling
constexpr double ten_mb_seconds = 10;   // for an input of about 10 MB
constexpr double ten_mb_megabytes = 2048;
// Memory within 20× the input (docs/limits.md), judged where the drafts read are a megabyte or
// more, as bench/memory_ratio.py judges it: below that the process's base dominates.
constexpr double max_times_input = 20;
constexpr double memory_floor_bytes = 1e6;
// What a run of redline takes whatever it reads (the executable, ICU's data, the allocator's
// reserve; docs/limits.md), taken off before the peak is divided by the input.
constexpr double base_megabytes = 15;
// Below this a run's time is mostly starting the process; ratios of such times mean nothing.
constexpr double timing_floor = 0.05;
// The same for instruction counts: starting redline alone takes some 20 million.
constexpr double instruction_floor = 200e6;

// The memory bound (docs/limits.md): (peak - the process's base) / bytes of all drafts read.
double times_input(const Result& r) {
    return r.read_bytes ? (r.megabytes - base_megabytes) / (static_cast<double>(r.read_bytes) / 1e6) : 0;
}

// Under callgrind (r.instructions) the peak is valgrind's, several times redline's own: not judged.
bool over_memory(const Result& r) {
    return r.ok && r.instructions == 0 && static_cast<double>(r.read_bytes) >= memory_floor_bytes && times_input(r) > max_times_input;
}

void report(const Result& r, std::size_t n) {
    std::printf("  %9zu  %9.2f MB  %8.3f s cpu (%5.3f sys)  %8.3f s wall  %8.1f MB peak (%4.1fx)", n,
                static_cast<double>(r.input_bytes) / 1e6, r.seconds, r.system, r.wall, r.megabytes, times_input(r));
    if (r.instructions) std::printf("  %7.3f G instr", static_cast<double>(r.instructions) / 1e9);
    std::printf("%s%s", r.timed_out ? "  TIMEOUT" : "", !r.ok && !r.timed_out ? "  FAILED" : "");
}

// The measure a run is judged by: its instructions when callgrind counted them, else its
// processor time.
double measure(const Result& r) { return r.instructions ? static_cast<double>(r.instructions) : r.seconds; }

// The fastest user time and the fastest system time among a size's runs, each taken on its
// own. The two parts are slowed by different things. User time is slowed by other processes
// and by the caches. System time is mostly first touches of fresh memory, and on a virtual
// machine whose host takes freed memory back (Linux's free page reporting, on the development
// machine at 2 MiB) a first touch may wait for the host to back the page again. The same
// 64 MB parse took 0.05-1.47 s of system time around 0.5 s of user time. With reporting off
// it took 0.06-0.08 s. The fastest of each part is what redline costs, and a system part that
// grows faster than the input still shows in its fastest run.
struct Fastest {
    double user = 0, system = 0;
    bool any = false;
    void add(const Result& r) {
        if (!r.ok) return;
        user = any ? std::min(user, r.user()) : r.user();
        system = any ? std::min(system, r.system) : r.system;
        any = true;
    }
    double seconds() const { return user + system; }
    // `run` (the size's fastest run, for its wall time and peak) with this processor time.
    Result judged(Result run) const {
        if (any) {
            run.seconds = seconds();
            run.system = system;
        }
        return run;
    }
};

// Free page reporting (virtio-balloon) hands freed blocks of 2^order pages back to the host
// of a virtual machine, and a first touch of such memory then waits for the host to back it
// again, in the guest's system time and, through the host's page tables, in its user time
// (docs/performance.md: the same 64 MB parse took 0.48-0.70 s of user time with reporting on,
// 0.48-0.51 s with it off). Runs of hundreds of MB are slowed more than small ones, so the
// ratios are bent by the host rather than by redline. The warm-up before each timed run has
// the host back the memory the run will use; say beside the results that reporting is on.
void note_page_reporting() {
    std::ifstream in("/sys/module/page_reporting/parameters/page_reporting_order");
    int order = -1;
    if (!(in >> order) || order < 0 || order > 10) return;   // absent, or past x86-64's largest order
    std::printf("note: free page reporting is on (page_reporting_order = %d): on a virtual machine the host's\n"
                "      backing of freed memory again is counted in the runs' time, more in the larger runs;\n"
                "      each timed run follows a warm-up for it, and setting it past 10 while the bench\n"
                "      runs steadies the ratios further (bench/README.md)\n",
                order);
}

}  // namespace

int main(int argc, char** argv) {
    std::string redline, only, dir_arg;
    std::size_t n_override = 0;
    int doublings = 3, repeat = 5;
    bool ten_mb = false, keep = false, list = false, instructions = false;
    double timeout = 60;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--redline" && has_value) redline = argv[++i];
        else if (a == "--class" && has_value) only = argv[++i];
        else if (a == "--n" && has_value) n_override = static_cast<std::size_t>(std::atol(argv[++i]));
        else if (a == "--doublings" && has_value) doublings = std::max(0, std::atoi(argv[++i]));
        else if (a == "--repeat" && has_value) repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--timeout" && has_value) timeout = std::atof(argv[++i]);
        else if (a == "--dir" && has_value) dir_arg = argv[++i];
        else if (a == "--ten-mb") ten_mb = true;
        else if (a == "--keep") keep = true;
        else if (a == "--instructions") instructions = true;
        else if (a == "--list") list = true;
        else {
            std::fprintf(stderr, "adversarial: unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    const std::vector<Class> all = classes();
    if (list) {
        for (const Class& c : all) std::printf("%-20s N=%-8zu %s\n", c.name.c_str(), c.base, c.what.c_str());
        return 0;
    }
    if (redline.empty())
        for (const char* p : {"build/cli/redline", "build-release/cli/redline"})
            if (::access(p, X_OK) == 0) {
                redline = p;
                break;
            }
    if (redline.empty() || ::access(redline.c_str(), X_OK) != 0) {
        std::fprintf(stderr, "adversarial: no redline command (run from the checkout, or give --redline PATH)\n");
        return 2;
    }
    redline = fs::absolute(redline).string();
    std::string valgrind;
    if (instructions) {
        const char* path = std::getenv("PATH");
        std::string dirs = path ? path : "/usr/bin";
        for (std::size_t start = 0; start <= dirs.size() && valgrind.empty();) {
            const std::size_t end = std::min(dirs.find(':', start), dirs.size());
            const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "valgrind";
            if (::access(candidate.c_str(), X_OK) == 0) valgrind = candidate.string();
            start = end + 1;
        }
        if (valgrind.empty()) {
            std::fprintf(stderr, "adversarial: --instructions needs valgrind on the PATH\n");
            return 2;
        }
    }
    fs::path dir = dir_arg.empty() ? fs::temp_directory_path() / ("redline-adversarial-" + std::to_string(::getpid())) : fs::path(dir_arg);
    fs::create_directories(dir);

    if (valgrind.empty()) note_page_reporting();   // instruction counts are not slowed
    bool held = true;
    // Every size of every class is written first, then run in rounds over the whole bench
    // (each class's N, 2N, 4N, 8N, the next class's …; then again), keeping each size's
    // fastest. The 2-core development machine, a virtual machine on a shared host, has slow
    // spells of a minute and more in which the same run takes up to 40% longer, and the larger
    // runs, whose hundreds of MB outgrow the caches, longer still: rounds within one class
    // (some 30 s) fell wholly inside such a spell and bent its ratios (merged-clauses'
    // 4N → 8N ×2.51 with the fastest of five, ×2.06 in the run before). Rounds over the whole
    // bench take each size's runs minutes apart. Every size gets the same number of runs and
    // every step is judged by the ratio of its sizes' fastest. From the ninth to the fourteenth
    // session a step over 2.3 was instead run again as 2R + 1 back-to-back pairs and judged by
    // the median of the pairs' ratios, each run's own user time: noisier than the fastest of
    // several runs (it alone put 3 of the 4 steps over in the fourteenth session's two runs,
    // where the fastest runs of the same sizes held), and taken only where the first estimate
    // was over, so the steps were not all judged alike (docs/performance.md).
    struct Timed {
        const Class* c = nullptr;
        std::size_t base = 0;
        std::vector<Written> sizes;
        std::vector<Result> best;
        std::vector<Fastest> fastest;
    };
    std::vector<Timed> timed;
    for (const Class& c : all) {
        if (!only.empty() && c.name != only) continue;
        Timed t{&c, n_override ? n_override : c.base, {}, {}, {}};
        for (int k = 0; k <= doublings; ++k)
            t.sizes.push_back(write_drafts(redline, dir, c.name + "-" + std::to_string(t.base << k), c.make(t.base << k)));
        t.best.resize(t.sizes.size());
        t.fastest.resize(t.sizes.size());
        timed.push_back(std::move(t));
    }
    if (timed.empty()) {
        std::fprintf(stderr, "adversarial: no class %s (see --list)\n", only.c_str());
        return 2;
    }
    const int rounds = valgrind.empty() ? repeat : 1;   // instruction counts do not vary
    for (int round = 0; round < rounds; ++round) {
        if (rounds > 1) std::fprintf(stderr, "adversarial: round %d of %d\n", round + 1, rounds);
        for (Timed& t : timed)
            for (std::size_t k = 0; k < t.sizes.size(); ++k) {
                if (round > 0 && !t.best[k].ok) continue;
                if (k > 0 && !t.best[k - 1].ok) break;   // larger sizes would only take longer
                // A warm-up run first, untimed. Spread over minutes, every run would otherwise
                // meet memory the host of a virtual machine has taken back since the last run
                // of its size (see note_page_reporting): xml-nesting at 8N took 1.26 s of
                // system time in a first run, 0.05-0.13 s in the five runs right after it.
                if (valgrind.empty()) run(t.sizes[k], dir, timeout, valgrind);
                const Result r = run(t.sizes[k], dir, timeout * (valgrind.empty() ? 1 : 100), valgrind);
                if (round == 0 || (r.ok && r.seconds < t.best[k].seconds)) t.best[k] = r;
                t.fastest[k].add(r);
            }
    }
    for (const Timed& t : timed) {
        const Class& c = *t.c;
        std::printf("%s: %s (redline %s)\n", c.name.c_str(), c.what.c_str(), c.make(1).command.c_str());
        Result before;
        std::size_t last_n = t.base;
        double product = 1;
        int judged = 0;
        for (std::size_t k = 0; k < t.sizes.size(); ++k) {
            const std::size_t n = t.base << k;
            const Result r = valgrind.empty() ? t.fastest[k].judged(t.best[k]) : t.best[k];
            if (k > 0 && !before.ok) break;
            report(r, n);
            bool fails = !r.ok || over_memory(r);
            if (over_memory(r)) std::printf("  over %.0fx", max_times_input);
            if (k > 0 && r.ok && before.ok) {
                const double ratio = measure(r) / std::max(measure(before), 1e-3);
                const bool measured = r.instructions ? r.instructions >= instruction_floor : r.seconds >= timing_floor;
                std::printf("  ×%.2f%s", ratio, measured ? "" : " (too short to judge)");
                if (measured) {
                    product *= ratio;
                    ++judged;
                    if (ratio > max_ratio) fails = true;
                }
            }
            std::printf("%s\n", fails ? "  over target" : "");
            held = held && !fails;
            before = r;
            last_n = n;
        }
        if (judged > 1) std::printf("  mean per doubling ×%.2f\n", std::pow(product, 1.0 / judged));
        if (!keep)   // the largest classes write hundreds of MB of drafts
            for (const Written& w : t.sizes) remove_drafts(w);
        if (ten_mb && before.ok && before.input_bytes > 0) {
            const auto n = static_cast<std::size_t>(static_cast<double>(last_n) * 10e6 / static_cast<double>(before.input_bytes));
            const Written w = write_drafts(redline, dir, c.name + "-10mb", c.make(n));
            const Result r = run(w, dir, std::max(timeout, 2 * ten_mb_seconds), "");
            std::printf("  10 MB:");
            report(r, n);
            // Processor time, as for the doublings: on a machine shared with other work the
            // wall time of a run measures the others as much as redline.
            const bool fails = !r.ok || r.seconds > ten_mb_seconds || r.megabytes > ten_mb_megabytes || over_memory(r);
            std::printf("%s\n", fails ? "  over target" : "");
            held = held && !fails;
            if (!keep) remove_drafts(w);
        }
    }
    if (!keep) fs::remove_all(dir);
    else std::printf("drafts kept in %s\n", dir.c_str());
    std::printf("%s\n", held ? "all targets held" : "some targets not held");
    return held ? 0 : 1;
}
