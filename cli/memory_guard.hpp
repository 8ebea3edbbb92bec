// The memory a run will need, checked against the memory the machine can give it before any
// input is read (issue 15: "a 256 MiB input must not need more than the machine has").
//
// A run's peak is the process's base plus a multiple of the bytes it reads (docs/limits.md,
// "Memory": bench/memory_ratio.py measures it). The check takes the worst multiple measured,
// over inputs of nothing but one-word paragraphs, so that a run it lets through does not run
// out of memory half way; a run it refuses exits 2 before reading anything, with a message
// naming the largest input, the memory needed and the memory available.
#pragma once

#include "formats/common/output.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace redline::cli {

// Peak resident memory of a run = memory_base + memory_multiple × the bytes of its inputs.
inline constexpr std::uint64_t memory_base = std::uint64_t{64} << 20;
inline constexpr std::uint64_t memory_multiple = 32;

std::uint64_t expected_peak(std::uint64_t input_bytes);

// The memory this process can still take, and what bounds it: the smallest of the kernel's
// estimate of memory available without swapping (MemAvailable in /proc/meminfo), the limit
// of the process's control group (memory.max, less memory.current, of its cgroup and each
// cgroup above it) and the limits on its address space and data (ulimit -v, ulimit -d).
struct AvailableMemory {
    std::uint64_t bytes = UINT64_MAX;   // UINT64_MAX: nothing could be read, nothing is checked
    std::string source;                 // "MemAvailable in /proc/meminfo", "ulimit -v", …
};
AvailableMemory available_memory();

// Throws InputError (the file: the largest input) when the inputs that are regular files
// would need more than `available`:
//   "big.txt: comparing 600 MB of input needs about 18.8 GB of memory (64 MiB and 32× the
//    input, docs/limits.md), more than the 8.0 GB available (MemAvailable in /proc/meminfo)"
// Inputs whose size is not known before reading (standard input, a pipe) count as empty here;
// check_read_memory() checks them once read. `verb` is "parsing" or "comparing". Returns the
// bytes of the inputs it measured.
std::uint64_t check_memory(const std::vector<formats::NamedInput>& inputs, const std::string& verb, const AvailableMemory& available);

// The same for an input read from a stream (standard input, a pipe), on the bytes read; `path`
// is the name to give it ("standard input").
void check_read_memory(const std::string& path, std::uint64_t bytes, const AvailableMemory& available);

}  // namespace redline::cli
