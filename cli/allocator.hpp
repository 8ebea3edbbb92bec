// The allocator settings of a redline process (the CLI and the benchmarks, which measure it).
#pragma once

namespace redline::cli {

// One comparison allocates and frees some 50 MB in 20 ms, in blocks of up to a few megabytes.
// glibc's defaults suit long-lived processes: blocks above 128 KiB get fresh mappings that are
// unmapped again on free, and freed heap goes back to the kernel, so the next large block
// faults in fresh zeroed pages. A run this short keeps what it freed for reuse instead, and
// asks for transparent huge pages for the heap (see allocator.cpp). Call first thing in main().
void tune_allocator();

// The same huge-page request for the heap of the calling thread, when glibc gives it a heap of
// its own (its first allocation does). Call first thing on a thread that allocates much.
void tune_thread_allocator();

// Call between reading the drafts and comparing them. Reading a large draft builds a parse
// tree (cmark-gfm: some 200 bytes a node, two nodes a paragraph) that is freed once the clause
// tree is made. The heap keeps such pages for reuse (tune_allocator), but the comparison
// reuses only part of them, and what the old draft's thread freed lies in that thread's own
// heap, which the comparison's main thread never draws on: at 2 × 8.6 MB of drafts (the
// wide-unmatched class of bench/adversarial) 76 MB of the 400 MB peak was such freed memory.
// When the free memory of all heaps reaches release_freed_bytes, it goes back to the system
// (memory the comparison reuses after that is faulted in again: identical-clauses of the same
// bench, whose comparison needs all of it, takes 14% more page faults and peaks as high). A
// smaller comparison keeps it: the threshold is above the two untouched huge-page reserves
// (some 44 MB, counted as free) and what the readers of 1 MB drafts free.
void release_freed_heap();

// Free heap below this is kept by release_freed_heap().
inline constexpr unsigned long long release_freed_bytes = 64ull << 20;

}  // namespace redline::cli
