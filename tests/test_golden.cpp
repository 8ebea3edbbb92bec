#define BOOST_TEST_MODULE golden
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

// Golden tests of the output contracts: the `redline` executable (the stable interface; no
// library call is made here) compares four pairs of drafts, and what it writes is compared byte
// for byte with tests/golden/compare/<pair>/:
//
//   report.json    redline diff OLD NEW --format json       (schema redline.report/2)
//   terminal.txt   redline diff OLD NEW --color never       (the terminal view without colour)
//   brief.md       redline brief OLD NEW                    (the brief in Markdown)
//   redline.html   redline diff OLD NEW --format html       (the redline page: its date, inline
//                  stylesheet and script, and their digests in the Content-Security-Policy are
//                  checked, then replaced by placeholders, so a CSS or JS tweak does not touch it)
//
// Pairs: the two bundled samples (samples/office-devices, Chinese and English) and two real
// drafts kept in the repository (tests/corpus: TLS 1.3 -06 → -07, kramdown-rfc Markdown; the PRC
// Legislation Law 2015 → 2023). Every run has SOURCE_DATE_EPOCH fixed and is made from the
// source directory with relative paths, so no output holds a date of today or a path of this
// machine.
//
// After a deliberate change of an output, rewrite the golden files and review their diff:
//     REDLINE_ACCEPT=1 ctest --test-dir build -R golden
//     git diff tests/golden/compare

namespace fs = std::filesystem;

namespace {

const fs::path source_dir = REDLINE_SOURCE_DIR;
const fs::path golden_root = source_dir / "tests" / "golden" / "compare";

// 2026-11-30 00:00:00 UTC: the date every output that shows one must show.
constexpr const char* source_date_epoch = "1795996800";
constexpr std::string_view source_date = "2026-11-30";

bool accepting() {
    const char* v = std::getenv("REDLINE_ACCEPT");
    return v != nullptr && *v != '\0' && std::string_view(v) != "0";
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// One scratch directory for the outputs of this run, removed at the end unless a comparison
// failed (then the actual outputs stay there for a closer look).
struct Scratch {
    fs::path path = fs::temp_directory_path() / ("redline-golden-" + std::to_string(::getpid()));
    bool keep = false;
    Scratch() { fs::create_directories(path); }
    ~Scratch() {
        if (!keep) fs::remove_all(path);
    }
};
Scratch& scratch() {
    static Scratch s;
    return s;
}

struct Run {
    int status = -1;
    std::string out, err;
};

// Runs `redline ARGS` from the source directory, standard output into `out_name` in the
// scratch directory. The environment is the test's, with the date fixed and colour left to the
// arguments.
Run redline(const std::string& args, const std::string& out_name) {
    const fs::path out = scratch().path / out_name;
    const fs::path err = scratch().path / (out_name + ".stderr");
    fs::create_directories(out.parent_path());
    const std::string cmd = "cd " + shell_quote(source_dir.string()) + " && env -u NO_COLOR SOURCE_DATE_EPOCH=" +
                            source_date_epoch + " " + shell_quote(REDLINE_BINARY) + " " + args + " >" +
                            shell_quote(out.string()) + " 2>" + shell_quote(err.string());
    const int raw = std::system(cmd.c_str());
    Run r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(pos));
            break;
        }
        lines.push_back(text.substr(pos, nl - pos));
        pos = nl + 1;
    }
    return lines;
}

// A line to quote in a message: long lines (the page, the JSON) are cut around `column`.
std::string quoted(const std::string& line, std::size_t column) {
    constexpr std::size_t width = 240;
    if (line.size() <= width) return "\"" + line + "\"";
    std::size_t from = column > width / 2 ? column - width / 2 : 0;
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;  // whole UTF-8 characters
    std::size_t to = std::min(line.size(), from + width);
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    return std::string(from > 0 ? "…" : "") + "\"" + line.substr(from, to - from) + "\"" +
           (to < line.size() ? "…" : "") + " (" + std::to_string(line.size()) + " bytes, first difference at byte " +
           std::to_string(column + 1) + ")";
}

// Where `actual` first departs from `expected`, for a person: line, expected line, actual line.
std::string first_difference(const std::string& expected, const std::string& actual) {
    const auto e = split_lines(expected), a = split_lines(actual);
    std::size_t i = 0;
    while (i < e.size() && i < a.size() && e[i] == a[i]) ++i;
    std::ostringstream m;
    if (i == e.size() && i == a.size()) {
        m << "the lines are equal; the files differ in the final newline";
        return m.str();
    }
    m << "first difference at line " << i + 1 << " (golden " << e.size() << " lines, actual " << a.size() << ")\n";
    std::size_t column = 0;
    if (i < e.size() && i < a.size())
        while (column < e[i].size() && column < a[i].size() && e[i][column] == a[i][column]) ++column;
    m << "  expected: " << (i < e.size() ? quoted(e[i], column) : "(end of file)") << "\n";
    m << "  actual:   " << (i < a.size() ? quoted(a[i], column) : "(end of file)");
    return m.str();
}

// Compares `actual` with the golden file `pair/name`, or rewrites it under REDLINE_ACCEPT.
void check_golden(const std::string& pair, const std::string& name, const std::string& actual) {
    const fs::path golden = golden_root / pair / name;
    const fs::path shown = fs::relative(golden, source_dir);
    if (accepting()) {
        if (fs::exists(golden) && slurp(golden) == actual) return;
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << actual;
        BOOST_TEST_MESSAGE("rewrote " << shown.string() << " (" << actual.size() << " bytes)");
        return;
    }
    const fs::path kept = scratch().path / pair / ("actual." + name);
    if (!fs::exists(golden)) {
        scratch().keep = true;
        std::ofstream(kept, std::ios::binary) << actual;
        BOOST_ERROR("golden file " << shown.string() << " is missing (actual output in " << kept.string()
                                   << ").\nTo create it: REDLINE_ACCEPT=1 ctest --test-dir build -R golden");
        return;
    }
    const std::string expected = slurp(golden);
    if (expected == actual) return;
    scratch().keep = true;
    std::ofstream(kept, std::ios::binary) << actual;
    BOOST_ERROR(shown.string() << " differs from the output of redline: " << first_difference(expected, actual)
                               << "\nactual output kept in " << kept.string() << "\n  diff -u " << golden.string()
                               << " " << kept.string()
                               << "\nIf the change is intended, accept it and review the diff:\n"
                                  "  REDLINE_ACCEPT=1 ctest --test-dir build -R golden && git diff tests/golden/compare");
}

// SHA-256 (FIPS 180-4) of `data`, Base64-encoded as a Content-Security-Policy source gives it.
std::string sha256_base64(std::string_view data) {
    static constexpr std::uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string m(data);
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    m += static_cast<char>(0x80);
    while (m.size() % 64 != 56) m += '\0';
    for (int i = 7; i >= 0; --i) m += static_cast<char>(bits >> (8 * i));
    auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
    for (std::size_t block = 0; block < m.size(); block += 64) {
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i) {
            w[i] = 0;
            for (int j = 0; j < 4; ++j) w[i] = (w[i] << 8) | static_cast<unsigned char>(m[block + 4 * i + j]);
        }
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
            const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
        }
        h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
    }
    std::string digest;
    for (std::uint32_t word : h)
        for (int i = 3; i >= 0; --i) digest += static_cast<char>(word >> (8 * i));
    static constexpr char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < digest.size(); i += 3) {
        std::uint32_t n = static_cast<unsigned char>(digest[i]) << 16;
        if (i + 1 < digest.size()) n |= static_cast<unsigned char>(digest[i + 1]) << 8;
        if (i + 2 < digest.size()) n |= static_cast<unsigned char>(digest[i + 2]);
        out += b64[(n >> 18) & 63];
        out += b64[(n >> 12) & 63];
        out += i + 1 < digest.size() ? b64[(n >> 6) & 63] : '=';
        out += i + 2 < digest.size() ? b64[n & 63] : '=';
    }
    return out;
}

// Replaces `what` (once) by `by`; false if it is not there.
bool replace_once(std::string& s, std::string_view what, std::string_view by) {
    const std::size_t at = s.find(what);
    if (at == std::string::npos) return false;
    s.replace(at, what.size(), by);
    return true;
}

// The body of the one <tag>…</tag> of the page ("" if there is none or more than one).
std::string body_of(const std::string& page, std::string_view open, std::string_view close) {
    const std::size_t a = page.find(open);
    if (a == std::string::npos || page.find(open, a + 1) != std::string::npos) return "";
    const std::size_t body = a + open.size();
    const std::size_t b = page.find(close, body);
    return b == std::string::npos ? "" : page.substr(body, b - body);
}

// The redline page with what may change without the comparison changing left out:
// - the comparison date, checked here to be SOURCE_DATE_EPOCH's;
// - the bodies of the inline stylesheet and script, compiled into the program from
//   formats/html_redline/redline.css and redline.js, and their SHA-256 digests in the
//   Content-Security-Policy, checked here to be theirs (a browser would refuse them otherwise).
// The policy itself stays in the golden page, so a change of what it allows shows.
std::string normalised_page(std::string page) {
    // "Compared on 2026-11-30 by redline." / "2026-11-30 由 redline 比较。"
    const std::string compared_open = "<p class=\"compared\">";
    const std::size_t c = page.find(compared_open);
    BOOST_TEST_REQUIRE(c != std::string::npos, "the page has no \"Compared on\" line");
    std::size_t date_at = c + compared_open.size();
    if (page.compare(date_at, 12, "Compared on ") == 0) date_at += 12;
    const std::size_t date_end = page.find(' ', date_at);
    BOOST_TEST(page.substr(date_at, date_end - date_at) == source_date, "the date is SOURCE_DATE_EPOCH's");
    page.replace(date_at, date_end - date_at, "DATE");

    const std::string style = body_of(page, "<style>", "</style>");
    const std::string script = body_of(page, "<script>", "</script>");
    BOOST_TEST_REQUIRE(!style.empty(), "the page has one inline <style>");
    BOOST_TEST_REQUIRE(!script.empty(), "the page has one inline <script>");
    BOOST_TEST(replace_once(page, "'sha256-" + sha256_base64(style) + "'", "'sha256-(the stylesheet)'"),
               "the Content-Security-Policy allows the page's own stylesheet by its SHA-256");
    BOOST_TEST(replace_once(page, "'sha256-" + sha256_base64(script) + "'", "'sha256-(the script)'"),
               "the Content-Security-Policy allows the page's own script by its SHA-256");
    replace_once(page, "<style>" + style + "</style>", "<style>/* formats/html_redline/redline.css */</style>");
    replace_once(page, "<script>" + script + "</script>", "<script>/* formats/html_redline/redline.js */</script>");
    return page;
}

struct Pair {
    std::string name, old_path, new_path;
};

void check_pair(const Pair& p) {
    const std::string files = shell_quote(p.old_path) + " " + shell_quote(p.new_path);
    BOOST_TEST_REQUIRE(fs::exists(source_dir / p.old_path), p.old_path);
    BOOST_TEST_REQUIRE(fs::exists(source_dir / p.new_path), p.new_path);

    struct Output {
        std::string name, args;
    };
    const Output outputs[] = {
        {"report.json", "diff " + files + " --format json"},
        {"terminal.txt", "diff " + files + " --color never"},
        {"brief.md", "brief " + files},
        {"redline.html", "diff " + files + " --format html"},
    };
    for (const Output& o : outputs) {
        BOOST_TEST_CONTEXT(p.name << ": redline " << o.args) {
            const Run r = redline(o.args, p.name + "/" + o.name);
            // Every pair has substantive changes: diff and brief exit 1 and report no trouble.
            BOOST_TEST(r.status == 1);
            BOOST_TEST(r.err == "");
            BOOST_TEST(!r.out.empty());
            // Paths are the relative ones given: nothing of this machine's file system.
            BOOST_TEST(r.out.find(source_dir.string()) == std::string::npos, "the output holds the source directory");
            if (o.args.starts_with("diff "))  // the brief names the drafts by title, not by path
                BOOST_TEST(r.out.find(p.old_path) != std::string::npos, "the output names the old draft as given");
            std::string compared = r.out;
            if (o.name == "report.json") {
                const auto report = nlohmann::json::parse(r.out);
                BOOST_TEST(report.at("schema") == "redline.report/2");
                BOOST_TEST(report.at("old").at("path") == p.old_path);
                BOOST_TEST(report.at("new").at("path") == p.new_path);
            } else if (o.name == "redline.html") {
                compared = normalised_page(r.out);
            } else if (o.name == "brief.md") {
                BOOST_TEST(r.out.find("Compared on " + std::string(source_date) + " by redline.") != std::string::npos);
            }
            check_golden(p.name, o.name, compared);
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(office_devices_zh) {
    check_pair({"office-devices-zh", "samples/office-devices/2023-05-draft.zh.txt",
                "samples/office-devices/2023-08-draft-for-comments.zh.txt"});
}

BOOST_AUTO_TEST_CASE(office_devices_en) {
    check_pair({"office-devices-en", "samples/office-devices/2023-05-draft.en.txt",
                "samples/office-devices/2023-08-draft-for-comments.en.txt"});
}

BOOST_AUTO_TEST_CASE(ietf_tls13_06_07) {
    check_pair({"ietf-tls13-06-07", "tests/corpus/ietf-tls13/draft-ietf-tls-tls13-06.md",
                "tests/corpus/ietf-tls13/draft-ietf-tls-tls13-07.md"});
}

BOOST_AUTO_TEST_CASE(cn_legislation_law_2015_2023) {
    check_pair({"cn-legislation-law-2015-2023", "tests/corpus/cn-legislation-law/legislation-law-2015.md",
                "tests/corpus/cn-legislation-law/legislation-law-2023.md"});
}
