#include "engine/trivial_array.hpp"

#include <algorithm>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#define REDLINE_MAPPED_STORAGE 1
#endif

namespace redline::trivial_storage {

namespace {

std::size_t page_size() {
#ifdef REDLINE_MAPPED_STORAGE
    static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
#else
    return 4096;
#endif
}

bool mapped(std::size_t bytes) {
#ifdef REDLINE_MAPPED_STORAGE
    return bytes >= mapped_bytes;
#else
    (void)bytes;
    return false;
#endif
}

#ifdef REDLINE_MAPPED_STORAGE
void* map(std::size_t bytes) {
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? nullptr : p;
}
#endif

}  // namespace

std::size_t whole_pages(std::size_t bytes) {
    const std::size_t page = page_size();
    return (bytes + page - 1) / page * page;
}

void* resize(void* data, std::size_t bytes, std::size_t used, std::size_t new_bytes) {
    if (!mapped(bytes) && !mapped(new_bytes)) {
        if (new_bytes == 0) {
            std::free(data);
            return nullptr;
        }
        return std::realloc(data, new_bytes);
    }
#ifdef REDLINE_MAPPED_STORAGE
    if (mapped(bytes) && mapped(new_bytes)) {
        // The pages move (or the mapping grows or shrinks in place); nothing is copied.
        void* p = ::mremap(data, whole_pages(bytes), whole_pages(new_bytes), MREMAP_MAYMOVE);
        return p == MAP_FAILED ? nullptr : p;
    }
    // From the allocator's storage to a mapping, or back: copied once.
    void* p = mapped(new_bytes) ? map(whole_pages(new_bytes)) : std::malloc(new_bytes);
    if (p == nullptr) return nullptr;
    if (used != 0) std::memcpy(p, data, std::min(used, new_bytes));
    release(data, bytes);
    return p;
#else
    return nullptr;   // unreachable: nothing is mapped
#endif
}

void release(void* data, std::size_t bytes) noexcept {
    if (data == nullptr) return;
#ifdef REDLINE_MAPPED_STORAGE
    if (mapped(bytes)) {
        ::munmap(data, whole_pages(bytes));
        return;
    }
#endif
    std::free(data);
}

}  // namespace redline::trivial_storage
