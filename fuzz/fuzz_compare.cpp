// The whole comparison: the input split into two drafts (harness.hpp: PairInput), each read
// as `redline diff` reads it, compared, and every writer of the registry run on the result.
#include "fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    redline::fuzz::compare_and_write(redline::fuzz::bytes_of(data, size));
    return 0;
}
