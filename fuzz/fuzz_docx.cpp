// The DOCX reader: the container (libzip, with the limits of docs/limits.md), the model
// (styles, numbering, tracked changes, notes) and the clause tree, then analysed and written by
// the parse writers. The input's length chooses accepting or rejecting tracked changes.
#include "fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    redline::fuzz::read_package_and_write(redline::fuzz::bytes_of(data, size));
    return 0;
}
