#define BOOST_TEST_MODULE allocator
#include <boost/test/unit_test.hpp>

#include "cli/allocator.hpp"
#include "engine/beside.hpp"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

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
