// Reading a draft: bytes → decoded UTF-8 → the reader for its format → Document.
//
// Readers know nothing of diffing. Each reader is one function from decoded text to a
// Document; `read_document` sniffs the format, decodes, dispatches and fills
// DocumentInfo::path and ::encoding. Errors are InputError with the file name set.
#pragma once

#include "engine/document.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats {

enum class Format { text, markdown, xml, docx, pdf };

std::string_view to_string(Format format);

// Tracked changes in a Word draft: read it as it will be once they are accepted (the default),
// or as it was before them.
enum class TrackedChanges : std::uint8_t { accept, reject };

struct ReadOptions {
    std::string path;                        // for messages and DocumentInfo::path; "-" = stdin
    Language language = Language::unknown;   // unknown: detect from the text
    TrackedChanges tracked_changes = TrackedChanges::accept;   // DOCX only
    // Keep the text that was read in Document::source_text (`parse --format text`): the
    // decoded input, or the text extracted from a PDF. Not for DOCX (an InputError).
    bool keep_text = false;
};

// Explicit limits on untrusted input (docs/limits.md).
inline constexpr std::size_t max_input_bytes = 256u << 20;   // 256 MiB per input file
inline constexpr std::uint32_t max_tree_depth = 64;          // deeper nesting is flattened
inline constexpr std::uint32_t max_block_nesting = 256;      // lists in lists…: deeper is read as text

// The readers, in one registry that detection and dispatch both use: a new input format is
// one more entry.
struct Reader {
    Format format;
    std::string_view name;                          // DocumentInfo::format: "text", "markdown", "xml", "pdf"
    std::string_view description;                   // for --help: "xml2rfc XML"
    std::vector<std::string_view> extensions;       // lower case, with the dot: hints only
    bool (*certain)(std::string_view utf8);         // the content says it is this format; may be null
    bool (*likely)(std::string_view utf8);          // the content suggests it, when no extension decides
    Document (*read)(std::string_view utf8, const ReadOptions& options);
    // Packaged formats (DOCX, PDF): the raw bytes are this format's container (a ZIP, an OLE
    // compound file); `read_package` then reads them undecoded. Null for text formats.
    bool (*packaged)(std::string_view bytes);
    Document (*read_package)(std::string_view bytes, const ReadOptions& options);
};
const std::vector<Reader>& readers();
const Reader& reader_for(Format format);
// "plain text (.txt, .text), Markdown (.md, .markdown, .mkd), xml2rfc XML (.xml), Word DOCX (.docx, …) or PDF (.pdf)"
std::string reader_descriptions();

// The format of a decoded input: content that is certain (an XML declaration or root element)
// decides; else the extension, a hint (.md/.markdown → markdown, .txt → text); without one,
// content that is likely (Markdown syntax: YAML front matter, ATX headings, fences); else
// plain text.
Format detect_format(std::string_view path, std::string_view utf8);

// Does `path` end with `suffix` (lower case), ignoring the case of `path`?
bool has_extension(std::string_view path, std::string_view suffix);

// Reads the file at `path` ("-" reads standard input), enforcing max_input_bytes.
std::string read_bytes(const std::string& path);

// Decodes and parses (a packaged format is recognised by its bytes first and never decoded),
// then warns of controls and invisible format characters in the text, naming each clause that
// holds one (formats/common/hidden_warnings). Throws InputError (file set to options.path) on
// bad input.
Document read_document(std::string_view bytes, const ReadOptions& options);
// The same, taking the bytes it reads: a UTF-8 draft is read where it lies rather than from a
// copy (text::decode_owned), so that a large one is not held twice.
Document read_owned_document(std::string&& bytes, const ReadOptions& options);

// The readers, on already decoded UTF-8 text.
Document read_text(std::string_view utf8, const ReadOptions& options);
Document read_markdown(std::string_view utf8, const ReadOptions& options);
// XML drafts: xml2rfc v2 and v3 (<rfc>); other vocabularies are an InputError for now.
Document read_xml(std::string_view utf8, const ReadOptions& options);
// Word drafts (.docx, formats/docx): from the file's bytes.
Document read_docx(std::string_view bytes, const ReadOptions& options);
// PDF drafts (formats/pdf, docs/pdf.md): from the file's bytes, through poppler.
Document read_pdf(std::string_view bytes, const ReadOptions& options);

}  // namespace redline::formats
