#include "formats/text/cover.hpp"

#include "formats/text/numbering.hpp"
#include "formats/text/scan.hpp"

#include "engine/text.hpp"

#include <cctype>
#include <string>
#include <string_view>

namespace redline::formats::cover {

namespace {

using numbering::identifier_length;

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

// Identifiers found in `s` (each where an identifier starts a word), in order.
template <class F>
void for_each_identifier(std::string_view s, F&& f) {
    for (std::size_t i = 0; i < s.size();) {
        const bool word_start = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '/');
        if (word_start && s[i] >= 'A' && s[i] <= 'Z') {
            if (const std::size_t n = identifier_length(s.substr(i))) {
                f(s.substr(i, n));
                i += n;
                continue;
            }
        }
        ++i;
    }
}

enum class Script { none, han, latin };

Script script_of(std::string_view s) {
    std::size_t han = 0, latin = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = text::next(s, i);
        if (text::is_han(c)) ++han;
        else if (scan::is_ascii_alpha(c)) ++latin;
    }
    if (han == 0 && latin == 0) return Script::none;
    return han * 3 >= latin ? Script::han : Script::latin;
}

constexpr std::string_view zh_stages[] = {"征求意见稿", "送审稿", "报批稿", "讨论稿", "草案"};
constexpr std::string_view en_stages[] = {"final draft international standard", "draft international standard",
                                          "committee draft", "working draft", "draft for comments",
                                          "draft for review", "draft for approval", "draft for discussion",
                                          "draft for submission", "internet-draft"};

// The stage named in the line, as printed; empty when none.
std::string_view find_stage(std::string_view t) {
    for (auto s : zh_stages)
        if (const auto p = t.find(s); p != std::string_view::npos) return t.substr(p, s.size());
    const std::string lower = text::ascii_lower(t);
    for (auto s : en_stages)
        if (const auto p = lower.find(s); p != std::string::npos) return t.substr(p, s.size());
    return {};
}

// Lines of a cover that are never its title.
bool is_boilerplate(std::string_view t, std::string_view raw) {
    static constexpr std::string_view phrases[] = {
        "中华人民共和国国家标准", "中华人民共和国国家标准化指导性技术文件", "国家标准",
        "National Standard of the People's Republic of China", "Network Working Group",
        "International Standard"};
    // Covers print these in capitals as often as not ("NATIONAL STANDARD OF THE …").
    for (auto p : phrases)
        if (text::equals_ci(t, p)) return true;
    // "2023-08-25 发布", "XXXX-XX-XX 实施", "国家标准化管理委员会 发布" — but not a title
    // such as "…实施指南".
    if (scan::ends_with(t, "发布") || scan::ends_with(t, "实施")) return true;
    if (scan::ends_sentence(t)) return true;                              // notices, patent statements
    const char32_t first = text::first(t), last = text::last(t);
    if ((first == '(' || first == U'（' || first == '[' || first == U'【') &&
        (last == ')' || last == U'）' || last == ']' || last == U'】'))
        return true;                                                      // "(征求意见稿)", placeholders
    if (scan::digit(first) >= 0 || first == 'X') return true;             // dates, "1993年…通过"
    for (auto suffix : {std::string_view("局"), std::string_view("委员会")})
        if (t.size() >= suffix.size() && t.substr(t.size() - suffix.size()) == suffix) return true;
    // RFC header block: two columns separated by a wide gap; keyed lines.
    const std::string_view inner = scan::trim(raw);
    if (inner.find("   ") != std::string_view::npos) return true;
    static constexpr std::string_view keys[] = {"Internet-Draft", "Intended status:", "Expires:", "Obsoletes:",
                                                "Updates:", "Category:", "ISSN:", "Request for Comments:",
                                                "Internet Engineering Task Force", "Independent Submission",
                                                "Internet Research Task Force", "Stream:", "Published:", "Workgroup:"};
    for (auto k : keys)
        if (scan::starts_with(t, k)) return true;
    if (scan::starts_with(t, "draft-")) return true;
    // Committees ("ISO/TC 154", "ISO/IEC JTC 1/SC 27", "SAC/TC 260") and keyed lines
    // ("Secretariat: SAC", "Date: 2016-01-01").
    if (contains(t, "/TC ") || contains(t, "JTC ") || scan::starts_with(t, "TC ")) return true;
    if (const auto colon = t.find(':'); colon != std::string_view::npos && colon < 24 &&
                                        t.substr(0, colon).find(' ') == std::string_view::npos)
        return true;
    if (t.find('@') != std::string_view::npos) return true;
    return false;
}

}  // namespace

void read_cover(std::span<const SourceLine> lines, Language language, DocumentInfo& info) {
    const bool fill_identifier = info.identifier.empty();
    const bool fill_stage = info.stage.empty();
    std::string title, alt_title;
    // Title lines of one script continue on the next line until a blank line (a plain-text
    // cover wraps long titles); a Markdown heading is one title on its own.
    Script open_script = Script::none;
    std::string* open_target = nullptr;
    const Script wanted = language == Language::en ? Script::latin : Script::han;

    for (const SourceLine& l : lines) {
        const std::string_view t = scan::trim(l.text);
        if (t.empty() || l.hint == LineHint::blank || l.hint == LineHint::page_break) {
            open_target = nullptr;
            continue;
        }
        const bool replaces_line = contains(t, "代替") || scan::starts_with(t, "Replaces") ||
                                   scan::starts_with(t, "Supersedes") || scan::starts_with(t, "Obsoletes:");
        bool identifier_line = false;
        if (replaces_line) {
            if (scan::starts_with(t, "Obsoletes:")) {
                // "Obsoletes: 5077, 5246 (if approved)      March 9, 2015": the left column only
                std::string_view rest = t.substr(10);
                rest = rest.substr(0, rest.find("   "));
                std::size_t i = 0;
                while (i < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[i])) || rest[i] == ',' ||
                                           rest[i] == ' ')) {
                    while (i < rest.size() && (rest[i] == ',' || rest[i] == ' ')) ++i;
                    const std::size_t b = i;
                    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
                    if (i > b) info.replaces.push_back("RFC " + std::string(rest.substr(b, i - b)));
                }
            } else {
                for_each_identifier(t, [&](std::string_view id) { info.replaces.push_back(text::fold_space(id)); });
            }
        } else if (scan::starts_with(t, "ICS ") || scan::starts_with(t, "CCS ") || scan::starts_with(t, "ICS　") ||
                   scan::starts_with(t, "CCS　")) {
            info.classifications.push_back(text::fold_space(t));
            identifier_line = true;
        } else {
            if (scan::starts_with(t, "Request for Comments:")) {
                const std::string_view n = scan::trim(t.substr(21));
                std::size_t e = 0;
                while (e < n.size() && std::isdigit(static_cast<unsigned char>(n[e]))) ++e;
                if (e > 0 && fill_identifier && info.identifier.empty()) info.identifier = "RFC " + std::string(n.substr(0, e));
                identifier_line = true;
            }
            if (scan::starts_with(t, "draft-")) {
                std::size_t e = 0;
                while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '-' || t[e] == '.')) ++e;
                if (fill_identifier && info.identifier.empty()) info.identifier = std::string(t.substr(0, e));
                identifier_line = true;
            }
            for_each_identifier(t, [&](std::string_view id) {
                if (fill_identifier && info.identifier.empty()) info.identifier = text::fold_space(id);
                identifier_line = true;
            });
            if (scan::starts_with(t, "Internet-Draft") && fill_stage && info.stage.empty()) info.stage = "Internet-Draft";
        }
        const std::string_view stage = find_stage(t);
        if (!stage.empty() && fill_stage && info.stage.empty()) info.stage = std::string(stage);

        if (replaces_line || identifier_line || !stage.empty() || is_boilerplate(t, l.text)) {
            open_target = nullptr;
            continue;
        }
        const Script script = script_of(t);
        if (script == Script::none) {
            open_target = nullptr;
            continue;
        }
        if (open_target && script == open_script && l.hint != LineHint::heading) {
            *open_target += ' ';
            *open_target += text::fold_space(t);
            continue;
        }
        std::string& target = script == wanted ? title : alt_title;
        if (!target.empty()) {
            open_target = nullptr;
            continue;
        }
        target = text::fold_space(t);
        open_target = l.hint == LineHint::heading ? nullptr : &target;
        open_script = script;
    }
    if (info.title.empty()) info.title = title;
    if (info.alt_title.empty()) info.alt_title = alt_title;
}

}  // namespace redline::formats::cover
