#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/comparison.hpp"
#include "formats/common/output.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/report_json.hpp"
#include "formats/terminal/terminal_writer.hpp"

#include <cstdlib>
#include <memory>
#include <unistd.h>

namespace redline::cli {

namespace {

struct DiffOptions {
    std::string old_file, new_file;
    std::string format = "text";
    std::string lang = "auto";
    std::string profile = "auto";
    std::string output = "-";
    std::string color = "auto";
    bool ignore_editorial = false;
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
    cmd->add_option("--format", opts->format, "text (terminal), json (redline.report/1) or html (redline page)")
        ->check(CLI::IsMember({"text", "json", "html"}))
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    cmd->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    cmd->add_option("--color", opts->color, "Colour the text view: auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    cmd->add_flag("--ignore-editorial", opts->ignore_editorial,
                  "Treat editorial changes (white space, punctuation width, quotes, case, numbering) as none");
    return [opts] {
        CompareOptions co;
        co.ignore_editorial = opts->ignore_editorial;
        const Comparison comparison = compare_files(opts->old_file, opts->new_file, opts->lang, opts->profile, co);
        std::string out;
        if (opts->format == "json") {
            out = formats::write_report_json(comparison);
        } else if (opts->format == "html") {
            formats::HtmlOptions ho;
            ho.date = comparison_date();
            out = formats::write_redline_html(comparison, ho);
        } else {
            formats::TerminalOptions to;
            to.color = use_color(opts->color, opts->output);
            to.show_editorial = !opts->ignore_editorial;
            out = formats::write_terminal(comparison, to);
        }
        formats::write_output(opts->output, out);
        return comparison.has_substantive_changes() ? 1 : 0;
    };
}

}  // namespace redline::cli
