#include "formats/docx/convert.hpp"

#include "engine/error.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

extern char** environ;

namespace redline::formats::docx {

namespace {

namespace fs = std::filesystem;

const char* const not_installed =
    "a Word 97-2003 (.doc) file: reading it needs LibreOffice (Debian package libreoffice-writer-nogui), "
    "or save it as .docx";

// A folder of our own under the temporary directory, removed with everything in it.
struct PrivateDir {
    fs::path path;
    PrivateDir() {
        std::string pattern = (fs::temp_directory_path() / "redline-doc-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw InputError("", "cannot create a temporary folder to convert the .doc");
        path = pattern;
    }
    ~PrivateDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

}  // namespace

std::string convert_doc(std::string_view doc) {
    PrivateDir dir;
    const fs::path input = dir.path / "draft.doc";
    {
        std::ofstream out(input, std::ios::binary);
        out.write(doc.data(), static_cast<std::streamsize>(doc.size()));
        if (!out) throw InputError("", "cannot write a temporary copy of the .doc to convert it");
    }
    const std::string profile = "-env:UserInstallation=file://" + (dir.path / "profile").string();
    const std::string outdir = dir.path.string();
    const std::string in = input.string();
    std::vector<const char*> argv = {"soffice", profile.c_str(), "--headless", "--norestore", "--convert-to", "docx",
                                     "--outdir", outdir.c_str(), in.c_str(), nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);   // its own group: killed whole on timeout
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    const int spawned =
        ::posix_spawnp(&pid, "soffice", &actions, &attributes, const_cast<char* const*>(argv.data()), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) throw InputError("", not_installed);

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(conversion_seconds);
    int status = 0;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) throw InputError("", "lost track of LibreOffice converting the .doc");
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            throw InputError("", "a Word 97-2003 (.doc) file: LibreOffice did not convert it within " +
                                     std::to_string(conversion_seconds) + " s (stopped)");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) throw InputError("", not_installed);
    std::ifstream converted(dir.path / "draft.docx", std::ios::binary);
    if (!converted)
        throw InputError("", "a Word 97-2003 (.doc) file that LibreOffice could not convert (exit status " +
                                 std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
    return std::string(std::istreambuf_iterator<char>(converted), std::istreambuf_iterator<char>());
}

}  // namespace redline::formats::docx
