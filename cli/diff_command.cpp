#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/pager.hpp"
#include "engine/comparison.hpp"
#include "engine/error.hpp"
#include "formats/common/output.hpp"
#include "formats/terminal/change_kinds.hpp"
#include "formats/terminal/stat.hpp"
#include "formats/writers.hpp"

#include <fmt/format.h>

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
    bool stat = false;
    std::string only;
    bool quiet = false;
    bool no_pager = false;
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
    add_draft_arguments(*cmd, opts->old_file, opts->new_file);
    cmd->add_option("--format", opts->format, formats::format_help(formats::Command::diff))
        ->check(CLI::IsMember(formats::format_names(formats::Command::diff)))
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    add_docx_changes_option(*cmd, opts->docx_changes);
    CLI::Option* output = cmd->add_option("-o,--output", opts->output,
                    "Write to FILE instead of standard output (never over an input); its extension picks the format")
        ->type_name("FILE");
    cmd->add_option("--color,--colour", opts->color, "Colour the text view: auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    cmd->add_flag("--ignore-editorial", opts->ignore_editorial,
                  "Treat editorial changes (white space, punctuation width, quotes, case, numbering) as none");
    CLI::Option* stat = cmd->add_flag("--stat", opts->stat,
                  "Instead of the changes, how many there are: per top-level clause (with a bar of words inserted + "
                  "and removed -), per kind of change and per kind of provision change");
    cmd->add_option("--only", opts->only,
                    "Show only these kinds of change in the text view and --stat, and exit 1 only for them: a comma list of " +
                        formats::change_kind_names())
        ->type_name("KINDS");
    cmd->add_flag("-q,--quiet", opts->quiet, "Write nothing: the exit status alone says whether the drafts differ")
        ->excludes(stat)
        ->excludes(output);
    cmd->add_flag("--no-pager", opts->no_pager,
                  "Never page the text view (by default a view longer than the terminal goes to $PAGER, else less -FRX)");
    cmd->footer(exit_status_help(formats::Command::diff));
    return [opts] {
        // The format is settled before the drafts are read: a wrong -o fails at once.
        const formats::Writer& writer = formats::choose_writer(formats::Command::diff, opts->format, opts->output);
        const bool text_view = writer.name == "text";
        if (!text_view && !opts->quiet && !opts->only.empty())
            throw InputError("", "--only filters the text view and --stat: the JSON report and the redline page always "
                                 "hold every clause (the page filters them itself)");
        if (!text_view && opts->stat)
            throw InputError("", fmt::format("--stat writes text: it cannot be --format {}", writer.name));
        const formats::ChangeKinds only =
            opts->only.empty() ? formats::ChangeKinds{} : formats::parse_change_kinds(opts->only);
        check_files({{"OLD", opts->old_file}, {"NEW", opts->new_file}}, opts->output);
        CompareOptions co;
        co.ignore_editorial = opts->ignore_editorial;
        const Comparison comparison = compare_files(opts->old_file, opts->new_file, opts->lang, opts->profile, co,
                                                     opts->docx_changes);
        const int status = formats::has_substantive_changes(comparison, only) ? 1 : 0;
        if (opts->quiet) return status;
        const PagerSituation situation = current_situation(!opts->no_pager, opts->output);
        // A view made whole: through the pager its length calls for, or to the output.
        auto show = [&](const std::string& view) {
            if (const std::string pager = choose_pager(view, situation); !pager.empty()) show_through_pager(pager, view);
            else formats::write_output(opts->output, view);
        };
        if (opts->stat) {
            formats::StatOptions so;
            so.color = use_color(opts->color, opts->output);
            so.show_editorial = !opts->ignore_editorial;
            so.only = only;
            show(formats::write_stat(comparison, so));
            return status;
        }
        formats::WriteInput in;
        in.comparison = &comparison;
        in.color = use_color(opts->color, opts->output);
        in.show_editorial = !opts->ignore_editorial;
        in.only = only;
        in.date = comparison_date();
        // Only a view that may go to a pager is made whole first: the pager depends on its
        // length. Everything else streams to its file or standard output.
        if (text_view && situation.allowed && situation.to_terminal) {
            show(formats::write_string(writer, in));
            return status;
        }
        formats::write_output(opts->output, [&](formats::OutputSink& out) { writer.write(in, out); });
        return status;
    };
}

}  // namespace redline::cli
