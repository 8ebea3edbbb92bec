// Writing a result to standard output or to a file, without clobbering what the file name
// stands for (docs/cli.md, "Output files"):
//   - a regular file is replaced atomically: a temporary file beside it, renamed over it only
//     when complete, with the old file's mode (and owner, where the process may set it); a new
//     file gets 0666 & ~umask. SIGHUP, SIGINT, SIGTERM or SIGXFSZ while the temporary exists
//     remove it before the process dies of that signal;
//   - a symbolic link is followed: its target is replaced, the link stays;
//   - a regular file with more than one name (hard links) is rewritten in place, so every
//     name keeps seeing it; that write is not atomic;
//   - a device or FIFO is written directly, never replaced; a directory or socket is an error;
//   - a read-only file is refused as a shell redirection would refuse it.
// The output is written as it is made (OutputSink), never held whole, except for a file with
// hard links, which must stay untouched should making the output fail.
#pragma once

#include "formats/common/output_sink.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats {

// What makes the output: it writes into the sink it is given (and may flush it).
using Produce = std::function<void(OutputSink&)>;

// `path` empty or "-": standard output. Throws InputError (file = path) when writing fails;
// an exception from `produce` leaves no file behind (the temporary file is removed, an
// existing file is as it was) — standard output, a device or a FIFO keep what reached them.
void write_output(const std::string& path, const Produce& produce);
void write_output(const std::string& path, std::string_view content);

// A file a command reads, named as the user knows it: role "OLD", "NEW", "FILE", "--watch";
// path "-" for standard input.
struct NamedInput {
    std::string role;
    std::string path;
};

// Throws InputError naming both when `output` (not standard output) is the same regular file
// (device and inode: through symbolic links, hard links, or standard input redirected from
// it) as one of `inputs`, so that no input is ever overwritten by the run that reads it.
void refuse_output_over_input(const std::string& output, const std::vector<NamedInput>& inputs);

}  // namespace redline::formats
