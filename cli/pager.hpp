// The terminal view through a pager, as git does it: when standard output is a terminal and
// the view is longer than the screen, it goes to $PAGER, or to `less -FRX` when PAGER is not
// set (-F quits at once if it fits after all, -R shows the colours, -X leaves the view on the
// screen). PAGER set to "" or "cat" means no pager. Never with -o, never when output is not a
// terminal, never with --no-pager.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace redline::cli {

struct PagerSituation {
    bool allowed = true;            // not --no-pager
    bool to_terminal = false;       // standard output is a terminal and there is no -o FILE
    const char* pager_env = nullptr;  // $PAGER; null when not set
    std::size_t rows = 0, columns = 0;  // the terminal's size; 0 when unknown
};

// The shell command to show `view` through, or "" to write it directly. A terminal of unknown
// size gets the pager (less -F still quits when the view fits).
std::string choose_pager(std::string_view view, const PagerSituation& situation);

// The situation of this process: --no-pager, -o, isatty(1), $PAGER and TIOCGWINSZ.
PagerSituation current_situation(bool allowed, const std::string& output);

// Writes `view` to the pager's standard input (`sh -c COMMAND`), then waits for it. A reader
// who quits the pager early ends the writing quietly (EPIPE, not SIGPIPE); ^C goes to the
// pager, not to redline, while it runs. When the command cannot be run (status 126 or 127 from
// the shell), `view` is written to standard output after a warning. LESS=FRX and LV=-c are set
// for the pager when not already set, as git sets them.
void show_through_pager(const std::string& command, std::string_view view);

}  // namespace redline::cli
