// Preloaded into redline by test_cli (LD_PRELOAD) to make the signal case deterministic: the
// first write(2) to redline's temporary output file (a name with ".redline-" in it) writes half
// its bytes and then stops the process (SIGSTOP). The test sees it stopped with a partial
// temporary file on disk, sends the signal under test and SIGCONT, and checks what is left.
// Nothing of this is in redline itself.
#include <dlfcn.h>
#include <signal.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>

namespace {

bool is_temporary_output(int fd) {
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char target[PATH_MAX];
    const ssize_t n = ::readlink(link, target, sizeof target - 1);
    if (n <= 0) return false;
    target[n] = '\0';
    return std::strstr(target, ".redline-") != nullptr;
}

}  // namespace

extern "C" ssize_t write(int fd, const void* data, size_t size) {
    using Write = ssize_t (*)(int, const void*, size_t);
    static const Write real = reinterpret_cast<Write>(dlsym(RTLD_NEXT, "write"));
    static bool stopped = false;
    if (stopped || size < 2 || !is_temporary_output(fd)) return real(fd, data, size);
    stopped = true;
    const ssize_t written = real(fd, data, size / 2);
    ::raise(SIGSTOP);
    return written;
}
