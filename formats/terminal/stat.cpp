#include "formats/terminal/stat.hpp"

#include "engine/utf8.hpp"
#include "formats/common/clause_names.hpp"
#include "formats/common/visible_text.hpp"
#include "formats/terminal/display_width.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace redline::formats {

namespace {

// Punctuation and symbols that separate words: ASCII punctuation, CJK symbols and
// punctuation, fullwidth forms that are not letters or digits.
bool separates_words(char32_t c) {
    if (c < 0x80) return !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_');
    if (text::is_white_space(c)) return true;
    if (c >= 0x3000 && c <= 0x303F) return true;
    if (c >= 0xFF00 && c <= 0xFFEF)
        return !((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A));
    return (c >= 0x2000 && c <= 0x206F);   // general punctuation: dashes, quotes, ellipsis
}

// The changed clauses under one top-level clause.
struct Group {
    std::size_t changes = 0, inserted = 0, removed = 0;
};

// The entry of the top-level clause an entry's clause sits in.
std::size_t top_entry(const Comparison& c, const ClauseEntry& e) {
    const Document& doc = c.doc_of(e);
    ClauseId id = c.clause_of(e);
    while (doc[id].depth > 1 && doc[id].parent != no_clause) id = doc[id].parent;
    return e.new_ids.empty() ? c.entry_of_old[id] : c.entry_of_new[id];
}

// The first `width` columns of `s`, "…" marking a cut.
std::string fit(const std::string& s, std::size_t width) {
    if (display_width(s) <= width) return s;
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        text::next(s, i);
        const std::size_t w = display_width(std::string_view(s).substr(start, i - start));
        if (used + w + 1 > width) break;
        out.append(s, start, i - start);
        used += w;
    }
    return out + "…";
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

constexpr std::size_t name_width = 40;

}  // namespace

std::size_t count_words(std::string_view s) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t c = text::next(s, i);
        if (text::is_han(c)) {
            ++words;
            in_word = false;
        } else if (separates_words(c)) {
            in_word = false;
        } else if (!in_word) {
            ++words;
            in_word = true;
        }
    }
    return words;
}

std::string write_stat(const Comparison& c, const StatOptions& options) {
    std::map<std::size_t, Group> groups;   // by the top-level clause's entry: document order
    std::uint32_t kinds[9] = {};
    std::size_t changes = 0;
    for (const ClauseEntry& e : c.entries) {
        if (!options.only.shows(e) || (e.editorial && !options.show_editorial)) continue;
        Group& g = groups[top_entry(c, e)];
        ++g.changes;
        ++changes;
        ++kinds[static_cast<int>(e.change)];
        for (const Edit& ed : e.edits) {
            if (ed.op == EditOp::insert) g.inserted += count_words(ed.text);
            if (ed.op == EditOp::remove) g.removed += count_words(ed.text);
        }
    }
    std::vector<std::pair<std::string, const Group*>> lines;
    std::size_t widest_name = 0, widest_count = 1, largest = 0;
    std::size_t inserted = 0, removed = 0;
    for (const auto& [entry, g] : groups) {
        const ClauseEntry& top = c.entries[entry];
        std::string name = entry_display_name(c, top);
        if (const std::string title = entry_display_title(c, top); !title.empty())
            name += (name.empty() ? "" : " ") + title;
        name = fit(visible_text(name), name_width);
        widest_name = std::max(widest_name, display_width(name));
        widest_count = std::max(widest_count, fmt::format("{}", g.changes).size());
        largest = std::max(largest, g.inserted + g.removed);
        inserted += g.inserted;
        removed += g.removed;
        lines.emplace_back(std::move(name), &g);
    }
    auto paint = [&](char sign, std::size_t n) {
        if (n == 0) return std::string();
        const std::string bar(n, sign);
        if (!options.color) return bar;
        return fmt::format("\x1b[{}m{}\x1b[0m", sign == '+' ? 32 : 31, bar);
    };
    std::string out;
    for (const auto& [name, g] : lines) {
        // Scaled as git scales: the largest bar fills the width, any change shows at least one mark.
        std::size_t plus = g->inserted, minus = g->removed;
        if (largest > stat_bar_width) {
            auto scale = [&](std::size_t n) { return n == 0 ? 0 : std::max<std::size_t>(1, n * stat_bar_width / largest); };
            plus = scale(g->inserted);
            minus = scale(g->removed);
        }
        std::string bar = paint('+', plus) + paint('-', minus);
        out += fmt::format(" {} | {:>{}}{}{}\n", pad(name, widest_name), g->changes, widest_count, bar.empty() ? "" : " ", bar);
    }
    if (changes != 0)
        out += fmt::format(" {} changed, {}, {} inserted (+), {} removed (-)\n",
                       plural(groups.size(), "top-level clause", "top-level clauses"), plural(changes, "change", "changes"),
                       plural(inserted, "word", "words"), plural(removed, "word", "words"));
    std::string by_kind;
    for (ClauseChange k : {ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved, ClauseChange::added,
                           ClauseChange::removed, ClauseChange::split, ClauseChange::merged, ClauseChange::reorganised}) {
        if (kinds[static_cast<int>(k)] == 0) continue;
        by_kind += fmt::format("{}{} {}", by_kind.empty() ? "" : ", ", kinds[static_cast<int>(k)], to_string(k));
    }
    if (!by_kind.empty()) out += " clauses: " + by_kind + "\n";
    if (options.only.shows_provisions()) {
        std::string provisions;
        for (int k = 0; k < 7; ++k) {
            if (c.provision_counts[k] == 0) continue;
            provisions += fmt::format("{}{} {}", provisions.empty() ? "" : ", ", c.provision_counts[k],
                                      to_string(static_cast<ProvisionChangeKind>(k)));
        }
        if (!provisions.empty()) out += " provisions: " + provisions + "\n";
    }
    return out;
}

}  // namespace redline::formats
