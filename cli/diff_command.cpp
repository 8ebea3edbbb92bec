#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/comparison.hpp"
#include "formats/common/output.hpp"
#include "formats/writers.hpp"

#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace redline::cli {

namespace {

struct DiffOptions {
    std::string old_file, new_file;
    std::string format = "auto";
    std::string lang = "auto";
    std::string profile = "auto";
    std::string output = "-";
    std::string color = "auto";
    bool ignore_editorial = false;
    std::string docx_changes = "accept";
};

bool use_color(const std::string& mode, const std::string& output) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return (output.empty() || output == "-") && ::isatty(STDOUT_FILENO);
}

}  // namespace

Run add_diff_command(CLI::App& app) {
    auto opts = std::make_shared<DiffOptions>();
    CLI::App* cmd = app.add_subcommand("diff", "Compare two drafts clause by clause");
    cmd->add_option("OLD", opts->old_file, "The earlier draft; - reads standard input")->required();
    cmd->add_option("NEW", opts->new_file, "The later draft")->required();
    cmd->add_option("--format", opts->format, formats::format_help(formats::Command::diff))
        ->check(CLI::IsMember(formats::format_names(formats::Command::diff)))
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    add_docx_changes_option(*cmd, opts->docx_changes);
    cmd->add_option("-o,--output", opts->output,
                    "Write to FILE instead of standard output (never over an input); its extension picks the format");
    cmd->add_option("--color", opts->color, "Colour the text view: auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    cmd->add_flag("--ignore-editorial", opts->ignore_editorial,
                  "Treat editorial changes (white space, punctuation width, quotes, case, numbering) as none");
    return [opts] {
        // The format is settled before the drafts are read: a wrong -o fails at once.
        const formats::Writer& writer = formats::choose_writer(formats::Command::diff, opts->format, opts->output);
        check_files({{"OLD", opts->old_file}, {"NEW", opts->new_file}}, opts->output);
        CompareOptions co;
        co.ignore_editorial = opts->ignore_editorial;
        const Comparison comparison = compare_files(opts->old_file, opts->new_file, opts->lang, opts->profile, co,
                                                     opts->docx_changes);
        formats::WriteInput in;
        in.comparison = &comparison;
        in.color = use_color(opts->color, opts->output);
        in.show_editorial = !opts->ignore_editorial;
        in.date = comparison_date();
        formats::write_output(opts->output, writer.write(in));
        return comparison.has_substantive_changes() ? 1 : 0;
    };
}

}  // namespace redline::cli
