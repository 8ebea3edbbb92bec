// Steps of the engine's loops whose work an adversarial input could make grow faster than
// its size, counted so that tests can check the growth by operation counts (never by wall
// time): run at N and 2N, compare the counts. Counting is a relaxed atomic add per call of
// the loop, not per step; the counts are process-wide and only ever grow.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace redline::work {

enum class Counter : std::uint8_t {
    same_label_candidates,   // old siblings examined by the same-label matcher (engine/match)
    diff_steps,              // diagonal and snake steps of the token diff (engine/diff)
    zh_modal_scan,           // tokens looked at by the Chinese classifier (engine/provisions_classify)
    same_text_provisions,    // old provisions looked at to pair the same text (engine/provision_changes)
    reworded_provisions,     // old provisions scored to pair a reworded one (engine/provision_changes)
    placing_steps,           // blocks and clauses walked to place provision changes in entries' texts (engine/provision_changes)
    sibling_steps,           // nodes walked to find a clause's previous sibling (engine/match)
    same_place_pairs,        // clause pairs of sibling gaps scored for a rewrite in place (engine/match)
    split_merge_words,       // words of bags walked to find split and merged parts (engine/match)
    sentence_keys,           // keys walked or searched to score traced sentences against each other (engine/reorganise)
    candidate_rankings,      // rankings of candidate old clauses counted for a new clause (engine/match)
    count_
};

inline std::atomic<std::uint64_t>& counter(Counter c) {
    static std::atomic<std::uint64_t> counters[static_cast<std::size_t>(Counter::count_)];
    return counters[static_cast<std::size_t>(c)];
}

inline void count(Counter c, std::uint64_t steps) { counter(c).fetch_add(steps, std::memory_order_relaxed); }
inline std::uint64_t read(Counter c) { return counter(c).load(std::memory_order_relaxed); }

}  // namespace redline::work
