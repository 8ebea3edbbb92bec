#define BOOST_TEST_MODULE allocator
#include <boost/test/unit_test.hpp>

#include "cli/allocator.hpp"
#include "engine/beside.hpp"

#include <cstdint>
#include <malloc.h>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The VmFlags of the mapping holding `p` (from /proc/self/smaps), "" if none is found.
std::string vm_flags_of(const void* p) {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> from >> dash >> to && dash == '-') {
            inside = from <= a && a < to;
            continue;
        }
        if (inside && line.rfind("VmFlags:", 0) == 0) return line;
    }
    return "";
}

// Huge-page advice exists when the kernel has transparent huge pages at all; elsewhere the
// tests are skipped, not passed. (Under the sanitizers, whose allocator replaces glibc's,
// nothing is tuned and this test is not built: tests/CMakeLists.txt.)
boost::test_tools::assertion_result kernel_has_thp(boost::unit_test::test_unit_id) {
    return std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled");
}

}  // namespace

// Blocks made after tuning lie in heap that carries the huge-page advice ("hg"), and are
// ordinary memory: written, read back, freed.
BOOST_AUTO_TEST_CASE(the_main_heap_is_advised_for_huge_pages, *boost::unit_test::precondition(kernel_has_thp)) {
    redline::cli::tune_allocator();
    auto* block = static_cast<unsigned char*>(std::malloc(3 << 20));
    BOOST_REQUIRE(block != nullptr);
    std::memset(block, 0x5a, 3 << 20);
    BOOST_TEST(block[(3 << 20) - 1] == 0x5a);
    const std::string flags = vm_flags_of(block + (2 << 20));
    BOOST_TEST_MESSAGE("main heap " << flags);
    BOOST_TEST(flags.find(" hg") != std::string::npos);
    std::free(block);
}

// The thread that reads the old draft tunes its own heap (cli/options.cpp).
BOOST_AUTO_TEST_CASE(a_threads_heap_is_advised_for_huge_pages, *boost::unit_test::precondition(kernel_has_thp)) {
    std::string flags;
    redline::Beside side([&] {
        redline::cli::tune_thread_allocator();
        auto* block = static_cast<unsigned char*>(std::malloc(3 << 20));
        std::memset(block, 0x5a, 3 << 20);
        flags = vm_flags_of(block + (2 << 20));
        std::free(block);
    });
    side.wait();
    BOOST_TEST_MESSAGE("thread heap " << flags);
    BOOST_TEST(flags.find(" hg") != std::string::npos);
}

namespace {

// Resident bytes of this process (/proc/self/statm).
std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4096;
}

// Allocates `bytes` in 64 KiB blocks (heap, not mappings of their own), touches and frees them.
void touch_and_free(std::size_t bytes) {
    std::vector<void*> blocks;
    for (std::size_t done = 0; done < bytes; done += 64 << 10) {
        blocks.push_back(std::malloc(64 << 10));
        std::memset(blocks.back(), 0x5a, 64 << 10);
    }
    for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
}

}  // namespace

// What a reader frees stays in the heap for the comparison to reuse, however much it is: a
// rule that gave it back past some size made the larger of two inputs fault it in again (a
// step in processor time at that size, bench/adversarial). Reused, it is resident already.
BOOST_AUTO_TEST_CASE(freed_heap_is_kept_for_reuse) {
    redline::cli::tune_allocator();
    touch_and_free(160 << 20);
    const std::size_t freed = resident_bytes();
    touch_and_free(160 << 20);
    const std::size_t reused = resident_bytes();
    BOOST_TEST_MESSAGE("resident after freeing " << freed / 1000000 << " MB, after reusing " << reused / 1000000 << " MB");
    BOOST_TEST(freed > std::size_t{150} << 20);                // not given back
    BOOST_TEST(reused < freed + (std::size_t{8} << 20));      // the same pages again
}

namespace {

// The end of the mapping holding `p` (from /proc/self/maps), 0 if none is found.
std::uintptr_t mapping_end_of(const void* p) {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::uintptr_t from = 0, to = 0;
        char dash = 0;
        std::istringstream head(line);
        if (head >> std::hex >> from >> dash >> to && dash == '-' && from <= a && a < to) return to;
    }
    return 0;
}

}  // namespace

// A run of large inputs opens each heap writable whole (cli/allocator.hpp): past the last block
// a thread has taken, its heap is writable already, where glibc would otherwise open it a page
// at a time, out of the reach of huge pages. 100 MB in 64 KiB blocks fill one heap of 64 MiB
// (perhaps an earlier test's thread's, which glibc hands on) and reach into a second, opened
// after the call.
BOOST_AUTO_TEST_CASE(large_inputs_open_heaps_whole) {
    redline::cli::tune_allocator();
    redline::cli::prefer_whole_heaps(redline::cli::whole_heap_input_bytes);
    std::uintptr_t block_end = 0, writable_end = 0;
    redline::Beside side([&] {
        std::vector<void*> blocks;
        for (std::size_t done = 0; done < (std::size_t{100} << 20); done += 64 << 10) blocks.push_back(std::malloc(64 << 10));
        block_end = reinterpret_cast<std::uintptr_t>(blocks.back()) + (64 << 10);
        writable_end = mapping_end_of(blocks.back());
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) std::free(*it);
    });
    side.wait();
    BOOST_TEST_MESSAGE("writable " << (writable_end - block_end) / 1000000 << " MB past the last block");
    BOOST_TEST(writable_end >= block_end + (std::size_t{16} << 20));
}

// However large, a block comes from the heap, not from a mapping of its own that freeing it
// would unmap: the next copy of a 64 MB draft reuses it rather than faulting in 64 MB afresh.
// 300 MB: more than the earlier tests freed into the heap, so glibc has to ask the kernel.
BOOST_AUTO_TEST_CASE(large_blocks_come_from_the_heap) {
    redline::cli::tune_allocator();
    void* block = std::malloc(std::size_t{300} << 20);
    BOOST_REQUIRE(block != nullptr);
    std::memset(block, 0x5a, 4096);
    BOOST_TEST(mallinfo2().hblks == 0u);
    std::free(block);
}
