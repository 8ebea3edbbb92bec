#include "formats/pdf/furniture.hpp"

#include "engine/utf8.hpp"
#include "formats/text/scan.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace redline::formats::pdf {

namespace {

enum class Kind : std::uint8_t { keep, running, page_number, line_number, watermark };

bool roman_word(std::string_view w) {
    if (w.empty() || w.size() > 7) return false;
    for (char c : w)
        if (std::string_view("ivxlcIVXLC").find(c) == std::string_view::npos) return false;
    return true;
}

// The text with white space folded, ASCII in lower case, and every number — a run of digits,
// or a word of Roman numerals — as '#': "Page 10 of 231" and "Page 11 of 231" are one key.
std::string mask_numbers(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t j = i;
        const char32_t c = text::next(s, j);
        if (scan::digit(c) >= 0) {
            while (j < s.size()) {
                std::size_t k = j;
                if (scan::digit(text::next(s, k)) < 0) break;
                j = k;
            }
            out += '#';
        } else if (scan::is_ascii_alpha(c) && (i == 0 || !scan::is_ascii_alpha(static_cast<unsigned char>(s[i - 1])))) {
            std::size_t e = i;
            while (e < s.size() && scan::is_ascii_alpha(static_cast<unsigned char>(s[e]))) ++e;
            const std::string_view w = s.substr(i, e - i);
            if (roman_word(w)) {
                out += '#';
            } else {
                for (char ch : w) out += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
            }
            j = e;
        } else if (text::prints_blank(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out.append(s.substr(i, j - i));
        }
        i = j;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A masked line that is only a page number, with its decoration.
bool page_number_text(std::string_view masked) {
    std::string bare;
    for (std::size_t i = 0; i < masked.size();) {
        std::size_t j = i;
        const char32_t c = text::next(masked, i);
        const bool decoration = c == ' ' || c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2212 ||
                                c == '[' || c == ']' || c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 || c == '|' ||
                                c == '.' || c == 0x00B7 || c == 0x2022 || c == 0x3000;
        if (!decoration) bare.append(masked.substr(j, i - j));
    }
    static const std::set<std::string, std::less<>> forms = {
        "#", "page#", "page#of#", "#of#", "#/#", "page#/#", "p#", "pg#", "\xE7\xAC\xAC#\xE9\xA1\xB5",   // 第#页
        "\xE7\xAC\xAC#\xE9\xA1\xB5\xE5\x85\xB1#\xE9\xA1\xB5",                                          // 第#页共#页
        "\xE5\x85\xB1#\xE9\xA1\xB5\xE7\xAC\xAC#\xE9\xA1\xB5",                                          // 共#页第#页
        "#\xE9\xA1\xB5"};                                                                              // #页
    return forms.contains(bare);
}

bool known_watermark(std::string_view s) {
    std::string bare;
    for (char c : s)
        if (c != ' ') bare += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    static const std::set<std::string, std::less<>> words = {
        "DRAFT", "CONFIDENTIAL", "\xE5\xBE\x81\xE6\xB1\x82\xE6\x84\x8F\xE8\xA7\x81\xE7\xA8\xBF",   // 征求意见稿
        "\xE9\x80\x81\xE5\xAE\xA1\xE7\xA8\xBF",   // 送审稿
        "\xE6\x8A\xA5\xE6\x89\xB9\xE7\xA8\xBF",   // 报批稿
        "\xE8\x8D\x89\xE6\xA1\x88"};              // 草案
    return words.contains(bare);
}

bool all_digits(std::string_view s) {
    if (s.empty() || s.size() > 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A short excerpt for a warning: at most 80 bytes, cut between characters.
std::string excerpt(std::string_view s) {
    std::size_t end = s.size();
    if (end > 80) {
        end = 80;
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;   // not inside a character
    }
    std::string out(s.substr(0, end));
    if (end < s.size()) out += "…";
    return out;
}
std::string quoted(std::string_view s) { return '"' + excerpt(s) + '"'; }
std::string quoted_zh(std::string_view s) { return "“" + excerpt(s) + "”"; }

std::string pages_word(std::size_t n) { return std::to_string(n) + (n == 1 ? " page" : " pages"); }

}  // namespace

void remove_furniture(std::vector<Line>& lines, const std::vector<Page>& pages, float body_size,
                      std::vector<Warning>& warnings) {
    const std::size_t page_count = pages.size();
    std::vector<Kind> kind(lines.size(), Kind::keep);
    std::vector<std::string> keys(lines.size());

    // Running headers and footers, and page numbers, in the top and bottom bands.
    struct Recurring {
        std::set<std::uint32_t> pages;
        std::size_t first = 0;   // index of its first line
    };
    std::map<std::string, Recurring> recurring;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        const float height = pages[l.page - 1].height;
        const float middle = (l.y0 + l.y1) / 2;
        const bool top = middle < 0.11f * height, bottom = middle > 0.89f * height;
        if (l.rotated || !(top || bottom)) continue;
        std::string masked = mask_numbers(l.text);
        if (page_number_text(masked)) {
            kind[i] = Kind::page_number;
            continue;
        }
        keys[i] = masked + '\n' + std::to_string(std::lround(l.y0 / 4));
        auto [it, added] = recurring.try_emplace(keys[i]);
        if (added) it->second.first = i;
        it->second.pages.insert(l.page);
    }
    std::vector<std::pair<std::size_t, std::size_t>> running;   // first line, pages
    for (const auto& [key, r] : recurring) {
        if (r.pages.size() < 2 || r.pages.size() * 5 < page_count) continue;
        running.emplace_back(r.first, r.pages.size());
    }
    std::sort(running.begin(), running.end());
    std::set<std::string> running_keys;
    for (const auto& [first, n] : running) running_keys.insert(keys[first]);
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (kind[i] == Kind::keep && !keys[i].empty() && running_keys.contains(keys[i])) kind[i] = Kind::running;

    // Watermarks: per page, the text of its oversized or turned lines.
    std::map<std::string, std::set<std::uint32_t>> marks;
    // Left to right: a diagonal mark's letters come in any order.
    std::vector<std::string> page_mark(page_count + 1);
    std::vector<std::pair<float, std::size_t>> big;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        if (i == lines.size() || (i > 0 && lines[i].page != lines[i - 1].page)) {
            std::sort(big.begin(), big.end());
            for (const auto& [x, k] : big) page_mark[lines[k].page] += lines[k].text;
            big.clear();
        }
        if (i < lines.size() && (lines[i].size > 2.2f * body_size || lines[i].rotated)) big.emplace_back(lines[i].x0, i);
    }
    for (std::uint32_t p = 1; p <= page_count; ++p)
        if (!page_mark[p].empty()) marks[page_mark[p]].insert(p);
    std::map<std::string, std::size_t> watermark_pages;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (kind[i] != Kind::keep || !(l.size > 2.2f * body_size || l.rotated)) continue;
        const std::string& mark = page_mark[l.page];
        const std::size_t on = marks[mark].size();
        if (on >= 2 || known_watermark(mark)) {
            kind[i] = Kind::watermark;
            watermark_pages.emplace(mark, on);
        }
    }

    // Margin line numbers: bare numbers outside the page's text column.
    std::size_t line_numbers = 0;
    std::set<std::uint32_t> numbered_pages;
    std::vector<std::size_t> candidates;
    for (std::size_t b = 0; b < lines.size();) {
        std::size_t e = b;
        while (e < lines.size() && lines[e].page == lines[b].page) ++e;
        // The column's edges: the outermost lines of text (numbers in a table's first column
        // stand inside them).
        float text_left = 0, text_right = 0;
        bool any = false;
        for (std::size_t i = b; i < e; ++i)
            if (kind[i] == Kind::keep && lines[i].text.size() >= 8) {
                text_left = any ? std::min(text_left, lines[i].x0) : lines[i].x0;
                text_right = std::max(text_right, lines[i].x1);
                any = true;
            }
        if (any) {
            std::vector<std::size_t> found;
            for (std::size_t i = b; i < e; ++i) {
                const Line& l = lines[i];
                if (kind[i] == Kind::keep && all_digits(l.text) &&
                    (l.x1 < text_left - 0.3f * l.size || l.x0 > text_right + 0.3f * l.size))
                    found.push_back(i);
            }
            if (found.size() >= 3) candidates.insert(candidates.end(), found.begin(), found.end());
            if (found.size() >= 3) numbered_pages.insert(lines[b].page);
        }
        b = e;
    }

    // A draft numbers the lines of every page; a table's first column of numbers is on a few.
    if (numbered_pages.size() * 2 >= page_count && (numbered_pages.size() >= 2 || page_count == 1)) {
        for (std::size_t i : candidates) kind[i] = Kind::line_number;
        line_numbers = candidates.size();
    } else {
        numbered_pages.clear();
    }

    // The warnings, then the removal.
    std::set<std::uint32_t> number_pages;
    std::uint32_t first_number_page = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (kind[i] == Kind::page_number) {
            if (number_pages.empty()) first_number_page = lines[i].page;
            number_pages.insert(lines[i].page);
        }
    auto at_page = [](std::uint32_t page) {
        SourceLocation where;
        where.page = page;
        return where;
    };
    constexpr std::size_t max_listed = 20;
    for (std::size_t k = 0; k < running.size() && k < max_listed; ++k) {
        const Line& l = lines[running[k].first];
        warnings.push_back({at_page(l.page), "removed running header or footer " + quoted(scan::trim(l.text)) + " from " +
                                                  pages_word(running[k].second),
                            "从 " + std::to_string(running[k].second) + " 页删除了页眉或页脚" + quoted_zh(scan::trim(l.text))});
    }
    if (running.size() > max_listed)
        warnings.push_back({at_page(0), "removed " + std::to_string(running.size() - max_listed) +
                                            " more running headers or footers",
                            "另删除了 " + std::to_string(running.size() - max_listed) + " 种页眉或页脚"});
    if (!number_pages.empty())
        warnings.push_back({at_page(first_number_page), "removed page numbers from " + pages_word(number_pages.size()),
                            "从 " + std::to_string(number_pages.size()) + " 页删除了页码"});
    if (line_numbers > 0)
        warnings.push_back({at_page(*numbered_pages.begin()), "removed " + std::to_string(line_numbers) +
                                                               " margin line numbers from " + pages_word(numbered_pages.size()),
                            "从 " + std::to_string(numbered_pages.size()) + " 页删除了 " + std::to_string(line_numbers) +
                                " 个页边行号"});
    for (const auto& [mark, on] : watermark_pages) {
        std::uint32_t first = 0;
        for (std::uint32_t p = 1; p <= page_count && first == 0; ++p)
            if (page_mark[p] == mark) first = p;
        warnings.push_back({at_page(first), "removed watermark " + quoted(mark) + " from " + pages_word(on),
                            "从 " + std::to_string(on) + " 页删除了水印" + quoted_zh(mark)});
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (kind[i] == Kind::keep) {
            if (kept != i) lines[kept] = std::move(lines[i]);
            ++kept;
        }
    lines.resize(kept);
}

}  // namespace redline::formats::pdf
