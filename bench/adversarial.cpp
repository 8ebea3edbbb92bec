// Adversarial input classes (issue 15): for each class, a generator writes drafts of N, 2N, 4N
// and 8N units, and the runner has the `redline` command parse or compare them, each run in a
// child process of its own, and reports its time, its peak resident memory (getrusage of that
// child) and the ratio of its processor time to the size before. The target is at most 2.3× per doubling (N log N
// growth), and any input of about 10 MB (--ten-mb) handled in at most 10 s of processor time
// (both threads of a comparison together) and 2 GB.
//
// Usage: adversarial [--redline PATH] [--class NAME] [--n N] [--doublings D] [--repeat R]
//                    [--ten-mb] [--timeout SECONDS] [--dir DIR] [--keep] [--list]
//   --redline   the command to run (default build/cli/redline, then build-release/cli/redline)
//   --class     run this class only (see --list); --n overrides its base size
//   --repeat    run each size R times and keep the fastest (default 1): on a busy machine
//               the other processes only ever add time
//   --ten-mb    also run each class once at about 10 MB
//   --dir       where the drafts are written (default: a fresh directory under /tmp);
//               --keep leaves them there, to profile one by hand
// Exit status: 0 when every class holds its targets, 1 when one does not, 2 on trouble.
#include <algorithm>
#include <cerrno>
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

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// A run: `redline COMMAND` on the draft(s) of one size.
struct Drafts {
    std::string command;          // "parse", "diff" or "brief"
    std::string extension;        // ".txt", ".md", ".xml"
    std::string old_text, new_text;   // new_text empty for parse
};

struct Class {
    std::string name;
    std::string what;
    std::size_t base;                              // N
    std::function<Drafts(std::size_t)> make;       // the drafts of size n
};

// A word of lower-case letters that spells the number i: distinct numbers, distinct words
// (and a token of its own for the tokenizer, unlike digits glued to letters).
std::string word_for(std::size_t i, char first = 'a') {
    std::string w(1, first);
    do {
        w += static_cast<char>('a' + i % 26);
        i /= 26;
    } while (i > 0);
    return w;
}

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
    out.push_back({"identical-clauses", "N clauses of the same title and text; one more inserted first", 5000, [](std::size_t n) {
        Drafts d{"diff", ".md", "", ""};
        std::string clause = "## Requirement\n\nThe device shall keep the same record of every change.\n\n";
        d.new_text = "## Inserted\n\nA new clause at the start.\n\n";
        for (std::size_t i = 0; i < n; ++i) d.old_text += clause;
        d.new_text += d.old_text;
        return d;
    }});
    out.push_back({"wide-unmatched", "one parent of N children, none alike on the other side", 5000, [](std::size_t n) {
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
    out.push_back({"shuffled-provisions", "one clause of N provisions against the same sentences shuffled", 2500, [](std::size_t n) {
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
    out.push_back({"reworded-provisions", "one clause of N provisions, each reworded on the other side", 2500, [](std::size_t n) {
        Drafts d{"diff", ".md", "# Requirements\n\n", "# Requirements\n\n"};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string w = word_for(i, 'f');
            d.old_text += "The device shall support the " + w + " feature of the " + word_for(i + n, 'g') + " unit.\n\n";
            d.new_text += "Each device shall provide its " + w + " feature for any " + word_for(i + 2 * n, 'h') + " unit.\n\n";
        }
        return d;
    }});
    out.push_back({"zh-modal-line", "a Chinese line of N modal words and no punctuation", 20000, [](std::size_t n) {
        static const char* words[] = {"应", "宜", "可", "不得", "应当", "必须", "可以", "不宜", "设备", "系统", "数据", "的"};
        Drafts d{"diff", ".txt", "1 范围\n\n", "1 范围\n\n"};
        std::mt19937 rng(3);
        std::string line;
        for (std::size_t i = 0; i < n; ++i) line += words[rng() % std::size(words)];
        d.old_text += line + "\n";
        d.new_text += line + "设备\n";
        return d;
    }});
    out.push_back({"brief-top-level", "a brief of drafts of N top-level clauses, each changed", 5000, [](std::size_t n) {
        Drafts d{"brief", ".md", "", ""};
        for (std::size_t i = 0; i < n; ++i) {
            const std::string w = word_for(i);
            d.old_text += "# Clause " + w + "\n\nThe device shall record the " + w + " event.\n\n";
            d.new_text += "# Clause " + w + "\n\nThe device should record the " + w + " event.\n\n";
        }
        return d;
    }});
    out.push_back({"md-escaped-pipes", "a Markdown table row of N escaped pipes", 50000, [](std::size_t n) {
        Drafts d{"parse", ".md", "# Table\n\n| a | b |\n|---|---|\n| ", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "x \\| ";
        d.old_text += "| y |\n";
        return d;
    }});
    out.push_back({"deep-numbering", "N clauses in chains numbered 12 levels deep", 6000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        std::string number;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t depth = i % 12;
            number = depth == 0 ? std::to_string(i / 12 + 1) : number + ".1";
            d.old_text += number + " Title " + word_for(i) + "\n\nThe text of clause " + word_for(i) + ".\n\n";
        }
        return d;
    }});
    out.push_back({"many-headings-txt", "a .txt draft of N numbered headings", 25000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        for (std::size_t i = 1; i <= n; ++i)
            d.old_text += std::to_string(i) + " Heading " + word_for(i) + "\n\nThe text of clause " + word_for(i) + ".\n\n";
        return d;
    }});
    // The hostile-input cases of tests/test_text_reader.cpp and test_markdown_reader.cpp,
    // whose results the tests check; their time is measured here.
    out.push_back({"long-line", "one line of N mixed Chinese and English phrases, no break", 100000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "本文件规定了办公设备的安全要求 and some English words, ";
        d.old_text += "\n";
        return d;
    }});
    out.push_back({"list-markers-line", "one line of N list markers a）", 100000, [](std::size_t n) {
        Drafts d{"parse", ".txt", "1 范围\n", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += "a）";
        d.old_text += "\n";
        return d;
    }});
    out.push_back({"new-list-kinds", "N lines, each opening a kind of list not yet open", 100000, [](std::size_t n) {
        static const char* const markers[] = {"a）", "1）", "（1）", "（一）", "①", "——"};
        Drafts d{"parse", ".txt", "1 范围\n", ""};
        for (std::size_t i = 0; i < n; ++i) d.old_text += std::string(markers[i % 6]) + "项\n";
        return d;
    }});
    out.push_back({"md-nested-quotes", "a Markdown paragraph inside N nested block quotes", 100000, [](std::size_t n) {
        Drafts d{"parse", ".md", std::string(n, '>') + " deep\n\nafter\n", ""};
        return d;
    }});
    out.push_back({"xml-nesting", "xml2rfc lists nested N deep", 20000, [](std::size_t n) {
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
    double wall = 0;
    double megabytes = 0;     // peak resident set
    std::size_t input_bytes = 0;
};

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream f(p, std::ios::binary);
    f << text;
    if (!f) {
        std::fprintf(stderr, "adversarial: cannot write %s\n", p.c_str());
        std::exit(2);
    }
}

// Runs redline on the drafts in a child process; its output goes to /dev/null.
Result run(const std::string& redline, const fs::path& dir, const Drafts& d, double timeout) {
    Result r;
    const fs::path old_path = dir / ("old" + d.extension), new_path = dir / ("new" + d.extension);
    write_file(old_path, d.old_text);
    r.input_bytes = d.old_text.size();
    std::vector<std::string> args{redline, d.command, old_path.string()};
    if (!d.new_text.empty()) {
        write_file(new_path, d.new_text);
        args.push_back(new_path.string());
        r.input_bytes = std::max(r.input_bytes, d.new_text.size());
    }
    if (d.command != "brief") args.insert(args.end(), {"--format", "json"});
    std::fflush(stdout);
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
    r.megabytes = static_cast<double>(usage.ru_maxrss) / 1024.0;
    r.ok = !r.timed_out && WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
    return r;
}

constexpr double max_ratio = 2.3;       // per doubling
constexpr double ten_mb_seconds = 10;   // for an input of about 10 MB
constexpr double ten_mb_megabytes = 2048;
// Below this a run's time is mostly starting the process; ratios of such times mean nothing.
constexpr double timing_floor = 0.05;

void report(const Result& r, std::size_t n) {
    std::printf("  %9zu  %9.2f MB  %8.3f s cpu  %8.3f s wall  %8.1f MB peak%s%s", n, static_cast<double>(r.input_bytes) / 1e6,
                r.seconds, r.wall, r.megabytes, r.timed_out ? "  TIMEOUT" : "", !r.ok && !r.timed_out ? "  FAILED" : "");
}

}  // namespace

int main(int argc, char** argv) {
    std::string redline, only, dir_arg;
    std::size_t n_override = 0;
    int doublings = 3, repeat = 1;
    bool ten_mb = false, keep = false, list = false;
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
        else if (a == "--list") list = true;
        else {
            std::fprintf(stderr, "adversarial: unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    const std::vector<Class> all = classes();
    if (list) {
        for (const Class& c : all) std::printf("%-20s N=%-6zu %s\n", c.name.c_str(), c.base, c.what.c_str());
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
    fs::path dir = dir_arg.empty() ? fs::temp_directory_path() / ("redline-adversarial-" + std::to_string(::getpid())) : fs::path(dir_arg);
    fs::create_directories(dir);

    bool held = true;
    bool found = false;
    for (const Class& c : all) {
        if (!only.empty() && c.name != only) continue;
        found = true;
        std::printf("%s: %s (redline %s)\n", c.name.c_str(), c.what.c_str(), c.make(1).command.c_str());
        const std::size_t base = n_override ? n_override : c.base;
        Result before;
        std::size_t last_n = base;
        for (int k = 0; k <= doublings; ++k) {
            const std::size_t n = base << k;
            const Drafts drafts = c.make(n);
            Result r = run(redline, dir, drafts, timeout);
            for (int k2 = 1; k2 < repeat && r.ok; ++k2) {
                const Result again = run(redline, dir, drafts, timeout);
                if (again.ok && again.seconds < r.seconds) r = again;
            }
            report(r, n);
            bool fails = !r.ok;
            if (k > 0 && r.ok && before.ok) {
                const double ratio = r.seconds / std::max(before.seconds, 1e-3);
                const bool measured = r.seconds >= timing_floor;
                std::printf("  ×%.2f%s", ratio, measured ? "" : " (too short to judge)");
                if (measured && ratio > max_ratio) fails = true;
            }
            std::printf("%s\n", fails ? "  over target" : "");
            held = held && !fails;
            before = r;
            last_n = n;
            if (!r.ok) break;   // larger sizes would only take longer
        }
        if (ten_mb && before.ok && before.input_bytes > 0) {
            const auto n = static_cast<std::size_t>(static_cast<double>(last_n) * 10e6 / static_cast<double>(before.input_bytes));
            const Result r = run(redline, dir, c.make(n), std::max(timeout, 2 * ten_mb_seconds));
            std::printf("  10 MB:");
            report(r, n);
            // Processor time, as for the doublings: on a machine shared with other work the
            // wall time of a run measures the others as much as redline.
            const bool fails = !r.ok || r.seconds > ten_mb_seconds || r.megabytes > ten_mb_megabytes;
            std::printf("%s\n", fails ? "  over target" : "");
            held = held && !fails;
        }
    }
    if (!found) {
        std::fprintf(stderr, "adversarial: no class %s (see --list)\n", only.c_str());
        return 2;
    }
    if (!keep) fs::remove_all(dir);
    else std::printf("drafts kept in %s\n", dir.c_str());
    std::printf("%s\n", held ? "all targets held" : "some targets not held");
    return held ? 0 : 1;
}
