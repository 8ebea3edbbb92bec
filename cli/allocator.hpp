// The allocator settings of a redline process (the CLI and the benchmarks, which measure it).
#pragma once

namespace redline::cli {

// One comparison allocates and frees some 50 MB in 20 ms, in blocks of up to a few megabytes.
// glibc's defaults suit long-lived processes: blocks above 128 KiB get fresh mappings that are
// unmapped again on free, and freed heap goes back to the kernel, so the next large block
// faults in fresh zeroed pages. A run this short keeps what it freed for reuse instead, and
// asks for transparent huge pages for the heap, which every thread shares (see allocator.cpp).
// Call first thing in main(), before any thread is started.
void tune_allocator();

// Call between reading the drafts and comparing them. Reading a large draft builds a parse
// tree (cmark-gfm: some 200 bytes a node, two nodes a paragraph) that is freed once the clause
// tree is made. The heap keeps such pages for reuse (tune_allocator), but the comparison
// reuses only part of them. When the heap's free memory reaches release_freed_bytes, it goes
// back to the system (memory the comparison reuses after that is faulted in again:
// identical-clauses of bench/adversarial, whose comparison needs all of it, takes 14% more
// page faults and peaks as high). A smaller comparison keeps it: the threshold is above the
// untouched huge-page reserve (some 22 MB, counted as free) and what the readers of 1 MB
// drafts free.
void release_freed_heap();

// Free heap below this is kept by release_freed_heap().
inline constexpr unsigned long long release_freed_bytes = 64ull << 20;

}  // namespace redline::cli
