#include "formats/markdown/numbering.hpp"

namespace redline::formats::markdown {

std::string SectionNumberer::next(int level) {
    if (level < 1) level = 1;
    if (level > 6) level = 6;
    ++counters_[static_cast<std::size_t>(level)];
    for (std::size_t k = static_cast<std::size_t>(level) + 1; k < counters_.size(); ++k) counters_[k] = 0;
    std::string label;
    for (std::size_t k = 1; k <= static_cast<std::size_t>(level); ++k) {
        if (k > 1) label.push_back('.');
        const std::uint32_t c = counters_[k];
        if (k == 1 && lettered_ && c <= 26)
            label.push_back(static_cast<char>('A' + static_cast<int>(c) - 1));
        else
            label.append(std::to_string(c));
    }
    return label;
}

}  // namespace redline::formats::markdown
