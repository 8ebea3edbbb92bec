#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "cli/huge_pages.hpp"
#include "cli/suggest.hpp"
#include "engine/error.hpp"
#include "formats/common/visible_text.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <new>
#include <string_view>

namespace {

// Exit statuses as diff(1): 0 no differences (or, for parse and brief, done), 1 differences,
// 2 trouble.
constexpr int exit_trouble = 2;

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    redline::cli::remember_command_line(argc, argv);
    CLI::App app{"redline — compare drafts of standards and legal texts clause by clause", "redline"};
    app.set_version_flag("--version", "redline 0.1.0");
    app.require_subcommand(1);
    app.footer("Exit status: diff exits 0 when the drafts have no substantive difference, 1 when they have, 2 on "
               "trouble; parse and brief exit 0 when they wrote their output, 2 on trouble.\n"
               "Run 'redline COMMAND --help' for a command's options.");

    struct Entry {
        CLI::App* command;
        redline::cli::Run run;
    };
    std::vector<Entry> commands;
    auto add = [&](redline::cli::Run run) { commands.push_back({app.get_subcommands({}).back(), std::move(run)}); };
    add(redline::cli::add_parse_command(app));
    add(redline::cli::add_diff_command(app));
    add(redline::cli::add_brief_command(app));

    // An unknown command would be reported by CLI11 as "A subcommand is required": say what
    // was wrong and which command was probably meant.
    std::vector<std::string> names;
    for (const auto& entry : commands) names.push_back(entry.command->get_name());
    const std::string listed = names[0] + ", " + names[1] + " or " + names[2];
    const std::string all = names[0] + ", " + names[1] + " and " + names[2];
    if (argc < 2) {
        std::cerr << "redline: error: a command is required: " << listed << "\n";
        std::cerr << "Run 'redline --help' for usage.\n";
        return exit_trouble;
    }
    if (const std::string_view first = argv[1];
        !first.starts_with('-') && std::find(names.begin(), names.end(), first) == names.end()) {
        const std::string suggestion = redline::cli::suggest_command(first, names);
        std::cerr << "redline: error: '" << redline::formats::visible_text(first) << "' is not a redline command";
        if (!suggestion.empty())
            std::cerr << "; did you mean 'redline " << suggestion << "'?\n";
        else
            std::cerr << " (the commands are " << all << ")\n";
        std::cerr << "Run 'redline --help' for usage.\n";
        return exit_trouble;
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "redline: error: " << redline::formats::visible_text(std::string_view(e.what())) << "\n";
        std::cerr << "Run 'redline --help' for usage.\n";
        return exit_trouble;
    }

    try {
        for (auto& entry : commands)
            if (entry.command->parsed()) return entry.run();
        return exit_trouble;
    } catch (const redline::InputError& e) {
        // A file name or a quoted heading can hold escape sequences: shown, never obeyed.
        std::cerr << "redline: error: " << redline::formats::visible_text(e.describe()) << "\n";
        return exit_trouble;
    } catch (const std::bad_alloc&) {
        std::cerr << "redline: error: out of memory\n";
        return exit_trouble;
    } catch (const std::exception& e) {
        std::cerr << "redline: error: internal error: " << redline::formats::visible_text(std::string_view(e.what())) << "\n";
        return exit_trouble;
    }
}
