// Shared by the tests that run the built `redline` (test_cli, test_output_files): a run through
// the shell with its output and exit status, and a temporary directory.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace run_cli {

namespace fs = std::filesystem;

struct Result {
    int status = -1;
    std::string out, err;
};

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Where the runs' standard output and error are captured: removed when the test ends.
inline const fs::path& capture_dir() {
    struct Dir {
        fs::path path = fs::temp_directory_path() / ("redline-cli-test-" + std::to_string(::getpid()));
        Dir() { fs::create_directories(path); }
        ~Dir() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    };
    static const Dir dir;
    return dir.path;
}

// Runs redline with a shell command line tail; captures stdout, stderr and exit status.
inline Result redline(const std::string& args, const std::string& environment = "") {
    static int n = 0;
    const fs::path& dir = capture_dir();
    const fs::path out = dir / ("out" + std::to_string(n)), err = dir / ("err" + std::to_string(n));
    ++n;
    const std::string cmd = (environment.empty() ? "" : environment + " ") + std::string(REDLINE_BINARY) + " " + args +
                            " >" + out.string() + " 2>" + err.string();
    const int raw = std::system(cmd.c_str());
    Result r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("redline-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path / name, std::ios::binary) << bytes;
        return path / name;
    }
    static inline int counter = 0;
};

}  // namespace run_cli
