#include "formats/docx/styles.hpp"

#include "formats/docx/xml_util.hpp"

namespace redline::formats::docx {

void Styles::load(pugi::xml_node styles) {
    for (pugi::xml_node s : styles.children("w:style")) {
        const std::string_view type = s.attribute("w:type").value();
        const std::string id = s.attribute("w:styleId").value();
        const pugi::xml_node ppr = s.child("w:pPr");
        const pugi::xml_node num = ppr.child("w:numPr");
        if (type == "numbering") {
            numbering_styles_[id] = val_int(num.child("w:numId"), 0);
            continue;
        }
        if (type != "paragraph" && !type.empty()) continue;
        Raw raw;
        raw.based_on = val(s.child("w:basedOn"));
        if (auto o = ppr.child("w:outlineLvl")) raw.own.outline_level = val_int(o, 9) >= 9 ? 9 : val_int(o, 9);
        if (auto n = num.child("w:numId")) raw.own.num_id = val_int(n, 0);
        if (auto l = num.child("w:ilvl")) raw.own.level = val_int(l, 0);
        const std::string_view is_default = s.attribute("w:default").value();
        if (is_default == "1" || is_default == "true" || is_default == "on") default_ = id;
        raw_.emplace(id, std::move(raw));
    }
}

const StyleFacts& Styles::paragraph(std::string_view style_id) const {
    std::string id(style_id);
    if (id.empty() || !raw_.contains(id)) id = default_;
    if (auto it = resolved_.find(id); it != resolved_.end()) return it->second;
    if (!raw_.contains(id)) return none_;
    // Walk the chain (bounded: a cycle in basedOn ends it) taking each fact from the nearest
    // style that gives it.
    StyleFacts f;
    bool outline = false, num = false, level = false;
    std::string at = id;
    for (int hops = 0; hops < 64 && !at.empty(); ++hops) {
        auto r = raw_.find(at);
        if (r == raw_.end()) break;
        const StyleFacts& own = r->second.own;
        if (!outline && own.outline_level >= 0) {
            f.outline_level = own.outline_level >= 9 ? -1 : own.outline_level;
            outline = true;
        }
        if (!num && own.num_id >= 0) {
            f.num_id = own.num_id;
            num = true;
        }
        if (!level && own.level >= 0) {
            f.level = own.level;
            level = true;
        }
        at = r->second.based_on;
    }
    return resolved_.emplace(id, f).first->second;
}

}  // namespace redline::formats::docx
