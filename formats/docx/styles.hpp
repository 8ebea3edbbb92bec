// Internal to formats/docx: paragraph styles with their basedOn chains resolved — the outline
// level and the numbering a style gives its paragraphs (ECMA-376 Part 1, 17.7).
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

namespace redline::formats::docx {

struct StyleFacts {
    int outline_level = -1;   // 0–8; -1 for body text (no outlineLvl, or 9)
    int num_id = -1;          // -1 none given; 0 explicitly none
    int level = -1;           // ilvl; -1 none given
};

class Styles {
public:
    // `styles` is the root of styles.xml (w:styles), possibly empty.
    void load(pugi::xml_node styles);
    // The facts of a paragraph style through its basedOn chain; an unknown or empty id is the
    // default paragraph style.
    const StyleFacts& paragraph(std::string_view style_id) const;
    // The numId of each numbering style (for numStyleLink).
    const std::unordered_map<std::string, int>& numbering_styles() const { return numbering_styles_; }

private:
    struct Raw {
        std::string based_on;
        StyleFacts own;
    };
    std::unordered_map<std::string, Raw> raw_;
    mutable std::unordered_map<std::string, StyleFacts> resolved_;
    std::unordered_map<std::string, int> numbering_styles_;
    std::string default_;
    StyleFacts none_;
};

}  // namespace redline::formats::docx
