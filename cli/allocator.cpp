#include "cli/allocator.hpp"

#include <cstdlib>   // defines __GLIBC__ on glibc

#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#define REDLINE_TUNE_GLIBC 1
#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#endif

namespace redline::cli {

#ifdef REDLINE_TUNE_GLIBC
namespace {

// A comparison touches some 15 MB of fresh heap. In 4 KiB pages that is nearly 4,000 page
// faults, a fifth of the run; in transparent huge pages (where the system allows them: THP
// "always" or "madvise") a few dozen. glibc gives that advice itself only when started with
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1.
//
// Here it is given through public interfaces only: the calling thread allocates one large
// block from its heap and advises huge pages for the whole 2 MiB pages inside it (memory it
// owns). A 2 MiB page of which one 4 KiB page is already in use cannot become a huge page, so
// the part of the block below the first boundary is kept, untouched (address space only), and
// the rest given back: shrinking in place returns it to the heap, where the next allocations
// are cut from it. With the thresholds set in tune_allocator() the block comes from the heap
// rather than from a mapping of its own, and what is freed stays there. If an allocator does
// otherwise, the advice is merely lost.
constexpr std::size_t reserved = std::size_t{24} << 20;   // under the mmap threshold below
constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
constexpr std::uintptr_t small_page = 4096;

// Each thread's kept head: held, never freed, so never reused.
thread_local void* kept_head = nullptr;

void advise_fresh_heap() {
    void* block = std::malloc(reserved);
    if (block == nullptr) return;
    const auto at = reinterpret_cast<std::uintptr_t>(block);
    const std::uintptr_t from = (at + huge_page - 1) & ~(huge_page - 1);
    const std::uintptr_t to = (at + reserved) & ~(huge_page - 1);
    if (to <= from || madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE) != 0 ||
        from - at < 2 * small_page) {
        std::free(block);
        return;
    }
    kept_head = std::realloc(block, from - at - small_page);
}

}  // namespace
#endif

void tune_allocator() {
#ifdef REDLINE_TUNE_GLIBC
    mallopt(M_MMAP_THRESHOLD, 32 << 20);   // glibc's largest on 64-bit: below it, blocks come from the heap
    // And above it too: a block of its own mapping is unmapped when freed, so each 64 MB copy of
    // a 64 MB draft (read, hardened, parsed, stored, written) faulted in fresh memory, some 300
    // page faults where a block of the heap reuses what the last one freed: a 64 MB Markdown
    // parse took 4,795 page faults and 0.564 s, 484 and 0.447 s without mappings, while at 32 MB
    // (under the threshold) it is 0.23 s either way; bench/adversarial's md-nested-quotes went
    // ×2.4 from 32 to 64 MB. (glibc still maps a block too large for a thread's heap, 64 MiB,
    // when a thread other than the main one asks for it.)
    mallopt(M_MMAP_MAX, 0);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);  // keep freed heap rather than returning it
    advise_fresh_heap();
#endif
}

void prefer_whole_heaps(std::uint64_t input_bytes) {
#ifdef REDLINE_TUNE_GLIBC
    if (input_bytes >= whole_heap_input_bytes) mallopt(M_TOP_PAD, 64 << 20);   // glibc's heap size on 64-bit
#else
    (void)input_bytes;
#endif
}

void tune_thread_allocator() {
#ifdef REDLINE_TUNE_GLIBC
    advise_fresh_heap();
#endif
}

}  // namespace redline::cli
