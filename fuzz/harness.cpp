#include "fuzz/harness.hpp"

#include "engine/error.hpp"
#include "engine/pipeline.hpp"
#include "engine/text.hpp"
#include "formats/writers.hpp"

#include <cstdio>
#include <cstdlib>

namespace redline::fuzz {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

// What every writer promises of its output: text is UTF-8, a binary output (DOCX) a zip.
void check_output(const formats::Writer& writer, const std::string& out) {
    if (writer.binary ? !out.starts_with("PK\x03\x04") : text::find_invalid_utf8(out) != std::string::npos)
        fail(writer.binary ? "binary output is not a zip package" : "text output is not UTF-8");
}

// Runs the parse writers on one read draft, as `redline parse` does.
void write_document(const Document& doc, const Analysis& analysis) {
    formats::WriteInput in;
    in.document = &doc;
    in.analysis = &analysis;
    for (const formats::Writer& writer : formats::writers())
        if (writer.command == formats::Command::parse) check_output(writer, formats::write_string(writer, in));
}

constexpr std::string_view paths[] = {"-", "draft.txt", "draft.md", "draft.xml"};
constexpr Language languages[] = {Language::unknown, Language::en, Language::zh, Language::unknown};

// A Word 97-2003 file (its OLE signature first) is converted by starting LibreOffice (seconds
// per input, another program's parser): that path has its own tests (test_docx_doc), the
// fuzzers stay in ours.
bool starts_like_word_97(std::string_view bytes) { return bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

}  // namespace

void fail(std::string_view what) {
    std::fprintf(stderr, "redline fuzz: broken invariant: %.*s\n", static_cast<int>(what.size()), what.data());
    std::abort();
}

void read_and_write(std::string_view bytes, ReadFunction read) {
    try {
        const text::Decoded decoded = text::decode(bytes);
        if (blank(decoded.utf8)) return;   // read_document()'s "empty document"
        formats::ReadOptions options;
        options.path = "fuzz";
        const Document doc = read(decoded.utf8, options);
        write_document(doc, analyse(doc, profile_for(doc, {})));
    } catch (const InputError&) {
    }
}

PairInput split_pair(std::string_view input) {
    PairInput pair;
    if (input.empty()) return pair;
    pair.options = static_cast<std::uint8_t>(input.front());
    input.remove_prefix(1);
    std::size_t cut = input.find(pair_separator);
    std::size_t skip = pair_separator.size();
    if (cut == std::string_view::npos) {
        cut = input.size() / 2;
        skip = 0;
    }
    pair.old_bytes = input.substr(0, cut);
    pair.new_bytes = input.substr(cut + skip);
    return pair;
}

std::string join_pair(std::uint8_t options, std::string_view old_bytes, std::string_view new_bytes) {
    std::string out(1, static_cast<char>(options));
    out += old_bytes;
    out += pair_separator;
    out += new_bytes;
    return out;
}

void read_package_and_write(std::string_view input) {
    if (starts_like_word_97(input)) return;
    try {
        formats::ReadOptions options;
        options.path = "fuzz.docx";
        options.tracked_changes = input.size() % 2 ? formats::TrackedChanges::reject : formats::TrackedChanges::accept;
        const Document doc = formats::read_document(input, options);
        write_document(doc, analyse(doc, profile_for(doc, {})));
    } catch (const InputError&) {
    }
}

void read_pdf_and_write(std::string_view input) {
    if (input.substr(0, 1024).find("%PDF-") == std::string_view::npos) return;
    try {
        formats::ReadOptions options;
        options.path = "fuzz.pdf";
        options.keep_text = true;
        const Document doc = formats::read_document(input, options);
        write_document(doc, analyse(doc, profile_for(doc, {})));
    } catch (const InputError&) {
    }
}

void compare_and_write(std::string_view input) {
    const PairInput pair = split_pair(input);
    if (starts_like_word_97(pair.old_bytes) || starts_like_word_97(pair.new_bytes)) return;
    const Language language = languages[(pair.options >> 4) & 3];
    auto read = [&](std::string_view bytes, unsigned format) {
        formats::ReadOptions options;
        options.path = paths[format & 3];
        options.language = language;
        return prepare(formats::read_document(bytes, options));
    };
    try {
        PreparedDraft old_draft = read(pair.old_bytes, pair.options);
        PreparedDraft new_draft = read(pair.new_bytes, pair.options >> 2);
        write_document(*old_draft.doc, old_draft.analysis);
        write_document(*new_draft.doc, new_draft.analysis);
        CompareOptions compare_options;
        compare_options.ignore_editorial = (pair.options & 0x40) != 0;
        const Comparison comparison = compare(std::move(old_draft), std::move(new_draft), compare_options);

        formats::WriteInput in;
        in.comparison = &comparison;
        in.date = "2026-12-01";
        in.color = true;
        if (pair.options & 0x80) {
            in.brief.lang = formats::BriefLanguage::zh;
            in.brief.watch = {"shall", "应", "encrypt"};
            in.show_editorial = false;
        }
        for (const formats::Writer& writer : formats::writers()) {
            if (writer.command == formats::Command::parse) continue;
            check_output(writer, formats::write_string(writer, in));
        }
    } catch (const InputError&) {
    }
}

}  // namespace redline::fuzz
