// What the fuzz targets share: turning libFuzzer's bytes into what the library's public API
// takes, and running the writers of the registry on what came out. Each target
// (fuzz/*_target.cpp) is one LLVMFuzzerTestOneInput of a few lines on top of this.
//
// Bad input is an InputError (exit 2 in the CLI): the harness swallows it. Anything else — a
// crash, a sanitizer report, a leak, another exception, a broken invariant — is a finding.
#pragma once

#include "formats/reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline::fuzz {

// A reader of decoded UTF-8, as in formats/reader.hpp.
using ReadFunction = Document (*)(std::string_view utf8, const formats::ReadOptions& options);

// Decodes the bytes as read_document() does, reads them with `read`, analyses the provisions
// and runs every writer of the parse command on the result.
void read_and_write(std::string_view bytes, ReadFunction read);

// A packaged draft (DOCX): the bytes go to read_document() as a file's would, which
// recognises the container by its bytes. Tracked changes are accepted for an input of even
// length and rejected for an odd one: a leading option byte would break every seed, since a
// ZIP container is found from its end. What it reads is analysed and written as above. A
// Word 97-2003 file (OLE signature) is skipped: reading one starts LibreOffice.
void read_package_and_write(std::string_view input);

// A PDF draft: the bytes go to read_document() as a file's would (poppler, then the PDF
// reader's lines, furniture, paragraphs and the text recogniser), with the text kept as
// `parse --format text` keeps it; analysed and written as above. Only inputs that start
// like a PDF are read: anything else would exercise the text readers, fuzzed on their own.
void read_pdf_and_write(std::string_view input);

// The input of the comparison target: one byte of options, then the old draft, the
// separator, the new draft. Without the separator the rest is split in half.
inline constexpr std::string_view pair_separator = "\n\f=== redline-fuzz: new draft ===\f\n";
struct PairInput {
    std::uint8_t options = 0;   // bits 0–1, 2–3: old, new format (auto, .txt, .md, .xml);
                                // 4–5: language (auto, en, zh, auto); 6: ignore editorial;
                                // 7: the brief in Chinese, with a watch list
    std::string_view old_bytes, new_bytes;
};
PairInput split_pair(std::string_view input);
std::string join_pair(std::uint8_t options, std::string_view old_bytes, std::string_view new_bytes);

// Reads both drafts, compares them and runs every writer of the registry on the result
// (the diff and brief writers on the comparison, the parse writers on each draft).
void compare_and_write(std::string_view input);

// The bytes libFuzzer hands over, as a string_view.
inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A broken invariant: prints `what` and aborts, which libFuzzer and the replay driver report.
[[noreturn]] void fail(std::string_view what);

}  // namespace redline::fuzz
