// Text handling shared by readers and the engine: decoding input bytes to UTF-8, folding
// (width, whitespace, comparison keys), word tokens (ICU; dictionary segmentation for Han),
// sentence spans, and interning tokens to integer ids for the diff.
//
// All strings are UTF-8. Offsets and lengths are in bytes of the UTF-8 string given. Code
// points, character classes (is_white_space, prints_blank, is_han) and ASCII case are in
// engine/utf8.hpp, included here: readers and the engine see one set of text helpers.
#pragma once

#include "engine/document.hpp"
#include "engine/utf8.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace redline::text {

// ---- Decoding --------------------------------------------------------------------------

struct Decoded {
    std::string utf8;          // without any byte-order mark; line ends untouched
    std::string encoding;      // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
};

// Decodes a whole input file. Order of detection: a byte-order mark (UTF-8, UTF-16 LE/BE)
// decides; otherwise valid UTF-8 is UTF-8; otherwise a strict GB18030 decode (GBK is a
// subset) is tried. Throws InputError with place "byte N" (0-based offset of the first
// offending byte in the input) when the bytes are none of these, and "binary file (NUL
// byte at byte N)" style errors for files that contain NUL bytes outside UTF-16.
Decoded decode(std::string_view bytes);
// The same, taking the bytes: UTF-8 is kept where it is rather than copied (a byte-order mark
// dropped in place), so that a large draft is not held twice while it is read.
Decoded decode_owned(std::string&& bytes);

// ---- Lines -----------------------------------------------------------------------------

// Physical lines: "\n", "\r\n" and a lone "\r" each end a line, the rule of cmark-gfm and of
// Python's universal newlines (the alignment scorer), so that every reader numbers lines as
// the Markdown parser reports them. A line excludes its terminator; text after the last
// terminator is a last line, and a text that ends with a terminator has no empty line after
// it. Calls f(line) for each line in order; each line is a view into s.
template <class F>
void for_each_line(std::string_view s, F&& f) {
    const std::size_t n = s.size();
    for (std::size_t pos = 0; pos < n;) {
        std::size_t e = pos;
        while (e < n && s[e] != '\n' && s[e] != '\r') ++e;
        f(s.substr(pos, e - pos));
        if (e < n && s[e] == '\r' && e + 1 < n && s[e + 1] == '\n') ++e;
        pos = e + 1;
    }
}

// The lines of for_each_line(), line 1 first. Counted before they are stored: a draft of short
// paragraphs has a line every few bytes, and an array grown by doubling held up to three times
// its 16 bytes a line at once.
inline std::vector<std::string_view> split_lines(std::string_view s) {
    // Without a CR (nearly always) the lines are the LFs, and one more for an unterminated
    // last line: found by memchr, which is vectorised, rather than by a second byte scan.
    std::size_t count = 0;
    if (s.find('\r') == std::string_view::npos) {
        for (std::size_t at = s.find('\n'); at != std::string_view::npos; at = s.find('\n', at + 1)) ++count;
        count += !s.empty() && s.back() != '\n';
    } else {
        for_each_line(s, [&](std::string_view) { ++count; });
    }
    std::vector<std::string_view> out;
    out.reserve(count);
    for_each_line(s, [&](std::string_view line) { out.push_back(line); });
    return out;
}

// ---- Folding ---------------------------------------------------------------------------

// Full-width ASCII forms (U+FF01–U+FF5E, which include "，" "：" "（"), to ASCII, ideographic
// space U+3000 to ' '. Nothing else changes: circled digits and CJK punctuation outside that
// block such as "。" and "、" are kept, because a clause number needs only width folding.
std::string fold_width(std::string_view s);

// Every run of white space (is_white_space: tabs, newlines, NBSP, U+3000, …) becomes one
// ASCII space, the zero-width spaces (which print as nothing) are dropped, and leading and
// trailing white space is removed: "前\u200B言\u3000 " gives "前言". Readers use it for
// titles, labels and paragraph text, the engine for label keys.
std::string fold_space(std::string_view s);

// A key for comparing two strings for "same text, editorially": NFKC, case-folded, dashes
// (U+2010–U+2015, U+2212, U+FE58, U+FE63, U+FF0D) mapped to '-', CJK/ASCII punctuation
// width folded, curly quotes to straight, white space next to a Han character removed
// ("附录 A 的" = "附录A的") and folded to one space elsewhere. Never shown to users.
std::string comparison_key(std::string_view s);

// Language of a text sample: zh when Han characters make up a sizeable share of its
// letters, en when Latin letters dominate, unknown when there are too few letters to tell.
// Only the sample's first language_sample_bytes are read: a reader need not gather more.
inline constexpr std::size_t language_sample_bytes = 64 * 1024;
Language detect_language(std::string_view s);

// ---- Tokens ----------------------------------------------------------------------------

enum class TokenKind : std::uint8_t {
    word,         // a run of letters/digits in an alphabetic script ("shall", "RFC", "29829")
    han,          // a Han word as segmented by ICU's dictionary ("应", "应用", "可信计算")
    number,       // digits, possibly with internal . , : - ("6.1.3", "2022", "1,000")
    punct,        // one punctuation or symbol character
    space,        // a run of white space
};

struct Token {
    std::uint32_t offset = 0;   // bytes into the tokenised string
    std::uint32_t length = 0;
    TokenKind kind = TokenKind::word;
};

// Splits text into tokens that cover it completely and in order (concatenating the
// tokens' text gives the input back). Uses ICU's word break iterator, which segments Han
// text with its dictionary. Ill-formed UTF-8 is not accepted (the decoder rules it out).
std::vector<Token> tokenize(std::string_view s);
// The same, into `out` (cleared first): callers that tokenise many strings reuse one buffer.
void tokenize(std::string_view s, std::vector<Token>& out);

// Sentence spans covering the text: UAX #29 sentence boundaries (sentences_uax29), less
// the ones that fall inside a token ("{{?RFC2026}}", "0x?a?a", "5.3.RELEASE") or after an
// abbreviation ("e.g.", "i.e.", "cf.", "vs.", "Fig.", "No. 3"), which UAX #29 takes for
// sentence ends. Returned spans exclude leading/trailing white space and are never empty.
struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
};
std::vector<Span> sentences(std::string_view s);

// UAX #29 sentence boundaries, and additionally a break after each Chinese 。；！？ (a
// closing quote or bracket stays with them). Takes a faster path for ASCII text that follows
// the same rules; tests hold it equal to sentences_by_icu on every paragraph of the corpus.
std::vector<Span> sentences_uax29(std::string_view s);

// The same through ICU alone.
std::vector<Span> sentences_by_icu(std::string_view s);

// ---- UTF-16 offsets --------------------------------------------------------------------

// ICU's break iterators work on UTF-16 (icu::UnicodeString::fromUTF8(s)) and report UTF-16
// indices. This maps them back: entry k is the byte offset in s of the code point that
// UTF-16 unit k belongs to (both units of a surrogate pair give its first byte), and one
// entry more, at the UTF-16 length, is s.size(). An ill-formed sequence counts as the one
// unit U+FFFD that fromUTF8 makes of it, so the map always has the UTF-16 length plus one.
std::vector<std::uint32_t> utf16_to_utf8_offsets(std::string_view s);

// ---- Interning -------------------------------------------------------------------------

// Maps token strings to dense integer ids (0, 1, 2, …) so that hot loops compare integers.
// Two documents compared together must share one interner. A text() view stays valid as long
// as the interner lives, however many strings are added after it.
class Interner {
public:
    Interner() = default;
    // A copy interns the strings again in id order: the same ids, its own blocks.
    Interner(const Interner& other);
    Interner& operator=(const Interner& other);
    Interner(Interner&&) noexcept = default;
    Interner& operator=(Interner&&) noexcept = default;

    std::uint32_t intern(std::string_view s);
    // The id of s, or npos when it was never interned.
    std::uint32_t find(std::string_view s) const;

    // intern() and find() in two steps, for strings looked up one after another. Past some
    // 100,000 distinct words the table outgrows the caches and nearly every lookup waits for
    // memory: take each string's hash_of() a few strings ahead and prefetch() its slot
    // (visit_fetched_ahead below), so that those waits overlap. The results are intern()'s
    // and find()'s. Below outgrew_caches() (a table of 2^16 slots, 512 KiB) the slots stay
    // cached and prefetching costs more than it saves.
    static std::uint64_t hash_of(std::string_view s);
    bool outgrew_caches() const { return slots_.size() > (std::size_t{1} << 16); }
    void prefetch(std::uint64_t hash) const {
        if (!slots_.empty()) __builtin_prefetch(slots_.data() + (hash >> (64 - slot_bits_)));
    }
    std::uint32_t intern(std::string_view s, std::uint64_t hash);
    std::uint32_t find(std::string_view s, std::uint64_t hash) const;
    std::string_view text(std::uint32_t id) const;
    std::size_t size() const { return where_.size(); }
    // Gives back the lookup table (8 bytes a slot, at least 4/3 of a slot a string) once no
    // string will be interned or looked up again: text() still reads every id, while intern()
    // and find() throw std::logic_error. A copy interns again and can look up.
    void drop_lookup();
    static constexpr std::uint32_t npos = static_cast<std::uint32_t>(-1);

private:
    // Open addressing, linear probing, power-of-two size, at most 3/4 full: the interner sits
    // on the hot path of tokenising every clause of both documents, and a table of hundreds of
    // thousands of distinct words is out of cache (at half full, two drafts' 535,000 words took
    // 2M slots, 16 MB a table; the slot's hash bits settle nearly every probe that misses). A slot holds the id + 1 (0 = empty) in its
    // low half and the top 32 bits of the string's hash in its high half: a probe that meets
    // another string is told by its slot alone, and the table grows without hashing again
    // (the slot index is taken from the top bits of the hash too).
    std::vector<std::uint64_t> slots_;
    unsigned slot_bits_ = 0;
    bool lookup_dropped_ = false;
    // The strings, each after its length (LEB128), in blocks that never move: no std::string
    // of 32 bytes per token, nor a heap block for each that is longer than 15, nor a view of
    // 16 bytes per id. A draft of distinct words (every word a new id: tables of names, hashes,
    // generated identifiers) spends more on its interner than on anything else, so an id costs
    // 4 bytes here: its block (or, with long_bit, its own allocation) and offset.
    static constexpr std::size_t block_bytes = std::size_t{1} << 16;
    static constexpr std::size_t longest_in_block = block_bytes / 4;   // longer: a block of its own
    static constexpr std::uint32_t long_bit = 0x80000000U;
    std::vector<std::uint32_t> where_;                // per id
    std::vector<std::unique_ptr<char[]>> blocks_;     // block_bytes each, the last being filled
    std::size_t block_used_ = block_bytes;            // bytes taken in the last block
    std::vector<std::unique_ptr<char[]>> long_;       // one string each
    std::size_t slot_of(std::string_view s, std::uint64_t h) const;
    std::uint32_t store(std::string_view s);
    void grow();
};

inline std::uint64_t Interner::hash_of(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
    // MurmurHash3's finaliser: the slot is taken from the top bits, which FNV-1a leaves
    // barely touched by the last byte.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    return h ^ (h >> 33);
}

inline std::uint32_t Interner::intern(std::string_view s) { return intern(s, hash_of(s)); }

inline std::uint32_t Interner::find(std::string_view s) const { return find(s, hash_of(s)); }

inline std::string_view Interner::text(std::uint32_t id) const {
    const std::uint32_t w = where_[id];
    const char* p = (w & long_bit) != 0 ? long_[w & ~long_bit].get() : blocks_[w >> 16].get() + (w & 0xFFFFU);
    std::size_t n = 0;
    for (unsigned shift = 0;; shift += 7) {
        const auto c = static_cast<unsigned char>(*p++);
        n |= std::size_t{c & 0x7FU} << shift;
        if ((c & 0x80U) == 0) break;
    }
    return {p, n};
}

// Calls visit(i, hash) for i = 0 … count − 1 in turn with hash = fetch(i), called 16 places
// before: fetch hashes string i (Interner::hash_of) and prefetches its slot, so that the slot
// is on its way when visit looks it up; for a string never looked up it may return anything.
template <class Fetch, class Visit>
void visit_fetched_ahead(std::size_t count, Fetch fetch, Visit visit) {
    constexpr std::size_t ahead = 16;
    std::uint64_t hashes[ahead] = {};
    for (std::size_t i = 0; i < count && i < ahead; ++i) hashes[i] = fetch(i);
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint64_t hash = hashes[i % ahead];
        if (i + ahead < count) hashes[i % ahead] = fetch(i + ahead);
        visit(i, hash);
    }
}

}  // namespace redline::text
