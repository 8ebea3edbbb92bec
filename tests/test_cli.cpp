#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>

#include "cli/pager.hpp"
#include "cli/suggest.hpp"
#include "engine/error.hpp"
#include "formats/reader.hpp"
#include "formats/terminal/display_width.hpp"
#include "formats/terminal/stat.hpp"
#include "tests/support/run_redline.hpp"
#include "tests/support/spoofed_drafts.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using run_cli::Result;
using run_cli::slurp;
using run_cli::TempDir;

namespace {

// The built redline with a shell command line tail (`redline` is the project's namespace).
Result run(const std::string& args, const std::string& environment = "") { return run_cli::redline(args, environment); }

}  // namespace

namespace {

const std::string sample_dir = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";

}  // namespace

// The text view names each clause's place in its source's terms: a Word file's paragraph, a
// PDF's page, a text draft's line.
BOOST_AUTO_TEST_CASE(the_text_view_gives_places_as_the_source_counts_them) {
    auto first_entry = [](const std::string& old_file, const std::string& new_file) {
        const Result r = run("diff --no-pager --color never " + old_file + " " + new_file);
        const std::size_t at = r.out.find("\nC1 ");
        return at == std::string::npos ? std::string() : r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    };
    const std::string d = sample_dir;
    BOOST_TEST(first_entry(d + "docx/2023-05-draft.zh.docx", d + "docx/2023-08-draft-for-comments.zh.docx") ==
               "C1   Cover ICS 35.030 CCS L 80 中华人民…  [modified; old paragraph 1, new paragraph 1]");
    BOOST_TEST(first_entry(d + "pdf/2023-05-draft.zh.pdf", d + "pdf/2023-08-draft-for-comments.zh.pdf") ==
               "C1   Cover ICS 35.030 CCS L 80 中华人民…  [modified; old page 1, new page 1]");
    BOOST_TEST(first_entry(d + "2023-05-draft.zh.txt", d + "2023-08-draft-for-comments.zh.txt") ==
               "C1   Cover ICS 35.030 CCS L 80 中华人民…  [modified; old line 1, new line 1]");
}

BOOST_AUTO_TEST_CASE(missing_file_is_trouble_with_the_file_named) {
    const Result r = run("parse /nonexistent/draft.txt");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: /nonexistent/draft.txt: cannot open: No such file or directory\n");
    BOOST_TEST(r.out.empty());
}

// A file name is text from outside too: an escape sequence in it is shown in the error, never
// sent to the terminal (here "clear the screen").
BOOST_AUTO_TEST_CASE(an_escape_sequence_in_a_file_name_is_shown_in_the_error) {
    const Result r = run("parse \"/nonexistent/$(printf 'a\\033[2Jb').txt\"");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: /nonexistent/a\u241B[2Jb.txt: cannot open: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(empty_file_is_an_error) {
    TempDir t;
    const auto f = t.write("empty.txt", "  \n\n");
    const Result r = run("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": empty document (no text)\n");
}

BOOST_AUTO_TEST_CASE(undecodable_bytes_name_their_offset) {
    TempDir t;
    const auto f = t.write("bad.txt", std::string("1 Scope\nabc \xff\xfe\xff tail\n"));
    const Result r = run("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": byte 12: invalid UTF-8 (not GB18030 either)\n");
}

BOOST_AUTO_TEST_CASE(binary_file_is_rejected) {
    TempDir t;
    const auto f = t.write("bin.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
    const Result r = run("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": byte 7: binary file (NUL byte)\n");
}

BOOST_AUTO_TEST_CASE(failed_run_leaves_no_output_file) {
    TempDir t;
    const auto bad = t.write("bad.txt", std::string("\xff\xff\xff"));
    const fs::path out = t.path / "out.json";
    const Result r = run("parse " + bad.string() + " --format json -o " + out.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(!fs::exists(out));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(t.path)) files += e.path().filename() != "bad.txt";
    BOOST_TEST(files == 0u);  // no temporary file left behind either
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    const Result r = run("parse");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("redline: error: FILE is required") == 0u);
    const Result bad_format = run("parse x.txt --format yaml");
    BOOST_TEST(bad_format.status == 2);
    const Result no_command = run("");
    BOOST_TEST(no_command.status == 2);
}

BOOST_AUTO_TEST_CASE(standard_input_and_output_file) {
    TempDir t;
    const auto f = t.write("d.txt", "1 Scope\n\nThis document specifies requirements.\n\n2 Terms\n\nNone.\n");
    const Result piped = run("parse - < " + f.string());
    BOOST_TEST(piped.status == 0);
    BOOST_TEST(piped.err.empty());
    const fs::path out = t.path / "outline.txt";
    const Result to_file = run("parse " + f.string() + " -o " + out.string());
    BOOST_TEST(to_file.status == 0);
    BOOST_TEST(to_file.out.empty());
    const std::string written = slurp(out);
    // The same outline, apart from the path in the header line.
    BOOST_TEST(written.substr(written.find('\n')) == piped.out.substr(piped.out.find('\n')));
    BOOST_TEST(written.find("1 Scope") != std::string::npos);
    BOOST_TEST(written.find("2 Terms") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_output_is_deterministic) {
    const std::string file = sample_dir + "2023-05-draft.zh.txt";
    const Result a = run("parse " + file + " --format json");
    const Result b = run("parse " + file + " --format json");
    BOOST_TEST(a.status == 0);
    BOOST_TEST(a.out == b.out);
    BOOST_TEST(a.out.find("\"schema\": \"redline.document/1\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(diff_exit_status_follows_diff) {
    const std::string old_file = sample_dir + "2023-05-draft.zh.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.zh.txt";
    const Result same = run("diff " + old_file + " " + old_file);
    BOOST_TEST(same.status == 0);
    const Result changed = run("diff " + old_file + " " + new_file + " --format json");
    BOOST_TEST(changed.status == 1);
    BOOST_TEST(changed.out.find("\"schema\": \"redline.report/2\"") != std::string::npos);
    const Result again = run("diff " + old_file + " " + new_file + " --format json");
    BOOST_TEST(again.out == changed.out);
    const Result trouble = run("diff " + old_file + " /nonexistent.txt");
    BOOST_TEST(trouble.status == 2);
}

BOOST_AUTO_TEST_CASE(color_only_when_asked_or_on_a_terminal) {
    const std::string old_file = sample_dir + "2023-05-draft.en.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.en.txt";
    const Result plain = run("diff " + old_file + " " + new_file);
    BOOST_TEST(plain.out.find("\x1b[") == std::string::npos);
    BOOST_TEST(plain.out.find("[-") != std::string::npos);
    const Result colored = run("diff --color always " + old_file + " " + new_file);
    BOOST_TEST(colored.out.find("\x1b[31;9m") != std::string::npos);
    const Result no_color = run("diff --color auto " + old_file + " " + new_file);
    BOOST_TEST(no_color.out.find("\x1b[") == std::string::npos);  // not a terminal
}

// --profile applies one profile to both drafts: capital MUST is a requirement only under
// rfc2119 (without the BCP 14 boilerplate auto chooses iso, where "must" is a constraint).
BOOST_AUTO_TEST_CASE(diff_profile_option_applies_to_both_drafts) {
    TempDir dir;
    const auto a = dir.write("a.txt", "1 Scope\n\nThe device MUST log every event.\n");
    const auto b = dir.write("b.txt", "1 Scope\n\nThe device SHOULD log every event.\n");
    auto first_provision = [](const Result& r) {
        const auto report = nlohmann::json::parse(r.out);
        const auto& p = report.at("provisions").at(0);
        return p.at("change").get<std::string>() + " " + p.at("old").at("kind").get<std::string>() + "/" +
               p.at("old").at("form").get<std::string>() + " -> " + p.at("new").at("kind").get<std::string>() + "/" +
               p.at("new").at("form").get<std::string>() + " " + report.at("old").at("profile").get<std::string>();
    };
    const Result automatic = run("diff --format json " + a.string() + " " + b.string());
    BOOST_TEST(first_provision(automatic) == "strengthened constraint/MUST -> recommendation/SHOULD iso");
    const Result rfc = run("diff --format json --profile rfc2119 " + a.string() + " " + b.string());
    BOOST_TEST(rfc.status == 1);
    BOOST_TEST(first_provision(rfc) == "weakened requirement/MUST -> recommendation/SHOULD rfc2119");
    const Result bad = run("diff --profile ietf " + a.string() + " " + b.string());
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.err.find("--profile") != std::string::npos);
}

// The drafts are read on two threads; the error reported must not depend on which finishes
// first: the old draft's, as when reading in turn.
BOOST_AUTO_TEST_CASE(diff_reports_the_old_drafts_error_first) {
    TempDir dir;
    const auto empty = dir.write("empty.txt", "");
    for (int i = 0; i < 5; ++i) {
        const Result both = run("diff /nonexistent/old.txt " + empty.string());
        BOOST_TEST(both.status == 2);
        BOOST_TEST(both.err == "redline: error: /nonexistent/old.txt: cannot open: No such file or directory\n");
    }
    const Result only_new = run("diff " + sample_dir + "2023-05-draft.en.txt /nonexistent/new.txt");
    BOOST_TEST(only_new.status == 2);
    BOOST_TEST(only_new.err == "redline: error: /nonexistent/new.txt: cannot open: No such file or directory\n");
}

// The redline page: written atomically, dated by SOURCE_DATE_EPOCH, byte-identical between runs.
BOOST_AUTO_TEST_CASE(diff_writes_the_redline_page) {
    ::setenv("SOURCE_DATE_EPOCH", "1795996800", 1);  // 2026-11-30
    TempDir dir;
    const std::string old_file = sample_dir + "2023-05-draft.zh.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.zh.txt";
    const auto a = dir.path / "a.html", b = dir.path / "b.html";
    const Result first = run("diff --format html -o " + a.string() + " " + old_file + " " + new_file);
    BOOST_TEST(first.status == 1);
    BOOST_TEST(first.out.empty());
    const std::string page = slurp(a);
    BOOST_TEST(page.rfind("<!DOCTYPE html>\n<html lang=\"zh\">", 0) == 0);
    BOOST_TEST(page.find("<p class=\"compared\">2026-11-30 由 redline 比较。</p>") != std::string::npos);
    BOOST_TEST(run("diff --format html -o " + b.string() + " " + old_file + " " + new_file).status == 1);
    BOOST_TEST(slurp(b) == page);
    const auto c = dir.path / "c.html";
    BOOST_TEST(run("diff --format html -o " + c.string() + " " + old_file + " /nonexistent.txt").status == 2);
    BOOST_TEST(!fs::exists(c));
    ::unsetenv("SOURCE_DATE_EPOCH");
}

// redline brief: the format follows -o; --watch names its file when it cannot be read.
BOOST_AUTO_TEST_CASE(brief_command) {
    TempDir dir;
    const std::string old_file = sample_dir + "2023-05-draft.zh.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.zh.txt";
    const Result md = run("brief " + old_file + " " + new_file);
    BOOST_TEST(md.status == 0);
    BOOST_TEST(md.out.find("### 1. Requirement citing GB/T 29829—2022 removed from 6.1.3 固件安全") != std::string::npos);
    const auto docx = dir.path / "brief.docx";
    BOOST_TEST(run("brief -o " + docx.string() + " " + old_file + " " + new_file).status == 0);
    BOOST_TEST(slurp(docx).substr(0, 2) == "PK");
    const auto html = dir.path / "brief.html";
    BOOST_TEST(run("brief -o " + html.string() + " " + old_file + " " + new_file).status == 0);
    BOOST_TEST(slurp(html).rfind("<!DOCTYPE html>", 0) == 0);
    const Result zh = run("brief --brief-lang zh --format gbt-changes " + old_file + " " + new_file);
    BOOST_TEST(zh.out.rfind("与讨论稿相比，除结构调整和编辑性改动外，主要技术变化如下：\n", 0) == 0);
    const auto watch = dir.write("watch.txt", "激光扫描单元\n");
    const Result watched = run("brief --watch " + watch.string() + " " + old_file + " " + new_file);
    BOOST_TEST(watched.out.find("### 1. Requirement removed from 6.2.4 (now 6.2.3) 供应链安全") != std::string::npos);
    // The same term saved in GB18030 (激光 = BC A4 B9 E2 …): decoded like a draft.
    const auto gbk = dir.write("watch-gbk.txt", "\xBC\xA4\xB9\xE2\xC9\xA8\xC3\xE8\xB5\xA5\xD4\xAA\n");
    const Result watched_gbk = run("brief --watch " + gbk.string() + " " + old_file + " " + new_file);
    BOOST_TEST(watched_gbk.out.find("### 1. Requirement removed from 6.2.4 (now 6.2.3) 供应链安全") != std::string::npos);
    const Result missing = run("brief --watch /nonexistent/watch.txt " + old_file + " " + new_file);
    BOOST_TEST(missing.status == 2);
    BOOST_TEST(missing.err == "redline: error: /nonexistent/watch.txt: cannot open: No such file or directory\n");
}

// libzip is loaded only to write DOCX. Where the library cannot be used (here: a stand-in of
// the same soname without its functions, first on LD_LIBRARY_PATH), that output fails with a
// message naming the library, status 2 and no file; the other formats still work.
BOOST_AUTO_TEST_CASE(docx_without_a_usable_libzip_fails_cleanly) {
    TempDir dir;
    const std::string old_file = sample_dir + "2023-05-draft.en.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.en.txt";
    const std::string stand_in = "LD_LIBRARY_PATH=" REDLINE_STAND_IN_LIBZIP_DIR;
    const auto docx = dir.path / "brief.docx";
    const Result r = run("brief -o " + docx.string() + " " + old_file + " " + new_file, stand_in);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: cannot write DOCX: " REDLINE_LIBZIP_SONAME " lacks zip_error_init\n");
    BOOST_TEST(!fs::exists(docx));
    BOOST_TEST(fs::is_empty(dir.path));
    const Result md = run("brief " + old_file + " " + new_file, stand_in);
    BOOST_TEST(md.status == 0);
    BOOST_TEST(md.out.rfind("# Brief: ", 0) == 0);
}

// -o FILE picks the writer by its extension, whatever its case; an extension the command
// cannot write, or one that contradicts --format, is an error that leaves no file behind.
BOOST_AUTO_TEST_CASE(output_extension_picks_the_format) {
    TempDir t;
    const std::string pair = sample_dir + "2023-05-draft.zh.txt " + sample_dir + "2023-08-draft-for-comments.zh.txt";
    const fs::path json = t.path / "report.JSON";
    BOOST_TEST(run("diff " + pair + " -o " + json.string()).status == 1);
    BOOST_TEST(slurp(json).starts_with("{\n \"schema\": \"redline.report/2\""));
    const fs::path page = t.path / "page.htm";
    BOOST_TEST(run("diff " + pair + " -o " + page.string()).status == 1);
    BOOST_TEST(slurp(page).starts_with("<!DOCTYPE html>"));
    const fs::path tree = t.path / "tree.json";
    BOOST_TEST(run("parse " + sample_dir + "2023-05-draft.zh.txt -o " + tree.string()).status == 0);
    BOOST_TEST(slurp(tree).find("\"schema\": \"redline.document/1\"") != std::string::npos);

    const fs::path docx = t.path / "report.DOCX";
    Result r = run("diff " + pair + " -o " + docx.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + docx.string() +
                            ": diff cannot write .docx files (it writes .txt, .json, .html, .htm); choose one with --format\n");
    BOOST_TEST(!fs::exists(docx));
    const fs::path clash = t.path / "report.html";
    r = run("diff " + pair + " --format json -o " + clash.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + clash.string() +
                            ": --format json would write redline.report/2 into a .html file; name the file *.json or drop "
                            "--format\n");
    BOOST_TEST(!fs::exists(clash));
    // An extension no writer claims is fine once --format says what to write.
    const fs::path changes = t.path / "changes.txt";
    BOOST_TEST(run("brief " + pair + " --format gbt-changes -o " + changes.string()).status == 0);
    BOOST_TEST(slurp(changes).starts_with("与"));
    r = run("brief " + pair + " -o " + (t.path / "brief.txt").string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("brief cannot write .txt files (it writes .md, .markdown, .html, .htm, .docx)") != std::string::npos);
}

// A draft's controls and bidi controls are shown, never obeyed: the terminal view, the
// outline and the Markdown brief write ⟨RLO⟩ and Control Pictures where the draft has U+202E
// and ESC, name the clause in a reader warning, and JSON escapes them. The spoofed sentence
// (which a browser renders "shall not encrypt") is a reworded requirement, shown as written.
BOOST_AUTO_TEST_CASE(controls_in_a_draft_are_shown_not_obeyed) {
    TempDir t;
    const auto o = t.write("old.txt", spoofed::old_draft);
    const auto n = t.write("new.txt", spoofed::new_draft);
    auto raw = [](const std::string& out) {
        return out.find(spoofed::rlo) != std::string::npos || out.find(spoofed::pdf) != std::string::npos ||
               out.find('\x07') != std::string::npos || out.find('\x7f') != std::string::npos;
    };
    const Result diff = run("diff " + o.string() + " " + n.string());
    BOOST_TEST(diff.status == 1);
    BOOST_TEST(diff.out == "redline: " + o.string() + " → " + n.string() + "\n"
                           "clauses: 2 modified, 2 unchanged\n"
                           "\n"
                           "Provision changes\n"
                           "  modified     2.1  requirement (shall)\n"
                           "    [-The device shall encrypt stored data.-]\n"
                           "    {+" + spoofed::shown + "+}\n"
                           "  modified     2.2  requirement (shall)\n"
                           "    [-The device shall log every event.-]\n"
                           "    {+The device shall log every event␡.+}\n"
                           "\n"
                           "C1   2.1 Storage  [modified; old line 7, new line 7]\n"
                           "    The device shall[- encrypt-]{+ ⟨RLO⟩tpyrcne ton⟨PDF⟩+} stored data.\n"
                           "\n"
                           "C2   2.2 Logging␛]0;pwned␇  [modified; old line 11, new line 11]\n"
                           "    title: Logging{+␛]0;pwned␇+}\n"
                           "    The device shall log every event{+␡+}.\n"
                           "\n"
                           "Reader notes\n"
                           "  new line 9: " + spoofed::warning_2_1 + "\n"
                           "  new line 11: " + spoofed::warning_2_2 + "\n");
    // In colour, every escape sequence is one of redline's own.
    const Result colour = run("diff --color always " + o.string() + " " + n.string());
    BOOST_TEST(!raw(colour.out));
    for (std::size_t i = colour.out.find('\x1b'); i != std::string::npos; i = colour.out.find('\x1b', i + 1)) {
        const std::string seq = colour.out.substr(i, colour.out.find('m', i) + 1 - i);
        BOOST_TEST((seq == "\x1b[1m" || seq == "\x1b[2m" || seq == "\x1b[0m" || seq == "\x1b[31;9m" || seq == "\x1b[32;4m"), seq);
    }
    BOOST_TEST(colour.out.find("\x1b[32;4m" + spoofed::shown + "\x1b[0m") != std::string::npos);

    const Result parse = run("parse " + n.string());
    BOOST_TEST(parse.status == 0);
    BOOST_TEST(!raw(parse.out));
    BOOST_TEST(parse.out.find('\x1b') == std::string::npos);
    BOOST_TEST(parse.out.find("    11  clause         2.2 Logging␛]0;pwned␇  [1 req]\n") != std::string::npos);
    BOOST_TEST(parse.out.find("# warning: line 9: " + spoofed::warning_2_1 + "\n# warning: line 11: " + spoofed::warning_2_2 + "\n") !=
               std::string::npos);

    const Result brief = run("brief --format md " + o.string() + " " + n.string());
    BOOST_TEST(brief.status == 0);
    BOOST_TEST(!raw(brief.out));
    BOOST_TEST(brief.out.find('\x1b') == std::string::npos);
    BOOST_TEST(brief.out.find("### 1. Requirement reworded in 2.1 Storage\n\n*Provisions reworded · C1 · 2.1 Storage*\n\n"
                              "> The device shall ~~encrypt~~ **⟨RLO⟩tpyrcne ton⟨PDF⟩** stored data.\n") != std::string::npos);
    BOOST_TEST(brief.out.find("- New draft (" + n.string() + "), line 9: " + spoofed::warning_2_1 + "\n") != std::string::npos);

    // JSON keeps the text as written, with the invisible characters escaped.
    const Result json = run("diff --format json " + o.string() + " " + n.string());
    BOOST_TEST(!raw(json.out));
    BOOST_TEST(json.out.find("\"The device shall \\u202etpyrcne ton\\u202c stored data.\"") != std::string::npos);
    const auto report = nlohmann::json::parse(json.out);
    BOOST_TEST(report.at("warnings").at(0).at("message").get<std::string>() == spoofed::warning_2_1);
    bool as_written = false;
    for (const auto& p : report.at("provisions"))
        as_written |= p.contains("new") && p.at("new").at("text").get<std::string>() ==
                                              "The device shall " + spoofed::rlo + "tpyrcne ton" + spoofed::pdf + " stored data.";
    BOOST_TEST(as_written);
}

// ---- issue 14: the command line as diff(1), git and pandoc users expect it -----------------

namespace {

const std::string en_pair = sample_dir + "2023-05-draft.en.txt " + sample_dir + "2023-08-draft-for-comments.en.txt";
const std::string zh_pair = sample_dir + "2023-05-draft.zh.txt " + sample_dir + "2023-08-draft-for-comments.zh.txt";

}  // namespace

// Exit statuses 0/1/2 are diff's: brief and parse exit 0 when they wrote their output (so
// that `redline brief a b -o x.docx && open x.docx` works), 2 on trouble.
BOOST_AUTO_TEST_CASE(brief_and_parse_exit_0_on_success_2_on_trouble) {
    TempDir t;
    const fs::path docx = t.path / "x.docx";
    const Result brief = run("brief " + zh_pair + " -o " + docx.string());
    BOOST_TEST(brief.status == 0);
    BOOST_TEST(brief.err.empty());
    BOOST_TEST(fs::exists(docx));
    BOOST_TEST(run("brief " + zh_pair + " --format gbt-changes").status == 0);
    BOOST_TEST(run("brief " + sample_dir + "2023-05-draft.zh.txt /nonexistent.txt").status == 2);
    BOOST_TEST(run("parse " + sample_dir + "2023-05-draft.zh.txt").status == 0);
    BOOST_TEST(run("diff " + zh_pair).status == 1);
    BOOST_TEST(run("diff " + sample_dir + "2023-05-draft.zh.txt " + sample_dir + "2023-05-draft.zh.txt").status == 0);
}

// Each command's --help ends with what its exit status means.
BOOST_AUTO_TEST_CASE(help_states_the_exit_statuses) {
    const std::string trouble =
        "2 trouble: a usage error, or an input that cannot be read (the message names the file and the place).\n";
    const Result diff = run("diff --help");
    BOOST_TEST(diff.status == 0);
    BOOST_TEST(diff.out.ends_with("\nExit status: 0 no substantive difference, 1 substantive differences (of the --only "
                                  "kinds), " + trouble));
    for (const std::string command : {"brief", "parse"}) {
        const Result r = run(command + " --help");
        BOOST_TEST(r.status == 0);
        BOOST_TEST(r.out.ends_with("\nExit status: 0 the output was written, " + trouble), command);
    }
    const Result top = run("--help");
    BOOST_TEST(top.out.find("Exit status: diff exits 0 when the drafts have no substantive difference, 1 when they have, 2 "
                            "on trouble; parse and brief exit 0 when they wrote their output, 2 on trouble.\n") !=
               std::string::npos);
}

// File arguments show as FILE, not TEXT; parse names every format it reads, from the readers'
// registry (a new reader appears by registering it).
BOOST_AUTO_TEST_CASE(help_names_files_and_every_format_read) {
    const Result diff = run("diff --help");
    BOOST_TEST(diff.out.find("  OLD FILE REQUIRED ") != std::string::npos);
    BOOST_TEST(diff.out.find("  NEW FILE REQUIRED ") != std::string::npos);
    BOOST_TEST(diff.out.find("  -o,--output FILE ") != std::string::npos);
    BOOST_TEST(diff.out.find(" TEXT REQUIRED") == std::string::npos);
    const Result brief = run("brief --help");
    BOOST_TEST(brief.out.find("  OLD FILE REQUIRED ") != std::string::npos);
    BOOST_TEST(brief.out.find("  --watch FILE ") != std::string::npos);
    const Result parse = run("parse --help");
    BOOST_TEST(parse.out.find("  FILE FILE REQUIRED ") != std::string::npos);
    BOOST_TEST(parse.out.find("plain text (.txt, .text), Markdown (.md, .markdown, .mkd), xml2rfc XML (.xml)") !=
               std::string::npos);
    BOOST_TEST(parse.out.find("Word DOCX (.docx, .docm, .dotx, .doc)") != std::string::npos);
    for (const auto& reader : redline::formats::readers()) {
        BOOST_TEST(parse.out.find(std::string(reader.description) + " (") != std::string::npos, reader.description);
        for (std::string_view ext : reader.extensions) BOOST_TEST(parse.out.find(ext) != std::string::npos, ext);
    }
}

// A directory is not "larger than 256 MiB"; the file is named by read_bytes itself, so every
// caller's "cannot open" names it.
BOOST_AUTO_TEST_CASE(a_directory_or_socket_as_input_says_so) {
    TempDir t;
    const Result dir = run("diff " + t.path.string() + " " + sample_dir + "2023-05-draft.en.txt");
    BOOST_TEST(dir.status == 2);
    BOOST_TEST(dir.err == "redline: error: " + t.path.string() + ": is a directory, not a draft\n");
    const Result parse = run("parse " + t.path.string());
    BOOST_TEST(parse.err == "redline: error: " + t.path.string() + ": is a directory, not a draft\n");
    const fs::path socket = t.path / "s.sock";
    BOOST_TEST_REQUIRE(std::system(("python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind(\"" + socket.string() +
                                    "\")'").c_str()) == 0);
    const Result sock = run("parse " + socket.string());
    BOOST_TEST(sock.status == 2);
    BOOST_TEST(sock.err == "redline: error: " + socket.string() + ": is a socket, not a draft\n");
    // A FIFO is read like standard input.
    const fs::path fifo = t.path / "draft.fifo";
    BOOST_TEST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const Result piped =
        run("parse " + fifo.string(), "(cat " + sample_dir + "2023-05-draft.en.txt > " + fifo.string() + " &);");
    BOOST_TEST(piped.err.empty());
    BOOST_TEST(piped.out.find(" 1 Scope\n") != std::string::npos);
    try {
        redline::formats::read_bytes("/nonexistent/draft.txt");
        BOOST_ERROR("no error");
    } catch (const redline::InputError& e) {
        BOOST_TEST(e.describe() == "/nonexistent/draft.txt: cannot open: No such file or directory");
    }
}

// An unknown command says what was probably meant, as git does.
BOOST_AUTO_TEST_CASE(an_unknown_command_suggests_the_right_one) {
    const Result compare = run("compare a.txt b.txt");
    BOOST_TEST(compare.status == 2);
    BOOST_TEST(compare.err == "redline: error: 'compare' is not a redline command; did you mean 'redline diff'?\n"
                              "Run 'redline --help' for usage.\n");
    BOOST_TEST(run("dif a b").err.starts_with("redline: error: 'dif' is not a redline command; did you mean 'redline diff'?\n"));
    BOOST_TEST(run("summary a b").err.starts_with("redline: error: 'summary' is not a redline command; did you mean 'redline brief'?\n"));
    BOOST_TEST(run("prase a").err.starts_with("redline: error: 'prase' is not a redline command; did you mean 'redline parse'?\n"));
    const Result unknown = run("frobnicate");
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err == "redline: error: 'frobnicate' is not a redline command (the commands are parse, diff and brief)\n"
                              "Run 'redline --help' for usage.\n");
    const Result none = run("");
    BOOST_TEST(none.status == 2);
    BOOST_TEST(none.err == "redline: error: a command is required: parse, diff or brief\nRun 'redline --help' for usage.\n");
    const std::vector<std::string> commands{"parse", "diff", "brief"};
    BOOST_TEST(redline::cli::suggest_command("Compare", commands) == "diff");
    BOOST_TEST(redline::cli::suggest_command("outline", commands) == "parse");
    BOOST_TEST(redline::cli::suggest_command("brie", commands) == "brief");
    BOOST_TEST(redline::cli::suggest_command("xyz", commands) == "");
}

// --colour is --color in British spelling; diff - - names the real problem.
BOOST_AUTO_TEST_CASE(colour_spelling_and_two_standard_inputs) {
    const Result colour = run("diff --colour never " + en_pair);
    const Result color = run("diff --color never " + en_pair);
    BOOST_TEST(colour.status == 1);
    BOOST_TEST(colour.err.empty());
    BOOST_TEST(colour.out == color.out);
    BOOST_TEST(run("diff --colour always " + en_pair).out.find("\x1b[31;9m") != std::string::npos);
    const Result both = run("diff - - < " + sample_dir + "2023-05-draft.en.txt");
    BOOST_TEST(both.status == 2);
    BOOST_TEST(both.err == "redline: error: both inputs are standard input: give - for OLD or for NEW, not both\n");
    BOOST_TEST(both.out.empty());
}

// --stat: per top-level clause the changed clauses and a bar of words inserted and removed
// (scaled to 40 columns), then the totals and the kinds; nothing at all for equal drafts.
BOOST_AUTO_TEST_CASE(stat_counts_changes_per_top_level_clause) {
    const Result en = run("diff --stat " + en_pair);
    BOOST_TEST(en.status == 1);
    BOOST_TEST(en.err.empty());
    BOOST_TEST(en.out == " Cover ICS 35.030 CCS L 80 NATI…   | 1 +++++++++++-\n"
                         " Contents                          | 1 --\n"
                         " Foreword                          | 7 +------------------\n"
                         " 1 Scope                           | 1 --------\n"
                         " 2 Normative references            | 1 -------\n"
                         " 5 Security framework              | 1\n"
                         " 6 Security technical requirements | 6 ----------------------------------------\n"
                         " 7 top-level clauses changed, 18 changes, 31 words inserted (+), 182 words removed (-)\n"
                         " clauses: 10 modified, 1 renumbered, 1 moved, 5 removed, 1 merged\n"
                         " provisions: 3 removed, 1 moved\n");
    // Chinese names line up by display columns (a Han character takes two).
    const Result zh = run("diff --stat --only removed,renumbered " + zh_pair);
    BOOST_TEST(zh.status == 1);
    BOOST_TEST(zh.out == " 前言           | 5 ----------------------------------------\n"
                         " 6 安全技术要求 | 4 ------------------------------------\n"
                         " 2 top-level clauses changed, 9 changes, 0 words inserted (+), 109 words removed (-)\n"
                         " clauses: 2 modified, 1 renumbered, 1 moved, 5 removed\n");
    const Result coloured = run("diff --stat --colour always --only removed " + zh_pair);
    BOOST_TEST(coloured.out.find(" | 5 \x1b[31m-") != std::string::npos);
    const Result same = run("diff --stat " + sample_dir + "2023-05-draft.zh.txt " + sample_dir + "2023-05-draft.zh.txt");
    BOOST_TEST(same.status == 0);
    BOOST_TEST(same.out == "");
    const Result json = run("diff --stat --format json " + en_pair);
    BOOST_TEST(json.status == 2);
    BOOST_TEST(json.err == "redline: error: --stat writes text: it cannot be --format json\n");
    BOOST_TEST(redline::formats::count_words("The device shall, 设备应 log-in 42") == 9u);
    BOOST_TEST(redline::formats::display_width("6 安全\x1b[31m--\x1b[0m") == 8u);
    BOOST_TEST(redline::formats::display_rows("abcdef\n\n安全安全\n", 4) == 5u);
}

// --only KINDS: the text view shows those clause changes (and the provision changes only when
// asked), and the exit status says whether there are any.
BOOST_AUTO_TEST_CASE(only_filters_the_text_view_and_the_status) {
    const Result moved = run("diff --only renumbered,moved " + en_pair);
    BOOST_TEST(moved.status == 1);
    BOOST_TEST(moved.out.find("Provision changes") == std::string::npos);
    BOOST_TEST(moved.out.find("\nC13  6.2.4 → 6.2.3 Supply chain security  [modified, renumbered;") != std::string::npos);
    BOOST_TEST(moved.out.find("\nC15  5.4 → 6.5.3 Log retention  [moved, renumbered; old line 228, new line 360]\n") !=
               std::string::npos);
    BOOST_TEST(moved.out.find("[removed;") == std::string::npos);
    BOOST_TEST(moved.out.find("Scope") == std::string::npos);
    const Result provisions = run("diff --only provisions " + en_pair);
    BOOST_TEST(provisions.status == 1);
    BOOST_TEST(provisions.out.find("\nProvision changes\n  removed      6.1.3  requirement (shall)\n") != std::string::npos);
    BOOST_TEST(provisions.out.find("\nC1 ") == std::string::npos);
    // The sample adds no clause.
    const Result added = run("diff --only added " + en_pair);
    BOOST_TEST(added.status == 0);
    BOOST_TEST(added.out == "redline: " + sample_dir + "2023-05-draft.en.txt → " + sample_dir +
                                "2023-08-draft-for-comments.en.txt\n"
                                "clauses: 10 modified, 1 renumbered, 1 moved, 5 removed, 1 merged, 81 unchanged\n"
                                "showing 0 of 18 changed clauses (--only added)\n");
    // The header's counts are the whole comparison's; the next line says how much follows.
    BOOST_TEST(moved.out.find("\nshowing 4 of 18 changed clauses (--only moved,renumbered)\n") != std::string::npos);
    BOOST_TEST(provisions.out.find("\nshowing the provision changes and 0 of 18 changed clauses (--only provisions)\n") !=
               std::string::npos);
    BOOST_TEST(run("diff " + en_pair).out.find("\nshowing ") == std::string::npos);
    const Result unknown = run("diff --only removed,deleted " + en_pair);
    BOOST_TEST(unknown.status == 2);
    BOOST_TEST(unknown.err == "redline: error: --only: unknown kind 'deleted' (choose from removed, added, modified, moved, "
                              "renumbered, split, merged, reorganised, provisions)\n");
    BOOST_TEST(unknown.out.empty());
    // The report and the page hold every clause (docs/json.md): --only is refused there.
    const Result json = run("diff --only removed --format json " + en_pair);
    BOOST_TEST(json.status == 2);
    BOOST_TEST(json.err == "redline: error: --only filters the text view and --stat: the JSON report and the redline page "
                           "always hold every clause (the page filters them itself)\n");
}

// -q: the status alone.
BOOST_AUTO_TEST_CASE(quiet_writes_nothing) {
    const Result changed = run("diff -q " + en_pair);
    BOOST_TEST(changed.status == 1);
    BOOST_TEST(changed.out.empty());
    BOOST_TEST(changed.err.empty());
    const Result same = run("diff --quiet " + sample_dir + "2023-05-draft.en.txt " + sample_dir + "2023-05-draft.en.txt");
    BOOST_TEST(same.status == 0);
    BOOST_TEST(same.out.empty());
    BOOST_TEST(run("diff -q --only added " + en_pair).status == 0);
    BOOST_TEST(run("diff -q --only provisions " + en_pair).status == 1);
    BOOST_TEST(run("diff -q " + sample_dir + "2023-05-draft.en.txt /nonexistent.txt").status == 2);
    const Result with_file = run("diff -q -o x.txt " + en_pair);
    BOOST_TEST(with_file.status == 2);
    BOOST_TEST(with_file.err.starts_with("redline: error: --output excludes --quiet\n"));
}

// The pager decision: only for a terminal, only when the view is longer than the screen, $PAGER
// or less -FRX, none for PAGER="" or cat or --no-pager.
BOOST_AUTO_TEST_CASE(pager_choice) {
    using redline::cli::choose_pager;
    redline::cli::PagerSituation s;
    s.to_terminal = true;
    s.rows = 3;
    s.columns = 10;
    const std::string four_lines = "a\nb\nc\nd\n";
    BOOST_TEST(choose_pager(four_lines, s) == "less -FRX");
    BOOST_TEST(choose_pager("a\nb\n", s) == "");
    BOOST_TEST(choose_pager("a\n0123456789abcdefghij\n", s) == "less -FRX");   // wraps to three rows
    BOOST_TEST(choose_pager("a\n安全安全安全\n", s) == "less -FRX");             // twelve columns wrap
    s.pager_env = "most";
    BOOST_TEST(choose_pager(four_lines, s) == "most");
    s.pager_env = "";
    BOOST_TEST(choose_pager(four_lines, s) == "");
    s.pager_env = "cat";
    BOOST_TEST(choose_pager(four_lines, s) == "");
    s.pager_env = nullptr;
    s.allowed = false;
    BOOST_TEST(choose_pager(four_lines, s) == "");
    s.allowed = true;
    s.to_terminal = false;
    BOOST_TEST(choose_pager(four_lines, s) == "");
    s.to_terminal = true;
    s.rows = s.columns = 0;   // size unknown: less -F decides
    BOOST_TEST(choose_pager("a\n", s) == "less -FRX");
}

namespace {

// Runs `script` on a pseudo-terminal of 10 rows and 80 columns (script(1), util-linux): what
// redline wrote there, and its exit status.
struct TerminalRun {
    std::string screen;
    int status = -1;
};

TerminalRun on_a_terminal(const TempDir& t, const std::string& environment, const std::string& args) {
    const fs::path status = t.path / "status", screen = t.path / "screen";
    const auto run = t.write("run.sh", "stty rows 10 cols 80\n" + environment + " " + REDLINE_BINARY + " " + args +
                                           " 2>" + (t.path / "err").string() + "\necho $? > " + status.string() + "\n");
    const std::string cmd = "script -qec 'sh " + run.string() + "' /dev/null > " + screen.string() + " 2>&1 < /dev/null";
    BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0);
    TerminalRun r;
    r.screen = slurp(screen);
    r.status = std::stoi(slurp(status));
    return r;
}

}  // namespace

// On a real terminal (a pty) a long view goes through $PAGER, with LESS=FRX set for it; the exit
// status stays diff's. A pager that quits at once ends the writing quietly; one that cannot run
// leaves a warning and the view written directly. Never with -o or --no-pager or a short view.
BOOST_AUTO_TEST_CASE(pager_on_a_terminal) {
    TempDir t;
    const fs::path recorded = t.path / "recorded";
    const auto pager = t.write("pager.sh", "echo \"LESS=$LESS\" > " + recorded.string() + "\ncat >> " + recorded.string() + "\n");
    const std::string env = "PAGER='sh " + pager.string() + "'";
    TerminalRun r = on_a_terminal(t, env, "diff --color never " + en_pair);
    BOOST_TEST(r.status == 1);
    const std::string direct = run("diff --color never " + en_pair).out;
    BOOST_TEST(slurp(recorded) == "LESS=FRX\n" + direct);
    BOOST_TEST(r.screen.empty());
    fs::remove(recorded);

    r = on_a_terminal(t, env, "diff --no-pager --color never " + en_pair);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(!fs::exists(recorded));
    BOOST_TEST(r.screen.find("C15  5.4 → 6.5.3 Log retention") != std::string::npos);
    r = on_a_terminal(t, env, "diff --color never -o " + (t.path / "view.txt").string() + " " + en_pair);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(!fs::exists(recorded));
    BOOST_TEST(slurp(t.path / "view.txt") == direct);
    // Eight lines fit on ten rows.
    r = on_a_terminal(t, env, "diff --stat --only removed " + en_pair);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(!fs::exists(recorded));
    BOOST_TEST(r.screen.find("clauses: 5 removed") != std::string::npos);

    r = on_a_terminal(t, "PAGER='head -c 10'", "diff --color never " + en_pair);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(slurp(t.path / "err") == "");
    r = on_a_terminal(t, "PAGER=/nonexistent/pager", "diff --color never " + en_pair);
    BOOST_TEST(r.status == 1);
    BOOST_TEST(slurp(t.path / "err").ends_with(
        "redline: warning: cannot run the pager '/nonexistent/pager' (set PAGER, or use --no-pager)\n"));
    BOOST_TEST(r.screen.find("C15  5.4 → 6.5.3 Log retention") != std::string::npos);
}
