// The allocator settings of a run of large inputs (cli/allocator: tune_allocator_for_large_run,
// called by cli/huge_pages in a process with glibc's huge pages). In an executable of its own:
// glibc fixes how many heaps it makes when a second thread first allocates, and hands a heap
// an ended thread left to the next one, so the settings must come before any thread.
#define BOOST_TEST_MODULE allocator_large_run
#include <boost/test/unit_test.hpp>

#include "cli/allocator.hpp"
#include "engine/beside.hpp"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace {

// The name of the mapping holding `p` in /proc/self/maps: "[heap]" for the main heap, "" for
// an anonymous mapping (a thread's heap, a mapped block).
std::string mapping_of(const void* p) {
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
        std::istringstream in(line);
        std::uintptr_t from = 0, to = 0;
        char dash = 0;
        std::string perms, offset, device, inode, name;
        if (!(in >> std::hex >> from >> dash >> to >> perms >> offset >> device >> inode) || dash != '-') continue;
        if (from <= a && a < to) {
            in >> name;
            return name;
        }
    }
    return "?";
}

}  // namespace

// Every thread allocates from the main heap (what the old draft's reading frees on the second
// thread is reusable by the later stages on the main one), and a block of a megabyte or more
// that the heap has no free room for is mapped on its own (given back when freed), where the
// heap grew by it and kept the growth. tune_allocator() leaves some 22 MB free in the heap.
BOOST_AUTO_TEST_CASE(a_large_run_shares_one_heap_and_maps_large_blocks) {
    redline::cli::tune_allocator();
    redline::cli::tune_allocator_for_large_run();
    std::string on_thread;
    redline::Beside side([&] {
        redline::cli::tune_thread_allocator();
        void* block = std::malloc(64 << 10);
        on_thread = mapping_of(block);
        std::free(block);
    });
    side.wait();
    BOOST_TEST(on_thread == "[heap]");

    void* small = std::malloc(512 << 10);
    void* large = std::malloc(28 << 20);   // under tune_allocator()'s threshold, 32 MiB
    BOOST_TEST(mapping_of(small) == "[heap]");
    BOOST_TEST(mapping_of(large) == "");
    std::free(small);
    std::free(large);
}
