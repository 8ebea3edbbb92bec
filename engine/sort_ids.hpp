// Sorting token ids and hashes (internal to engine/). std::sort on random 32-bit keys is
// bound by branch mispredictions; an LSD radix sort is not, and skips the byte positions in
// which all keys agree (token ids are small: usually two passes, not four).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace redline {

inline void sort_ids(std::vector<std::uint32_t>::iterator first, std::vector<std::uint32_t>::iterator last) {
    const std::size_t n = static_cast<std::size_t>(last - first);
    if (n < 64) {
        std::sort(first, last);
        return;
    }
    thread_local std::vector<std::uint32_t> buffer;
    buffer.resize(n);
    std::uint32_t* from = &*first;
    std::uint32_t* to = buffer.data();
    bool in_buffer = false;
    for (int shift = 0; shift < 32; shift += 8) {
        std::array<std::size_t, 256> count{};
        for (std::size_t i = 0; i < n; ++i) ++count[(from[i] >> shift) & 0xFF];
        if (count[(from[0] >> shift) & 0xFF] == n) continue;  // every key has this byte
        std::size_t sum = 0;
        for (std::size_t& c : count) {
            const std::size_t k = c;
            c = sum;
            sum += k;
        }
        for (std::size_t i = 0; i < n; ++i) to[count[(from[i] >> shift) & 0xFF]++] = from[i];
        std::swap(from, to);
        in_buffer = !in_buffer;
    }
    if (in_buffer) std::copy(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(n), first);
}

inline void sort_ids(std::vector<std::uint32_t>& v) { sort_ids(v.begin(), v.end()); }

}  // namespace redline
