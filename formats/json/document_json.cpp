#include "formats/json/document_json.hpp"

#include "formats/json/json_writer.hpp"

namespace redline::formats {

namespace {

void location(JsonWriter& w, const Document& doc, const SourceLocation& where) {
    // Packaged formats (DOCX) give their part and paragraph after `line`; PDF its page.
    w.member("line", where.line);
    if (where.part) {
        w.member("part", doc.parts[where.part - 1]);
        w.member("paragraph", where.paragraph);
    }
    if (where.page) w.member("page", where.page);
}

void node(JsonWriter& w, const Document& doc, ClauseId id) {
    const Clause& c = doc[id];
    w.begin_object();
    w.member("kind", to_string(c.kind));
    if (c.role != SectionRole::none) w.member("role", to_string(c.role));
    if (id != doc.root()) {
        w.member("label", doc.label(id));
        w.member("title", doc.title(id));
        if (!c.alt_title.empty()) w.member("alt_title", doc.str(c.alt_title));
        if (!c.anchor.empty()) w.member("anchor", doc.str(c.anchor));
        location(w, doc, c.where);
        w.member("language", to_string(c.language));
    }
    w.key("blocks").begin_array();
    for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b) {
        w.begin_object();
        w.member("kind", to_string(b->kind));
        location(w, doc, b->where);
        w.member("text", doc.str(b->text));
        w.end_object();
    }
    w.end_array();
    w.key("children").begin_array();
    for (ClauseId k = doc.first_child(id); k != no_clause; k = doc.next_sibling(k)) node(w, doc, k);
    w.end_array();
    w.end_object();
}

void strings(JsonWriter& w, const std::vector<std::string>& v) {
    w.begin_array();
    for (const auto& s : v) w.value(s);
    w.end_array();
}

void clause_ref(JsonWriter& w, const Document& doc, ClauseId id) {
    w.begin_object();
    w.member("label", doc.label(id));
    w.member("title", doc.title(id));
    location(w, doc, doc[id].where);
    w.end_object();
}

void provisions(JsonWriter& w, const Document& doc, const Analysis& a) {
    w.begin_array();
    for (const Unit& u : a.units) {
        if (u.what.kind == ProvisionKind::statement) continue;
        const Block& block = doc.blocks()[u.block];
        w.begin_object();
        clause_ref(w.key("clause"), doc, u.clause);
        w.member("kind", to_string(u.what.kind));
        w.member("polarity", to_string(u.what.polarity));
        w.member("form", u.what.form.text());
        if (u.inherited) w.member("inherited", true);
        w.member("block_line", block.where.line);
        w.key("span").begin_array().value(u.offset).value(u.length).end_array();
        w.member("text", unit_text(doc, u));
        w.end_object();
    }
    w.end_array();
}

void references(JsonWriter& w, const Document& doc, const Analysis& a) {
    w.begin_array();
    for (const Reference& r : a.references) {
        w.begin_object();
        w.member("key", r.key);
        w.member("text", reference_text(doc, r));
        w.member("dated", r.dated);
        w.member("normative_list", r.normative_list);
        clause_ref(w.key("clause"), doc, r.clause);
        w.end_object();
    }
    w.end_array();
}

}  // namespace

void write_document_json(const Document& doc, const Analysis* analysis, OutputSink& sink) {
    JsonWriter w(sink);
    w.begin_object();
    w.member("schema", document_schema);
    w.member("path", doc.info.path);
    w.member("format", doc.info.format);
    w.member("encoding", doc.info.encoding);
    w.member("language", to_string(doc.language));
    w.key("info").begin_object();
    w.member("title", doc.info.title);
    w.member("alt_title", doc.info.alt_title);
    w.key("identifier");
    doc.info.identifier.empty() ? w.null() : w.value(doc.info.identifier);
    w.member("stage", doc.info.stage);
    strings(w.key("replaces"), doc.info.replaces);
    strings(w.key("classifications"), doc.info.classifications);
    w.end_object();
    w.key("warnings").begin_array();
    for (const Warning& warning : doc.warnings) {
        w.begin_object();
        location(w, doc, warning.where);
        w.member("message", warning.message);
        w.end_object();
    }
    w.end_array();
    if (!doc.tracked_changes.empty()) {
        // Present only when the source tracked changes (DOCX): what the reader resolved.
        w.key("tracked_changes").begin_object();
        w.member("view", doc.tracked_changes_rejected ? "rejected" : "accepted");
        w.key("changes").begin_array();
        for (const TrackedChange& c : doc.tracked_changes) {
            w.begin_object();
            w.member("kind", to_string(c.kind));
            w.member("author", c.author);
            w.member("date", c.date);
            location(w, doc, c.where);
            clause_ref(w.key("clause"), doc, c.clause);
            if (!c.text.empty()) w.member("text", c.text);
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    node(w.key("root"), doc, doc.root());
    if (analysis) {
        w.member("profile", to_string(analysis->profile));
        provisions(w.key("provisions"), doc, *analysis);
        references(w.key("references"), doc, *analysis);
    }
    w.end_object();
    w.finish();
}

std::string write_document_json(const Document& doc, const Analysis* analysis) {
    StringSink sink;
    write_document_json(doc, analysis, sink);
    return sink.release();
}

}  // namespace redline::formats
