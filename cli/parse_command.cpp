#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "formats/common/output.hpp"
#include "formats/reader.hpp"
#include "formats/writers.hpp"

#include <memory>

namespace redline::cli {

namespace {

struct ParseOptions {
    std::string file;
    std::string format = "auto";
    std::string lang = "auto";
    std::string output = "-";
    std::string profile = "auto";
    std::string docx_changes = "accept";
};

}  // namespace

Run add_parse_command(CLI::App& app) {
    auto opts = std::make_shared<ParseOptions>();
    CLI::App* cmd = app.add_subcommand("parse", "Show the clause tree of one draft");
    cmd->add_option("FILE", opts->file, "The draft: " + formats::reader_descriptions() + "; - reads standard input")
        ->required()
        ->type_name("FILE");
    cmd->add_option("--format", opts->format, formats::format_help(formats::Command::parse))
        ->check(CLI::IsMember(formats::format_names(formats::Command::parse)))
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    add_docx_changes_option(*cmd, opts->docx_changes);
    cmd->add_option("-o,--output", opts->output, "Write to FILE instead of standard output (never over the input)")
        ->type_name("FILE");
    cmd->footer(exit_status_help(formats::Command::parse));
    return [opts] {
        const formats::Writer& writer = formats::choose_writer(formats::Command::parse, opts->format, opts->output);
        check_files({{"FILE", opts->file}}, opts->output);
        formats::ReadOptions read;
        read.path = opts->file;
        read.language = parse_lang(opts->lang);
        read.tracked_changes = parse_docx_changes(opts->docx_changes);
        read.keep_text = writer.name == "text";
        const Document doc = read_input(read);
        const Analysis analysis = analyse(doc, profile_for(doc, prepare_options(opts->profile)));
        formats::WriteInput in;
        in.document = &doc;
        in.analysis = &analysis;
        formats::write_output(opts->output, [&](formats::OutputSink& out) { writer.write(in, out); });
        return 0;
    };
}

}  // namespace redline::cli
