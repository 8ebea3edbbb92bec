#include "formats/markdown/front_matter.hpp"

#include "engine/error.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <string>

namespace redline::formats::markdown {

namespace {

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view rtrim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_fence_line(std::string_view line, std::string_view fence) { return rtrim(line) == fence; }

// "key:" or "key: value" — the shape a YAML mapping starts with. Checked on the first line
// that is neither blank nor a comment, so that a Markdown document opening with a thematic
// break ("---") is not mistaken for metadata and rejected as bad YAML. A block of nothing
// but blanks and comments is an empty mapping when `empty_ok`.
bool looks_like_yaml_mapping(const SourceText& src, std::uint32_t first, std::uint32_t last, bool empty_ok) {
    for (std::uint32_t n = first; n <= last; ++n) {
        std::string_view l = trim(src.line(n));
        if (l.empty() || l.front() == '#') continue;
        std::size_t i = 0;
        if (l[0] == '"' || l[0] == '\'') {
            const auto close = l.find(l[0], 1);
            if (close == std::string_view::npos) return false;
            i = close + 1;
        } else {
            while (i < l.size() && (is_word_char(l[i]) || l[i] == '-' || l[i] == '.' ||
                                    static_cast<unsigned char>(l[i]) >= 0x80))
                ++i;
            if (i == 0) return false;
        }
        while (i < l.size() && l[i] == ' ') ++i;
        return i < l.size() && l[i] == ':' && (i + 1 == l.size() || l[i + 1] == ' ' || l[i + 1] == '\t');
    }
    return empty_ok;
}

std::string scalar(const YAML::Node& map, const char* key, bool& found) {
    const YAML::Node value = map[key];
    if (!value || !value.IsScalar()) return {};
    found = true;
    return value.Scalar();
}

}  // namespace

bool parse_section_marker(std::string_view line, std::string_view& name) {
    line = rtrim(line);
    if (!line.starts_with("---")) return false;
    std::size_t i = 3;
    if (i >= line.size() || line[i] != ' ') return false;
    while (i < line.size() && line[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < line.size() && is_word_char(line[i])) ++i;
    if (i == start) return false;
    const std::size_t end = i;
    if (i < line.size() && line[i] == '-') ++i;
    if (i != line.size()) return false;
    name = line.substr(start, end - start);
    return true;
}

bool is_kramdown_rfc_marker(std::string_view name) {
    return name == "abstract" || name == "middle" || name == "back";
}

std::vector<SectionMarker> find_section_markers(const SourceText& src, std::uint32_t first_line) {
    std::vector<SectionMarker> out;
    for (std::uint32_t n = first_line; n <= src.line_count(); ++n) {
        std::string_view name;
        if (parse_section_marker(src.line(n), name)) out.push_back({n, name});
    }
    return out;
}

FrontMatter read_front_matter(const SourceText& src, std::vector<Warning>& warnings) {
    FrontMatter fm;
    if (src.line_count() == 0 || !is_fence_line(src.line(1), "---")) return fm;
    std::uint32_t close = 0;
    std::string_view name;
    for (std::uint32_t n = 2; n <= src.line_count() && close == 0; ++n) {
        const std::string_view l = src.line(n);
        if (is_fence_line(l, "---") || is_fence_line(l, "...")) {
            close = n;
        } else if (parse_section_marker(l, name)) {
            close = n;
            fm.closed_by_marker = true;
        }
    }
    if (close == 0) {
        // A thematic break opening a document is no reason to warn; "key: value" after it is.
        if (looks_like_yaml_mapping(src, 2, src.line_count(), false))
            warnings.push_back({SourceLocation{1, 0, 0},
                            "line 1 opens YAML front matter with '---' but no line closes it; "
                            "the text is read as Markdown",
                            "第 1 行以“---”开始 YAML 前置元数据，但没有结束行；全文按 Markdown 读取"});
        return fm;
    }
    if (!looks_like_yaml_mapping(src, 2, close - 1, true)) return fm;

    // Hand yaml-cpp exactly the lines between the fences, so that its line numbers map back
    // to the input by a constant offset.
    std::string yaml;
    for (std::uint32_t n = 2; n < close; ++n) {
        yaml.append(src.line(n));
        yaml.push_back('\n');
    }
    YAML::Node root;
    try {
        root = YAML::Load(yaml);
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp gives its depth limit's exception the message of a file it could not open.
        const auto line = e.mark.is_null() ? 2u : static_cast<unsigned>(e.mark.line) + 2u;
        throw InputError(line_place(line), "invalid YAML front matter: nested " + std::to_string(e.depth()) +
                                               " levels deep, beyond yaml-cpp's limit (yaml-cpp reported \"" + e.msg + "\")");
    } catch (const YAML::Exception& e) {
        const auto line = e.mark.is_null() ? 2u : static_cast<unsigned>(e.mark.line) + 2u;
        throw InputError(line_place(line), "invalid YAML front matter: " + e.msg);
    }
    if (root && !root.IsNull() && !root.IsMap())
        throw InputError(line_place(2), "YAML front matter is not a mapping of keys to values");
    fm.present = true;
    fm.close_line = close;
    if (root && root.IsMap()) {
        try {
            fm.title = scalar(root, "title", fm.has_title);
            fm.docname = scalar(root, "docname", fm.has_docname);
        } catch (const YAML::Exception& e) {
            throw InputError(line_place(2), "invalid YAML front matter: " + e.msg);
        }
    }
    return fm;
}

std::string draft_identifier(std::string_view docname, std::string_view path) {
    constexpr std::string_view latest = "latest";
    if (docname.size() <= latest.size() || docname.substr(docname.size() - latest.size()) != latest ||
        docname[docname.size() - latest.size() - 1] != '-')
        return std::string(docname);
    std::string_view stem = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
    if (const std::size_t dot = stem.find_last_of('.'); dot != std::string_view::npos) stem = stem.substr(0, dot);
    const std::string_view prefix = docname.substr(0, docname.size() - latest.size());   // ends with '-'
    if (stem.size() <= prefix.size() || stem.substr(0, prefix.size()) != prefix) return std::string(docname);
    const std::string_view revision = stem.substr(prefix.size());
    if (revision.size() > 3) return std::string(docname);
    for (char c : revision)
        if (c < '0' || c > '9') return std::string(docname);
    return std::string(stem);
}

}  // namespace redline::formats::markdown
