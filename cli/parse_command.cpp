#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "formats/common/output.hpp"
#include "formats/json/document_json.hpp"
#include "formats/outline/outline_writer.hpp"
#include "formats/reader.hpp"

#include <memory>

namespace redline::cli {

namespace {

struct ParseOptions {
    std::string file;
    std::string format = "outline";
    std::string lang = "auto";
    std::string output = "-";
    std::string profile = "auto";
};

}  // namespace

Run add_parse_command(CLI::App& app) {
    auto opts = std::make_shared<ParseOptions>();
    CLI::App* cmd = app.add_subcommand("parse", "Show the clause tree of one draft");
    cmd->add_option("FILE", opts->file, "The draft (plain text, Markdown or xml2rfc XML); - reads standard input")->required();
    cmd->add_option("--format", opts->format, "outline (for people) or json (redline.document/1)")
        ->check(CLI::IsMember({"outline", "json"}))
        ->capture_default_str();
    add_lang_option(*cmd, opts->lang);
    add_profile_option(*cmd, opts->profile);
    cmd->add_option("-o,--output", opts->output, "Write to FILE (atomically) instead of standard output");
    return [opts] {
        formats::ReadOptions read;
        read.path = opts->file;
        read.language = parse_lang(opts->lang);
        const Document doc = read_input(read);
        const Analysis analysis = analyse(doc, profile_for(doc, prepare_options(opts->profile)));
        const std::string out = opts->format == "json" ? formats::write_document_json(doc, &analysis)
                                                       : formats::write_outline(doc, &analysis);
        formats::write_output(opts->output, out);
        return 0;
    };
}

}  // namespace redline::cli
