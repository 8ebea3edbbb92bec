#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>

#include "tests/support/run_redline.hpp"
#include "tests/support/spoofed_drafts.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace fs = std::filesystem;
using namespace run_cli;

namespace {

const std::string sample_dir = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";

}  // namespace

BOOST_AUTO_TEST_CASE(missing_file_is_trouble_with_the_file_named) {
    const Result r = redline("parse /nonexistent/draft.txt");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: /nonexistent/draft.txt: cannot open: No such file or directory\n");
    BOOST_TEST(r.out.empty());
}

// A file name is text from outside too: an escape sequence in it is shown in the error, never
// sent to the terminal (here "clear the screen").
BOOST_AUTO_TEST_CASE(an_escape_sequence_in_a_file_name_is_shown_in_the_error) {
    const Result r = redline("parse \"/nonexistent/$(printf 'a\\033[2Jb').txt\"");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: /nonexistent/a\u241B[2Jb.txt: cannot open: No such file or directory\n");
}

BOOST_AUTO_TEST_CASE(empty_file_is_an_error) {
    TempDir t;
    const auto f = t.write("empty.txt", "  \n\n");
    const Result r = redline("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": empty document (no text)\n");
}

BOOST_AUTO_TEST_CASE(undecodable_bytes_name_their_offset) {
    TempDir t;
    const auto f = t.write("bad.txt", std::string("1 Scope\nabc \xff\xfe\xff tail\n"));
    const Result r = redline("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": byte 12: invalid UTF-8 (not GB18030 either)\n");
}

BOOST_AUTO_TEST_CASE(binary_file_is_rejected) {
    TempDir t;
    const auto f = t.write("bin.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10));
    const Result r = redline("parse " + f.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + f.string() + ": byte 7: binary file (NUL byte)\n");
}

BOOST_AUTO_TEST_CASE(failed_run_leaves_no_output_file) {
    TempDir t;
    const auto bad = t.write("bad.txt", std::string("\xff\xff\xff"));
    const fs::path out = t.path / "out.json";
    const Result r = redline("parse " + bad.string() + " --format json -o " + out.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(!fs::exists(out));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(t.path)) files += e.path().filename() != "bad.txt";
    BOOST_TEST(files == 0u);  // no temporary file left behind either
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
    const Result r = redline("parse");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("redline: error: FILE is required") == 0u);
    const Result bad_format = redline("parse x.txt --format yaml");
    BOOST_TEST(bad_format.status == 2);
    const Result no_command = redline("");
    BOOST_TEST(no_command.status == 2);
}

BOOST_AUTO_TEST_CASE(standard_input_and_output_file) {
    TempDir t;
    const auto f = t.write("d.txt", "1 Scope\n\nThis document specifies requirements.\n\n2 Terms\n\nNone.\n");
    const Result piped = redline("parse - < " + f.string());
    BOOST_TEST(piped.status == 0);
    BOOST_TEST(piped.err.empty());
    const fs::path out = t.path / "outline.txt";
    const Result to_file = redline("parse " + f.string() + " -o " + out.string());
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
    const Result a = redline("parse " + file + " --format json");
    const Result b = redline("parse " + file + " --format json");
    BOOST_TEST(a.status == 0);
    BOOST_TEST(a.out == b.out);
    BOOST_TEST(a.out.find("\"schema\": \"redline.document/1\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(diff_exit_status_follows_diff) {
    const std::string old_file = sample_dir + "2023-05-draft.zh.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.zh.txt";
    const Result same = redline("diff " + old_file + " " + old_file);
    BOOST_TEST(same.status == 0);
    const Result changed = redline("diff " + old_file + " " + new_file + " --format json");
    BOOST_TEST(changed.status == 1);
    BOOST_TEST(changed.out.find("\"schema\": \"redline.report/2\"") != std::string::npos);
    const Result again = redline("diff " + old_file + " " + new_file + " --format json");
    BOOST_TEST(again.out == changed.out);
    const Result trouble = redline("diff " + old_file + " /nonexistent.txt");
    BOOST_TEST(trouble.status == 2);
}

BOOST_AUTO_TEST_CASE(color_only_when_asked_or_on_a_terminal) {
    const std::string old_file = sample_dir + "2023-05-draft.en.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.en.txt";
    const Result plain = redline("diff " + old_file + " " + new_file);
    BOOST_TEST(plain.out.find("\x1b[") == std::string::npos);
    BOOST_TEST(plain.out.find("[-") != std::string::npos);
    const Result colored = redline("diff --color always " + old_file + " " + new_file);
    BOOST_TEST(colored.out.find("\x1b[31;9m") != std::string::npos);
    const Result no_color = redline("diff --color auto " + old_file + " " + new_file);
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
    const Result automatic = redline("diff --format json " + a.string() + " " + b.string());
    BOOST_TEST(first_provision(automatic) == "strengthened constraint/MUST -> recommendation/SHOULD iso");
    const Result rfc = redline("diff --format json --profile rfc2119 " + a.string() + " " + b.string());
    BOOST_TEST(rfc.status == 1);
    BOOST_TEST(first_provision(rfc) == "weakened requirement/MUST -> recommendation/SHOULD rfc2119");
    const Result bad = redline("diff --profile ietf " + a.string() + " " + b.string());
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.err.find("--profile") != std::string::npos);
}

// The drafts are read on two threads; the error reported must not depend on which finishes
// first: the old draft's, as when reading in turn.
BOOST_AUTO_TEST_CASE(diff_reports_the_old_drafts_error_first) {
    TempDir dir;
    const auto empty = dir.write("empty.txt", "");
    for (int i = 0; i < 5; ++i) {
        const Result both = redline("diff /nonexistent/old.txt " + empty.string());
        BOOST_TEST(both.status == 2);
        BOOST_TEST(both.err == "redline: error: /nonexistent/old.txt: cannot open: No such file or directory\n");
    }
    const Result only_new = redline("diff " + sample_dir + "2023-05-draft.en.txt /nonexistent/new.txt");
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
    const Result first = redline("diff --format html -o " + a.string() + " " + old_file + " " + new_file);
    BOOST_TEST(first.status == 1);
    BOOST_TEST(first.out.empty());
    const std::string page = slurp(a);
    BOOST_TEST(page.rfind("<!DOCTYPE html>\n<html lang=\"zh\">", 0) == 0);
    BOOST_TEST(page.find("<p class=\"compared\">2026-11-30 由 redline 比较。</p>") != std::string::npos);
    BOOST_TEST(redline("diff --format html -o " + b.string() + " " + old_file + " " + new_file).status == 1);
    BOOST_TEST(slurp(b) == page);
    const auto c = dir.path / "c.html";
    BOOST_TEST(redline("diff --format html -o " + c.string() + " " + old_file + " /nonexistent.txt").status == 2);
    BOOST_TEST(!fs::exists(c));
    ::unsetenv("SOURCE_DATE_EPOCH");
}

// redline brief: the format follows -o; --watch names its file when it cannot be read.
BOOST_AUTO_TEST_CASE(brief_command) {
    TempDir dir;
    const std::string old_file = sample_dir + "2023-05-draft.zh.txt";
    const std::string new_file = sample_dir + "2023-08-draft-for-comments.zh.txt";
    const Result md = redline("brief " + old_file + " " + new_file);
    BOOST_TEST(md.status == 1);
    BOOST_TEST(md.out.find("### 1. Requirement citing GB/T 29829—2022 removed from 6.1.3 固件安全") != std::string::npos);
    const auto docx = dir.path / "brief.docx";
    BOOST_TEST(redline("brief -o " + docx.string() + " " + old_file + " " + new_file).status == 1);
    BOOST_TEST(slurp(docx).substr(0, 2) == "PK");
    const auto html = dir.path / "brief.html";
    BOOST_TEST(redline("brief -o " + html.string() + " " + old_file + " " + new_file).status == 1);
    BOOST_TEST(slurp(html).rfind("<!DOCTYPE html>", 0) == 0);
    const Result zh = redline("brief --brief-lang zh --format gbt-changes " + old_file + " " + new_file);
    BOOST_TEST(zh.out.rfind("与讨论稿相比，除结构调整和编辑性改动外，主要技术变化如下：\n", 0) == 0);
    const auto watch = dir.write("watch.txt", "激光扫描单元\n");
    const Result watched = redline("brief --watch " + watch.string() + " " + old_file + " " + new_file);
    BOOST_TEST(watched.out.find("### 1. Requirement removed from 6.2.4 (now 6.2.3) 供应链安全") != std::string::npos);
    // The same term saved in GB18030 (激光 = BC A4 B9 E2 …): decoded like a draft.
    const auto gbk = dir.write("watch-gbk.txt", "\xBC\xA4\xB9\xE2\xC9\xA8\xC3\xE8\xB5\xA5\xD4\xAA\n");
    const Result watched_gbk = redline("brief --watch " + gbk.string() + " " + old_file + " " + new_file);
    BOOST_TEST(watched_gbk.out.find("### 1. Requirement removed from 6.2.4 (now 6.2.3) 供应链安全") != std::string::npos);
    const Result missing = redline("brief --watch /nonexistent/watch.txt " + old_file + " " + new_file);
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
    const Result r = redline("brief -o " + docx.string() + " " + old_file + " " + new_file, stand_in);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: cannot write DOCX: " REDLINE_LIBZIP_SONAME " lacks zip_error_init\n");
    BOOST_TEST(!fs::exists(docx));
    BOOST_TEST(fs::is_empty(dir.path));
    const Result md = redline("brief " + old_file + " " + new_file, stand_in);
    BOOST_TEST(md.status == 1);
    BOOST_TEST(md.out.rfind("# Brief: ", 0) == 0);
}

// -o FILE picks the writer by its extension, whatever its case; an extension the command
// cannot write, or one that contradicts --format, is an error that leaves no file behind.
BOOST_AUTO_TEST_CASE(output_extension_picks_the_format) {
    TempDir t;
    const std::string pair = sample_dir + "2023-05-draft.zh.txt " + sample_dir + "2023-08-draft-for-comments.zh.txt";
    const fs::path json = t.path / "report.JSON";
    BOOST_TEST(redline("diff " + pair + " -o " + json.string()).status == 1);
    BOOST_TEST(slurp(json).starts_with("{\n \"schema\": \"redline.report/2\""));
    const fs::path page = t.path / "page.htm";
    BOOST_TEST(redline("diff " + pair + " -o " + page.string()).status == 1);
    BOOST_TEST(slurp(page).starts_with("<!DOCTYPE html>"));
    const fs::path tree = t.path / "tree.json";
    BOOST_TEST(redline("parse " + sample_dir + "2023-05-draft.zh.txt -o " + tree.string()).status == 0);
    BOOST_TEST(slurp(tree).find("\"schema\": \"redline.document/1\"") != std::string::npos);

    const fs::path docx = t.path / "report.DOCX";
    Result r = redline("diff " + pair + " -o " + docx.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + docx.string() +
                            ": diff cannot write .docx files (it writes .txt, .json, .html, .htm); choose one with --format\n");
    BOOST_TEST(!fs::exists(docx));
    const fs::path clash = t.path / "report.html";
    r = redline("diff " + pair + " --format json -o " + clash.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: " + clash.string() +
                            ": --format json would write redline.report/2 into a .html file; name the file *.json or drop "
                            "--format\n");
    BOOST_TEST(!fs::exists(clash));
    // An extension no writer claims is fine once --format says what to write.
    const fs::path changes = t.path / "changes.txt";
    BOOST_TEST(redline("brief " + pair + " --format gbt-changes -o " + changes.string()).status == 1);
    BOOST_TEST(slurp(changes).starts_with("与"));
    r = redline("brief " + pair + " -o " + (t.path / "brief.txt").string());
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
    const Result diff = redline("diff " + o.string() + " " + n.string());
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
    const Result colour = redline("diff --color always " + o.string() + " " + n.string());
    BOOST_TEST(!raw(colour.out));
    for (std::size_t i = colour.out.find('\x1b'); i != std::string::npos; i = colour.out.find('\x1b', i + 1)) {
        const std::string seq = colour.out.substr(i, colour.out.find('m', i) + 1 - i);
        BOOST_TEST((seq == "\x1b[1m" || seq == "\x1b[2m" || seq == "\x1b[0m" || seq == "\x1b[31;9m" || seq == "\x1b[32;4m"), seq);
    }
    BOOST_TEST(colour.out.find("\x1b[32;4m" + spoofed::shown + "\x1b[0m") != std::string::npos);

    const Result parse = redline("parse " + n.string());
    BOOST_TEST(parse.status == 0);
    BOOST_TEST(!raw(parse.out));
    BOOST_TEST(parse.out.find('\x1b') == std::string::npos);
    BOOST_TEST(parse.out.find("    11  clause         2.2 Logging␛]0;pwned␇  [1 req]\n") != std::string::npos);
    BOOST_TEST(parse.out.find("# warning: line 9: " + spoofed::warning_2_1 + "\n# warning: line 11: " + spoofed::warning_2_2 + "\n") !=
               std::string::npos);

    const Result brief = redline("brief --format md " + o.string() + " " + n.string());
    BOOST_TEST(brief.status == 1);
    BOOST_TEST(!raw(brief.out));
    BOOST_TEST(brief.out.find('\x1b') == std::string::npos);
    BOOST_TEST(brief.out.find("### 1. Requirement reworded in 2.1 Storage\n\n*Provisions reworded · C1 · 2.1 Storage*\n\n"
                              "> The device shall ~~encrypt~~ **⟨RLO⟩tpyrcne ton⟨PDF⟩** stored data.\n") != std::string::npos);
    BOOST_TEST(brief.out.find("- New draft (" + n.string() + "), line 9: " + spoofed::warning_2_1 + "\n") != std::string::npos);

    // JSON keeps the text as written, with the invisible characters escaped.
    const Result json = redline("diff --format json " + o.string() + " " + n.string());
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
