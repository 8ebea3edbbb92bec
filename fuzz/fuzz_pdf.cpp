// The PDF reader: poppler's words, then the lines, page furniture, paragraphs and the clause
// tree of formats/pdf, analysed and written by the parse writers.
#include "fuzz/harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    redline::fuzz::read_pdf_and_write(redline::fuzz::bytes_of(data, size));
    return 0;
}
