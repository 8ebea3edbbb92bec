// The allocator settings of a redline process (the CLI and the benchmarks, which measure it).
#pragma once

namespace redline::cli {

// One comparison allocates and frees some 50 MB in 20 ms, in blocks of up to a few megabytes.
// glibc's defaults suit long-lived processes: blocks above 128 KiB get fresh mappings that are
// unmapped again on free, and freed heap goes back to the kernel, so the next large block
// faults in fresh zeroed pages. A run this short keeps what it freed for reuse instead, and
// asks for transparent huge pages for the heap (see allocator.cpp). What the readers free is
// kept as well, however much: a rule that gave it back between reading and comparing once it
// reached 64 MiB (until 2026-12-03) made the first input past that size fault it in again, a
// step in processor time there. Without it every class of bench/adversarial stays within the
// 20x its input of docs/limits.md: at 8N split-clause and merged-clauses peak 3% and 8% higher
// (13.8x, 13.4x), the others as before. Call first thing in main().
void tune_allocator();

// The same huge-page request for the heap of the calling thread, when glibc gives it a heap of
// its own (its first allocation does). Call first thing on a thread that allocates much.
void tune_thread_allocator();

}  // namespace redline::cli
