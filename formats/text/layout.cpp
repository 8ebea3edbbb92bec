#include "formats/text/layout.hpp"

#include "formats/text/scan.hpp"

#include "engine/text.hpp"

#include <cctype>
#include <string>
#include <unordered_map>

namespace redline::formats::layout {

namespace {

// "… [Page 12]" at the end of a line.
bool is_rfc_footer(std::string_view t) {
    t = scan::trim_right(t);
    if (t.empty() || t.back() != ']') return false;
    std::size_t i = t.size() - 1;
    std::size_t digits = 0;
    while (i > 0 && std::isdigit(static_cast<unsigned char>(t[i - 1]))) {
        --i;
        ++digits;
    }
    if (digits == 0 || digits > 5) return false;
    return i >= 6 && t.substr(i - 6, 6) == "[Page ";
}

// "12", "iv", "- 3 -", "— 3 —", "第 3 页", "Page 3", "3/20": a page number on a line of its
// own. `decorated` is set when dashes or words make it one wherever it stands.
bool is_page_number(std::string_view t, bool* decorated = nullptr) {
    t = scan::trim(t);
    if (t.empty() || t.size() > 32) return false;
    std::string s = scan::squeeze(t);
    bool words = false;
    auto strip = [&](std::string_view p, std::string_view q) {
        if (s.size() >= p.size() + q.size() && s.starts_with(p) && s.ends_with(q)) {
            s = s.substr(p.size(), s.size() - p.size() - q.size());
            words = true;
        }
    };
    if (const auto total = s.find("页共"); total != std::string::npos && s.ends_with("页"))
        s = s.substr(0, total + std::string_view("页").size());  // "第3页共20页"
    strip("第", "页");
    strip("-", "-");
    strip("—", "—");
    strip("–", "–");
    if (s.starts_with("Page")) {
        s = s.substr(4);
        words = true;
        if (const auto of = s.find("of"); of != std::string::npos) s = s.substr(0, of);
    }
    if (decorated) *decorated = words;
    if (const auto slash = s.find('/'); slash != std::string::npos) s = s.substr(0, slash);
    if (s.empty()) return false;
    bool digits = true, roman = true;
    for (char c : s) {
        digits = digits && std::isdigit(static_cast<unsigned char>(c));
        roman = roman && std::string_view("IVXLivxl").find(c) != std::string_view::npos;
    }
    return digits || (roman && s.size() <= 5);
}

// The three-column running header of RFCs ("RFC 8446    TLS    August 2018").
bool is_column_header(std::string_view raw) {
    const std::string_view t = scan::trim(raw);
    std::size_t gaps = 0;
    for (std::size_t p = t.find("  "); p != std::string_view::npos; p = t.find("  ", p)) {
        ++gaps;
        while (p < t.size() && t[p] == ' ') ++p;
    }
    return gaps >= 2 || (gaps >= 1 && (scan::starts_with(t, "RFC ") || scan::starts_with(t, "Internet-Draft")));
}

bool is_blank_line(const SourceLine& l) { return l.hint == LineHint::blank || scan::is_blank(l.text); }

// Short text without sentence punctuation: what running headers and footers look like.
bool could_be_running_line(const SourceLine& l) {
    if (l.hint == LineHint::table_row || l.hint == LineHint::code) return false;
    const std::string_view t = scan::trim(l.text);
    if (t.empty() || t.size() > 80) return false;
    for (std::string_view p : {"。", "，", "；", ". ", ", "})
        if (t.find(p) != std::string_view::npos) return false;
    return true;
}

}  // namespace

Result remove_page_furniture(std::vector<SourceLine> lines, std::vector<Warning>& warnings) {
    Result out;
    std::vector<bool> drop(lines.size(), false);

    // RFC footers become page breaks.
    for (SourceLine& l : lines) {
        if (l.hint != LineHint::code && l.hint != LineHint::table_row && is_rfc_footer(l.text)) {
            l.hint = LineHint::page_break;
            l.text = {};
            out.rfc_pages = true;
        }
    }

    // The non-blank lines on either side of each page break.
    std::vector<std::size_t> after_break, before_break;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].hint != LineHint::page_break) continue;
        std::size_t j = i + 1;
        while (j < lines.size() && is_blank_line(lines[j])) ++j;
        if (j < lines.size() && lines[j].hint != LineHint::page_break) after_break.push_back(j);
        if (i > 0) {
            std::size_t k = i;
            while (k > 0 && is_blank_line(lines[k - 1])) --k;
            if (k > 0 && lines[k - 1].hint != LineHint::page_break) before_break.push_back(k - 1);
        }
    }

    std::size_t page_numbers = 0, headers = 0;
    std::string example;
    auto drop_line = [&](std::size_t i, bool page_number) {
        if (drop[i]) return;
        drop[i] = true;
        if (page_number) {
            ++page_numbers;
        } else {
            ++headers;
            if (example.empty()) example = text::fold_space(lines[i].text);
        }
    };

    // Page numbers in dashes or words, wherever they stand.
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool decorated = false;
        if (lines[i].hint == LineHint::none && is_page_number(lines[i].text, &decorated) && decorated)
            drop_line(i, true);
    }
    // Bare page numbers next to a break; RFC headers after one.
    for (std::size_t j : after_break) {
        if (is_page_number(lines[j].text)) drop_line(j, true);
        else if (out.rfc_pages && is_column_header(lines[j].text)) drop[j] = true;  // normal RFC layout
    }
    for (std::size_t j : before_break)
        if (is_page_number(lines[j].text)) drop_line(j, true);

    // Running headers and footers: the same short line next to three or more page breaks.
    std::unordered_map<std::string, std::size_t> seen;
    auto count = [&](const std::vector<std::size_t>& at) {
        for (std::size_t j : at)
            if (!drop[j] && could_be_running_line(lines[j])) ++seen[scan::squeeze(lines[j].text)];
    };
    count(after_break);
    count(before_break);
    auto drop_repeated = [&](const std::vector<std::size_t>& at) {
        for (std::size_t j : at) {
            if (drop[j] || !could_be_running_line(lines[j])) continue;
            const auto it = seen.find(scan::squeeze(lines[j].text));
            if (it != seen.end() && it->second >= 3) drop_line(j, false);
        }
    };
    drop_repeated(after_break);
    drop_repeated(before_break);

    if (headers > 0)
        warnings.push_back({SourceLocation{}, "removed " + std::to_string(headers) +
                                                  " running header or footer lines (such as \"" + example + "\")",
                            "删除了 " + std::to_string(headers) + " 行页眉或页脚（如“" + example + "”）"});
    if (page_numbers > 0)
        warnings.push_back({SourceLocation{}, "removed " + std::to_string(page_numbers) + " page numbers",
                            "删除了 " + std::to_string(page_numbers) + " 个页码"});

    std::size_t kept = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!drop[i]) lines[kept++] = lines[i];
    lines.resize(kept);
    out.lines = std::move(lines);
    return out;
}

}  // namespace redline::formats::layout
