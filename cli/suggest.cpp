#include "cli/suggest.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace redline::cli {

namespace {

// What diff(1), git, wdiff, pandoc and word processors' users type for redline's commands.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> synonyms = {{
    {"compare", "diff"},   {"cmp", "diff"},       {"wdiff", "diff"},     {"changes", "diff"},
    {"redline", "diff"},   {"summary", "brief"},  {"summarise", "brief"}, {"summarize", "brief"},
    {"report", "brief"},   {"findings", "brief"}, {"outline", "parse"},  {"tree", "parse"},
    {"show", "parse"},     {"read", "parse"},
}};

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string suggest_command(std::string_view word, const std::vector<std::string>& commands) {
    std::string lower(word);
    for (char& c : lower) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    for (const auto& [alias, command] : synonyms)
        if (lower == alias && std::find(commands.begin(), commands.end(), command) != commands.end())
            return std::string(command);
    std::string best;
    std::size_t best_distance = 3, ties = 0;
    for (const std::string& c : commands) {
        const std::size_t d = edit_distance(lower, c);
        if (d < best_distance) {
            best = c;
            best_distance = d;
            ties = 1;
        } else if (d == best_distance) {
            ++ties;
        }
    }
    return ties == 1 ? best : std::string();
}

}  // namespace redline::cli
