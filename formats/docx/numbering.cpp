#include "formats/docx/numbering.hpp"

#include "engine/utf8.hpp"
#include "formats/docx/symbol_font.hpp"
#include "formats/docx/xml_util.hpp"

#include <limits>

namespace redline::formats::docx {

namespace {

// Word's letters: A … Z, then AA, BB … ZZ, then AAA …
std::string letters(int v, char a) {
    if (v <= 0) return std::to_string(v);
    const int repeat = (v - 1) / 26 + 1;
    return std::string(static_cast<std::size_t>(repeat), static_cast<char>(a + (v - 1) % 26));
}

std::string roman(int v, bool upper) {
    if (v <= 0 || v >= 4000) return std::to_string(v);
    static constexpr std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                            {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                            {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                            {1, "i"}};
    std::string out;
    for (const auto& [n, s] : table)
        while (v >= n) {
            out += s;
            v -= n;
        }
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

constexpr const char* cn_digit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr const char* cn_legal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};

// 一 … 十, 十一, 二十一, 一百零一, 一千零一十: the counting form with 十 百 千, 零 for a gap.
// `digits` are the numerals (zero first), `units` 十 百 千; `ten_alone`: 10–19 without the
// leading 一 (十一, not 一十一).
std::string counting(int v, const char* const* digits, const char* const* units, const char* zero, bool ten_alone) {
    if (v <= 0 || v >= 10000) return std::to_string(v);
    const int d[4] = {v / 1000, v / 100 % 10, v / 10 % 10, v % 10};
    std::string out;
    bool gap = false;
    for (int k = 0; k < 4; ++k) {
        const int place = 3 - k;
        if (d[k] == 0) {
            if (!out.empty()) gap = true;
            continue;
        }
        if (gap) {
            out += zero;
            gap = false;
        }
        if (!(place == 1 && d[k] == 1 && out.empty() && ten_alone)) out += digits[d[k]];
        if (place > 0) out += units[place - 1];
    }
    return out;
}

std::string digit_by_digit(int v, const char* const* digits) {
    if (v < 0) return std::to_string(v);
    std::string out;
    for (char c : std::to_string(v)) out += digits[c - '0'];
    return out;
}

std::string enclosed(int v, char32_t first, int last) {
    if (v < 1 || v > last) return std::to_string(v);
    std::string out;
    text::append(out, first + static_cast<char32_t>(v - 1));
    return out;
}

std::string ordinal(int v) {
    const int tens = v % 100;
    const char* suffix = "th";
    if (tens < 11 || tens > 13) {
        switch (v % 10) {
        case 1: suffix = "st"; break;
        case 2: suffix = "nd"; break;
        case 3: suffix = "rd"; break;
        default: break;
        }
    }
    return std::to_string(v) + suffix;
}

}  // namespace

std::string format_number(std::string_view f, int v) {
    static constexpr const char* units[] = {"十", "百", "千"};
    static constexpr const char* legal_units[] = {"拾", "佰", "仟"};
    if (f == "decimal" || f == "decimalHalfWidth" || f.empty()) return std::to_string(v);
    if (f == "bullet" || f == "none") return "";
    if (f == "upperLetter") return letters(v, 'A');
    if (f == "lowerLetter") return letters(v, 'a');
    if (f == "upperRoman") return roman(v, true);
    if (f == "lowerRoman") return roman(v, false);
    if (f == "decimalZero") return v >= 0 && v < 10 ? "0" + std::to_string(v) : std::to_string(v);
    if (f == "ordinal") return ordinal(v);
    // Word writes 1–99 with 十 in both; from 100 chineseCounting goes digit by digit (一〇〇),
    // chineseCountingThousand on with 百 and 千 (一百).
    if (f == "chineseCounting" || f == "taiwaneseCounting")
        return v >= 100 ? digit_by_digit(v, cn_digit) : counting(v, cn_digit, units, "零", true);
    if (f == "chineseCountingThousand" || f == "taiwaneseCountingThousand" || f == "japaneseCounting")
        return counting(v, cn_digit, units, "零", true);
    if (f == "chineseLegalSimplified") return counting(v, cn_legal, legal_units, "零", false);
    if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand")
        return digit_by_digit(v, cn_digit);
    if (f == "ideographTraditional") {
        static constexpr const char* stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
        return v >= 1 ? stems[(v - 1) % 10] : std::to_string(v);
    }
    if (f == "ideographZodiac") {
        static constexpr const char* branches[] = {"子", "丑", "寅", "卯", "辰", "巳",
                                                   "午", "未", "申", "酉", "戌", "亥"};
        return v >= 1 ? branches[(v - 1) % 12] : std::to_string(v);
    }
    if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") return enclosed(v, U'①', 20);
    if (f == "decimalEnclosedParen") return enclosed(v, U'⑴', 20);
    if (f == "decimalEnclosedFullstop") return enclosed(v, U'⒈', 20);
    if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
        std::string out;
        for (char c : std::to_string(v)) text::append(out, c == '-' ? U'－' : U'０' + static_cast<char32_t>(c - '0'));
        return out;
    }
    return std::to_string(v);
}

namespace {

Level read_level(pugi::xml_node lvl, Level base) {
    if (auto n = lvl.child("w:start")) base.start = val_int(n, base.start);
    if (auto n = lvl.child("w:numFmt")) base.format = val(n);
    if (auto n = lvl.child("w:lvlText")) base.text = val(n);
    if (auto n = lvl.child("w:lvlRestart")) base.restart = val_int(n, -1);
    if (auto n = lvl.child("w:isLgl")) base.legal = on(n);
    if (auto n = lvl.child("w:suff")) {
        const std::string_view s = val(n);
        base.suffix = s == "space" ? ' ' : s == "nothing" ? '\0' : '\t';
    }
    if (auto n = lvl.child("w:pStyle")) base.style = val(n);
    if (auto f = lvl.child("w:rPr").child("w:rFonts")) {
        const std::string_view ascii = f.attribute("w:ascii").value();
        base.font = ascii.empty() ? f.attribute("w:hAnsi").value() : ascii;
    }
    return base;
}

}  // namespace

void Numbering::load(pugi::xml_node numbering, const std::unordered_map<std::string, int>& style_num_id) {
    style_num_id_ = style_num_id;
    for (pugi::xml_node a : numbering.children("w:abstractNum")) {
        Abstract abs;
        for (pugi::xml_node lvl : a.children("w:lvl")) {
            const int k = to_int(lvl.attribute("w:ilvl").value(), -1);
            if (k >= 0 && k < levels) abs.level[static_cast<std::size_t>(k)] = read_level(lvl, Level{});
        }
        abs.num_style_link = val(a.child("w:numStyleLink"));
        abs.style_link = val(a.child("w:styleLink"));
        abstracts_.emplace(to_int(a.attribute("w:abstractNumId").value(), -1), std::move(abs));
    }
    for (pugi::xml_node n : numbering.children("w:num")) {
        Instance inst;
        inst.abstract = val_int(n.child("w:abstractNumId"), -1);
        for (pugi::xml_node o : n.children("w:lvlOverride")) {
            const int k = to_int(o.attribute("w:ilvl").value(), -1);
            if (k < 0 || k >= levels) continue;
            const auto kk = static_cast<std::size_t>(k);
            if (auto s = o.child("w:startOverride")) inst.start_override[kk] = val_int(s, 1);
            if (auto lvl = o.child("w:lvl")) inst.level_override[kk] = read_level(lvl, Level{});
        }
        instances_.emplace(to_int(n.attribute("w:numId").value(), -1), std::move(inst));
    }
}

int Numbering::resolve(int abstract_id) const {
    // numStyleLink → the numbering style → its numId → that instance's abstract definition.
    // A cycle or a dead end keeps the definition it started from.
    int id = abstract_id;
    for (int hops = 0; hops < 8; ++hops) {
        auto a = abstracts_.find(id);
        if (a == abstracts_.end()) return -1;
        if (a->second.num_style_link.empty()) return id;
        auto s = style_num_id_.find(a->second.num_style_link);
        if (s == style_num_id_.end()) return id;
        auto inst = instances_.find(s->second);
        if (inst == instances_.end() || inst->second.abstract == id) return id;
        id = inst->second.abstract;
    }
    return id;
}

const Level& Numbering::level_of(const Instance& inst, int abstract_id, int level) const {
    const auto k = static_cast<std::size_t>(level);
    if (inst.level_override[k]) return *inst.level_override[k];
    return abstracts_.at(abstract_id).level[k];
}

int Numbering::level_for_style(int num_id, std::string_view style) const {
    auto inst = instances_.find(num_id);
    if (inst == instances_.end()) return -1;
    const int abs = resolve(inst->second.abstract);
    if (abs < 0) return -1;
    for (int k = 0; k < levels; ++k)
        if (level_of(inst->second, abs, k).style == style) return k;
    return -1;
}

Label Numbering::render(const Instance& inst, int abs, int level, const Counters& c) const {
    const Level& lv = level_of(inst, abs, level);
    Label out;
    out.suffix = lv.suffix;
    out.bullet = lv.format == "bullet" || lv.format == "none";
    if (out.bullet) {
        // Word stores a Symbol or Wingdings bullet as the font's private-use code ("\uF0B7"):
        // the mark it shows is taken instead, and a code no mapping knows is left out.
        if (lv.format == "bullet") {
            const std::string_view t = lv.text;
            for (std::size_t i = 0; i < t.size();)
                if (const char32_t c = symbol_char(lv.font, text::next(t, i)); c != 0) text::append(out.text, c);
        }
        return out;
    }
    const std::string& t = lv.text;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
            const int k = t[i + 1] - '1';
            const Level& other = level_of(inst, abs, k);
            const auto kk = static_cast<std::size_t>(k);
            const int value = c.set[kk] ? c.value[kk] : other.start;
            // isLgl shows every level in decimal (decimalZero keeps its leading zero).
            const bool decimal = lv.legal && other.format != "decimalZero";
            out.text += format_number(decimal ? std::string_view("decimal") : std::string_view(other.format), value);
            ++i;
            continue;
        }
        out.text += t[i];
    }
    return out;
}

std::optional<Label> Numbering::next(int num_id, int level) {
    if (level < 0 || level >= levels) return std::nullopt;
    auto inst = instances_.find(num_id);
    if (inst == instances_.end()) return std::nullopt;
    const int abs = resolve(inst->second.abstract);
    if (abs < 0) return std::nullopt;
    Counters& c = counters_[abs];
    if (!instance_used_[num_id]) {
        // startOverride applies once: the first time this instance is used.
        instance_used_[num_id] = true;
        for (std::size_t k = 0; k < levels; ++k)
            if (inst->second.start_override[k]) c.pending[k] = inst->second.start_override[k];
    }
    const auto k = static_cast<std::size_t>(level);
    const Level& lv = level_of(inst->second, abs, level);
    if (c.pending[k]) {
        c.value[k] = *c.pending[k];
        c.pending[k].reset();
    } else {
        c.value[k] = c.set[k] ? (c.value[k] < std::numeric_limits<int>::max() ? c.value[k] + 1 : c.value[k]) : lv.start;
    }
    c.set[k] = true;
    // Deeper levels restart: by default after any higher level; with lvlRestart n only after
    // level n or a higher one; never with lvlRestart 0.
    for (int d = level + 1; d < levels; ++d) {
        const int restart = level_of(inst->second, abs, d).restart;
        const bool resets = restart < 0 || (restart > 0 && level < restart);
        if (resets) c.set[static_cast<std::size_t>(d)] = false;
    }
    return render(inst->second, abs, level, c);
}

}  // namespace redline::formats::docx
