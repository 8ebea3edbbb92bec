#define BOOST_TEST_MODULE docx_doc
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

// Word 97-2003 files are converted by LibreOffice (formats/docx/convert): with it, the .doc
// made from the same FODT as gbt-numbering.docx gives the same tree; without it, an error
// that says what to install. Separate from test_docx_reader because a conversion takes
// LibreOffice's start-up time.

namespace fs = std::filesystem;

namespace {

struct Result {
    int status = -1;
    std::string out, err;
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Result redline(const std::string& args, const std::string& environment = "") {
    const fs::path dir = fs::temp_directory_path() / ("redline-doc-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string cmd = (environment.empty() ? "" : environment + " ") + std::string(REDLINE_BINARY) + " " + args +
                            " >" + (dir / "out").string() + " 2>" + (dir / "err").string();
    const int raw = std::system(cmd.c_str());
    Result r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(dir / "out");
    r.err = slurp(dir / "err");
    fs::remove_all(dir);
    return r;
}

const std::string corpus = std::string(REDLINE_SOURCE_DIR) + "/tests/corpus/docx/";

bool soffice_installed() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

}  // namespace

BOOST_AUTO_TEST_CASE(without_libreoffice_the_error_says_what_to_install) {
    const Result r = redline("parse " + corpus + "gbt-numbering.doc", "PATH=/nonexistent");
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err == "redline: error: " + corpus +
                            "gbt-numbering.doc: a Word 97-2003 (.doc) file: reading it needs LibreOffice (Debian package "
                            "libreoffice-writer-nogui), or save it as .docx\n");
}

BOOST_AUTO_TEST_CASE(with_libreoffice_a_doc_reads_like_its_docx) {
    if (!soffice_installed()) {
        BOOST_TEST_MESSAGE("soffice is not installed (scripts/test.sh installs libreoffice-writer-nogui)");
        BOOST_TEST(!soffice_installed());
        return;
    }
    const Result doc = redline("parse " + corpus + "gbt-numbering.doc");
    const Result docx = redline("parse " + corpus + "gbt-numbering.docx");
    BOOST_TEST(doc.status == 0);
    BOOST_TEST(doc.err == "");
    // The same clauses, labels and titles (the first line names the file), but for one list:
    // LibreOffice's .doc keeps one list per list style, so the second a）-list continues the
    // first (c）, d）) where the .docx restarts it — as Word shows each file.
    std::string expected = docx.out.substr(docx.out.find('\n'));
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"a） \"普通用户", "c） \"普通用户"},
                                   {"b） \"审计员", "d） \"审计员"}}) {
        const std::size_t at = expected.find(from);
        BOOST_REQUIRE(at != std::string::npos);
        expected.replace(at, from.size(), to);
    }
    BOOST_TEST(doc.out.substr(doc.out.find('\n')) == expected);
}
