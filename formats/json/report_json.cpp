#include "formats/json/report_json.hpp"

#include "formats/json/json_writer.hpp"

#include <cmath>

namespace redline::formats {

namespace {

void side(JsonWriter& w, const Document& doc, const Analysis& analysis) {
    w.begin_object();
    w.member("path", doc.info.path);
    w.member("title", doc.info.title);
    w.key("identifier");
    doc.info.identifier.empty() ? w.null() : w.value(doc.info.identifier);
    w.member("language", to_string(doc.language));
    w.member("profile", to_string(analysis.profile));
    w.end_object();
}

void clause_ref(JsonWriter& w, const Document& doc, ClauseId id) {
    const Clause& c = doc[id];
    w.begin_object();
    w.member("label", doc.label(id));
    w.member("title", doc.title(id));
    w.member("kind", to_string(c.kind));
    // Packaged formats (DOCX) give their part and paragraph after `line`; PDF its page.
    w.member("line", c.where.line);
    if (c.where.part) {
        w.member("part", doc.parts[c.where.part - 1]);
        w.member("paragraph", c.where.paragraph);
    }
    if (c.where.page) w.member("page", c.where.page);
    w.end_object();
}

// One clause as an object, several (split/merged) as an array, none as null.
void clause_refs(JsonWriter& w, const Document& doc, const std::vector<ClauseId>& ids, bool many) {
    if (ids.empty()) {
        w.null();
    } else if (!many) {
        clause_ref(w, doc, ids.front());
    } else {
        w.begin_array();
        for (ClauseId id : ids) clause_ref(w, doc, id);
        w.end_array();
    }
}

std::string_view op_name(EditOp op) {
    switch (op) {
    case EditOp::equal: return "equal";
    case EditOp::remove: return "delete";
    case EditOp::insert: return "insert";
    }
    return "equal";
}

void edits(JsonWriter& w, const std::vector<Edit>& list) {
    w.begin_array();
    for (const Edit& e : list) {
        w.begin_object();
        w.member("op", op_name(e.op));
        w.member("text", e.text);
        if (e.editorial) w.member("editorial", true);
        if (e.replaced) w.member("replaced", true);
        if (e.moved) w.member("moved", true);
        w.end_object();
    }
    w.end_array();
}

void entry(JsonWriter& w, const Comparison& c, const ClauseEntry& e) {
    w.begin_object();
    if (e.number) {
        std::string id = "C";
        id += std::to_string(e.number);
        w.member("id", id);
    }
    w.member("change", to_string(e.change));
    w.key("also").begin_array();
    for (ClauseChange a : e.also) w.value(to_string(a));
    w.end_array();
    w.member("editorial", e.editorial);
    if (e.reason != MatchReason::none) {
        w.member("score", std::round(static_cast<double>(e.score) * 100.0) / 100.0);
        w.member("reason", to_string(e.reason));
    }
    w.member("presentation", e.replaced ? "replaced" : "inline");
    w.key("old");
    clause_refs(w, *c.old_doc, e.old_ids, e.change == ClauseChange::merged || e.change == ClauseChange::reorganised);
    w.key("new");
    clause_refs(w, *c.new_doc, e.new_ids, e.change == ClauseChange::split || e.change == ClauseChange::reorganised);
    if (!e.links.empty()) {
        w.key("links").begin_array();
        for (auto [o, n] : e.links) w.begin_array().value(std::uint64_t{o}).value(std::uint64_t{n}).end_array();
        w.end_array();
    }
    if (e.title_changed) edits(w.key("title_edits"), e.title_edits);
    if (!e.edits.empty()) edits(w.key("edits"), e.edits);
    w.end_object();
}

void strings(JsonWriter& w, const std::vector<std::string>& v) {
    w.begin_array();
    for (const auto& x : v) w.value(x);
    w.end_array();
}

void provision_side(JsonWriter& w, const Document& doc, const Analysis& a, const ProvisionPlace& place) {
    if (!place.present()) {
        w.null();
        return;
    }
    const Unit& u = a.units[place.unit];
    const Block& block = doc.blocks()[u.block];
    w.begin_object();
    w.member("clause", doc.label(u.clause));
    w.member("kind", to_string(u.what.kind));
    w.member("polarity", to_string(u.what.polarity));
    w.member("form", u.what.form.text());
    w.member("text", unit_text(doc, u));
    w.member("line", block.where.line);
    if (u.inherited) w.member("inherited", true);
    w.end_object();
}

void provisions(JsonWriter& w, const Comparison& c) {
    w.begin_array();
    for (const ProvisionChange& p : c.provisions) {
        w.begin_object();
        w.member("change", to_string(p.change));
        if (p.also_moved) w.key("also").begin_array().value("moved").end_array();
        w.key("old");
        provision_side(w, *c.old_doc, c.old_analysis, p.old_place);
        w.key("new");
        provision_side(w, *c.new_doc, c.new_analysis, p.new_place);
        w.key("references").begin_object();
        strings(w.key("removed"), p.references_removed);
        strings(w.key("added"), p.references_added);
        w.end_object();
        w.end_object();
    }
    w.end_array();
}

}  // namespace

void write_report_json(const Comparison& c, OutputSink& sink) {
    JsonWriter w(sink);
    w.begin_object();
    w.member("schema", report_schema);
    side(w.key("old"), *c.old_doc, c.old_analysis);
    side(w.key("new"), *c.new_doc, c.new_analysis);
    w.key("summary").begin_object();
    w.key("clauses").begin_object();
    for (ClauseChange k : {ClauseChange::unchanged, ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved,
                           ClauseChange::added, ClauseChange::removed, ClauseChange::split, ClauseChange::merged,
                           ClauseChange::reorganised})
        w.member(to_string(k), c.summary.counts[static_cast<int>(k)]);
    w.end_object();
    w.key("provisions").begin_object();
    for (ProvisionChangeKind k : {ProvisionChangeKind::removed, ProvisionChangeKind::added, ProvisionChangeKind::weakened,
                                  ProvisionChangeKind::strengthened, ProvisionChangeKind::negated,
                                  ProvisionChangeKind::modified, ProvisionChangeKind::moved})
        w.member(to_string(k), c.provision_counts[static_cast<int>(k)]);
    w.end_object();
    w.end_object();
    w.key("clauses").begin_array();
    for (const ClauseEntry& e : c.entries) entry(w, c, e);
    w.end_array();
    provisions(w.key("provisions"), c);
    w.key("references").begin_object();
    strings(w.key("removed"), c.references.removed);
    strings(w.key("added"), c.references.added);
    w.key("normative").begin_object();
    strings(w.key("removed"), c.references.normative_removed);
    strings(w.key("added"), c.references.normative_added);
    w.end_object();
    w.end_object();
    w.key("warnings").begin_array();
    for (const int source : {0, 1, 2}) {   // the old draft's, the new draft's, the comparison's
        const bool old_draft = source == 0;
        const Document& d = old_draft ? *c.old_doc : *c.new_doc;
        for (const Warning& warning : source == 2 ? c.warnings : d.warnings) {
            w.begin_object();
            w.member("draft", old_draft ? "old" : "new");
            w.member("line", warning.where.line);
            if (warning.where.part) {
                w.member("part", d.parts[warning.where.part - 1]);
                w.member("paragraph", warning.where.paragraph);
            }
            if (warning.where.page) w.member("page", warning.where.page);
            w.member("message", warning.message);
            w.end_object();
        }
    }
    w.end_array();
    w.end_object();
    w.finish();
}

std::string write_report_json(const Comparison& c) {
    StringSink sink;
    write_report_json(c, sink);
    return sink.release();
}

}  // namespace redline::formats
