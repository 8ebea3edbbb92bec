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

// A run of large inputs, in a process where glibc advises huge pages for every heap extension
// and every mapped block itself (glibc.malloc.hugetlb=1: cli/huge_pages): one heap for all
// threads, and a block of 1 MiB or more that the heap has no free room for in a mapping of its
// own. Each stage of such a run frees tens of megabytes that the next could reuse, but glibc
// gave the second thread a heap of its own, and what the old draft's reading freed there (some
// 100 MB of a brief of 152,000 clauses) was out of the main thread's reach; and the heap grew
// by each large block it had no room for, and kept the growth (tune_allocator()). Call once,
// before a second thread allocates; the threads' tune_thread_allocator() then does nothing.
void tune_allocator_for_large_run();

}  // namespace redline::cli
