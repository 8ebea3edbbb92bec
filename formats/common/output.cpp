#include "formats/common/output.hpp"

#include "engine/error.hpp"
#include "formats/common/output_sink.hpp"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace redline::formats {

namespace {

// The reason is errno's.
[[noreturn]] void fail(const std::string& path, const std::string& what) {
    InputError e("", what + ": " + std::strerror(errno));
    e.set_file(path);
    throw e;
}

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
    InputError e("", why);
    e.set_file(path);
    throw e;
}

bool write_all(int fd, std::string_view content) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Hands each chunk to a file descriptor; a failed write is an InputError naming the output.
class FdSink final : public OutputSink {
public:
    FdSink(int fd, const std::string& path) : fd_(fd), path_(path) {}

private:
    void take(std::string_view bytes) override {
        if (!write_all(fd_, bytes)) fail(path_, "cannot write");
    }
    int fd_;
    const std::string& path_;
};

class StdoutSink final : public OutputSink {
    void take(std::string_view bytes) override {
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) fail("-", "cannot write standard output");
    }
};

// ---- The temporary file and the signals that would leave it behind.

// The signals that end a run from outside (hang-up, ^C, kill, the file size limit): they must
// not leave a partial temporary file. SIGQUIT is left alone: it asks for a core dump as things
// stand.
constexpr std::array cleanup_signals = {SIGHUP, SIGINT, SIGTERM, SIGXFSZ};

// The temporary file's path while it exists, for the signal handler.
std::atomic<const char*> pending_temporary{nullptr};
static_assert(std::atomic<const char*>::is_always_lock_free, "read in a signal handler");

// Async-signal-safe: unlink, sigaction and raise only. The signal is blocked while its handler
// runs, so the raised one is delivered, with the default action, when the handler returns: the
// process ends as it would have without the handler, by the same signal.
extern "C" void remove_temporary_and_die(int signal) {
    if (const char* path = pending_temporary.load()) ::unlink(path);
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    ::sigaction(signal, &default_action, nullptr);
    ::raise(signal);
}

// Holds the cleanup signals off this thread for a scope: the temporary file is created and
// published, or renamed and forgotten, as one step.
class SignalsHeld {
public:
    SignalsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (int s : cleanup_signals) sigaddset(&set, s);
        pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;

private:
    sigset_t old_;
};

// The handler, installed for a scope. A signal the process ignores (nohup's SIGHUP, SIGINT in a
// background job of a script) stays ignored.
class CleanupHandlers {
public:
    CleanupHandlers() {
        struct sigaction action {};
        action.sa_handler = remove_temporary_and_die;
        sigemptyset(&action.sa_mask);
        for (int s : cleanup_signals) sigaddset(&action.sa_mask, s);
        action.sa_flags = SA_RESTART;
        for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
            if (::sigaction(cleanup_signals[i], nullptr, &old_[i]) != 0) continue;
            if (!(old_[i].sa_flags & SA_SIGINFO) && old_[i].sa_handler == SIG_IGN) continue;
            installed_[i] = ::sigaction(cleanup_signals[i], &action, nullptr) == 0;
        }
    }
    ~CleanupHandlers() {
        for (std::size_t i = 0; i < cleanup_signals.size(); ++i)
            if (installed_[i]) ::sigaction(cleanup_signals[i], &old_[i], nullptr);
    }
    CleanupHandlers(const CleanupHandlers&) = delete;
    CleanupHandlers& operator=(const CleanupHandlers&) = delete;

private:
    std::array<struct sigaction, cleanup_signals.size()> old_{};
    std::array<bool, cleanup_signals.size()> installed_{};
};

// A temporary file beside `target` (so that the rename stays on one file system), removed
// unless it was renamed onto the target.
class Temporary {
public:
    explicit Temporary(const std::string& target) : path_(target + ".redline-XXXXXX") {
        SignalsHeld held;
        fd_ = ::mkostemp(path_.data(), O_CLOEXEC);
        if (fd_ >= 0) pending_temporary.store(path_.c_str());
        exists_ = fd_ >= 0;
    }
    ~Temporary() {
        if (fd_ >= 0) ::close(fd_);
        if (!exists_) return;
        SignalsHeld held;
        ::unlink(path_.c_str());
        pending_temporary.store(nullptr);
    }
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;

    bool created() const { return exists_; }
    int fd() const { return fd_; }
    // False with errno set when the last write could not be flushed.
    bool close() {
        const int r = ::close(fd_);
        fd_ = -1;
        return r == 0;
    }
    bool rename_onto(const std::string& target) {
        SignalsHeld held;
        if (std::rename(path_.c_str(), target.c_str()) != 0) return false;
        exists_ = false;
        pending_temporary.store(nullptr);
        return true;
    }

private:
    std::string path_;
    int fd_ = -1;
    bool exists_ = false;
};

// ---- What the output path stands for.

// The path once symbolic links in its last component are followed: a link's target is what is
// replaced (a dangling link's target is created), and the link stays a link. Links in the
// directories above need no following: the rename happens in the directory they lead to.
std::string follow_links(const std::string& path) {
    std::string current = path;
    for (int hops = 0; hops < 40; ++hops) {  // the kernel's own limit before ELOOP
        struct stat st {};
        if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return current;
        std::array<char, PATH_MAX> buffer{};
        const ssize_t n = ::readlink(current.c_str(), buffer.data(), buffer.size());
        if (n <= 0) return current;
        if (static_cast<std::size_t>(n) == buffer.size()) {
            errno = ENAMETOOLONG;
            fail(path, "cannot follow the symbolic link");
        }
        std::string link(buffer.data(), static_cast<std::size_t>(n));
        if (link.front() != '/')
            if (const std::size_t slash = current.find_last_of('/'); slash != std::string::npos)
                link.insert(0, current, 0, slash + 1);
        current = std::move(link);
    }
    errno = ELOOP;
    fail(path, "cannot follow the symbolic link");
}

// A new file: what open(2) would give it. An existing one: its owner first (changing the
// owner clears the set-user-ID and set-group-ID bits, which the mode then restores), as far as
// the process may — an unprivileged one keeps at most the group, one it belongs to — then its
// mode.
void set_permissions(int fd, const struct stat* old) {
    if (!old) {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
        return;
    }
    if (::fchown(fd, old->st_uid, old->st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), old->st_gid) != 0) {
        // Neither may be set: the new file is the process's own, as a copy would be.
    }
    ::fchmod(fd, old->st_mode & 07777);
}

// The output is written into the temporary file as it is made; should making it fail (an
// exception from `produce`), the temporary file goes and the target stays as it was.
void replace(const std::string& path, const std::string& target, const Produce& produce, const struct stat* old) {
    CleanupHandlers handlers;  // outlives the temporary file
    Temporary temporary(target);
    if (!temporary.created()) fail(path, "cannot create a temporary file beside the output");
    FdSink sink(temporary.fd(), path);
    produce(sink);
    sink.flush();
    set_permissions(temporary.fd(), old);
    if (!temporary.close()) fail(path, "cannot write");
    if (!temporary.rename_onto(target)) fail(path, "cannot rename the temporary file onto the output");
}

// A device or FIFO, written as the output is made.
void write_to_device(const std::string& path, const std::string& target, const Produce& produce) {
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) fail(path, "cannot open");
    try {
        FdSink sink(fd, path);
        produce(sink);
        sink.flush();
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) fail(path, "cannot write");
}

// A file with other names that must keep seeing it: rewritten in place, so the output is made
// whole first (held in memory, as it must be to leave the file untouched should making it
// fail), then written.
void rewrite_in_place(const std::string& path, const std::string& target, const Produce& produce) {
    StringSink whole;
    produce(whole);
    const std::string content = whole.release();
    const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) fail(path, "cannot open");
    // Truncated after writing, not before: a failed write leaves no more damage than it must.
    bool written = write_all(fd, content) && ::ftruncate(fd, static_cast<off_t>(content.size())) == 0;
    int saved = errno;
    if (::close(fd) != 0 && written) {
        written = false;
        saved = errno;
    }
    if (!written) {
        errno = saved;
        fail(path, "cannot write");
    }
}

}  // namespace

void write_output(const std::string& path, std::string_view content) {
    write_output(path, [content](OutputSink& out) { out.append(content); });
}

void write_output(const std::string& path, const Produce& produce) {
    if (path.empty() || path == "-") {
        StdoutSink sink;
        produce(sink);
        sink.flush();
        if (std::fflush(stdout) != 0) fail("-", "cannot write standard output");
        return;
    }
    const std::string target = follow_links(path);
    struct stat st {};
    if (::stat(target.c_str(), &st) != 0) {
        if (errno != ENOENT) fail(path, "cannot write");
        replace(path, target, produce, nullptr);
        return;
    }
    if (S_ISDIR(st.st_mode)) refuse(path, "is a directory");
    if (S_ISSOCK(st.st_mode)) refuse(path, "is a socket: write to standard output and send that on");
    if (!S_ISREG(st.st_mode)) return write_to_device(path, target, produce);
    // A file its owner made read-only is refused, as a shell redirection would refuse it:
    // replacing it through its directory would go round that.
    if (::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) fail(path, "cannot write");
    // Replacing a file with other names would part them silently: it is rewritten instead.
    if (st.st_nlink > 1) return rewrite_in_place(path, target, produce);
    replace(path, target, produce, &st);
}

void refuse_output_over_input(const std::string& output, const std::vector<NamedInput>& inputs) {
    if (output.empty() || output == "-") return;
    struct stat out {};
    // A new file is no input; writing a device or FIFO overwrites no draft.
    if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return;
    for (const NamedInput& input : inputs) {
        const bool standard_input = input.path == "-";
        struct stat in {};
        if ((standard_input ? ::fstat(STDIN_FILENO, &in) : ::stat(input.path.c_str(), &in)) != 0) continue;
        if (in.st_dev != out.st_dev || in.st_ino != out.st_ino) continue;
        throw InputError("", standard_input
                                 ? fmt::format("-o {} is the same file as standard input ({} -): an input is never overwritten",
                                               output, input.role)
                                 : fmt::format("-o {} is the same file as {} {}: an input is never overwritten", output,
                                               input.role, input.path));
    }
}

}  // namespace redline::formats
