#include "formats/common/output.hpp"

#include "engine/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace redline::formats {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    InputError e("", what + ": " + std::strerror(errno));
    e.set_file(path);
    throw e;
}

}  // namespace

void write_output(const std::string& path, std::string_view content) {
    if (path.empty() || path == "-") {
        if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() || std::fflush(stdout) != 0)
            fail("-", "cannot write standard output");
        return;
    }
    std::string tmp = path + ".XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) fail(path, "cannot create a temporary file beside the output");
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int saved = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            errno = saved;
            fail(path, "cannot write");
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; an output file should get the usual permissions.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::close(fd) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail(path, "cannot write");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(tmp.c_str());
        errno = saved;
        fail(path, "cannot rename the temporary file onto the output");
    }
}

}  // namespace redline::formats
