#include "cli/memory_guard.hpp"

#include "engine/error.hpp"

#include <fmt/format.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace redline::cli {

namespace {

void lower(AvailableMemory& a, std::uint64_t bytes, std::string source) {
    if (bytes < a.bytes) a = {bytes, std::move(source)};
}

// "MemAvailable:   23130456 kB" → bytes; 0 when absent (kernels before 3.14).
std::uint64_t mem_available() {
    std::ifstream in("/proc/meminfo");
    std::string key, unit;
    std::uint64_t value = 0;
    while (in >> key >> value) {
        std::getline(in, unit);
        if (key == "MemAvailable:") return value * 1024;
    }
    return 0;
}

// A cgroup v2 interface file holding a number; UINT64_MAX for "max", or when it cannot be read.
std::uint64_t read_number(const std::string& path) {
    std::ifstream in(path);
    std::string word;
    if (!(in >> word) || word == "max") return UINT64_MAX;
    try {
        return std::stoull(word);
    } catch (const std::exception&) {
        return UINT64_MAX;
    }
}

// The tightest memory.max − memory.current of this process's cgroup (v2) and the ones above it.
void cgroup_room(AvailableMemory& a) {
    std::ifstream in("/proc/self/cgroup");
    std::string line, group;
    while (std::getline(in, line))
        if (line.starts_with("0::")) group = line.substr(3);
    if (group.empty()) return;
    for (std::string at = group;;) {
        const std::string dir = "/sys/fs/cgroup" + (at == "/" ? std::string() : at);
        if (const std::uint64_t max = read_number(dir + "/memory.max"); max != UINT64_MAX) {
            const std::uint64_t current = read_number(dir + "/memory.current");
            const std::uint64_t used = current == UINT64_MAX ? 0 : current;
            lower(a, max > used ? max - used : 0, "memory.max of cgroup " + at);
        }
        const std::size_t slash = at.rfind('/');
        if (at == "/" || slash == std::string::npos) return;
        at = slash == 0 ? "/" : at.substr(0, slash);
    }
}

// Room left under a resource limit, given what the process already uses of it (pages).
void rlimit_room(AvailableMemory& a, int resource, std::uint64_t used, const char* name) {
    rlimit r{};
    if (::getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return;
    const auto limit = static_cast<std::uint64_t>(r.rlim_cur);
    lower(a, limit > used ? limit - used : 0, name);
}

std::string gigabytes(std::uint64_t bytes) {
    if (bytes >= (std::uint64_t{1} << 30)) return fmt::format("{:.1f} GB", static_cast<double>(bytes) / double(1 << 30));
    return fmt::format("{} MB", (bytes + (1 << 19)) >> 20);
}

void refuse(const std::string& file, const std::string& verb, std::uint64_t input_bytes, const AvailableMemory& available) {
    const std::uint64_t need = expected_peak(input_bytes);
    if (need <= available.bytes) return;
    InputError e("", fmt::format("{} {} of input needs about {} of memory ({} MiB and {}× the input, docs/limits.md), "
                                 "more than the {} available ({})",
                                 verb, gigabytes(input_bytes), gigabytes(need), memory_base >> 20, memory_multiple,
                                 gigabytes(available.bytes), available.source));
    e.set_file(file);
    throw e;
}

}  // namespace

std::uint64_t expected_peak(std::uint64_t input_bytes) { return memory_base + memory_multiple * input_bytes; }

AvailableMemory available_memory() {
    AvailableMemory a;
    if (const std::uint64_t m = mem_available(); m > 0) lower(a, m, "MemAvailable in /proc/meminfo");
    cgroup_room(a);
    // /proc/self/statm: total program size and data + stack, in pages.
    std::uint64_t size = 0, resident = 0, shared = 0, text = 0, lib = 0, data = 0;
    if (std::ifstream statm("/proc/self/statm"); statm >> size >> resident >> shared >> text >> lib >> data) {
        const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
        rlimit_room(a, RLIMIT_AS, size * page, "the limit on address space, ulimit -v");
        rlimit_room(a, RLIMIT_DATA, data * page, "the limit on data, ulimit -d");
    }
    return a;
}

std::uint64_t check_memory(const std::vector<formats::NamedInput>& inputs, const std::string& verb, const AvailableMemory& available) {
    std::uint64_t total = 0, largest = 0;
    std::string largest_path;
    for (const formats::NamedInput& in : inputs) {
        struct stat st{};
        if (in.path == "-" || ::stat(in.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        const auto size = static_cast<std::uint64_t>(st.st_size);
        total += size;
        if (size > largest || largest_path.empty()) largest = size, largest_path = in.path;
    }
    if (!largest_path.empty()) refuse(largest_path, verb, total, available);
    return total;
}

void check_read_memory(const std::string& path, std::uint64_t bytes, const AvailableMemory& available) {
    refuse(path, "reading", bytes, available);
}

}  // namespace redline::cli
