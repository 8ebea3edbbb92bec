#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "engine/error.hpp"
#include "formats/common/visible_text.hpp"

#include <cstdio>
#include <iostream>
#include <new>
#include <string_view>

namespace {

// Exit statuses as diff(1): 0 no differences, 1 differences, 2 trouble.
constexpr int exit_trouble = 2;

}  // namespace

int main(int argc, char** argv) {
    redline::cli::tune_allocator();
    CLI::App app{"redline — compare drafts of standards and legal texts clause by clause", "redline"};
    app.set_version_flag("--version", "redline 0.1.0");
    app.require_subcommand(1);

    struct Entry {
        CLI::App* command;
        redline::cli::Run run;
    };
    std::vector<Entry> commands;
    auto add = [&](redline::cli::Run run) { commands.push_back({app.get_subcommands({}).back(), std::move(run)}); };
    add(redline::cli::add_parse_command(app));
    add(redline::cli::add_diff_command(app));
    add(redline::cli::add_brief_command(app));

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
