#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/comparison.hpp"
#include "engine/error.hpp"
#include "engine/text.hpp"
#include "formats/common/output.hpp"
#include "formats/writers.hpp"

#include <fmt/format.h>

#include <memory>
#include <vector>
#include <unistd.h>

namespace redline::cli {

namespace {

struct BriefCommandOptions {
    std::string old_file, new_file;
    std::string format = "auto";
    std::string output = "-";
    std::string watch;
    std::string brief_lang = "en";
    std::string lang = "auto";
    std::string profile = "auto";
    std::string docx_changes = "accept";
    std::size_t top = 20;
};

}  // namespace

Run add_brief_command(CLI::App& app) {
    auto opts = std::make_shared<BriefCommandOptions>();
    CLI::App* cmd = app.add_subcommand("brief", "What changed in the obligations, ranked, quoted and cited");
    add_draft_arguments(*cmd, opts->old_file, opts->new_file);
    cmd->add_option("-o,--output", opts->output, "Write to FILE (never over an input); its extension (.md, .html, .docx) picks the format")
        ->type_name("FILE");
    cmd->add_option("--format", opts->format, formats::format_help(formats::Command::brief))
        ->check(CLI::IsMember(formats::format_names(formats::Command::brief)))
        ->capture_default_str();
    cmd->add_option("--watch", opts->watch, "A file of terms, one per line: findings that touch them go first, tagged")
        ->type_name("FILE");
    cmd->add_option("--brief-lang", opts->brief_lang, "Language of headlines and labels: en or zh (quotations stay as written)")
        ->check(CLI::IsMember({"en", "zh"}))
        ->capture_default_str();
    cmd->add_option("--top", opts->top, "Findings in the brief's body, most important first; the rest go to an appendix table")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    add_docx_changes_option(*cmd, opts->docx_changes);
    cmd->footer(exit_status_help(formats::Command::brief));
    return [opts] {
        const formats::Writer& writer = formats::choose_writer(formats::Command::brief, opts->format, opts->output);
        std::vector<formats::NamedInput> inputs{{"OLD", opts->old_file}, {"NEW", opts->new_file}};
        if (!opts->watch.empty()) inputs.push_back({"--watch", opts->watch});
        check_files(inputs, opts->output);
        if (writer.binary && (opts->output.empty() || opts->output == "-") && ::isatty(STDOUT_FILENO))
            throw InputError("", fmt::format("a {} brief is binary: write it to a file with -o brief{}", writer.name,
                                             writer.extensions.front()));
        formats::WriteInput in;
        formats::BriefOptions& bo = in.brief;
        bo.lang = opts->brief_lang == "zh" ? formats::BriefLanguage::zh : formats::BriefLanguage::en;
        bo.top = opts->top;
        in.date = comparison_date();
        if (!opts->watch.empty()) {
            // A watch list may be saved in GB18030 or UTF-16 like the drafts themselves.
            std::string terms;
            try {
                terms = text::decode(formats::read_bytes(opts->watch)).utf8;
            } catch (InputError& e) {
                if (e.file().empty()) e.set_file(opts->watch);
                throw;
            }
            bo.watch = formats::parse_watch_list(terms);
        }
        const Comparison comparison = compare_files(opts->old_file, opts->new_file, opts->lang, opts->profile, {},
                                                     opts->docx_changes);
        in.comparison = &comparison;
        formats::write_output(opts->output, [&](formats::OutputSink& out) { writer.write(in, out); });
        return 0;
    };
}

}  // namespace redline::cli
