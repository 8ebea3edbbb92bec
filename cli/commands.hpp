// The `redline` subcommands. Each registers its options on the CLI11 app and returns the
// function that runs it; the function returns the process exit status. Argument parsing and
// orchestration only: all real work is in redline_engine and redline_formats.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>

namespace redline::cli {

using Run = std::function<int()>;

Run add_parse_command(CLI::App& app);
Run add_diff_command(CLI::App& app);
Run add_brief_command(CLI::App& app);

}  // namespace redline::cli
