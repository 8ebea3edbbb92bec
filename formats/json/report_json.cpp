#include "formats/json/report_json.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace redline::formats {

namespace {

using Json = nlohmann::ordered_json;

Json side(const Document& doc) {
    Json j = Json::object();
    j["path"] = doc.info.path;
    j["title"] = doc.info.title;
    j["identifier"] = doc.info.identifier.empty() ? Json(nullptr) : Json(doc.info.identifier);
    j["language"] = std::string(to_string(doc.language));
    return j;
}

Json clause_ref(const Document& doc, ClauseId id) {
    const Clause& c = doc[id];
    Json j = Json::object();
    j["label"] = std::string(doc.label(id));
    j["title"] = std::string(doc.title(id));
    j["kind"] = std::string(to_string(c.kind));
    if (c.where.part) {
        j["part"] = doc.parts[c.where.part - 1];
        j["paragraph"] = c.where.paragraph;
    } else {
        j["line"] = c.where.line;
    }
    return j;
}

// One clause as an object, several (split/merged) as an array, none as null.
Json clause_refs(const Document& doc, const std::vector<ClauseId>& ids, bool many) {
    if (ids.empty()) return nullptr;
    if (!many) return clause_ref(doc, ids.front());
    Json a = Json::array();
    for (ClauseId id : ids) a.push_back(clause_ref(doc, id));
    return a;
}

std::string_view op_name(EditOp op) {
    switch (op) {
    case EditOp::equal: return "equal";
    case EditOp::remove: return "delete";
    case EditOp::insert: return "insert";
    }
    return "equal";
}

Json edits(const std::vector<Edit>& list) {
    Json a = Json::array();
    for (const Edit& e : list) {
        Json j = Json::object();
        j["op"] = std::string(op_name(e.op));
        j["text"] = e.text;
        if (e.editorial) j["editorial"] = true;
        a.push_back(std::move(j));
    }
    return a;
}

Json entry(const Comparison& c, const ClauseEntry& e) {
    Json j = Json::object();
    if (e.number) j["id"] = "C" + std::to_string(e.number);
    j["change"] = std::string(to_string(e.change));
    Json also = Json::array();
    for (ClauseChange a : e.also) also.push_back(std::string(to_string(a)));
    j["also"] = std::move(also);
    j["editorial"] = e.editorial;
    if (e.reason != MatchReason::none) {
        j["score"] = std::round(static_cast<double>(e.score) * 100.0) / 100.0;
        j["reason"] = std::string(to_string(e.reason));
    }
    j["presentation"] = e.replaced ? "replaced" : "inline";
    j["old"] = clause_refs(*c.old_doc, e.old_ids, e.change == ClauseChange::merged);
    j["new"] = clause_refs(*c.new_doc, e.new_ids, e.change == ClauseChange::split);
    if (e.title_changed) j["title_edits"] = edits(e.title_edits);
    if (!e.edits.empty()) j["edits"] = edits(e.edits);
    return j;
}

Json strings(const std::vector<std::string>& v) {
    Json a = Json::array();
    for (const auto& x : v) a.push_back(x);
    return a;
}

Json provision_side(const Document& doc, const Analysis& a, std::uint32_t index) {
    if (index == ProvisionChange::none) return nullptr;
    const Unit& u = a.units[index];
    Json j = Json::object();
    j["clause"] = std::string(doc.label(u.clause));
    j["kind"] = std::string(to_string(u.what.kind));
    j["polarity"] = std::string(to_string(u.what.polarity));
    j["form"] = u.what.form;
    j["text"] = std::string(doc.str(doc.blocks()[u.block].text).substr(u.offset, u.length));
    j["line"] = doc.blocks()[u.block].where.line;
    if (u.inherited) j["inherited"] = true;
    return j;
}

Json provisions(const Comparison& c) {
    Json list = Json::array();
    for (const ProvisionChange& p : c.provisions) {
        Json j = Json::object();
        j["change"] = std::string(to_string(p.change));
        if (p.also_moved) j["also"] = Json::array({"moved"});
        j["old"] = provision_side(*c.old_doc, c.old_analysis, p.old_unit);
        j["new"] = provision_side(*c.new_doc, c.new_analysis, p.new_unit);
        Json refs = Json::object();
        refs["removed"] = strings(p.references_removed);
        refs["added"] = strings(p.references_added);
        j["references"] = std::move(refs);
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace

std::string write_report_json(const Comparison& c) {
    Json j = Json::object();
    j["schema"] = report_schema;
    j["old"] = side(*c.old_doc);
    j["old"]["profile"] = std::string(to_string(c.old_analysis.profile));
    j["new"] = side(*c.new_doc);
    j["new"]["profile"] = std::string(to_string(c.new_analysis.profile));
    Json clauses = Json::object();
    for (ClauseChange k : {ClauseChange::unchanged, ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved,
                           ClauseChange::added, ClauseChange::removed, ClauseChange::split, ClauseChange::merged})
        clauses[std::string(to_string(k))] = c.summary.counts[static_cast<int>(k)];
    Json summary = Json::object();
    summary["clauses"] = std::move(clauses);
    Json provision_counts = Json::object();
    for (ProvisionChangeKind k : {ProvisionChangeKind::removed, ProvisionChangeKind::added, ProvisionChangeKind::weakened,
                                  ProvisionChangeKind::strengthened, ProvisionChangeKind::negated,
                                  ProvisionChangeKind::modified, ProvisionChangeKind::moved})
        provision_counts[std::string(to_string(k))] = c.provision_counts[static_cast<int>(k)];
    summary["provisions"] = std::move(provision_counts);
    j["summary"] = std::move(summary);
    Json entries = Json::array();
    for (const ClauseEntry& e : c.entries) entries.push_back(entry(c, e));
    j["clauses"] = std::move(entries);
    j["provisions"] = provisions(c);
    Json refs = Json::object();
    refs["removed"] = strings(c.references.removed);
    refs["added"] = strings(c.references.added);
    Json normative = Json::object();
    normative["removed"] = strings(c.references.normative_removed);
    normative["added"] = strings(c.references.normative_added);
    refs["normative"] = std::move(normative);
    j["references"] = std::move(refs);
    return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace redline::formats
