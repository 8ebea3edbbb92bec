// Transparent huge pages for the whole heap of a large run.
//
// A run over 10 MB of drafts touches some 800 MB of fresh heap: in 4 KiB pages that is 200,000
// page faults and as many TLB misses later, a third of its processor time (the wide-unmatched
// class of bench/adversarial: 11.6 s of CPU, 7.4 s with huge pages). cli/allocator advises
// huge pages for the first 24 MB of each thread's heap; glibc advises them for every heap
// extension and every mapped block only when the process starts with the tunable
// glibc.malloc.hugetlb=1 in GLIBC_TUNABLES, which it reads before main() and never again.
// So a run whose inputs are large starts itself once more with that tunable set.
#pragma once

#include <cstdint>

namespace redline::cli {

// Inputs of at least this many bytes (all inputs of the run together) are worth the restart:
// it costs some 16 ms of processor time, and already at 2.5 MB (reworded-provisions of
// bench/adversarial at 20,000) the run takes 374 ms instead of 638 (17,400 page faults: 5,600).
inline constexpr std::uint64_t huge_page_input_bytes = std::uint64_t{1} << 20;

// Call first in main(): keeps the command line for a restart and, in a restarted process,
// gives GLIBC_TUNABLES back its value from before (so that the pager and LibreOffice see the
// environment the user gave).
void remember_command_line(int argc, char** argv);

// When `input_bytes` reaches huge_page_input_bytes, re-executes the program (/proc/self/exe,
// the same arguments) with glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES; call before
// anything is read or written. Nothing happens when the process was restarted already, when
// GLIBC_TUNABLES already sets glibc.malloc.hugetlb, under the sanitizers, outside glibc, or
// when the restart fails (the run goes on as it is).
void prefer_huge_pages(std::uint64_t input_bytes);

}  // namespace redline::cli
