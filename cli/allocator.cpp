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

void tune_allocator() {
#ifdef REDLINE_TUNE_GLIBC
    // Public settings only (mallopt(3)): nothing here depends on how glibc lays out its heap.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);   // glibc's largest on 64-bit: below it, blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, 256 << 20);  // keep freed heap rather than returning it
    mallopt(M_TOP_PAD, 64 << 20);          // grow the heap in steps of 64 MiB
    // One arena: the second thread that reads and prepares a draft allocates from the main
    // heap, which carries the advice below, rather than from a heap of its own.
    mallopt(M_ARENA_MAX, 1);
    // The main heap is the brk segment (malloc(3)): a block beyond the initial heap makes it
    // grow by the block and the pad, and the range it grew by, read with sbrk(0) before and
    // after, is advised for transparent huge pages (where the system allows them: THP
    // "always" or "madvise"). glibc gives the same advice itself only when started with
    // GLIBC_TUNABLES=glibc.malloc.hugetlb=1. Advice only: without THP nothing changes but speed.
    constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    void* volatile grow = std::malloc(std::size_t{1} << 20);   // volatile: the pair is not elided
    std::free(grow);
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t from = (before + huge_page - 1) & ~(huge_page - 1);
    if (before != static_cast<std::uintptr_t>(-1) && after > from)
        madvise(reinterpret_cast<void*>(from), after - from, MADV_HUGEPAGE);
#endif
}

}  // namespace redline::cli
