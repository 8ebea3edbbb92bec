#include "formats/writers.hpp"

#include "engine/error.hpp"
#include "engine/utf8.hpp"
#include "formats/html_redline/html_writer.hpp"
#include "formats/json/document_json.hpp"
#include "formats/json/report_json.hpp"
#include "formats/outline/outline_writer.hpp"
#include "formats/reader.hpp"
#include "formats/terminal/terminal_writer.hpp"

#include <fmt/format.h>

namespace redline::formats {

namespace {

void outline(const WriteInput& in, OutputSink& out) { write_outline(*in.document, in.analysis, out); }
void document_json(const WriteInput& in, OutputSink& out) { write_document_json(*in.document, in.analysis, out); }
// The text the reader read (ReadOptions::keep_text), whose lines the places count.
void source_text(const WriteInput& in, OutputSink& out) {
    out.append(in.document->source_text);
    out.flush();
}
void report_json(const WriteInput& in, OutputSink& out) { write_report_json(*in.comparison, out); }
void terminal(const WriteInput& in, OutputSink& out) {
    TerminalOptions o;
    o.color = in.color;
    o.show_editorial = in.show_editorial;
    o.only = in.only;
    write_terminal(*in.comparison, o, out);
}
void redline_page(const WriteInput& in, OutputSink& out) {
    HtmlOptions o;
    o.date = in.date;
    write_redline_html(*in.comparison, o, out);
}
Brief brief_of(const WriteInput& in) {
    BriefOptions o = in.brief;
    o.date = in.date;
    return make_brief(*in.comparison, o);
}
// A brief is a few pages and an appendix of a row per further finding, which the text briefs
// write as they go; the DOCX package is compressed whole, then written.
void brief_md(const WriteInput& in, OutputSink& out) { write_brief_markdown(brief_of(in), out); }
void brief_html(const WriteInput& in, OutputSink& out) { write_brief_html(brief_of(in), out); }
void brief_docx(const WriteInput& in, OutputSink& out) { write_brief_docx(brief_of(in), out); }
void gbt_changes(const WriteInput& in, OutputSink& out) { write_gbt_changes(brief_of(in), out); }

std::string_view command_name(Command c) {
    switch (c) {
    case Command::parse: return "parse";
    case Command::diff: return "diff";
    case Command::brief: return "brief";
    }
    return "diff";
}

// The extension of a file name ("report.JSON" → ".json"); empty when it has none.
std::string extension_of(std::string_view path) {
    const std::size_t slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return text::ascii_lower(name.substr(dot));
}

std::string extensions_of(Command command) {
    std::string out;
    for (const Writer& w : writers())
        if (w.command == command)
            for (std::string_view e : w.extensions) out += (out.empty() ? "" : ", ") + std::string(e);
    return out;
}

}  // namespace

const std::vector<Writer>& writers() {
    // The first writer of a command is its default.
    static const std::vector<Writer> all = {
        {Command::parse, "outline", "the clause tree for people", {".txt"}, false, outline},
        {Command::parse, "json", "redline.document/1", {".json"}, false, document_json},
        {Command::parse, "text", "the text that was read, whose lines `line` counts: a PDF's extracted text", {}, false,
         source_text},
        {Command::diff, "text", "the terminal view", {".txt"}, false, terminal},
        {Command::diff, "json", "redline.report/2", {".json"}, false, report_json},
        {Command::diff, "html", "the redline page", {".html", ".htm"}, false, redline_page},
        {Command::brief, "md", "Markdown", {".md", ".markdown"}, false, brief_md},
        {Command::brief, "html", "a web page", {".html", ".htm"}, false, brief_html},
        {Command::brief, "docx", "a Word document", {".docx"}, true, brief_docx},
        {Command::brief, "gbt-changes", "the change list of a GB/T foreword, Chinese and English", {}, false, gbt_changes},
    };
    return all;
}

const Writer& choose_writer(Command command, std::string_view format, const std::string& output) {
    const bool to_file = !output.empty() && output != "-";
    const std::string ext = to_file ? extension_of(output) : std::string();
    const Writer* by_name = nullptr;
    const Writer* by_extension = nullptr;
    const Writer* first = nullptr;
    for (const Writer& w : writers()) {
        if (w.command != command) continue;
        if (!first) first = &w;
        if (w.name == format) by_name = &w;
        for (std::string_view e : w.extensions)
            if (!ext.empty() && e == ext && !by_extension) by_extension = &w;
    }
    if (format != "auto") {
        if (!by_name) throw InputError("", fmt::format("{} cannot write --format {}", command_name(command), format));
        // An extension that names another of the command's formats contradicts --format.
        if (by_extension && by_extension != by_name)
            throw InputError(output, fmt::format("--format {} would write {} into a {} file; name the file {} or drop --format",
                                                 format, by_name->description, ext, by_name->extensions.empty()
                                                                                       ? std::string("without that extension")
                                                                                       : "*" + std::string(by_name->extensions.front())));
        return *by_name;
    }
    if (by_extension) return *by_extension;
    if (!ext.empty())
        throw InputError(output, fmt::format("{} cannot write {} files (it writes {}); choose one with --format",
                                             command_name(command), ext, extensions_of(command)));
    return *first;
}

std::string write_string(const Writer& writer, const WriteInput& input) {
    StringSink sink;
    writer.write(input, sink);
    return sink.release();
}

std::vector<std::string> format_names(Command command) {
    std::vector<std::string> names{"auto"};
    for (const Writer& w : writers())
        if (w.command == command) names.emplace_back(w.name);
    return names;
}

std::string format_help(Command command) {
    std::vector<const Writer*> list;
    for (const Writer& w : writers())
        if (w.command == command) list.push_back(&w);
    std::string out = fmt::format("auto (from the extension of -o FILE, else {}), ", list.front()->name);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) out += i + 1 == list.size() ? " or " : ", ";
        out += fmt::format("{} ({}", list[i]->name, list[i]->description);
        for (std::string_view e : list[i]->extensions) out += ", " + std::string(e);
        out += ")";
    }
    return out;
}

}  // namespace redline::formats
