#include "cli/huge_pages.hpp"

#include <cstdio>
#include <cstdlib>   // defines __GLIBC__ on glibc
#include <string>
#include <string_view>

#include <unistd.h>

namespace redline::cli {

namespace {

constexpr const char* tunables = "GLIBC_TUNABLES";
constexpr std::string_view hugetlb = "glibc.malloc.hugetlb";
// Set in the restarted process: the value GLIBC_TUNABLES had ("" when it had none) after "=",
// so that an empty value and no value stay apart.
constexpr const char* saved = "REDLINE_GLIBC_TUNABLES_BEFORE";

char** command_line = nullptr;
bool restarted = false;

}  // namespace

void remember_command_line(int /*argc*/, char** argv) {
    command_line = argv;
    if (const char* before = std::getenv(saved)) {
        restarted = true;
        const std::string value(before);
        if (value.empty()) ::unsetenv(tunables);
        else ::setenv(tunables, value.c_str() + 1, 1);
        ::unsetenv(saved);
    }
}

void prefer_huge_pages(std::uint64_t input_bytes) {
#if defined(__GLIBC__) && defined(__linux__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    if (restarted || command_line == nullptr || input_bytes < huge_page_input_bytes) return;
    const char* current = std::getenv(tunables);
    const std::string before = current ? current : "";
    if (before.find(hugetlb) != std::string::npos) return;
    ::setenv(saved, current ? ("=" + before).c_str() : "", 1);
    const std::string with = before.empty() ? std::string(hugetlb) + "=1" : before + ":" + std::string(hugetlb) + "=1";
    ::setenv(tunables, with.c_str(), 1);
    std::fflush(nullptr);
    ::execv("/proc/self/exe", command_line);
    // Not restarted: the environment as it was, and on without huge pages.
    if (current) ::setenv(tunables, before.c_str(), 1);
    else ::unsetenv(tunables);
    ::unsetenv(saved);
#else
    (void)input_bytes;
#endif
}

}  // namespace redline::cli
