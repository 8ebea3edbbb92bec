#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/comparison.hpp"
#include "formats/common/output.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/report_json.hpp"
#include "formats/terminal/terminal_writer.hpp"

#include <cstdlib>
#include <ctime>
#include <exception>
#include <future>
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

// The date shown on a redline page. SOURCE_DATE_EPOCH (the reproducible-builds convention)
// fixes it, so that the same inputs give the same bytes; otherwise today, in UTC.
std::string comparison_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

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
        formats::ReadOptions ro;
        ro.language = parse_lang(opts->lang);
        ro.path = opts->old_file;
        // The two drafts are read on two cores. When both are bad, the old one's error is the
        // one reported, as it would be reading them in turn.
        auto old_future = std::async(std::launch::async, [ro] { return read_input(ro); });
        ro.path = opts->new_file;
        std::exception_ptr new_error;
        Document new_doc;
        try {
            new_doc = read_input(ro);
        } catch (...) {
            new_error = std::current_exception();
        }
        const Document old_doc = old_future.get();
        if (new_error) std::rethrow_exception(new_error);
        CompareOptions co;
        co.ignore_editorial = opts->ignore_editorial;
        // One profile for both drafts when given: comparing "shall" under iso with "MUST"
        // under rfc2119 would report every provision as changed.
        if (opts->profile != "auto") {
            co.auto_profile = false;
            parse_profile(opts->profile, co.profile);
        }
        const Comparison comparison = compare(old_doc, new_doc, co);
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
