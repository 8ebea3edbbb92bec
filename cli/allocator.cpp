#include "cli/allocator.hpp"

#include <cstdlib>   // defines __GLIBC__ on glibc

#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#define REDLINE_TUNE_GLIBC 1
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#endif

namespace redline::cli {

#ifdef REDLINE_TUNE_GLIBC
namespace {

// A comparison touches some 15 MB of fresh heap. In 4 KiB pages that is nearly 4,000 page
// faults, a fifth of the run; in transparent huge pages (where the system allows them: THP "always" or
// "madvise") a few dozen. glibc advises huge pages itself only when started with
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1, so the same advice is given here. It is advice: on a
// system without THP, or if glibc lays out its heaps otherwise, nothing changes but speed.
constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;

// Advises huge pages for the calling thread's heap from the next 2 MiB boundary above its free
// top up to `heap_end()`. A 2 MiB range of which one page is already in use cannot get a huge
// page, so the rest of the range below the boundary is set aside, untouched (address space
// only), and new blocks start at the boundary.
template <class HeapEnd>
void advise_heap(HeapEnd heap_end) {
    void* volatile probe = std::malloc(4096);   // too big for the small free lists: from the top
    const auto top = reinterpret_cast<std::uintptr_t>(probe) - 2 * sizeof(std::size_t);
    std::free(probe);
    const std::uintptr_t boundary = (top + 4096 + huge_page - 1) & ~(huge_page - 1);
    static thread_local void* set_aside = nullptr;   // never freed, so never reused
    set_aside = std::malloc(boundary - top - 64);
    const std::uintptr_t end = heap_end();
    if (set_aside != nullptr && end > boundary) madvise(reinterpret_cast<void*>(boundary), end - boundary, MADV_HUGEPAGE);
}

}  // namespace
#endif

void tune_allocator() {
#ifdef REDLINE_TUNE_GLIBC
    mallopt(M_MMAP_THRESHOLD, 32 << 20);   // glibc's largest on 64-bit: below it, blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, 256 << 20);  // keep freed heap rather than returning it
    mallopt(M_TOP_PAD, 64 << 20);          // grow the heap in steps of 64 MiB
    // The main thread's heap is the brk segment, grown by the pad as the set-aside block is made.
    advise_heap([] { return reinterpret_cast<std::uintptr_t>(sbrk(0)); });
#endif
}

void tune_thread_allocator() {
#ifdef REDLINE_TUNE_GLIBC
    // A thread's own heap is a 64 MiB reservation aligned to its size (glibc's HEAP_MAX_SIZE),
    // grown in place; this first allocation creates it.
    constexpr std::uintptr_t heap_size = std::uintptr_t{64} << 20;
    void* volatile first = std::malloc(64);
    const auto at = reinterpret_cast<std::uintptr_t>(first);
    std::free(first);
    const std::uintptr_t heap = at & ~(heap_size - 1);
    if (at - heap > huge_page) return;   // not near a thread heap's start: leave it
    advise_heap([heap] { return heap + heap_size; });
#endif
}

}  // namespace redline::cli
