// Section numbers of kramdown-rfc drafts, computed from heading levels the way xml2rfc
// prints them and the alignment scorer (eval/score_alignment.py, strip_md) computes them:
// one counter per level; a heading increments its level's counter and zeroes the deeper
// ones; the label is the counters from level 1 down to its own level joined by '.'. A
// skipped level shows as 0 ("1.0.1"). In back matter the first component is a letter
// (1 → A … 26 → Z; above 26 the number stays, and a level-1 counter of 0 gives '@',
// exactly as strip_md's chr(ord('A') + n - 1) does).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace redline::formats::markdown {

class SectionNumberer {
public:
    explicit SectionNumberer(bool lettered = false) : lettered_(lettered) {}

    // The label of the next numbered heading at `level` (1–6).
    std::string next(int level);
    void reset() { counters_.fill(0); }

private:
    bool lettered_;
    std::array<std::uint32_t, 7> counters_{};
};

}  // namespace redline::formats::markdown
