// Dense ids for 64-bit content hashes (internal to engine/): the first hash seen is 0, the next
// new one 1, and so on. The coarse diffs number every sentence or block of two clauses this
// way; a clause of hundreds of thousands of sentences made std::unordered_map allocate a node
// each and wait for memory twice a lookup (bucket, then node) once it outgrew the caches.
// Open addressing with linear probing in one array, at most half full, waits once.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace redline {

class DenseIds {
public:
    // The table grows with the distinct hashes, not with the lookups: a clause of 100,000
    // one-word paragraphs has a handful of distinct sentences.
    DenseIds() { reserve(8); }

    std::uint32_t id_of(std::uint64_t hash) {
        if (2 * (size_ + 1) > slots_.size()) reserve(2 * size_ + 2);
        for (std::size_t i = home(hash);; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.id_plus_one == 0) {
                s = {hash, ++size_};
                return s.id_plus_one - 1;
            }
            if (s.hash == hash) return s.id_plus_one - 1;
        }
    }
    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t id_plus_one = 0;   // 0: empty
    };
    // The top bits of a multiplicative hash: the hashes given may be weak in their low bits.
    std::size_t home(std::uint64_t hash) const { return (hash * 0x9e3779b97f4a7c15ULL) >> shift_; }
    void reserve(std::size_t distinct) {
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, 2 * distinct));
        if (capacity <= slots_.size()) return;
        std::vector<Slot> old(capacity);
        old.swap(slots_);
        mask_ = capacity - 1;
        shift_ = 64 - std::countr_zero(capacity);
        for (const Slot& s : old)
            if (s.id_plus_one)
                for (std::size_t i = home(s.hash);; i = (i + 1) & mask_)
                    if (slots_[i].id_plus_one == 0) {
                        slots_[i] = s;
                        break;
                    }
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    int shift_ = 64;
    std::uint32_t size_ = 0;
};

}  // namespace redline
