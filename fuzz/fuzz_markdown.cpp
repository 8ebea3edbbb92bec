// The Markdown reader: bytes decoded as read_document() does, read, analysed, written by the
// parse writers (outline, redline.document/1). Then, differentially, the same text read in the
// smallest pieces cmark-gfm may be given (formats/markdown/pieces.hpp) must give the document
// read whole, clause for clause and block for block.
#include "fuzz/harness.hpp"

#include "engine/error.hpp"
#include "engine/text.hpp"
#include "formats/json/document_json.hpp"
#include "formats/markdown/markdown_reader.hpp"

#include <limits>
#include <string>

namespace {

// The document as JSON, or the error's message: both readings must agree on either.
std::string read_as_json(std::string_view utf8, std::size_t piece_bytes) {
    redline::formats::ReadOptions options;
    options.path = "fuzz";
    try {
        return redline::formats::write_document_json(redline::formats::markdown::read_markdown(utf8, options, piece_bytes));
    } catch (const redline::InputError& e) {
        return std::string("error: ") + e.what();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = redline::fuzz::bytes_of(data, size);
    redline::fuzz::read_and_write(bytes, redline::formats::read_markdown);
    std::string utf8;
    try {
        utf8 = redline::text::decode(bytes).utf8;
    } catch (const redline::InputError&) {
        return 0;
    }
    if (read_as_json(utf8, 1) != read_as_json(utf8, std::numeric_limits<std::size_t>::max()))
        redline::fuzz::fail("Markdown read in pieces differs from the same text read whole");
    return 0;
}
