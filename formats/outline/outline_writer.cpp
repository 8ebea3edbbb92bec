#include "formats/outline/outline_writer.hpp"

#include "formats/common/reader_notes.hpp"
#include "formats/common/utf8_excerpt.hpp"
#include "formats/common/visible_text.hpp"

#include <fmt/format.h>

#include <array>

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

// "[2 req, 1 rec]": the provisions in one node's own text, strongest kind first.
std::string provision_counts(const std::array<std::uint32_t, 6>& counts) {
    static constexpr std::pair<ProvisionKind, const char*> names[] = {
        {ProvisionKind::requirement, "req"}, {ProvisionKind::recommendation, "rec"}, {ProvisionKind::permission, "perm"},
        {ProvisionKind::possibility, "poss"}, {ProvisionKind::constraint, "constraint"}};
    std::string out;
    for (const auto& [kind, name] : names) {
        const std::uint32_t n = counts[static_cast<std::size_t>(kind)];
        if (n == 0) continue;
        out += out.empty() ? "  [" : ", ";
        out += fmt::format("{} {}", n, name);
    }
    return out.empty() ? out : out + "]";
}

}  // namespace

void write_outline(const Document& doc, const Analysis* analysis, OutputSink& sink) {
    // Nothing of the draft reaches a terminal as a control or an invisible character: every
    // line goes through append_visible on its way out.
    std::string& out = sink.text();
    std::string head = header(doc);
    if (analysis) head.insert(head.find('\n') + 1, fmt::format("# provisions: profile {}\n", to_string(analysis->profile)));
    append_visible(out, head);
    std::vector<std::array<std::uint32_t, 6>> counts(analysis ? doc.size() : 0, std::array<std::uint32_t, 6>{});
    if (analysis)
        for (const Unit& u : analysis->units) ++counts[u.clause][static_cast<std::size_t>(u.what.kind)];
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
        if (analysis) name += provision_counts(counts[id]);
        append_visible(out, fmt::format("{:>6}  {:<12} {:{}}{}\n", where, to_string(c.kind), "", 2 * (c.depth - 1), name));
        sink.written();
    }
    for (const Warning& w : doc.warnings) {
        append_visible(out, fmt::format("# warning: {}: {}\n",
                                        w.where.part ? fmt::format("line {}", w.where.line) : source_place(doc, w.where),
                                        w.message));
        sink.written();
    }
    sink.flush();
}

std::string write_outline(const Document& doc, const Analysis* analysis) {
    StringSink sink;
    write_outline(doc, analysis, sink);
    return sink.release();
}

}  // namespace redline::formats
