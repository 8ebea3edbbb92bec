#include "formats/outline/outline_writer.hpp"

#include "formats/common/utf8_excerpt.hpp"

#include <fmt/format.h>

namespace redline::formats {

namespace {

std::string header(const Document& doc) {
    const DocumentInfo& info = doc.info;
    std::string out = "# " + (info.path.empty() ? std::string("(input)") : info.path);
    if (!info.title.empty()) out += " — " + info.title;
    std::string facts;
    auto add = [&](std::string_view s) {
        if (s.empty()) return;
        if (!facts.empty()) facts += ", ";
        facts += s;
    };
    add(info.identifier);
    add(info.stage);
    add(to_string(doc.language));
    add(info.format);
    add(info.encoding);
    out += " (" + facts + ")\n";
    std::size_t nodes = doc.size() - 1;
    out += fmt::format("# {} nodes; columns: line, kind, label and title\n", nodes);
    return out;
}

}  // namespace

std::string write_outline(const Document& doc) {
    std::string out = header(doc);
    for (ClauseId id = 1; id < doc.size(); ++id) {
        const Clause& c = doc[id];
        std::string name(doc.label(id));
        std::string_view title = doc.title(id);
        if (!title.empty()) {
            if (!name.empty()) name += ' ';
            name += title;
        } else if (c.block_count > 0) {
            // Untitled nodes (list items, notes, numbered paragraphs) show how their text starts.
            if (!name.empty()) name += ' ';
            name += '"' + excerpt(doc.str(doc.blocks_begin(id)->text), 40) + '"';
        }
        if (!c.alt_title.empty()) name += " / " + std::string(doc.str(c.alt_title));
        if (!c.anchor.empty()) name += " {#" + std::string(doc.str(c.anchor)) + "}";
        const std::string where =
            c.where.part ? fmt::format("{}#{}", doc.parts[c.where.part - 1], c.where.paragraph)
                         : fmt::format("{}", c.where.line);
        out += fmt::format("{:>6}  {:<12} {:{}}{}\n", where, to_string(c.kind), "", 2 * (c.depth - 1), name);
    }
    for (const Warning& w : doc.warnings)
        out += fmt::format("# warning: line {}: {}\n", w.where.line, w.message);
    return out;
}

}  // namespace redline::formats
