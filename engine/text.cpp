#include "engine/text.hpp"

#include "engine/error.hpp"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace redline::text {

namespace {

std::string from_unicode(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

// ---- Decoding --------------------------------------------------------------------------

Decoded decode_with(const char* converter, std::string_view bytes, const char* name, std::size_t base) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* cnv = ucnv_open(converter, &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU converter unavailable: ") + converter);
    std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(cnv, ucnv_close);
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    icu::UnicodeString u;
    const char* src = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    std::vector<UChar> buf(1 << 16);
    while (true) {
        UChar* target = buf.data();
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, buf.data() + buf.size(), &src, limit, nullptr, true, &status);
        u.append(buf.data(), static_cast<int32_t>(target - buf.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status)) {
            // The converter consumed the offending bytes; report where they began.
            char errbytes[32];
            int8_t errlen = sizeof errbytes;
            UErrorCode e2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, errbytes, &errlen, &e2);
            const std::size_t at = static_cast<std::size_t>(src - bytes.data()) - static_cast<std::size_t>(errlen > 0 ? errlen : 0);
            throw InputError("byte " + std::to_string(base + at), std::string("invalid ") + name);
        }
        break;
    }
    return Decoded{from_unicode(u), name};
}

// What decode() finds before converting anything: a UTF-8 form (checked, with the bytes of
// its byte-order mark to drop) or an encoding ICU converts.
struct Sniffed {
    bool utf8 = false;
    std::size_t mark = 0;                        // bytes of byte-order mark before the text
    std::size_t bad = std::string_view::npos;    // the first byte that is not UTF-8
    std::size_t nul = std::string_view::npos;
};

Sniffed sniff(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        std::string_view body = bytes.substr(3);
        const std::size_t bad = find_invalid_utf8(body);
        if (bad != std::string_view::npos) throw InputError("byte " + std::to_string(bad + 3), "invalid UTF-8");
        if (const std::size_t nul = body.find('\0'); nul != std::string_view::npos)
            throw InputError("byte " + std::to_string(nul + 3), "binary file (NUL byte)");
        return {true, 3};
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return {};
    Sniffed s;
    s.bad = find_invalid_utf8(bytes);
    s.nul = bytes.find('\0');
    if (s.nul != std::string_view::npos && (s.bad == std::string_view::npos || s.nul < s.bad))
        throw InputError("byte " + std::to_string(s.nul), "binary file (NUL byte)");
    s.utf8 = s.bad == std::string_view::npos;
    return s;
}

const char* utf8_name(const Sniffed& s) { return s.mark ? "UTF-8 (BOM)" : "UTF-8"; }

// UTF-16 by its mark, else GB18030.
Decoded convert(std::string_view bytes, const Sniffed& s) {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        Decoded d = decode_with(le ? "UTF-16LE" : "UTF-16BE", bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE", 2);
        if (const std::size_t nul = d.utf8.find('\0'); nul != std::string::npos)
            throw InputError("character " + std::to_string(nul), "binary file (NUL character)");
        return d;
    }
    Decoded d;
    try {
        d = decode_with("gb18030", bytes, "GB18030", 0);
    } catch (const InputError&) {
        throw InputError("byte " + std::to_string(s.bad), "invalid UTF-8 (not GB18030 either)");
    }
    // GB18030 decodes a NUL byte to U+0000: a NUL after the first non-UTF-8 byte is still binary.
    if (s.nul != std::string_view::npos) throw InputError("byte " + std::to_string(s.nul), "binary file (NUL byte)");
    return d;
}

}  // namespace

Decoded decode(std::string_view bytes) {
    const Sniffed s = sniff(bytes);
    if (s.utf8) return Decoded{std::string(bytes.substr(s.mark)), utf8_name(s)};
    return convert(bytes, s);
}

Decoded decode_owned(std::string&& bytes) {
    const Sniffed s = sniff(bytes);
    if (!s.utf8) return convert(bytes, s);
    bytes.erase(0, s.mark);
    return Decoded{std::move(bytes), utf8_name(s)};
}

// ---- Folding ---------------------------------------------------------------------------

std::string fold_width(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out += s[i++];
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next(s, i);
        if (cp >= 0xFF01 && cp <= 0xFF5E) out += static_cast<char>(cp - 0xFF01 + 0x21);
        else if (cp == 0x3000) out += ' ';
        else out.append(s.substr(start, i - start));
    }
    return out;
}

std::string fold_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const char32_t cp = static_cast<unsigned char>(s[i]) < 0x80 ? static_cast<unsigned char>(s[i++]) : next(s, i);
        if (is_white_space(cp)) {
            pending = !out.empty();
            continue;
        }
        if (is_zero_width_space(cp)) continue;
        if (pending) out += ' ', pending = false;
        out.append(s.substr(start, i - start));
    }
    return out;
}

namespace {

// Punctuation whose CJK and ASCII forms mean the same (NFKC leaves these apart).
char32_t fold_punct(char32_t cp) {
    switch (cp) {
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: return '-';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x300C: case 0x300D:
    case 0x300E: case 0x300F: return '"';
    case 0x3002: case 0xFF61: return '.';
    case 0x3001: return ',';
    case 0x3010: return '[';
    case 0x3011: return ']';
    case 0x3008: case 0x300A: return '<';
    case 0x3009: case 0x300B: return '>';
    default: return cp;
    }
}

}  // namespace

std::string comparison_key(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    std::string normalised;
    bool ascii = true;
    for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        // The common case, in one pass: lower case, white space folded to single spaces and
        // trimmed (no ASCII character is folded by NFKC casefolding or fold_punct otherwise).
        std::string out;
        out.reserve(s.size());
        bool pending = false;
        for (char c : s) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                pending = !out.empty();
                continue;
            }
            if (pending) out += ' ';
            pending = false;
            out += ascii_lower(c);
        }
        return out;
    }
    if (U_SUCCESS(status)) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
        normalised = from_unicode(nfkc->normalize(u, status));
        if (U_FAILURE(status)) normalised = std::string(s);
    } else {
        normalised = std::string(s);
    }
    // Map dashes, quotes and CJK punctuation; drop white space next to Han characters, fold
    // it to one space elsewhere.
    std::string out;
    out.reserve(normalised.size());
    bool pending = false;
    bool prev_han = false;
    for (std::size_t i = 0; i < normalised.size();) {
        const char32_t cp = fold_punct(next(normalised, i));
        if (is_white_space(cp)) {
            pending = !out.empty();
            continue;
        }
        const bool han = is_han(cp);
        if (pending && !han && !prev_han) out += ' ';  // spaces beside Han text are typographic
        pending = false;
        append(out, cp);
        prev_han = han;
    }
    return out;
}

Language detect_language(std::string_view s) {
    s = s.substr(0, language_sample_bytes);
    std::size_t han = 0, latin = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
            ++i;
            continue;
        }
        const char32_t cp = next(s, i);
        if (is_han(cp)) ++han;
    }
    // A Han character carries about as much as a Latin word of four letters: Chinese drafts
    // full of English terms and code still have far more Han than Latin words.
    if (han >= 4 && han * 8 >= latin) return Language::zh;
    if (latin >= 8) return Language::en;
    return Language::unknown;
}

// ---- Tokens ----------------------------------------------------------------------------

namespace {

class WordBreaker {
public:
    WordBreaker() {
        UErrorCode status = U_ZERO_ERROR;
        iter_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status) || !iter_) throw std::runtime_error("ICU word break iterator unavailable");
    }
    icu::BreakIterator& get() { return *iter_; }

private:
    std::unique_ptr<icu::BreakIterator> iter_;
};

icu::BreakIterator& word_breaker() {
    thread_local WordBreaker breaker;
    return breaker.get();
}

TokenKind kind_of(std::string_view piece) {
    std::size_t i = 0;
    const char32_t cp = next(piece, i);
    if (is_white_space(cp)) return TokenKind::space;
    bool han = is_han(cp);
    for (std::size_t j = i; !han && j < piece.size();) han = is_han(next(piece, j));
    if (han) return TokenKind::han;
    if (u_isdigit(static_cast<UChar32>(cp))) return TokenKind::number;
    if (u_isalpha(static_cast<UChar32>(cp)) || u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ALPHABETIC)) return TokenKind::word;
    if (u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK) return TokenKind::word;
    return TokenKind::punct;
}

void push(std::vector<Token>& out, std::size_t offset, std::size_t length, TokenKind kind) {
    // White-space runs are merged; punctuation runs split one code point per token.
    if (kind == TokenKind::space && !out.empty() && out.back().kind == TokenKind::space &&
        out.back().offset + out.back().length == offset) {
        out.back().length += static_cast<std::uint32_t>(length);
        return;
    }
    out.push_back({static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length), kind});
}

void push_punct_run(std::vector<Token>& out, std::string_view s, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end;) {
        const std::size_t start = i;
        next(s, i);
        // Keep combining marks with the character they modify.
        while (i < end) {
            std::size_t j = i;
            const char32_t cp = next(s, j);
            if (u_charType(static_cast<UChar32>(cp)) != U_NON_SPACING_MARK && cp != 0x200D && !(cp >= 0xFE00 && cp <= 0xFE0F)) break;
            i = j;
        }
        push(out, start, i - start, TokenKind::punct);
    }
}

// ICU word segmentation of s[begin, end), keeping the pieces that end by `keep_to`; returns
// where the last piece kept ends (`begin` when none does).
std::size_t icu_segment_window(std::vector<Token>& out, std::string_view s, std::size_t begin, std::size_t end,
                               std::size_t keep_to) {
    const std::string_view part = s.substr(begin, end - begin);
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(part.data(), static_cast<int32_t>(part.size())));
    const std::vector<std::uint32_t> byte_at = utf16_to_utf8_offsets(part);
    icu::BreakIterator& it = word_breaker();
    it.setText(u);
    std::size_t kept = begin;
    int32_t prev = it.first();
    for (int32_t next = it.next(); next != icu::BreakIterator::DONE; prev = next, next = it.next()) {
        const std::size_t b0 = begin + byte_at[static_cast<std::size_t>(prev)];
        const std::size_t b1 = begin + byte_at[static_cast<std::size_t>(next)];
        if (b1 > keep_to) break;
        const std::string_view piece = s.substr(b0, b1 - b0);
        const TokenKind kind = kind_of(piece);
        if (kind == TokenKind::punct) push_punct_run(out, s, b0, b1);
        else push(out, b0, b1 - b0, kind);
        kept = b1;
    }
    return kept;
}

// Where a long stretch may be cut without changing ICU's word breaks: after an ideographic
// full stop or comma (U+3002, U+3001; word-break class Other, which breaks on both sides and
// ends the run of Han that the dictionary segments) followed by a Han character (not a mark
// that would attach to the punctuation). Searched backwards from `limit` down to `floor`;
// `floor` when there is none.
std::size_t safe_cut(std::string_view s, std::size_t floor, std::size_t limit) {
    for (std::size_t i = limit; i >= floor + 3; --i) {
        if (static_cast<unsigned char>(s[i - 3]) != 0xE3 || static_cast<unsigned char>(s[i - 2]) != 0x80) continue;
        const auto last = static_cast<unsigned char>(s[i - 1]);
        if (last != 0x82 && last != 0x81) continue;
        std::size_t j = i;
        if (j < s.size() && is_han(next(s, j))) return i;
    }
    return floor;
}

// ICU word segmentation of s[begin, end) (text with non-ASCII letters, Han in particular).
// ICU works on a UTF-16 copy and keeps a break cache and its dictionary's work arrays for the
// whole text it is given, some 14 bytes per byte of Chinese: a long stretch without ASCII
// spaces or punctuation (a Chinese paragraph is one) is segmented in windows of at most
// `segment_window` bytes, so that memory is bounded whatever the stretch. A window ends at a
// cut that leaves ICU's breaks as they are (safe_cut) when its second half has one, which any
// Chinese text with sentences does; otherwise (a run of Han with no ideographic punctuation for
// 32 KiB) it ends at ICU's last break 1 KiB before the window's end, far enough from the text
// cut off that the dictionary saw a run's worth of context on both sides (the words there may
// still differ from the whole run's: docs/limits.md), and the next window starts there.
void icu_segment(std::vector<Token>& out, std::string_view s, std::size_t begin, std::size_t end) {
    constexpr std::size_t segment_window = 64 * 1024;
    constexpr std::size_t settle = 1024;   // bytes of look-ahead left to ICU before a break is kept
    while (end - begin > segment_window) {
        std::size_t limit = begin + segment_window;
        while (limit > begin && (static_cast<unsigned char>(s[limit]) & 0xC0) == 0x80) --limit;
        const std::size_t cut = safe_cut(s, begin + segment_window / 2, limit);
        if (cut > begin + segment_window / 2) {
            icu_segment_window(out, s, begin, cut, cut);
            begin = cut;
            continue;
        }
        const std::size_t kept = icu_segment_window(out, s, begin, limit, limit - settle);
        if (kept == begin) break;   // no break at all in the window: let ICU have the whole stretch
        begin = kept;
    }
    icu_segment_window(out, s, begin, end, end);
}

bool ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    out.reserve(s.size() / 4);
    tokenize(s, out);
    return out;
}

void tokenize(std::string_view s, std::vector<Token>& out) {
    // ASCII text follows ICU's word rules closely enough to take a fast path: letters and
    // digits with internal apostrophes/periods between digits, white-space runs, and one
    // token per punctuation character. Runs with non-ASCII characters go to ICU.
    out.clear();
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // Extend to the end of the non-ASCII stretch, including adjacent ASCII letters and
            // digits so that mixed words ("V2X系统", "naïve") are segmented as ICU sees them.
            std::size_t start = i;
            while (start > 0 && !out.empty() && out.back().offset + out.back().length == start &&
                   out.back().kind != TokenKind::space && out.back().kind != TokenKind::punct && ascii_alnum(static_cast<unsigned char>(s[start - 1]))) {
                start = out.back().offset;
                out.pop_back();
            }
            std::size_t end = i;
            while (end < n) {
                const auto d = static_cast<unsigned char>(s[end]);
                if (d >= 0x80 || ascii_alnum(d)) ++end;
                else break;
            }
            icu_segment(out, s, start, end);
            i = end;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            std::size_t j = i + 1;
            while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f' || s[j] == '\v')) ++j;
            push(out, i, j - i, TokenKind::space);
            i = j;
            continue;
        }
        if (ascii_alnum(c)) {
            std::size_t j = i + 1;
            const bool digit = c >= '0' && c <= '9';
            while (j < n) {
                const auto d = static_cast<unsigned char>(s[j]);
                if (ascii_alnum(d) || d == '_') {
                    ++j;
                    continue;
                }
                // ICU keeps "6.1.3", "1,000" and "don't" together.
                if (j + 1 < n && ascii_alnum(static_cast<unsigned char>(s[j + 1])) &&
                    ((digit && (d == '.' || d == ',') && s[j + 1] >= '0' && s[j + 1] <= '9') || d == '\'')) {
                    j += 2;
                    continue;
                }
                break;
            }
            push(out, i, j - i, digit ? TokenKind::number : TokenKind::word);
            i = j;
            continue;
        }
        push(out, i, 1, TokenKind::punct);
        ++i;
    }
}

// ---- Sentences -------------------------------------------------------------------------

namespace {

// Trims ASCII white space and U+3000 from a span and keeps it when something is left.
void add_sentence(std::string_view s, std::size_t b, std::size_t e, std::vector<Span>& out) {
    while (b < e && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b) {
        if (s[e - 1] == ' ' || s[e - 1] == '\n' || s[e - 1] == '\t' || s[e - 1] == '\r') --e;
        else if (e - b >= 3 && s.substr(e - 3, 3) == "\u3000") e -= 3;
        else break;
    }
    if (e > b) out.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e - b)});
}

// UAX #29 sentence boundaries for ASCII text, rule by rule (SB3-SB11; no ASCII character
// is Extend, Format, Sep or OLetter). ICU implements the same rules; it costs a UTF-16 copy
// and a break iterator per paragraph, a tenth of the time of a whole comparison.
std::vector<Span> ascii_sentences(std::string_view s) {
    const auto at = [&](std::size_t i) { return i < s.size() ? s[i] : '\0'; };
    const auto para_sep = [](char c) { return c == '\n' || c == '\r'; };
    const auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; };
    const auto close = [](char c) { return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}'; };
    const auto saterm = [](char c) { return c == '.' || c == '!' || c == '?'; };
    const auto scontinue = [](char c) { return c == ',' || c == '-' || c == ':'; };
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::vector<Span> out;
    std::size_t start = 0, i = 0;
    const std::size_t n = s.size();
    auto boundary = [&](std::size_t e) {
        add_sentence(s, start, e, out);
        start = e;
    };
    while (i < n) {
        const char c = s[i];
        if (para_sep(c)) {  // SB3, SB4
            i += (c == '\r' && at(i + 1) == '\n') ? 2 : 1;
            boundary(i);
            continue;
        }
        if (!saterm(c)) {
            ++i;
            continue;
        }
        const bool aterm = c == '.';
        if (aterm && digit(at(i + 1))) {  // SB6
            ++i;
            continue;
        }
        if (aterm && i > 0 && (upper(s[i - 1]) || lower(s[i - 1])) && upper(at(i + 1))) {  // SB7
            ++i;
            continue;
        }
        std::size_t k = i + 1;
        while (k < n && close(s[k])) ++k;
        std::size_t m = k;
        while (m < n && sp(s[m])) ++m;
        if (aterm) {  // SB8
            std::size_t q = m;
            while (q < n && !(upper(s[q]) || lower(s[q]) || para_sep(s[q]) || saterm(s[q]))) ++q;
            if (q < n && lower(s[q])) {
                i = q;
                continue;
            }
        }
        if (m < n && (scontinue(s[m]) || saterm(s[m]))) {  // SB8a
            i = m;
            continue;
        }
        std::size_t e = m;  // SB9-SB11
        if (e < n && para_sep(s[e])) e += (s[e] == '\r' && at(e + 1) == '\n') ? 2 : 1;
        boundary(e);
        i = e;
    }
    if (start < n) add_sentence(s, start, n, out);
    return out;
}

bool ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Abbreviations after which UAX #29 breaks before a capital or a number ("e.g. ECDHE",
// "vs. PUT", "No. 3") though the sentence goes on. "etc." is not one of them: before a
// capital it ends the sentence in every case of the corpus, and before a lower-case word
// UAX #29 does not break. `digit_only`: the word is also an ordinary one ("No.", "no."), an
// abbreviation only before a number.
struct Abbreviation {
    std::string_view word;
    bool digit_only;
};
constexpr Abbreviation abbreviations[] = {
    {"e.g", false}, {"i.e", false}, {"E.g", false}, {"I.e", false}, {"cf", false},   {"Cf", false},
    {"vs", false},  {"viz", false}, {"al", false},  {"Fig", false}, {"Figs", false}, {"fig", false},
    {"Eq", false},  {"Eqs", false}, {"Sect", false}, {"approx", false}, {"resp", false}, {"Ref", false},
    {"Vol", false}, {"pp", false},  {"No", true},   {"Nos", true},  {"no", true},    {"Sec", true},
};

// Does the sentence that ends at `e` (just after its terminator) go on at `next`, the start
// of the one UAX #29 begins there? Two cases UAX #29 gets wrong in standards:
// - a terminator with a letter or digit right after it is inside a token: kramdown-rfc
//   citations "{{?RFC2026}}" and "{{!RFC2119}}", hex patterns "0x?a?a?a?a", URLs "search/?q",
//   version strings "5.3.RELEASE";
// - an abbreviation, followed by spaces on the same line.
bool false_break(std::string_view s, std::size_t e, std::size_t next) {
    const char term = s[e - 1];
    if (term != '.' && term != '?' && term != '!') return false;
    if (next == e) return next < s.size() && ascii_alnum(s[next]);
    if (term != '.') return false;
    for (std::size_t k = e; k < next; ++k)
        if (s[k] != ' ' && s[k] != '\t') return false;  // a line end is a paragraph separator
    // The word before the full stop; no abbreviation is longer than six characters.
    std::size_t w = e - 1;
    while (w > 0 && e - w <= 7 && (ascii_alnum(s[w - 1]) || s[w - 1] == '.')) --w;
    if (e - w > 7 || (w > 0 && (ascii_alnum(s[w - 1]) || s[w - 1] == '.'))) return false;
    const std::string_view word = s.substr(w, e - 1 - w);
    for (const Abbreviation& a : abbreviations) {
        if (word != a.word) continue;
        if (a.word == "al" && !(w >= 3 && s.substr(w - 3, 3) == "et ")) return false;
        return !a.digit_only || (s[next] >= '0' && s[next] <= '9');
    }
    return false;
}

// Joins each sentence to the one before it where the break between them is false_break().
void join_false_breaks(std::string_view s, std::vector<Span>& spans) {
    std::size_t kept = 0;
    for (std::size_t k = 1; k < spans.size(); ++k) {
        Span& last = spans[kept];
        const std::size_t e = last.offset + last.length;
        if (false_break(s, e, spans[k].offset)) last.length = spans[k].offset + spans[k].length - last.offset;
        else spans[++kept] = spans[k];
    }
    if (!spans.empty()) spans.resize(kept + 1);
}

}  // namespace

std::vector<Span> sentences_uax29(std::string_view s) {
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80) return sentences_by_icu(s);
    return ascii_sentences(s);
}

std::vector<Span> sentences(std::string_view s) {
    std::vector<Span> out = sentences_uax29(s);
    if (out.size() > 1) join_false_breaks(s, out);
    return out;
}

std::vector<Span> sentences_by_icu(std::string_view s) {
    std::vector<Span> out;
    auto add = [&](std::size_t b, std::size_t e) { add_sentence(s, b, e, out); };
    UErrorCode status = U_ZERO_ERROR;
    thread_local std::unique_ptr<icu::BreakIterator> iter(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (!iter) {
        add(0, s.size());
        return out;
    }
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    const std::vector<std::uint32_t> byte_at = utf16_to_utf8_offsets(s);
    iter->setText(u);
    std::vector<std::size_t> breaks;
    for (int32_t p = iter->next(); p != icu::BreakIterator::DONE; p = iter->next()) breaks.push_back(byte_at[static_cast<std::size_t>(p)]);
    // Extra breaks after full-width 。；！？ (a closing quote or bracket stays with them).
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next(s, i);
        if (cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F) {
            std::size_t j = i;
            while (j < s.size()) {
                std::size_t k = j;
                const char32_t q = next(s, k);
                if (q == 0x300D || q == 0x300F || q == 0x201D || q == 0xFF09 || q == 0x2019 || q == 0x3011) j = k;
                else break;
            }
            breaks.push_back(j);
        }
    }
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    std::size_t prev = 0;
    for (std::size_t e : breaks) {
        if (e <= prev) continue;
        add(prev, e);
        prev = e;
    }
    if (prev < s.size()) add(prev, s.size());
    return out;
}

// ---- UTF-16 offsets --------------------------------------------------------------------

std::vector<std::uint32_t> utf16_to_utf8_offsets(std::string_view s) {
    std::vector<std::uint32_t> out;
    out.reserve(s.size() + 1);
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        const auto start = static_cast<std::uint32_t>(i);
        UChar32 c;
        U8_NEXT(bytes, i, n, c);  // ill-formed: c < 0, one U+FFFD unit, as fromUTF8 substitutes
        out.push_back(start);
        if (c > 0xFFFF) out.push_back(start);
    }
    out.push_back(static_cast<std::uint32_t>(s.size()));
    return out;
}

// ---- Interning -------------------------------------------------------------------------

Interner::Interner(const Interner& other) {
    where_.reserve(other.size());
    for (std::uint32_t id = 0; id < other.size(); ++id) intern(other.text(id));
}

Interner& Interner::operator=(const Interner& other) {
    if (this != &other) *this = Interner(other);
    return *this;
}

std::size_t Interner::slot_of(std::string_view s, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    for (std::size_t i = h >> (64 - slot_bits_);; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return i;
        if ((slot & 0xFFFFFFFF00000000ULL) == tag && text(static_cast<std::uint32_t>((slot & 0xFFFFFFFFULL) - 1)) == s) return i;
    }
}

// intern() meets an empty table first thing (it grows when 3/4 full): a dropped lookup is
// told here, off the hot path.
void Interner::grow() {
    if (lookup_dropped_) throw std::logic_error("Interner: a string interned after its lookup table was dropped");
    std::vector<std::uint64_t> old = std::move(slots_);
    slot_bits_ = old.empty() ? 10 : slot_bits_ + 1;
    slots_.assign(std::size_t{1} << slot_bits_, 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint64_t slot : old) {
        if (slot == 0) continue;
        std::size_t i = slot >> (64 - slot_bits_);
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = slot;
    }
}

std::uint32_t Interner::store(std::string_view s) {
    char prefix[10];
    std::size_t prefix_bytes = 0;
    for (std::size_t n = s.size();; n >>= 7) {
        prefix[prefix_bytes++] = static_cast<char>((n & 0x7F) | (n > 0x7F ? 0x80 : 0));
        if (n <= 0x7F) break;
    }
    const std::size_t bytes = prefix_bytes + s.size();
    char* at;
    std::uint32_t where;
    if (s.size() > longest_in_block) {
        long_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
        at = long_.back().get();
        where = long_bit | static_cast<std::uint32_t>(long_.size() - 1);
    } else {
        if (block_used_ + bytes > block_bytes) {
            // 2^15 blocks of 64 KiB: 2 GiB of distinct words, four times the most two drafts
            // of the largest input read (docs/limits.md) can hold.
            if (blocks_.size() >= (long_bit >> 16)) throw std::length_error("interner: more than 2 GiB of distinct words");
            blocks_.push_back(std::make_unique_for_overwrite<char[]>(block_bytes));
            block_used_ = 0;
        }
        at = blocks_.back().get() + block_used_;
        where = static_cast<std::uint32_t>((blocks_.size() - 1) << 16 | block_used_);
        block_used_ += bytes;
    }
    std::copy(prefix, prefix + prefix_bytes, at);
    std::copy(s.begin(), s.end(), at + prefix_bytes);
    return where;
}

std::uint32_t Interner::intern(std::string_view s, std::uint64_t h) {
    if ((where_.size() + 1) * 4 > slots_.size() * 3) grow();
    const std::size_t slot = slot_of(s, h);
    if (slots_[slot] != 0) return static_cast<std::uint32_t>((slots_[slot] & 0xFFFFFFFFULL) - 1);
    where_.push_back(store(s));
    slots_[slot] = (h & 0xFFFFFFFF00000000ULL) | where_.size();
    return static_cast<std::uint32_t>(where_.size() - 1);
}

std::uint32_t Interner::find(std::string_view s, std::uint64_t h) const {
    if (lookup_dropped_) throw std::logic_error("Interner: a string looked up after its lookup table was dropped");
    if (slots_.empty()) return npos;
    const std::uint64_t slot = slots_[slot_of(s, h)];
    return slot == 0 ? npos : static_cast<std::uint32_t>((slot & 0xFFFFFFFFULL) - 1);
}

void Interner::drop_lookup() {
    std::vector<std::uint64_t>().swap(slots_);
    slot_bits_ = 0;
    lookup_dropped_ = true;
}

}  // namespace redline::text
