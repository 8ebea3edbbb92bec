// The Markdown reader: bytes decoded as read_document() does, read, analysed, written by the
// parse writers (outline, redline.document/1).
#include "fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    redline::fuzz::read_and_write(redline::fuzz::bytes_of(data, size), redline::formats::read_markdown);
    return 0;
}
