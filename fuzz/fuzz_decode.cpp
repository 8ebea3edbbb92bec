// Decoding and format detection: any bytes either decode to well-formed UTF-8 (UTF-8 input
// unchanged, a BOM dropped) or are an InputError; detection then picks a reader. Decoding bytes
// it owns (text::decode_owned, as the CLI reads a file) gives the same text or the same error.
#include "fuzz/harness.hpp"

#include "engine/error.hpp"
#include "engine/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace redline;
    const std::string_view bytes = fuzz::bytes_of(data, size);
    std::string owned_result;
    try {
        const text::Decoded owned = text::decode_owned(std::string(bytes));
        owned_result = owned.encoding + '\n' + owned.utf8;
    } catch (const InputError& e) {
        owned_result = "error " + e.place() + ": " + e.what();
    }
    try {
        const text::Decoded decoded = text::decode(bytes);
        if (owned_result != decoded.encoding + '\n' + decoded.utf8) fuzz::fail("decode_owned differs from decode");
        if (text::find_invalid_utf8(decoded.utf8) != std::string::npos) fuzz::fail("decoded text is not UTF-8");
        if (decoded.encoding == "UTF-8" && decoded.utf8 != bytes) fuzz::fail("UTF-8 input changed by decoding");
        if (decoded.encoding == "UTF-8 (BOM)" && decoded.utf8 != bytes.substr(3)) fuzz::fail("UTF-8 BOM input changed");
        if (decoded.utf8.find('\0') != std::string::npos) fuzz::fail("NUL in decoded text");
        (void)formats::detect_format("", decoded.utf8);
    } catch (const InputError& e) {
        if (owned_result != "error " + e.place() + ": " + e.what()) fuzz::fail("decode_owned fails otherwise than decode");
    }
    return 0;
}
