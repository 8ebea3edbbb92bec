// The allocator settings of a redline process (the CLI and the benchmarks, which measure it).
#pragma once

#include <cstdint>

namespace redline::cli {

// One comparison allocates and frees some 50 MB in 20 ms, in blocks of up to a few megabytes.
// glibc's defaults suit long-lived processes: blocks above 128 KiB get fresh mappings that are
// unmapped again on free, and freed heap goes back to the kernel, so the next large block
// faults in fresh zeroed pages. A run this short takes every block from the heap, however
// large, keeps what it freed for reuse instead, and asks for transparent huge pages for the
// heap (see allocator.cpp). What the readers free is kept as well, however much: a rule that
// gave it back between reading and comparing once it reached 64 MiB (until 2026-12-03) made
// the first input past that size fault it in again, a step in processor time there. Without
// it every class of bench/adversarial stays within the 20x its input of docs/limits.md: at 8N
// split-clause and merged-clauses peak 3% and 8% higher (13.8x, 13.4x), the others as before.
// Call first thing in main().
void tune_allocator();

// The same huge-page request for the heap of the calling thread, when glibc gives it a heap of
// its own (its first allocation does). Call first thing on a thread that allocates much.
void tune_thread_allocator();

// Runs whose inputs (all together) reach this many bytes get whole heaps (below).
inline constexpr std::uint64_t whole_heap_input_bytes = std::uint64_t{4} << 20;

// When `input_bytes` reaches whole_heap_input_bytes, every heap glibc opens from now on (the
// main heap's next extension, the heap of each thread that allocates first after this call)
// is made writable whole (64 MiB, glibc's M_TOP_PAD) rather than a page at a time. A thread's
// heap grown page by page past the 24 MB tune_thread_allocator() advises gets no huge pages
// (a huge page must lie whole inside writable memory) but a page fault each 4 KiB: the
// bcp14-adopted class of bench/adversarial took 10,100 page faults at 2 × 4.3 MB and 0.53 s,
// 1,900 and 0.42 s with whole heaps, and its step from 2 × 2.1 MB, where the thread's heap fits
// in those 24 MB, was ×2.3 rather than ×2.0. The cost is the partly used huge pages at the
// heaps' ends: some 4 MB of peak memory, which below this size would take a run past the 20×
// its input of docs/limits.md (a GB/T term section of 2 × 1 MB: 21×). Call before the threads
// that read and compare start.
void prefer_whole_heaps(std::uint64_t input_bytes);

}  // namespace redline::cli
