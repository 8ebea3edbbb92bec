#include "cli/allocator.hpp"

#include <malloc.h>

namespace redline::cli {

void tune_allocator() {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 32 << 20);   // glibc's largest on 64-bit: below it, blocks come from the heap
    mallopt(M_TRIM_THRESHOLD, 256 << 20);  // keep freed heap rather than returning it
    mallopt(M_TOP_PAD, 16 << 20);          // grow the heap in steps of 16 MiB
#endif
}

}  // namespace redline::cli
