#include "formats/markdown/attributes.hpp"

#include "formats/markdown/lines.hpp"

namespace redline::formats::markdown {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Index one past the '}' closing the attribute list that starts at `open` ('{'), skipping
// quoted values; npos when unclosed.
std::size_t list_end(std::string_view s, std::size_t open) {
    char quote = 0;
    for (std::size_t i = open + 1; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '}') {
            return i + 1;
        } else if (c == '{') {
            return std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

// Reads the tokens of an attribute list body ("#id .class key="v" key=v name").
void merge_tokens(std::string_view body, Attributes& out) {
    std::size_t i = 0;
    while (i < body.size()) {
        while (i < body.size() && is_space(body[i])) ++i;
        if (i >= body.size()) break;
        const std::size_t start = i;
        std::string_view key, value;
        while (i < body.size() && !is_space(body[i]) && body[i] != '=') ++i;
        key = body.substr(start, i - start);
        if (i < body.size() && body[i] == '=') {
            ++i;
            if (i < body.size() && (body[i] == '"' || body[i] == '\'')) {
                const char q = body[i++];
                const std::size_t vstart = i;
                while (i < body.size() && body[i] != q) ++i;
                value = body.substr(vstart, i - vstart);
                if (i < body.size()) ++i;
            } else {
                const std::size_t vstart = i;
                while (i < body.size() && !is_space(body[i])) ++i;
                value = body.substr(vstart, i - vstart);
            }
        }
        if (key.size() > 1 && key.front() == '#') {
            out.anchor = std::string(key.substr(1));
        } else if (key == ".unnumbered" || key == "unnumbered" || key == "-") {
            out.unnumbered = true;
        } else if (key == "numbered" && value == "false") {
            out.unnumbered = true;
        } else if (key == "title" && !value.empty()) {
            out.title = std::string(value);
        }
    }
}

}  // namespace

bool parse_attribute_lists(std::string_view text, Attributes& out) {
    text = trim(text);
    if (text.empty()) return false;
    Attributes found;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
            continue;
        }
        // "{::" opens an extension (comment, nomarkdown) and "{:/" closes one: not attributes.
        if (!text.substr(i).starts_with("{:") || i + 2 >= text.size() || text[i + 2] == ':' ||
            text[i + 2] == '/')
            return false;
        const std::size_t end = list_end(text, i);
        if (end == std::string_view::npos) return false;
        std::string_view body = text.substr(i + 2, end - i - 3);
        // An attribute list definition "{:name: …}" names a reusable list; its own content
        // does not apply to any block, but it is still markup, not text.
        const auto colon = body.find(':');
        if (colon != std::string_view::npos && colon > 0 && body.find_first_of(" \t\"'=") > colon)
            body = {};
        merge_tokens(body, found);
        i = end;
    }
    if (!found.anchor.empty()) out.anchor = found.anchor;
    if (!found.title.empty()) out.title = found.title;
    out.unnumbered = out.unnumbered || found.unnumbered;
    return true;
}

std::string_view heading_anchor(std::string_view raw_line) {
    // Same result as the regex \{#([^\s}]+)([^}]*)\} searched left to right: the first "{#"
    // followed by an id character matches exactly when some '}' follows it, so one scan and
    // the position of the last '}' decide (no rescanning on hostile lines).
    const std::size_t last_close = raw_line.rfind('}');
    std::size_t pos = 0;
    while ((pos = raw_line.find("{#", pos)) != std::string_view::npos) {
        const std::size_t id_start = pos + 2;
        if (id_start < raw_line.size() && !is_space(raw_line[id_start]) && raw_line[id_start] != '}') {
            if (last_close == std::string_view::npos || last_close < id_start) return {};
            std::size_t i = id_start;
            while (i < raw_line.size() && !is_space(raw_line[i]) && raw_line[i] != '}') ++i;
            return raw_line.substr(id_start, i - id_start);
        }
        pos = id_start;
    }
    return {};
}

std::string strip_heading_attributes(std::string_view title, Attributes& attrs) {
    std::string out;
    out.reserve(title.size());
    std::size_t i = 0;
    while (i < title.size()) {
        if (title[i] == '{' && i + 1 < title.size() &&
            (title[i + 1] == '#' || (title[i + 1] == ':' && i + 2 < title.size() &&
                                     title[i + 2] != ':' && title[i + 2] != '/'))) {
            const std::size_t end = list_end(title, i);
            if (end != std::string_view::npos) {
                merge_tokens(title.substr(i + 1 + (title[i + 1] == ':'), end - i - 2 - (title[i + 1] == ':')),
                             attrs);
                i = end;
                continue;
            }
        }
        out.push_back(title[i++]);
    }
    // Pandoc's header attributes, "{-}" or "{.unnumbered}", only ever end a heading.
    std::string_view rest = trim(out);
    if (rest.ends_with('}')) {
        const auto open = rest.rfind('{');
        if (open != std::string_view::npos) {
            const std::string_view body = rest.substr(open + 1, rest.size() - open - 2);
            if (body == "-" || body.starts_with(".")) {
                merge_tokens(body, attrs);
                rest = trim(rest.substr(0, open));
            }
        }
    }
    return std::string(rest);
}

std::string strip_attribute_lists(std::string_view text,
                                  const std::vector<std::pair<std::size_t, std::size_t>>& keep) {
    std::string out;
    std::size_t i = 0, copied = 0, k = 0;
    while ((i = text.find("{:", i)) != std::string_view::npos) {
        while (k < keep.size() && keep[k].second <= i) ++k;
        const bool kept = k < keep.size() && keep[k].first <= i;
        const char next = i + 2 < text.size() ? text[i + 2] : ':';
        const std::size_t end = kept || next == ':' || next == '/' ? std::string_view::npos : list_end(text, i);
        if (end == std::string_view::npos) {
            i += 2;
            continue;
        }
        out.append(text.substr(copied, i - copied));
        copied = i = end;
    }
    out.append(text.substr(copied));
    return out;
}

std::string remove_comments(std::string_view text, bool& in_comment) {
    static constexpr std::string_view open = "{::comment}";
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (in_comment) {
            // Both closers start with "{:/"; find that once and look at what follows.
            std::size_t close = i;
            std::size_t after = std::string_view::npos;
            while ((close = text.find("{:/", close)) != std::string_view::npos) {
                const std::string_view rest = text.substr(close);
                if (rest.starts_with("{:/comment}")) {
                    after = close + 11;
                    break;
                }
                if (rest.starts_with("{:/}")) {
                    after = close + 4;
                    break;
                }
                close += 3;
            }
            if (after == std::string_view::npos) return out;
            i = after;
            in_comment = false;
            continue;
        }
        const auto start = text.find(open, i);
        if (start == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, start - i));
        i = start + open.size();
        in_comment = true;
    }
    return out;
}

}  // namespace redline::formats::markdown
