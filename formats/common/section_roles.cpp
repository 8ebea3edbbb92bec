#include "formats/common/section_roles.hpp"

#include "formats/text/scan.hpp"

#include "engine/utf8.hpp"

#include <string>

namespace redline::formats {

namespace {

struct Name {
    std::string_view key;  // Han as printed; Latin lower case; both without white space
    SectionRole role;
};

constexpr Name exact_names[] = {
    {"目次", SectionRole::contents},
    {"目录", SectionRole::contents},
    {"前言", SectionRole::foreword},
    {"引言", SectionRole::introduction},
    {"范围", SectionRole::scope},
    {"参考文献", SectionRole::bibliography},
    {"索引", SectionRole::index},
    {"contents", SectionRole::contents},
    {"tableofcontents", SectionRole::contents},
    {"foreword", SectionRole::foreword},
    {"preface", SectionRole::foreword},
    {"introduction", SectionRole::introduction},
    {"abstract", SectionRole::abstract},
    {"statusofthismemo", SectionRole::boilerplate},
    {"copyrightnotice", SectionRole::boilerplate},
    {"scope", SectionRole::scope},
    {"normativereferences", SectionRole::normative_references},
    {"informativereferences", SectionRole::informative_references},
    {"references", SectionRole::references},
    {"terminology", SectionRole::terms},
    {"definitions", SectionRole::terms},
    {"conventionsanddefinitions", SectionRole::terms},
    {"conventionsandterminology", SectionRole::terms},
    {"bibliography", SectionRole::bibliography},
    {"index", SectionRole::index},
    {"securityconsiderations", SectionRole::security_considerations},
    {"securityandprivacyconsiderations", SectionRole::security_considerations},
    {"ianaconsiderations", SectionRole::iana_considerations},
};

// Titles of section roles are short; a long "title" is a sentence and names nothing.
constexpr std::size_t max_title_bytes = 160;

}  // namespace

SectionRole title_role(std::string_view title) {
    if (title.size() > max_title_bytes) return SectionRole::none;
    const std::string key = text::ascii_lower(scan::squeeze(title));
    for (const Name& n : exact_names)
        if (key == n.key) return n.role;
    // GB/T titles it in full ("2 规范性引用文件"), older texts add to it.
    if (key.find("规范性引用文件") != std::string::npos) return SectionRole::normative_references;
    // "术语和定义", "术语、定义和缩略语"; "Terms and definitions", "Terms, definitions and
    // abbreviated terms", "Definitions and abbreviations" — but not "Method Definitions".
    if (key.starts_with("术语") || key.starts_with("termsand") || key.starts_with("terms,") ||
        key.starts_with("definitionsand") || key.starts_with("definitions,"))
        return SectionRole::terms;
    return SectionRole::none;
}

SectionRole heading_role(std::string_view title, bool top, SectionRole parent) {
    const SectionRole r = title_role(title);
    if (top || r == SectionRole::none) return r;
    if ((r == SectionRole::normative_references || r == SectionRole::informative_references) &&
        parent == SectionRole::references)
        return r;
    if (r == SectionRole::terms && parent != SectionRole::terms) return r;
    return SectionRole::none;
}

bool is_reference_role(SectionRole role) {
    return role == SectionRole::references || role == SectionRole::normative_references ||
           role == SectionRole::informative_references || role == SectionRole::bibliography ||
           role == SectionRole::index;
}

}  // namespace redline::formats
