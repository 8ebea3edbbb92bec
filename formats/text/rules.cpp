#include "formats/text/rules.hpp"

#include "formats/text/numbering.hpp"
#include "formats/text/scan.hpp"
#include "engine/text.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace redline::formats::rules {

namespace {

// Words a clause title never starts with: a number followed by one of them is a reference in
// running text ("5.2 规定的…", "3.1 中的…") or a quantity ("3 年", "5 个").
constexpr std::string_view zh_stop_words[] = {"的", "中的", "中规定", "中所", "规定", "所述", "所列", "条", "款",
                                              "项", "章", "节", "、", "，", "。", "；", "年", "月", "日", "个",
                                              "次", "倍", "%", "％", "）", ")", "~", "～"};
// Conjunctions start a title ("与互操作性有关的功能要求") unless another number follows
// them: "5.2 和 5.3 规定的…", "6.1 至 6.4".
constexpr std::string_view conjunctions[] = {"和", "或", "及", "与", "至", "到", "and", "or", "to"};

}  // namespace

bool starts_like_running_text(std::string_view rest) {
    const char32_t c = text::first(rest);
    if (c >= 'a' && c <= 'z') return true;  // "3.1 of ISO 9001", "2 bytes"
    // A one-character stop word counts only as a word of its own: "3 年" and "5 日" are
    // quantities, but "6.5 日志与审计", "6.3 个人信息保护" and "7 项目管理" are titles.
    const std::string_view head = rest.substr(0, text::char_boundary(rest, 64));
    const std::vector<text::Token> words = text::tokenize(head);
    const std::string_view first_word = words.empty() ? std::string_view() : head.substr(words[0].offset, words[0].length);
    for (auto w : zh_stop_words) {
        if (!scan::starts_with(rest, w)) continue;
        const bool one_char = text::first(w) >= 0x80 && w.size() <= 3;
        if (!one_char || first_word == w) return true;
    }
    for (auto w : conjunctions) {
        if (!scan::starts_with(rest, w)) continue;
        const std::string_view after = scan::trim_left(rest.substr(w.size()));
        if (scan::digit(text::first(after)) >= 0) return true;
    }
    return false;
}

bool looks_like_table_cells(std::string_view rest) {
    if (rest.find('|') != std::string_view::npos || rest.find('\t') != std::string_view::npos) return true;
    std::size_t gaps = 0;
    for (std::size_t p = rest.find("  "); p != std::string_view::npos; p = rest.find("  ", p)) {
        ++gaps;
        while (p < rest.size() && rest[p] == ' ') ++p;
    }
    return gaps >= 2 || rest.find("   ") != std::string_view::npos;
}

bool is_terms_title(std::string_view title) {
    if (title.find("术语") != std::string_view::npos) return true;
    if (text::starts_with_ci(title, "terms")) return true;
    return text::ascii_lower(title).find("definitions") != std::string::npos;
}

bool is_term_like(std::string_view t) {
    if (t.empty() || scan::ends_sentence(t) || scan::width(t) > 100) return false;
    const char32_t c = text::first(t);
    return c != '[' && c != U'【' && c != U'［';
}

bool is_definition_like(std::string_view t) { return scan::ends_sentence(t) || scan::width(t) > 100; }

std::pair<std::string_view, std::string_view> split_term(std::string_view t) {
    std::size_t cjk_end = 0;
    for (std::size_t i = 0; i < t.size();) {
        const char32_t c = text::next(t, i);
        if (scan::is_cjk(c) && c != 0x3000) cjk_end = i;
    }
    if (cjk_end == 0) return {t, {}};
    const std::string_view tail = scan::trim(t.substr(cjk_end));
    if (tail.empty() || !scan::is_ascii_alpha(text::first(tail))) return {t, {}};
    return {scan::trim(t.substr(0, cjk_end)), tail};
}

bool ends_with_colon(std::string_view t) {
    const char32_t c = scan::last_significant(t);
    return c == ':' || c == U'：';
}

namespace {

// Words that end no sentence, title or reference entry: a line ending with one is wrapped.
// Lower case only: "Annex A", "Part A" end titles.
bool ends_mid_sentence(std::string_view line) {
    line = scan::trim(line);
    if (line.ends_with(",")) return true;
    std::size_t b = line.size();
    while (b > 0 && std::isalpha(static_cast<unsigned char>(line[b - 1]))) --b;
    if (b > 0 && line[b - 1] != ' ') return false;
    static constexpr std::string_view function_words[] = {"in", "of", "to", "and", "or", "the", "a", "an", "by", "with",
                                                          "from", "per", "see", "than", "as", "for", "under", "on",
                                                          "at", "via", "that", "is", "are", "be", "nor"};
    const std::string_view word = line.substr(b);
    return std::find(std::begin(function_words), std::end(function_words), word) != std::end(function_words);
}

}  // namespace

bool starts_paragraph(std::string_view t, std::string_view before) {
    if (t.size() >= 2 && t[0] == '[' && (std::isdigit(static_cast<unsigned char>(t[1])) || scan::starts_with(t, "[RFC")))
        return !ends_mid_sentence(before);
    const std::size_t id = numbering::identifier_length(t);
    if (id == 0 || ends_mid_sentence(before)) return false;
    // After a line ending in a lower-case word, an identifier that running text follows ("RFC
    // 8446 and RFC 9000.", "BCP 14 [RFC2119]") goes on with the sentence. A comma does not
    // tell: "ISO 9001, Quality management systems" is a reference entry after one that ends
    // "— Registered symbols".
    const std::string_view prev = scan::trim(before);
    if (prev.empty() || !std::islower(static_cast<unsigned char>(prev.back()))) return true;
    const std::string_view rest = t.substr(id);
    if (rest.empty()) return true;
    if (rest[0] == '.' || rest[0] == ';' || rest[0] == ')') return false;
    return !(rest[0] == ' ' && rest.size() > 1 && (rest[1] == '[' || std::islower(static_cast<unsigned char>(rest[1]))));
}

std::optional<Organisations> drafting_organisations(std::string_view text) {
    Organisations out;
    std::size_t list_begin = std::string_view::npos;
    if (const auto p = text.find("起草单位"); p != std::string_view::npos && p <= 24) {
        std::size_t i = p + std::string_view("起草单位").size();
        i = scan::skip_space(text, i);
        if (scan::starts_with(text.substr(i), "：")) i += std::string_view("：").size();
        else if (scan::starts_with(text.substr(i), ":")) i += 1;
        else if (scan::starts_with(text.substr(i), "是")) i += std::string_view("是").size();
        else if (scan::starts_with(text.substr(i), "为")) i += std::string_view("为").size();
        else return std::nullopt;
        list_begin = i;
    } else {
        const std::string lower = text::ascii_lower(text.substr(0, std::min<std::size_t>(text.size(), 200)));
        if (const auto q = lower.find("drafted by"); q != std::string::npos) {
            list_begin = q + 10;
        } else if (const auto r = lower.find("drafting organization"); r != std::string::npos) {
            const auto colon = lower.find(':', r);
            if (colon == std::string::npos) return std::nullopt;
            list_begin = colon + 1;
        } else {
            return std::nullopt;
        }
        while (list_begin < text.size() && (text[list_begin] == ':' || text[list_begin] == ' ')) ++list_begin;
    }
    out.lead = scan::trim(text.substr(0, list_begin));
    std::string_view list = scan::trim(text.substr(list_begin));
    while (!list.empty()) {
        const char32_t c = text::last(list);
        if (c != U'。' && c != '.' && c != U'；' && c != ';') break;
        // "… Co., Ltd." ends the sentence and the abbreviation with one full stop: keep it.
        if (c == '.' && (list.ends_with(" Ltd.") || list.ends_with(" Inc.") || list.ends_with(" Co.") ||
                         list.ends_with(" Corp.") || list.ends_with(" S.A.")))
            break;
        std::size_t e = list.size();
        text::prev(list, e);
        list = scan::trim(list.substr(0, e));
    }
    // Split on 、，, ；; and the English "and".
    std::size_t begin = 0;
    auto push = [&](std::size_t end) {
        std::string_view name = scan::trim(list.substr(begin, end - begin));
        if (scan::starts_with(name, "and ")) name = scan::trim(name.substr(4));
        if (name.empty()) return;
        // "Example Co., Ltd.": a company suffix after a comma is part of the name.
        static constexpr std::string_view suffixes[] = {"Ltd", "Ltd.", "Inc", "Inc.", "LLC", "GmbH", "AG",
                                                        "S.A.", "Corp.", "Co.", "Limited", "plc"};
        for (auto suffix : suffixes) {
            if (name == suffix && !out.names.empty()) {
                const std::string_view prev = out.names.back();
                out.names.back() = std::string_view(prev.data(), static_cast<std::size_t>(name.data() + name.size() - prev.data()));
                return;
            }
        }
        out.names.push_back(name);
    };
    // "and" separates only the last two names ("…, A and B"); inside a name it is part of it
    // ("Beijing Information Security Test and Evaluation Center").
    static constexpr std::string_view company_suffixes[] = {"Ltd", "Inc", "LLC", "GmbH", "AG", "S.A.", "Corp", "Co.", "Limited", "plc"};
    std::size_t last_separator = 0;
    for (std::size_t i = 0; i < list.size();) {
        const std::size_t at = i;
        const char32_t c = text::next(list, i);
        if (c != U'、' && c != U'，' && c != ',' && c != U'；' && c != ';') continue;
        const std::string_view after = scan::trim_left(list.substr(i));
        bool suffix = false;
        for (auto sfx : company_suffixes) suffix = suffix || scan::starts_with(after, sfx);
        if (!suffix) last_separator = at;  // "Co., Ltd." does not separate names
    }
    std::size_t final_and = list.rfind(" and ");
    if (final_and == std::string_view::npos || final_and < last_separator) final_and = std::string_view::npos;
    for (std::size_t i = 0; i < list.size();) {
        const std::size_t at = i;
        const char32_t c = text::next(list, i);
        if (c == U'、' || c == U'，' || c == ',' || c == U'；' || c == ';') {
            push(at);
            begin = i;
        } else if (at == final_and) {
            push(at);
            begin = at + 5;
            i = at + 5;
        }
    }
    push(list.size());
    if (out.names.size() < 2) return std::nullopt;
    return out;
}

}  // namespace redline::formats::rules
