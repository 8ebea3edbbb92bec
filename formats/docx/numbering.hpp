// Internal to formats/docx: automatic numbering as Word displays it (ECMA-376 Part 1, 17.9).
//
// numbering.xml holds abstract numbering definitions (nine levels each: start value, number
// format, level text "%1.%2", restart rule, legal numbering, suffix) and instances (w:num)
// that point at one and may override levels or their start values. Word keeps one set of
// counters per abstract definition: every instance of it continues the same sequence, except
// that an instance's startOverride restarts its level the first time that instance is used.
// An abstract definition with numStyleLink takes its levels and counters from the definition
// of the numbering style it names (the one whose styleLink names that style).
#pragma once

#include <pugixml.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace redline::formats::docx {

inline constexpr int levels = 9;

struct Level {
    int start = 1;
    std::string format = "decimal";  // numFmt: decimal, upperLetter, chineseCounting, bullet, …
    std::string text;                // lvlText: "%1.%2", "附录%1", "a)" with %n for level n
    int restart = -1;                // lvlRestart (1-based level; 0 never); -1 when absent
    bool legal = false;              // isLgl: every level shown in decimal
    char suffix = '\t';              // suff: '\t', ' ', or 0 (nothing)
    std::string style;               // pStyle: the paragraph style this level belongs to
    std::string font;                // rPr/rFonts ascii (else hAnsi): a bullet's symbol font
};

// The text of `value` in the number format `format` (decimal when Word's format is unknown
// here). "bullet" and "none" give "".
std::string format_number(std::string_view format, int value);

struct Label {
    std::string text;     // as displayed: "6.1.3", "附录A", "a）", "•" (a symbol font's bullet mapped)
    char suffix = '\t';
    bool bullet = false;  // numFmt bullet (or none): a mark, not a number
};

class Numbering {
public:
    // `numbering` is the root of numbering.xml (w:numbering), possibly empty.
    // `style_num_id` gives the numId of a numbering style (w:style w:type="numbering"),
    // 0 when the style has none: numStyleLink is resolved through it.
    void load(pugi::xml_node numbering, const std::unordered_map<std::string, int>& style_num_id);

    bool has_instance(int num_id) const { return instances_.contains(num_id); }
    // The level of instance `num_id` whose pStyle is `style` (a style that carries numbering
    // without a level); -1 when none.
    int level_for_style(int num_id, std::string_view style) const;

    // Numbers a paragraph: advances the counters as Word does and returns the label. nullopt
    // when the instance or its level does not exist.
    std::optional<Label> next(int num_id, int level);

private:
    struct Abstract {
        std::array<Level, levels> level{};
        std::string num_style_link;
        std::string style_link;
    };
    struct Instance {
        int abstract = -1;
        std::array<std::optional<int>, levels> start_override{};
        std::array<std::optional<Level>, levels> level_override{};
    };
    struct Counters {
        std::array<int, levels> value{};
        std::array<bool, levels> set{};
        std::array<std::optional<int>, levels> pending{};   // a startOverride not yet applied
    };
    int resolve(int abstract_id) const;   // follows numStyleLink; -1 when missing
    const Level& level_of(const Instance& inst, int abstract_id, int level) const;
    Label render(const Instance& inst, int abstract_id, int level, const Counters& c) const;

    std::unordered_map<int, Abstract> abstracts_;
    std::unordered_map<int, Instance> instances_;
    std::unordered_map<std::string, int> style_num_id_;
    std::unordered_map<int, Counters> counters_;      // by resolved abstract id
    std::unordered_map<int, bool> instance_used_;
};

}  // namespace redline::formats::docx
