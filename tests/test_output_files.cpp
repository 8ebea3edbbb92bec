// What -o FILE does with what FILE stands for (docs/cli.md, "Output files"): devices and FIFOs
// written directly, symbolic links followed, permissions kept, hard links kept, inputs never
// overwritten, no temporary file left behind by a signal; and standard input given once.
#define BOOST_TEST_MODULE output_files
#include <boost/test/unit_test.hpp>

#include "tests/support/run_redline.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace run_cli;

namespace {

const std::string sample_dir = std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/";
const std::string old_draft = sample_dir + "2023-05-draft.en.txt";
const std::string new_draft = sample_dir + "2023-08-draft-for-comments.en.txt";
const std::string pair = old_draft + " " + new_draft;

// The report the sample pair gives on standard output: what every file case must hold.
const std::string& expected_report() {
    static const std::string report = redline("diff --format json " + pair).out;
    return report;
}

struct stat status_of(const fs::path& p) {
    struct stat st {};
    BOOST_REQUIRE(::lstat(p.c_str(), &st) == 0);
    return st;
}

mode_t mode_of(const fs::path& p) { return status_of(p).st_mode & 07777; }

// The names in a directory, sorted: a temporary file left behind shows here.
std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Starts redline as a child of this process (not through a shell) so that it can be watched
// stopping and signalled. `environment` entries are NAME=VALUE; `limit` runs in the child
// before exec. Standard output and error go to files in `dir`.
pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& environment, const fs::path& dir,
            const std::function<void()>& limit = {}) {
    std::vector<std::string> argv_strings{REDLINE_BINARY};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
    const pid_t pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid > 0) return pid;
    // The child: the dispositions and mask of a process started from a terminal, whatever the
    // test runner's.
    for (int s : {SIGHUP, SIGINT, SIGTERM, SIGXFSZ}) ::signal(s, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDOUT_FILENO);
    ::dup2(::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), STDERR_FILENO);
    for (const std::string& e : environment) ::putenv(const_cast<char*>(e.c_str()));
    if (limit) limit();
    ::execv(REDLINE_BINARY, argv.data());
    ::_exit(127);
}

// Preloaded, stops redline half-way through writing its temporary file (the library's source
// says how). ASan insists on coming first among the libraries; here it may not.
const std::vector<std::string> stop_in_temporary_write = {"LD_PRELOAD=" REDLINE_STOP_IN_TEMPORARY_WRITE,
                                                          "ASAN_OPTIONS=verify_asan_link_order=0"};

}  // namespace

// A character device for the test: as root, a node of its own in `dir` (so that a regression
// replaces that node, not the machine's /dev/null); otherwise, or where device nodes cannot be
// made or opened, /dev/NAME itself (which an unprivileged process could not replace anyway).
fs::path device(const TempDir& dir, const std::string& name, unsigned minor) {
    const fs::path node = dir.path / name;
    if (::geteuid() == 0 && ::mknod(node.c_str(), S_IFCHR | 0666, ::makedev(1, minor)) == 0) {
        if (const int fd = ::open(node.c_str(), O_WRONLY); fd >= 0) {
            ::close(fd);
            return node;
        }
        fs::remove(node);
    }
    return "/dev/" + name;
}

// A device is written, never replaced by a regular file (as root, the old rename did that to
// /dev/null); a device that refuses the bytes is an error naming it.
BOOST_AUTO_TEST_CASE(a_device_is_written_not_replaced) {
    TempDir t;
    const fs::path null = device(t, "null", 3), full = device(t, "full", 7);
    BOOST_TEST_MESSAGE("devices: " << null << " " << full);
    const Result r = redline("diff --format json " + pair + " -o " + null.string());
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err.empty());
    BOOST_TEST(S_ISCHR(status_of(null).st_mode));
    BOOST_TEST(slurp(null).empty());
    const Result f = redline("diff --format json " + pair + " -o " + full.string());
    BOOST_TEST(f.status == 2);
    BOOST_TEST(f.err == "redline: error: " + full.string() + ": cannot write: No space left on device\n");
    BOOST_TEST(S_ISCHR(status_of(full).st_mode));
    for (const fs::path& dir : {null.parent_path(), full.parent_path()})
        for (const std::string& name : names_in(dir)) BOOST_TEST(name.find(".redline-") == std::string::npos);
}

// A FIFO is opened and written: its reader gets the whole report, and it stays a FIFO.
BOOST_AUTO_TEST_CASE(a_fifo_is_written_not_replaced) {
    TempDir t;
    const fs::path fifo = t.path / "report.json";
    BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string received;
    std::thread reader([&] {
        const int fd = ::open(fifo.c_str(), O_RDONLY);
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0) received.append(buf, static_cast<std::size_t>(n));
        ::close(fd);
    });
    const Result r = redline("diff " + pair + " -o " + fifo.string());
    // Had redline failed before opening the FIFO, the reader would wait for ever: a writer that
    // opens and closes it ends the wait (and changes nothing when the reader is gone).
    if (const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) ::close(fd);
    reader.join();
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.empty());
    BOOST_TEST(received == expected_report());
    BOOST_TEST(S_ISFIFO(status_of(fifo).st_mode));
    BOOST_TEST(names_in(t.path) == std::vector<std::string>{"report.json"});
}

// A symbolic link (here a chain of two, relative, across directories) is followed: its target
// is replaced, keeping its mode, and the links stay links. A dangling link's target is created.
BOOST_AUTO_TEST_CASE(a_symbolic_link_is_followed) {
    TempDir t;
    fs::create_directories(t.path / "a");
    fs::create_directories(t.path / "b");
    const fs::path real = t.write("a/real.json", "old\n");
    fs::permissions(real, fs::perms(0640));
    fs::create_symlink("../a/real.json", t.path / "b" / "link.json");
    fs::create_symlink("b/link.json", t.path / "chain.json");
    const Result r = redline("diff " + pair + " -o " + (t.path / "chain.json").string());
    BOOST_TEST(r.status == 1);
    BOOST_TEST(r.err.empty());
    BOOST_TEST(slurp(real) == expected_report());
    BOOST_TEST(mode_of(real) == 0640u);
    BOOST_TEST(fs::read_symlink(t.path / "chain.json") == "b/link.json");
    BOOST_TEST(fs::read_symlink(t.path / "b" / "link.json") == "../a/real.json");
    BOOST_TEST(names_in(t.path / "a") == std::vector<std::string>{"real.json"});
    BOOST_TEST(names_in(t.path / "b") == std::vector<std::string>{"link.json"});

    fs::create_symlink("a/new.json", t.path / "dangling.json");
    BOOST_TEST(redline("diff " + pair + " -o " + (t.path / "dangling.json").string()).status == 1);
    BOOST_TEST(fs::is_symlink(t.path / "dangling.json"));
    BOOST_TEST(slurp(t.path / "a" / "new.json") == expected_report());

    fs::create_symlink("loop.json", t.path / "loop.json");
    const Result loop = redline("diff " + pair + " -o " + (t.path / "loop.json").string());
    BOOST_TEST(loop.status == 2);
    BOOST_TEST(loop.err == "redline: error: " + (t.path / "loop.json").string() +
                               ": cannot follow the symbolic link: Too many levels of symbolic links\n");
}

// An existing file keeps its mode (and, where the process may set it, its owner); a new file
// gets 0666 less the umask; a read-only file is refused unless the process may write anyway.
BOOST_AUTO_TEST_CASE(permissions_are_kept) {
    TempDir t;
    const fs::path secret = t.write("secret.json", "old\n");
    fs::permissions(secret, fs::perms(0600));
    BOOST_TEST(redline("diff " + pair + " -o " + secret.string()).status == 1);
    BOOST_TEST(slurp(secret) == expected_report());
    BOOST_TEST(mode_of(secret) == 0600u);

    const mode_t mask = ::umask(027);
    const fs::path fresh = t.path / "fresh.json";
    BOOST_TEST(redline("diff " + pair + " -o " + fresh.string()).status == 1);
    ::umask(mask);
    BOOST_TEST(mode_of(fresh) == 0640u);

    const fs::path read_only = t.write("read-only.json", "old\n");
    fs::permissions(read_only, fs::perms(0444));
    const Result r = redline("diff " + pair + " -o " + read_only.string());
    if (::geteuid() == 0) {
        // root may write any file, as with a shell redirection; the mode is still kept.
        BOOST_TEST(r.status == 1);
        BOOST_TEST(slurp(read_only) == expected_report());
    } else {
        BOOST_TEST(r.status == 2);
        BOOST_TEST(r.err == "redline: error: " + read_only.string() + ": cannot write: Permission denied\n");
        BOOST_TEST(slurp(read_only) == "old\n");
    }
    BOOST_TEST(mode_of(read_only) == 0444u);

    if (::geteuid() == 0) {
        const fs::path owned = t.write("owned.json", "old\n");
        BOOST_REQUIRE(::chown(owned.c_str(), 4321, 4322) == 0);
        fs::permissions(owned, fs::perms(0660));
        BOOST_TEST(redline("diff " + pair + " -o " + owned.string()).status == 1);
        BOOST_TEST(slurp(owned) == expected_report());
        BOOST_TEST(status_of(owned).st_uid == 4321u);
        BOOST_TEST(status_of(owned).st_gid == 4322u);
        BOOST_TEST(mode_of(owned) == 0660u);
    }
    BOOST_TEST(names_in(t.path).size() == (::geteuid() == 0 ? 4u : 3u));
}

// A file with two names is rewritten in place: both names see the new report, it keeps its
// inode and its mode. (Replacing it would part the names silently.)
BOOST_AUTO_TEST_CASE(a_hard_link_is_kept) {
    TempDir t;
    const fs::path first = t.write("first.json", std::string(100000, 'x'));  // longer than the report: truncated
    fs::permissions(first, fs::perms(0600));
    const fs::path second = t.path / "second.json";
    fs::create_hard_link(first, second);
    const ino_t inode = status_of(first).st_ino;
    BOOST_TEST(redline("diff " + pair + " -o " + first.string()).status == 1);
    BOOST_TEST(slurp(first) == expected_report());
    BOOST_TEST(slurp(second) == expected_report());
    BOOST_TEST(status_of(first).st_ino == inode);
    BOOST_TEST(status_of(first).st_nlink == 2u);
    BOOST_TEST(mode_of(second) == 0600u);
    BOOST_TEST(names_in(t.path) == (std::vector<std::string>{"first.json", "second.json"}));
}

// A directory or a socket cannot be written: an error naming it.
BOOST_AUTO_TEST_CASE(a_directory_or_socket_is_an_error) {
    TempDir t;
    const Result dir = redline("diff " + pair + " -o " + t.path.string());
    BOOST_TEST(dir.status == 2);
    BOOST_TEST(dir.err == "redline: error: " + t.path.string() + ": is a directory\n");
    BOOST_TEST(fs::is_empty(t.path));

    const fs::path socket_path = t.path / "s.json";
    const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
    BOOST_REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    const Result sock = redline("diff " + pair + " -o " + socket_path.string());
    ::close(s);
    BOOST_TEST(sock.status == 2);
    BOOST_TEST(sock.err == "redline: error: " + socket_path.string() +
                               ": is a socket: write to standard output and send that on\n");
    BOOST_TEST(fs::is_socket(socket_path));
}

// -o naming an input — by its name, through a symbolic link or a hard link, or as the file
// standard input is read from — is refused before anything is read or written.
BOOST_AUTO_TEST_CASE(an_input_is_never_overwritten) {
    TempDir t;
    const std::string draft = slurp(new_draft);
    const fs::path old_file = t.write("old.txt", slurp(old_draft));
    const fs::path new_file = t.write("new.txt", draft);
    const std::string inputs = old_file.string() + " " + new_file.string();

    Result r = redline("diff " + inputs + " -o " + new_file.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err == "redline: error: -o " + new_file.string() + " is the same file as NEW " + new_file.string() +
                            ": an input is never overwritten\n");

    const fs::path link = t.path / "link.txt";
    fs::create_symlink("old.txt", link);
    r = redline("diff " + inputs + " -o " + link.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: -o " + link.string() + " is the same file as OLD " + old_file.string() +
                            ": an input is never overwritten\n");

    const fs::path other_name = t.path / "other-name.txt";
    fs::create_hard_link(new_file, other_name);
    r = redline("diff " + inputs + " -o " + other_name.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: -o " + other_name.string() + " is the same file as NEW " +
                            new_file.string() + ": an input is never overwritten\n");

    r = redline("parse - -o " + new_file.string() + " < " + new_file.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: -o " + new_file.string() +
                            " is the same file as standard input (FILE -): an input is never overwritten\n");

    const fs::path watch = t.write("watch.md", "encryption\n");
    r = redline("brief " + inputs + " --watch " + watch.string() + " -o " + watch.string());
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: -o " + watch.string() + " is the same file as --watch " + watch.string() +
                            ": an input is never overwritten\n");

    BOOST_TEST(slurp(new_file) == draft);
    BOOST_TEST(slurp(watch) == "encryption\n");
    BOOST_TEST(names_in(t.path) ==
               (std::vector<std::string>{"link.txt", "new.txt", "old.txt", "other-name.txt", "watch.md"}));
}

// Standard input can be read once: two inputs given as "-" would split it between two readers
// in no set order (three runs, three different reports).
BOOST_AUTO_TEST_CASE(standard_input_is_given_once) {
    Result r = redline("diff - - < " + new_draft);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err == "redline: error: both inputs are standard input: give - for OLD or for NEW, not both\n");
    r = redline("brief - - < " + new_draft);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: both inputs are standard input: give - for OLD or for NEW, not both\n");
    r = redline("brief - " + new_draft + " --watch - < " + new_draft);
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err == "redline: error: OLD and --watch are both standard input: give - for one of them only\n");
    r = redline("diff --format json - " + new_draft + " < " + old_draft);
    BOOST_TEST(r.status == 1);
}

// The extension picks the writer in any case: x.DOCX is a Word document (a zip), x.Md Markdown.
BOOST_AUTO_TEST_CASE(extension_case_does_not_matter) {
    TempDir t;
    const fs::path docx = t.path / "brief.DOCX";
    BOOST_TEST(redline("brief " + pair + " -o " + docx.string()).status == 0);
    BOOST_TEST(slurp(docx).substr(0, 4) == std::string("PK\x03\x04"));
    const fs::path md = t.path / "brief.Md";
    BOOST_TEST(redline("brief " + pair + " -o " + md.string()).status == 0);
    BOOST_TEST(slurp(md).starts_with("# Brief: "));
}

// SIGTERM or SIGINT while the temporary file is being written (redline stopped there by the
// preloaded library, so no timing is involved) removes it; the process dies of that signal and
// the old file is untouched. So for a file that did not exist: nothing is left.
BOOST_AUTO_TEST_CASE(a_signal_leaves_no_temporary_file) {
    for (const int signal : {SIGTERM, SIGINT}) {
        for (const bool existing : {true, false}) {
            TempDir t;
            const fs::path work = t.path / "work";
            fs::create_directories(work);
            const fs::path out = t.path / "out.json";
            if (existing) t.write("out.json", "old\n");
            const pid_t pid = spawn({"diff", "--format", "json", old_draft, new_draft, "-o", out.string()},
                                    stop_in_temporary_write, work);
            int status = 0;
            BOOST_REQUIRE(::waitpid(pid, &status, WUNTRACED) == pid);
            BOOST_REQUIRE_MESSAGE(WIFSTOPPED(status), "redline did not stop in its temporary file");
            // Stopped half-way: the temporary file exists beside the target and is partial.
            const std::vector<std::string> names = names_in(t.path);
            BOOST_REQUIRE(names.size() == (existing ? 3u : 2u));
            const std::string temporary = names[existing ? 1 : 0];
            BOOST_TEST(temporary.starts_with("out.json.redline-"));
            BOOST_TEST(fs::file_size(t.path / temporary) == expected_report().size() / 2);
            ::kill(pid, signal);
            ::kill(pid, SIGCONT);
            BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
            BOOST_TEST(WIFSIGNALED(status));
            BOOST_TEST(WTERMSIG(status) == signal);
            BOOST_TEST(names_in(t.path) ==
                       (existing ? std::vector<std::string>{"out.json", "work"} : std::vector<std::string>{"work"}));
            if (existing) BOOST_TEST(slurp(out) == "old\n");
        }
    }
}

// The file size limit (SIGXFSZ) ends a run the same way, with nothing left behind.
BOOST_AUTO_TEST_CASE(the_file_size_limit_leaves_no_temporary_file) {
    TempDir t;
    const fs::path work = t.path / "work";
    fs::create_directories(work);
    const fs::path out = t.path / "out.json";
    const pid_t pid = spawn({"diff", "--format", "json", old_draft, new_draft, "-o", out.string()}, {}, work, [] {
        const rlimit size{1000, 1000}, no_core{0, 0};
        ::setrlimit(RLIMIT_FSIZE, &size);
        ::setrlimit(RLIMIT_CORE, &no_core);
    });
    int status = 0;
    BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
    BOOST_TEST(WIFSIGNALED(status));
    BOOST_TEST(WTERMSIG(status) == SIGXFSZ);
    BOOST_TEST(names_in(t.path) == std::vector<std::string>{"work"});
}

// A signal the process was started ignoring (nohup, a script's background job) stays ignored:
// the run completes and writes its output.
BOOST_AUTO_TEST_CASE(an_ignored_signal_stays_ignored) {
    TempDir t;
    const fs::path work = t.path / "work";
    fs::create_directories(work);
    const fs::path out = t.path / "out.json";
    const pid_t pid = spawn({"diff", "--format", "json", old_draft, new_draft, "-o", out.string()},
                            stop_in_temporary_write, work, [] { ::signal(SIGTERM, SIG_IGN); });
    int status = 0;
    BOOST_REQUIRE(::waitpid(pid, &status, WUNTRACED) == pid);
    BOOST_REQUIRE_MESSAGE(WIFSTOPPED(status), "redline did not stop in its temporary file");
    ::kill(pid, SIGTERM);
    ::kill(pid, SIGCONT);
    BOOST_REQUIRE(::waitpid(pid, &status, 0) == pid);
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 1);
    BOOST_TEST(slurp(out) == expected_report());
    BOOST_TEST(names_in(t.path) == (std::vector<std::string>{"out.json", "work"}));
}
