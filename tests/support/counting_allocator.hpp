// A counting operator new for a test executable: the bytes live and their peak, so that a
// test can bound what a step allocates (never a timing). Include it in exactly one file of
// the executable (each tests/test_*.cpp is one): it replaces the global operator new and
// delete. Allocations made with malloc directly (C libraries: cmark-gfm, libxml2) are not
// counted.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <malloc.h>
#include <new>

namespace redline::tests {

inline std::atomic<std::size_t> live_bytes{0};
inline std::atomic<std::size_t> peak_bytes{0};
// Allocations made so far, and the one that is to throw std::bad_alloc (FailAllocation); none
// by default.
inline std::atomic<std::size_t> allocations{0};
inline std::atomic<std::size_t> failing_allocation{SIZE_MAX};

inline void* counted_alloc(std::size_t size) {
    if (++allocations == failing_allocation.load(std::memory_order_relaxed)) throw std::bad_alloc();
    void* p = std::malloc(size ? size : 1);
    if (!p) throw std::bad_alloc();
    const std::size_t now = live_bytes += malloc_usable_size(p);
    for (std::size_t peak = peak_bytes.load(); now > peak && !peak_bytes.compare_exchange_weak(peak, now);) {
    }
    return p;
}

inline void counted_free(void* p) noexcept {
    if (!p) return;
    live_bytes -= malloc_usable_size(p);
    std::free(p);
}

// The peak of the bytes allocated while `step` runs, over what was live before it.
template <class F>
std::size_t peak_while(F&& step) {
    const std::size_t before = live_bytes.load();
    peak_bytes = before;
    step();
    return peak_bytes.load() - before;
}

// The allocations `step` makes (counted, like the bytes, by this operator new).
template <class F>
std::size_t allocations_while(F&& step) {
    const std::size_t before = allocations.load();
    step();
    return allocations.load() - before;
}

// While it lives, the n-th allocation from its making (1: the next) fails: an out-of-memory
// error injected at a chosen point of a step.
class FailAllocation {
public:
    explicit FailAllocation(std::size_t n) { failing_allocation = allocations.load() + n; }
    ~FailAllocation() { failing_allocation = SIZE_MAX; }
    FailAllocation(const FailAllocation&) = delete;
    FailAllocation& operator=(const FailAllocation&) = delete;
};

}  // namespace redline::tests

void* operator new(std::size_t size) { return redline::tests::counted_alloc(size); }
void* operator new[](std::size_t size) { return redline::tests::counted_alloc(size); }
void operator delete(void* p) noexcept { redline::tests::counted_free(p); }
void operator delete[](void* p) noexcept { redline::tests::counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { redline::tests::counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { redline::tests::counted_free(p); }
// The nothrow forms too (std::stable_sort's temporary buffer uses them): left to the
// library's or a sanitizer's, their blocks would come back through the delete above, and
// AddressSanitizer reports the mismatch.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return redline::tests::counted_alloc(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return redline::tests::counted_alloc(size);
    } catch (...) {
        return nullptr;
    }
}
void operator delete(void* p, const std::nothrow_t&) noexcept { redline::tests::counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { redline::tests::counted_free(p); }
