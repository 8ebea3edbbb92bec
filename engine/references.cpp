// Citations of other documents. Each form is recognised by its publisher prefix, so that
// section numbers ("6.1.3", "Section 4.2"), dates and versions never become references; the
// key folds what varies in print (em/en dash/hyphen, full-width forms, spacing).
#include "engine/provisions.hpp"

#include "engine/text.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace redline {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// Chinese standard prefixes: GB, GB/T, GB/Z, and sector standards such as YD/T, GM/T, GA/T,
// JR/T, DB31/T. Two capitals at most before the slash keep "ISO" and "IEC" out.
const char* const cn_prefixes[] = {"GB/T", "GB/Z", "GB", "YD/T", "YD", "GM/T", "GM/Z", "GM", "GA/T", "GA", "JR/T", "JR",
                                   "SJ/T", "SJ", "YY/T", "YY", "HJ", "JT/T", "DL/T", "NB/T", "TC260"};

// Reads a standard number at folded[i]: digits with internal dots ("4943.1", "32918"), then
// optionally parts ("-4-2") and a year after a dash or colon. Returns the end, or i when none.
std::size_t read_number(std::string_view f, std::size_t i, std::string& number, std::string& year, bool iso) {
    const std::size_t start = i;
    while (i < f.size() && (digit(f[i]) || (f[i] == '.' && i + 1 < f.size() && digit(f[i + 1]) && i > start))) ++i;
    if (i == start) return start;
    number = std::string(f.substr(start, i - start));
    // ISO/IEC parts: 62443-4-2, 8601-1; a year follows a colon (":2022").
    if (iso) {
        while (i + 1 < f.size() && f[i] == '-' && digit(f[i + 1])) {
            std::size_t j = i + 1;
            while (j < f.size() && digit(f[j])) ++j;
            number += std::string(f.substr(i, j - i));
            i = j;
        }
        if (i + 5 <= f.size() && f[i] == ':' && digit(f[i + 1]) &&
            digit(f[i + 2]) && digit(f[i + 3]) && digit(f[i + 4])) {
            year = std::string(f.substr(i + 1, 4));
            i += 5;
        }
        return i;
    }
    // National standards: "29829-2022" (the dash already folded from —, –, －).
    std::size_t j = i;
    while (j < f.size() && f[j] == ' ') ++j;
    if (j < f.size() && f[j] == '-') {
        ++j;
        while (j < f.size() && f[j] == ' ') ++j;
        if (j + 4 <= f.size() && digit(f[j]) && digit(f[j + 1]) && digit(f[j + 2]) && digit(f[j + 3]) &&
            (j + 4 == f.size() || !digit(f[j + 4]))) {
            year = std::string(f.substr(j, 4));
            return j + 4;
        }
    }
    return i;
}

bool word_boundary_before(std::string_view f, std::size_t i) {
    return i == 0 || !(std::isalnum(static_cast<unsigned char>(f[i - 1])) || f[i - 1] == '/');
}

}  // namespace

std::vector<Reference> find_references(std::string_view text_in) {
    // Every citation carries a number: text without digits (most sentences) has none.
    // Full-width digits start with EF BC (U+FF10..FF19).
    bool ascii = true, digits = false;
    for (std::size_t i = 0; i < text_in.size(); ++i) {
        const auto c = static_cast<unsigned char>(text_in[i]);
        if (c >= '0' && c <= '9') digits = true;
        else if (c >= 0x80) {
            ascii = false;
            if (c == 0xEF && i + 2 < text_in.size() && static_cast<unsigned char>(text_in[i + 1]) == 0xBC &&
                static_cast<unsigned char>(text_in[i + 2]) >= 0x90 && static_cast<unsigned char>(text_in[i + 2]) <= 0x99)
                digits = true;
        }
    }
    if (!digits) return {};
    // Work on a width-folded copy with every dash as '-'. Folding changes byte lengths, so
    // keep where it did: a folded offset maps back by the last change at or before it (a
    // full-width form or a dash, 3 bytes to 1, is rare; a byte map of the whole text was four
    // times its size). ASCII text (most of an English draft) needs neither.
    struct Shift {
        std::uint32_t folded, original;   // from this folded offset on, the original is as far on
    };
    std::string folded;
    std::vector<Shift> shifts{{0, 0}};
    if (!ascii) {
        folded.reserve(text_in.size());
        for (std::size_t i = 0; i < text_in.size();) {
            const std::size_t start = i;
            const auto c = static_cast<unsigned char>(text_in[i]);
            const std::size_t len = std::min(text::sequence_length(c), text_in.size() - start);
            i = start + len;
            if (c < 0x80) {
                folded += static_cast<char>(c);
                continue;
            }
            const std::string_view ch = text_in.substr(start, len);
            if (ch == "—" || ch == "–" || ch == "‐" || ch == "‑" || ch == "－" || ch == "−") folded += '-';
            else folded += text::fold_width(ch);
            if (folded.size() - shifts.back().folded != i - shifts.back().original)
                shifts.push_back({static_cast<std::uint32_t>(folded.size()), static_cast<std::uint32_t>(i)});
        }
    }
    const std::string_view f = ascii ? text_in : std::string_view(folded);
    // A folded offset inside a character maps to that character's start, as every byte of a
    // folded character stood for it.
    auto original = [&](std::size_t k) {
        if (ascii) return static_cast<std::uint32_t>(k);
        const auto s = std::prev(std::upper_bound(shifts.begin(), shifts.end(), k,
                                                  [](std::size_t v, const Shift& x) { return v < x.folded; }));
        std::size_t o = std::min<std::size_t>(s->original + (k - s->folded), text_in.size());
        while (o > 0 && o < text_in.size() && text::is_continuation(static_cast<unsigned char>(text_in[o]))) --o;
        return static_cast<std::uint32_t>(o);
    };

    std::vector<Reference> refs;
    auto emit = [&](std::size_t b, std::size_t e, std::string key, bool dated) {
        Reference r;
        r.offset = original(b);
        r.length = original(e) - original(b);
        r.key = std::move(key);
        r.dated = dated;
        refs.push_back(std::move(r));
    };
    for (std::size_t i = 0; i < f.size(); ++i) {
        switch (f[i]) {  // the first letters of every form below
        case '[': case 'R': case 'I': case 'N': case 'G': case 'Y': case 'J': case 'S': case 'H': case 'D': case 'T': break;
        default: continue;
        }
        if (!word_boundary_before(f, i)) continue;
        const std::string_view rest = f.substr(i);
        // [RFC2119]
        if (rest.starts_with("[RFC") && rest.size() > 5 && digit(rest[4])) {
            std::size_t j = 4;
            while (j < rest.size() && digit(rest[j])) ++j;
            if (j < rest.size() && rest[j] == ']') {
                emit(i, i + j + 1, "RFC " + std::string(rest.substr(4, j - 4)), false);
                i += j;
                continue;
            }
        }
        // RFC 8446 / RFC8446
        if (rest.starts_with("RFC")) {
            std::size_t j = 3;
            while (j < rest.size() && rest[j] == ' ') ++j;
            const std::size_t d0 = j;
            while (j < rest.size() && digit(rest[j])) ++j;
            if (j > d0 && (j == rest.size() || !std::isalnum(static_cast<unsigned char>(rest[j])))) {
                emit(i, i + j, "RFC " + std::string(rest.substr(d0, j - d0)), false);
                i += j - 1;
                continue;
            }
        }
        // ITU-T X.509
        if (rest.starts_with("ITU-T ") && rest.size() > 8 && upper(rest[6]) && rest[7] == '.' && digit(rest[8])) {
            std::size_t j = 8;
            while (j < rest.size() && digit(rest[j])) ++j;
            emit(i, i + j, std::string(rest.substr(0, j)), false);
            i += j - 1;
            continue;
        }
        // NIST SP 800-53 (Rev. 5 is not part of the key)
        if (rest.starts_with("NIST SP ") && rest.size() > 8 && digit(rest[8])) {
            std::size_t j = 8;
            while (j < rest.size() && (digit(rest[j]) || (rest[j] == '-' && j + 1 < rest.size() && digit(rest[j + 1])))) ++j;
            emit(i, i + j, "NIST SP " + std::string(rest.substr(8, j - 8)), false);
            i += j - 1;
            continue;
        }
        // ISO 9001, ISO/IEC 27001:2022, IEC 62443-4-2, ISO/IEC/IEEE 29119-1
        for (std::string_view org : {"ISO/IEC/IEEE", "ISO/IEC", "ISO/TS", "ISO/TR", "ISO", "IEC"}) {
            if (!rest.starts_with(org)) continue;
            std::size_t j = org.size();
            if (j < rest.size() && rest[j] != ' ') break;
            while (j < rest.size() && rest[j] == ' ') ++j;
            std::string number, year;
            const std::size_t end = read_number(rest, j, number, year, true);
            if (end == j) break;
            emit(i, i + end, std::string(org) + " " + number + (year.empty() ? "" : ":" + year), !year.empty());
            i += end - 1;
            break;
        }
        // GB/T 29829-2022, GB 4943.1-2022, YD/T 3756-2024, DB31/T 1234-2020
        for (const char* p : cn_prefixes) {
            const std::string_view prefix(p);
            if (!rest.starts_with(prefix)) continue;
            std::size_t j = prefix.size();
            if (j < rest.size() && (upper(rest[j]) || rest[j] == '/')) continue;  // "GBA", a longer prefix
            while (j < rest.size() && rest[j] == ' ') ++j;
            std::string number, year;
            const std::size_t end = read_number(rest, j, number, year, false);
            if (end == j) break;
            emit(i, i + end, std::string(prefix) + " " + number + (year.empty() ? "" : "-" + year), !year.empty());
            i += end - 1;
            break;
        }
    }
    return refs;
}

}  // namespace redline
