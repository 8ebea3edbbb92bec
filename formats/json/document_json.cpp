#include "formats/json/document_json.hpp"

#include <nlohmann/json.hpp>

namespace redline::formats {

namespace {

using Json = nlohmann::ordered_json;

Json location(const Document& doc, const SourceLocation& where) {
    Json j = Json::object();
    if (where.part) {
        j["part"] = doc.parts[where.part - 1];
        j["paragraph"] = where.paragraph;
    } else {
        j["line"] = where.line;
    }
    return j;
}

Json node(const Document& doc, ClauseId id) {
    const Clause& c = doc[id];
    Json j = Json::object();
    j["kind"] = std::string(to_string(c.kind));
    if (id != doc.root()) {
        j["label"] = std::string(doc.label(id));
        j["title"] = std::string(doc.title(id));
        if (!c.alt_title.empty()) j["alt_title"] = std::string(doc.str(c.alt_title));
        if (!c.anchor.empty()) j["anchor"] = std::string(doc.str(c.anchor));
        j.update(location(doc, c.where));
        j["language"] = std::string(to_string(c.language));
    }
    Json blocks = Json::array();
    for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b) {
        Json jb = Json::object();
        jb["kind"] = std::string(to_string(b->kind));
        jb.update(location(doc, b->where));
        jb["text"] = std::string(doc.str(b->text));
        blocks.push_back(std::move(jb));
    }
    j["blocks"] = std::move(blocks);
    Json children = Json::array();
    for (ClauseId k = doc.first_child(id); k != no_clause; k = doc.next_sibling(k))
        children.push_back(node(doc, k));
    j["children"] = std::move(children);
    return j;
}

Json strings(const std::vector<std::string>& v) {
    Json j = Json::array();
    for (const auto& s : v) j.push_back(s);
    return j;
}

Json clause_ref(const Document& doc, ClauseId id) {
    Json j = Json::object();
    j["label"] = std::string(doc.label(id));
    j["title"] = std::string(doc.title(id));
    j.update(location(doc, doc[id].where));
    return j;
}

Json provisions(const Document& doc, const Analysis& a) {
    Json list = Json::array();
    for (const Unit& u : a.units) {
        if (u.what.kind == ProvisionKind::statement) continue;
        Json j = Json::object();
        j["clause"] = clause_ref(doc, u.clause);
        j["kind"] = std::string(to_string(u.what.kind));
        j["polarity"] = std::string(to_string(u.what.polarity));
        j["form"] = u.what.form;
        if (u.inherited) j["inherited"] = true;
        j["block_line"] = doc.blocks()[u.block].where.line;
        j["span"] = Json::array({u.offset, u.length});
        j["text"] = std::string(doc.str(doc.blocks()[u.block].text).substr(u.offset, u.length));
        list.push_back(std::move(j));
    }
    return list;
}

Json references(const Document& doc, const Analysis& a) {
    Json list = Json::array();
    for (const Reference& r : a.references) {
        Json j = Json::object();
        j["key"] = r.key;
        j["text"] = std::string(doc.str(doc.blocks()[r.block].text).substr(r.offset, r.length));
        j["dated"] = r.dated;
        j["normative_list"] = r.normative_list;
        j["clause"] = clause_ref(doc, r.clause);
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace

std::string write_document_json(const Document& doc, const Analysis* analysis) {
    Json j = Json::object();
    j["schema"] = document_schema;
    j["path"] = doc.info.path;
    j["format"] = doc.info.format;
    j["encoding"] = doc.info.encoding;
    j["language"] = std::string(to_string(doc.language));
    Json info = Json::object();
    info["title"] = doc.info.title;
    info["alt_title"] = doc.info.alt_title;
    info["identifier"] = doc.info.identifier.empty() ? Json(nullptr) : Json(doc.info.identifier);
    info["stage"] = doc.info.stage;
    info["replaces"] = strings(doc.info.replaces);
    info["classifications"] = strings(doc.info.classifications);
    j["info"] = std::move(info);
    Json warnings = Json::array();
    for (const Warning& w : doc.warnings) {
        Json jw = location(doc, w.where);
        jw["message"] = w.message;
        warnings.push_back(std::move(jw));
    }
    j["warnings"] = std::move(warnings);
    j["root"] = node(doc, doc.root());
    if (analysis) {
        j["profile"] = std::string(to_string(analysis->profile));
        j["provisions"] = provisions(doc, *analysis);
        j["references"] = references(doc, *analysis);
    }
    // Invalid UTF-8 cannot reach here (the decoder rejects it); replace rather than throw anyway.
    return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace redline::formats
