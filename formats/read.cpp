#include "formats/reader.hpp"

#include "engine/error.hpp"
#include "engine/text.hpp"
#include "formats/common/hidden_warnings.hpp"
#include "formats/pdf/pdf_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <utility>

namespace redline::formats {

std::string_view to_string(Format format) {
    switch (format) {
    case Format::text: return "text";
    case Format::markdown: return "markdown";
    case Format::xml: return "xml";
    case Format::docx: return "docx";
    case Format::pdf: return "pdf";
    }
    return "text";
}

namespace {

// Markdown syntax that plain-text drafts do not use: YAML front matter, ATX headings,
// fenced code. Looks at the first 64 KiB only.
bool looks_like_markdown(std::string_view s) {
    s = s.substr(0, 64 * 1024);
    if (s.starts_with("---\n") || s.starts_with("---\r\n")) return true;
    std::size_t headings = 0, fences = 0;
    text::for_each_line(s, [&](std::string_view line) {
        std::size_t hashes = 0;
        while (hashes < line.size() && hashes < 7 && line[hashes] == '#') ++hashes;
        if (hashes >= 1 && hashes <= 6 && (hashes == line.size() || line[hashes] == ' ')) ++headings;
        if (line.starts_with("```") || line.starts_with("~~~")) ++fences;
    });
    return headings >= 2 || fences >= 2;
}

// An XML declaration, or a root element after optional comments and a DOCTYPE.
bool looks_like_xml(std::string_view s) {
    std::size_t i = s.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos) return false;
    s = s.substr(i);
    return s.starts_with("<?xml") || s.starts_with("<!DOCTYPE") || s.starts_with("<rfc");
}

// A ZIP archive (local file header, or the end record of an empty one) or an OLE compound
// file (Word 97-2003, or an encrypted OOXML package): the DOCX reader says which.
bool looks_like_package(std::string_view bytes) {
    return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06") ||
           bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

// "%PDF-" in the first 1024 bytes, as PDF readers look for it, unless the file opens as a
// package: a Word file's compressed data may hold those five bytes anywhere.
bool looks_like_pdf_file(std::string_view bytes) { return !looks_like_package(bytes) && pdf::looks_like_pdf(bytes); }

}  // namespace

bool has_extension(std::string_view path, std::string_view suffix) { return text::ends_with_ci(path, suffix); }

const std::vector<Reader>& readers() {
    // In order of precedence when the content is certain, or likely, of more than one.
    static const std::vector<Reader> all = {
        {Format::pdf, "pdf", "PDF", {".pdf"}, nullptr, nullptr, read_pdf, looks_like_pdf_file, read_pdf},
        {Format::docx, "docx", "Word DOCX", {".docx", ".docm", ".dotx", ".doc"}, nullptr, nullptr, read_docx,
         looks_like_package, read_docx},
        {Format::xml, "xml", "xml2rfc XML", {".xml"}, looks_like_xml, nullptr, read_xml, nullptr, nullptr},
        {Format::markdown, "markdown", "Markdown", {".md", ".markdown", ".mkd"}, nullptr, looks_like_markdown, read_markdown,
         nullptr, nullptr},
        {Format::text, "text", "plain text", {".txt", ".text"}, nullptr, nullptr, read_text, nullptr, nullptr},
    };
    return all;
}

const Reader& reader_for(Format format) {
    for (const Reader& r : readers())
        if (r.format == format) return r;
    return readers().back();
}

std::string reader_descriptions() {
    std::string out;
    const auto& all = readers();
    for (std::size_t i = all.size(); i-- > 0;) {
        if (!out.empty()) out += i == 0 ? " or " : ", ";
        out += all[i].description;
        std::string extensions;
        for (std::string_view e : all[i].extensions) extensions += (extensions.empty() ? "" : ", ") + std::string(e);
        if (!extensions.empty()) out += " (" + extensions + ")";
    }
    return out;
}

Format detect_format(std::string_view path, std::string_view utf8) {
    for (const Reader& r : readers())
        if (r.certain && r.certain(utf8)) return r.format;
    for (const Reader& r : readers())
        for (std::string_view ext : r.extensions)
            if (has_extension(path, ext)) return r.format;
    for (const Reader& r : readers())
        if (r.likely && r.likely(utf8)) return r.format;
    return Format::text;
}

std::string read_bytes(const std::string& path) {
    std::string data;
    auto fail = [&](const std::string& message) {
        InputError e("", message);
        if (path != "-") e.set_file(path);
        return e;
    };
    auto too_large = [&] {
        return fail("input larger than " + std::to_string(max_input_bytes >> 20) + " MiB (the limit for one draft)");
    };
    // Standard input, a FIFO or a device: read up to the limit, whatever their size says.
    auto read_stream = [&](int fd) {
        char buf[1 << 16];
        while (true) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n == 0) return;
            if (n < 0) {
                if (errno == EINTR) continue;
                throw fail(std::string("cannot read: ") + std::strerror(errno));
            }
            if (data.size() + static_cast<std::size_t>(n) > max_input_bytes) throw too_large();
            data.append(buf, static_cast<std::size_t>(n));
        }
    };
    if (path == "-") {
        struct stat st{};
        if (::fstat(STDIN_FILENO, &st) == 0 && S_ISDIR(st.st_mode)) throw fail("standard input is a directory");
        read_stream(STDIN_FILENO);
        return data;
    }
    // What the path names decides the message: a directory is not "too large", a socket cannot
    // be opened at all.
    struct stat st{};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) throw fail("is a directory, not a draft");
        if (S_ISSOCK(st.st_mode)) throw fail("is a socket, not a draft");
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw fail(std::string("cannot open: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::fstat(fd, &st) != 0) throw fail(std::string("cannot read: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) {
        read_stream(fd);
        return data;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > max_input_bytes) throw too_large();
    data.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, data.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw fail(std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;   // shrunk while read: what is there
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    return data;
}

namespace {

// `owned`, when given, holds `bytes` and may be taken: the decoded text then is those bytes.
Document read(std::string_view bytes, std::string* owned, const ReadOptions& options) {
    try {
        if (bytes.size() > max_input_bytes)
            throw InputError("", "input larger than " + std::to_string(max_input_bytes >> 20) + " MiB");
        for (const Reader& r : readers()) {
            if (r.packaged == nullptr || !r.packaged(bytes)) continue;
            if (options.keep_text && r.format == Format::docx)
                throw InputError("", "the text read is shown for plain-text, Markdown, XML and PDF drafts; a Word "
                                     "draft's places are its parts and paragraphs (see --format json)");
            Document doc = r.read_package(bytes, options);
            doc.info.path = options.path;
            doc.info.format = std::string(r.name);
            doc.info.encoding = "UTF-8";
            return doc;
        }
        text::Decoded decoded = owned ? text::decode_owned(std::move(*owned)) : text::decode(bytes);
        if (decoded.utf8.find_first_not_of(" \t\r\n\f\v") == std::string::npos)
            throw InputError("", "empty document (no text)");
        const Reader& reader = reader_for(detect_format(options.path, decoded.utf8));
        Document doc = reader.read(decoded.utf8, options);
        doc.info.path = options.path;
        doc.info.format = std::string(reader.name);
        doc.info.encoding = decoded.encoding;
        if (options.keep_text) doc.source_text = std::move(decoded.utf8);
        // Here, once for every reader: the controls and invisible characters of any draft.
        warn_hidden_characters(doc);
        return doc;
    } catch (InputError& e) {
        if (e.file().empty()) e.set_file(options.path);
        throw;
    }
}

}  // namespace

Document read_document(std::string_view bytes, const ReadOptions& options) { return read(bytes, nullptr, options); }

Document read_owned_document(std::string&& bytes, const ReadOptions& options) {
    const std::string_view view = bytes;
    return read(view, &bytes, options);
}

}  // namespace redline::formats
