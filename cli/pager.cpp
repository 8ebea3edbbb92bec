#include "cli/pager.hpp"

#include "formats/common/visible_text.hpp"
#include "formats/terminal/display_width.hpp"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace redline::cli {

std::string choose_pager(std::string_view view, const PagerSituation& s) {
    if (!s.allowed || !s.to_terminal) return {};
    std::string command = s.pager_env ? s.pager_env : "less -FRX";
    if (command.find_first_not_of(" \t") == std::string::npos || command == "cat") return {};
    // A view that fits leaves the screen as it was: no pager starts and clears nothing.
    if (s.rows > 0 && s.columns > 0 && formats::display_rows(view, s.columns) < s.rows) return {};
    return command;
}

PagerSituation current_situation(bool allowed, const std::string& output) {
    PagerSituation s;
    s.allowed = allowed;
    s.to_terminal = (output.empty() || output == "-") && ::isatty(STDOUT_FILENO);
    s.pager_env = std::getenv("PAGER");
    winsize size{};
    if (s.to_terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        s.rows = size.ws_row;
        s.columns = size.ws_col;
    }
    return s;
}

namespace {

// Writes all of `bytes` to `fd`; false when the reader has gone (EPIPE) or the write failed.
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace

void show_through_pager(const std::string& command, std::string_view view) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) {
        write_all(STDOUT_FILENO, view);
        return;
    }
    std::cout.flush();
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        write_all(STDOUT_FILENO, view);
        return;
    }
    if (pid == 0) {
        ::dup2(pipe_fds[0], STDIN_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::setenv("LESS", "FRX", 0);
        ::setenv("LV", "-c", 0);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(pipe_fds[0]);
    // While the pager runs, the keyboard's signals are for it: ^C in less must not kill
    // redline and leave the pager behind a returned shell prompt. A pager that quits early
    // closes the pipe: the write fails with EPIPE instead of killing redline.
    struct sigaction ignore{}, old_pipe{}, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    ::sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &old_pipe);
    ::sigaction(SIGINT, &ignore, &old_int);
    ::sigaction(SIGQUIT, &ignore, &old_quit);
    write_all(pipe_fds[1], view);
    ::close(pipe_fds[1]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::sigaction(SIGPIPE, &old_pipe, nullptr);
    ::sigaction(SIGINT, &old_int, nullptr);
    ::sigaction(SIGQUIT, &old_quit, nullptr);
    if (WIFEXITED(status) && (WEXITSTATUS(status) == 126 || WEXITSTATUS(status) == 127)) {
        std::cerr << "redline: warning: cannot run the pager '" << formats::visible_text(std::string_view(command))
                  << "' (set PAGER, or use --no-pager)\n";
        write_all(STDOUT_FILENO, view);
    }
}

}  // namespace redline::cli
