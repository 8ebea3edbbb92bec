// The writers, in one registry every command uses: the formats a command can write, the file
// extensions that choose them (-o FILE), and the function that writes each. A new output is
// one more entry.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/brief/brief.hpp"
#include "formats/common/output_sink.hpp"
#include "formats/terminal/change_kinds.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace redline::formats {

// What a writer may read: a comparison (diff, brief) or one document (parse), and the
// options of the command that asked.
struct WriteInput {
    const Comparison* comparison = nullptr;
    const Document* document = nullptr;
    const Analysis* analysis = nullptr;
    bool color = false;              // terminal view: ANSI colours
    bool show_editorial = true;      // terminal view: editorial-only entries
    ChangeKinds only;                // terminal view: --only
    std::string date;                // redline page and brief: the comparison's date
    BriefOptions brief;              // brief: language, watch list
};

enum class Command : std::uint8_t { parse, diff, brief };

struct Writer {
    Command command;
    std::string_view name;                      // the --format value
    std::string_view description;               // for --help
    std::vector<std::string_view> extensions;   // lower case, with the dot; empty: only by --format
    bool binary = false;                        // not for a terminal
    // Writes the output into `out` as it goes, and flushes it.
    void (*write)(const WriteInput& input, OutputSink& out);
};

// The whole output of `writer` as one string (the pager, tests).
std::string write_string(const Writer& writer, const WriteInput& input);

const std::vector<Writer>& writers();

// The writer of `command` named `format`, or, when `format` is "auto", the one the extension
// of `output` calls for (the first of the command when `output` is standard output or has no
// extension). Throws InputError, naming the file, when the extension belongs to no writer of
// the command or contradicts --format: never a file of the wrong format.
const Writer& choose_writer(Command command, std::string_view format, const std::string& output);

// "auto" and the names of the command's writers, for the --format option.
std::vector<std::string> format_names(Command command);
// "text (the terminal view, .txt), json (redline.report/2, .json) or html (…, .html)"
std::string format_help(Command command);

}  // namespace redline::formats
