#define BOOST_TEST_MODULE text_engine
#include <boost/test/unit_test.hpp>

#include "tests/support/shared_corpus.hpp"

#include "engine/error.hpp"
#include "engine/sort_ids.hpp"
#include "engine/text.hpp"
#include "engine/tokens.hpp"
#include "formats/reader.hpp"
#include "tests/support/counting_allocator.hpp"
#include "tests/support/generated_words.hpp"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace redline;
using namespace redline::text;

namespace {

std::string encode(const char* converter, const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 4 + 16, '\0');
    const int32_t n = ucnv_convert(converter, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    BOOST_REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::vector<std::string> pieces(std::string_view s) {
    std::vector<std::string> out;
    for (const Token& t : tokenize(s))
        if (t.kind != TokenKind::space) out.emplace_back(s.substr(t.offset, t.length));
    return out;
}

std::string rejoin(std::string_view s) {
    std::string out;
    for (const Token& t : tokenize(s)) out += s.substr(t.offset, t.length);
    return out;
}

std::string error_of(std::string_view bytes) {
    try {
        decode(bytes);
    } catch (const InputError& e) {
        return e.place() + ": " + e.what();
    }
    return "no error";
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string zh = "信息安全技术　办公设备安全规范：设备应支持可信启动，固件更新前应验证签名。𠀀";

}  // namespace

BOOST_AUTO_TEST_CASE(decode_utf8_with_and_without_bom) {
    BOOST_TEST(decode("1 Scope\n").utf8 == "1 Scope\n");
    BOOST_TEST(decode("1 Scope\n").encoding == "UTF-8");
    const Decoded bom = decode("\xEF\xBB\xBF" + zh);
    BOOST_TEST(bom.utf8 == zh);
    BOOST_TEST(bom.encoding == "UTF-8 (BOM)");
    BOOST_TEST(decode("").utf8.empty());
}

BOOST_AUTO_TEST_CASE(decode_utf16_with_bom) {
    const Decoded le = decode("\xFF\xFE" + encode("UTF-16LE", zh));
    BOOST_TEST(le.utf8 == zh);
    BOOST_TEST(le.encoding == "UTF-16LE");
    const Decoded be = decode("\xFE\xFF" + encode("UTF-16BE", zh));
    BOOST_TEST(be.utf8 == zh);
    BOOST_TEST(be.encoding == "UTF-16BE");
    // An unpaired high surrogate at the end.
    BOOST_TEST(error_of("\xFF\xFE" "A\0\x3D\xD8" + std::string("B\0", 2)) != "no error");
}

BOOST_AUTO_TEST_CASE(decode_gb18030_round_trip_including_four_byte_characters) {
    const std::string gb = encode("gb18030", zh);
    BOOST_TEST(gb.size() != zh.size());
    const Decoded d = decode(gb);
    BOOST_TEST(d.utf8 == zh);
    BOOST_TEST(d.encoding == "GB18030");
}

BOOST_AUTO_TEST_CASE(decoding_bytes_it_owns_keeps_utf8_where_it_lies_and_the_rest_as_decode_does) {
    std::string plain = "1 范围\n\n" + zh + "\n";
    const char* const plain_at = plain.data();
    const Decoded p = decode_owned(std::move(plain));
    BOOST_TEST(p.utf8 == "1 范围\n\n" + zh + "\n");
    BOOST_TEST(p.encoding == "UTF-8");
    BOOST_TEST(static_cast<const void*>(p.utf8.data()) == static_cast<const void*>(plain_at));   // taken, not copied
    std::string marked = "\xEF\xBB\xBF" + zh;
    const char* const marked_at = marked.data();
    const Decoded m = decode_owned(std::move(marked));
    BOOST_TEST(m.utf8 == zh);
    BOOST_TEST(m.encoding == "UTF-8 (BOM)");
    BOOST_TEST(static_cast<const void*>(m.utf8.data()) == static_cast<const void*>(marked_at));   // the mark dropped in place
    for (const std::string& bytes : {"\xFF\xFE" + encode("UTF-16LE", zh), encode("gb18030", zh)}) {
        const Decoded a = decode(bytes), b = decode_owned(std::string(bytes));
        BOOST_TEST(b.utf8 == a.utf8);
        BOOST_TEST(b.encoding == a.encoding);
    }
    const auto owned_error = [](std::string bytes) {
        try {
            decode_owned(std::move(bytes));
        } catch (const InputError& e) {
            return e.place() + ": " + e.what();
        }
        return std::string("no error");
    };
    for (const std::string& bad : {std::string("ab\0c", 4), std::string("\xEF\xBB\xBF" "a\xFF"), std::string("\xFF\xFF\xFF\xFF")}) {
        BOOST_TEST(owned_error(bad) == error_of(bad));
        BOOST_TEST(owned_error(bad) != "no error");
    }
}

BOOST_AUTO_TEST_CASE(undecodable_bytes_are_errors_with_their_offset) {
    BOOST_TEST(error_of("abc\xFF\xFF\xFF") == "byte 3: invalid UTF-8 (not GB18030 either)");
    BOOST_TEST(error_of(std::string("ab\0cd", 5)) == "byte 2: binary file (NUL byte)");
    // After a GB18030 character (not UTF-8), where GB18030 would decode the NUL to U+0000.
    BOOST_TEST(error_of(std::string("# \xCF\xD8\0ope", 7)) == "byte 4: binary file (NUL byte)");
    BOOST_TEST(error_of("\xEF\xBB\xBF" "ok\xC3") == "byte 5: invalid UTF-8");
    BOOST_TEST(find_invalid_utf8("ok \xE2\x82") == 3u);
    BOOST_TEST(find_invalid_utf8("\xED\xA0\x80") == 0u);  // an encoded surrogate is not UTF-8
    BOOST_TEST(find_invalid_utf8("plain ASCII text, long enough to take the fast path") == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(utf8_code_points_forward_backward_and_back_to_bytes) {
    const std::string s = "a\u00E9\u4E2D\U00020000";  // 1, 2, 3 and 4 bytes
    std::vector<char32_t> forward;
    for (std::size_t i = 0; i < s.size();) forward.push_back(next(s, i));
    BOOST_TEST((forward == std::vector<char32_t>{U'a', 0xE9, 0x4E2D, 0x20000}));
    std::vector<char32_t> backward;
    for (std::size_t e = s.size(); e > 0;) backward.push_back(prev(s, e));
    BOOST_TEST((backward == std::vector<char32_t>{0x20000, 0x4E2D, 0xE9, U'a'}));
    BOOST_TEST(std::uint32_t{first(s)} == 0x61u);
    BOOST_TEST(std::uint32_t{last(s)} == 0x20000u);
    BOOST_TEST(std::uint32_t{first("")} == 0u);
    std::string back;
    for (char32_t c : forward) append(back, c);
    BOOST_TEST(back == s);
    append(back, 0xD800);    // a surrogate is no character
    append(back, 0x110000);  // nor is anything above U+10FFFF
    BOOST_TEST(back == s);
    // Ill-formed bytes read as U+FFFD one byte at a time, and never past the end.
    const std::string bad = "\xE4\xB8";
    std::size_t i = 0;
    BOOST_TEST(std::uint32_t{next(bad, i)} == 0xFFFDu);
    BOOST_TEST(i == 1u);
    BOOST_TEST(sequence_length(0x41) == 1u);
    BOOST_TEST(sequence_length(0xC3) == 2u);
    BOOST_TEST(sequence_length(0xE4) == 3u);
    BOOST_TEST(sequence_length(0xF0) == 4u);
    // Cutting at a character boundary: never inside "中" (bytes 3 to 5).
    BOOST_TEST(char_boundary(s, 4) == 3u);
    BOOST_TEST(char_boundary(s, 6) == 6u);
    BOOST_TEST(char_boundary(s, 100) == s.size());
}

BOOST_AUTO_TEST_CASE(width_folding_is_width_only) {
    BOOST_TEST(fold_width("６．１．３") == "6.1.3");
    BOOST_TEST(fold_width("ＧＢ／Ｔ　２９８２９") == "GB/T 29829");
    BOOST_TEST(fold_width("a，b。、") == "a,b。、");  // only the full-width ASCII block folds
    BOOST_TEST(fold_width("①") == "①");          // not NFKC
}

BOOST_AUTO_TEST_CASE(space_folding) {
    BOOST_TEST(fold_space("  a \t b\n\nc　d\u00A0e  ") == "a b c d e");
    BOOST_TEST(fold_space(" \n ").empty());
    // The zero-width spaces print as nothing: dropped, never a space.
    BOOST_TEST(fold_space("\uFEFF前\u200B言\u3000 ") == "前言");
    BOOST_TEST(fold_space("a \u200B b") == "a b");
    BOOST_TEST(fold_space("\u200B").empty());
}

BOOST_AUTO_TEST_CASE(white_space_is_unicode_white_space) {
    // One table, pinned to ICU's White_Space over every code point.
    std::uint32_t differs = 0x110000;
    for (char32_t c = 0; c <= 0x10FFFF && differs == 0x110000; ++c)
        if (is_white_space(c) != static_cast<bool>(u_isUWhiteSpace(static_cast<UChar32>(c)))) differs = c;
    BOOST_TEST(differs == 0x110000u, "differs at U+" << std::hex << differs);
    // ZWSP and the BOM are format characters: not white space, but blank on the page.
    for (char32_t c : {U'\u200B', U'\uFEFF'}) {
        BOOST_TEST(!is_white_space(c));
        BOOST_TEST(is_zero_width_space(c));
        BOOST_TEST(prints_blank(c));
    }
    for (char32_t c : {U' ', U'\t', U'\u3000', U'\u00A0', U'\u2028'}) BOOST_TEST(prints_blank(c));
    for (char32_t c : {U'\u200C', U'\u200D', U'a', U'中'}) BOOST_TEST(!prints_blank(c));
}

BOOST_AUTO_TEST_CASE(han_ideographs) {
    for (char32_t c : {U'中', U'\u3400', U'\u9FFF', U'\uF900', U'\U00020000', U'\U0002F800', U'\U0002FA1F',
                       U'\U00030000', U'\U00031350', U'\U000323AF'})
        BOOST_TEST(is_han(c), "U+" << std::hex << static_cast<std::uint32_t>(c));
    BOOST_TEST(is_han(U'〇'));  // U+3007 IDEOGRAPHIC NUMBER ZERO, Script=Han: "二〇二三年"
    for (char32_t c : {U'a', U'。', U'\u3000', U'々', U'\u2E80', U'ー', U'가'})
        BOOST_TEST(!is_han(c), "U+" << std::hex << static_cast<std::uint32_t>(c));
    // Spaces beside Han text are typographic: comparison keys drop them around "〇" too.
    BOOST_TEST(comparison_key("〇 〇") == comparison_key("〇〇"));
}

BOOST_AUTO_TEST_CASE(ascii_case_insensitive_matching) {
    BOOST_TEST(equals_ci("Foreword", "FOREWORD"));
    BOOST_TEST(!equals_ci("Foreword", "Forewords"));
    BOOST_TEST(starts_with_ci("Terms and definitions", "TERMS"));
    BOOST_TEST(!starts_with_ci("Term", "terms"));
    BOOST_TEST(ends_with_ci("draft-01.MD", ".md"));
    BOOST_TEST(!ends_with_ci("md", ".md"));
    BOOST_TEST(ascii_lower("ÉTAT Shall") == "État shall");  // ASCII letters only
    BOOST_TEST(!equals_ci("É", "é"));
    static_assert(ascii_lower('Q') == 'q' && ascii_lower('[') == '[');
}

BOOST_AUTO_TEST_CASE(lines_end_at_lf_crlf_and_a_lone_cr) {
    using Lines = std::vector<std::string_view>;
    BOOST_TEST((split_lines("a\nb\r\nc\rd") == Lines{"a", "b", "c", "d"}));
    BOOST_TEST((split_lines("a\n\nb\n") == Lines{"a", "", "b"}));  // no empty line after the last end
    BOOST_TEST((split_lines("\r\n\r") == Lines{"", ""}));          // "\r\n" is one end, "\r" another
    BOOST_TEST((split_lines("\n\r") == Lines{"", ""}));             // "\n\r" is two
    BOOST_TEST(split_lines("").empty());
    const std::string s = "x\r\ny";
    BOOST_TEST(split_lines(s)[1].data() == s.data() + 3);  // views into the text
    std::size_t n = 0;
    for_each_line("1\r2\n3", [&](std::string_view line) { BOOST_TEST(line == std::to_string(++n)); });
    BOOST_TEST(n == 3u);
}

BOOST_AUTO_TEST_CASE(utf16_offsets_map_back_to_utf8_bytes) {
    // "a" "é" "中" "𠀀" (a surrogate pair: two units, one start) "b".
    const std::string s = "a\u00E9\u4E2D\U00020000b";
    BOOST_TEST((utf16_to_utf8_offsets(s) == std::vector<std::uint32_t>{0, 1, 3, 6, 6, 10, 11}));
    BOOST_TEST((utf16_to_utf8_offsets("") == std::vector<std::uint32_t>{0}));
    // Always one entry more than ICU's UTF-16 form has units, ill-formed bytes included.
    for (const std::string& t : {s, zh, std::string("ok \xE2\x82 \xFF\xC3(\xED\xA0\x80 \xF0\x9F\x98")}) {
        const auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(t.data(), static_cast<int32_t>(t.size())));
        BOOST_TEST(utf16_to_utf8_offsets(t).size() == static_cast<std::size_t>(u.length()) + 1);
    }
    // The break iterators' positions come back as whole characters.
    const std::string wide = "\U00020000\U00020001 设备 na\u00EFve \U0001F600!";
    for (const Token& t : tokenize(wide)) BOOST_TEST(char_boundary(wide, t.offset) == t.offset);
    BOOST_TEST(rejoin(wide) == wide);
    const std::vector<Span> spans = sentences("𠀀甲。乙𠀀！");
    BOOST_TEST(spans.size() == 2u);
    BOOST_TEST(std::string_view("𠀀甲。乙𠀀！").substr(spans[1].offset, spans[1].length) == "乙𠀀！");
}

BOOST_AUTO_TEST_CASE(comparison_keys_fold_editorial_differences) {
    BOOST_TEST(comparison_key("GB/T 29829—2022") == comparison_key("GB/T 29829-2022"));
    BOOST_TEST(comparison_key("GB/T 29829-2022") == comparison_key("ＧＢ／Ｔ　２９８２９－２０２２"));
    BOOST_TEST(comparison_key("“quoted”") == comparison_key("\"quoted\""));
    BOOST_TEST(comparison_key("，") == comparison_key(","));
    BOOST_TEST(comparison_key("（") == comparison_key("("));
    BOOST_TEST(comparison_key("SHALL") == comparison_key("shall"));
    BOOST_TEST(comparison_key("设备 应 支持") == comparison_key("设备应支持"));
    BOOST_TEST(comparison_key("满足附录 A 的要求") == comparison_key("满足附录A的要求"));
    BOOST_TEST(comparison_key("a  b") == "a b");
    BOOST_TEST(comparison_key("应") != comparison_key("宜"));
}

BOOST_AUTO_TEST_CASE(tokens_cover_the_input_exactly) {
    for (std::string s : {std::string("The device SHALL NOT use 6.1.3, e.g. RFC 8446 — don't."), zh,
                          std::string("V2X系统应符合ＧＢ／Ｔ 29829—2022的要求；emoji 👍🏽 and combining e\u0301 marks."),
                          std::string("  leading and trailing  ")})
        BOOST_TEST(rejoin(s) == s);
}

BOOST_AUTO_TEST_CASE(english_tokens) {
    BOOST_TEST(pieces("The device SHALL NOT use 6.1.3, don't.") ==
                   (std::vector<std::string>{"The", "device", "SHALL", "NOT", "use", "6.1.3", ",", "don't", "."}),
               boost::test_tools::per_element());
    const auto t = tokenize("RFC 8446");
    BOOST_TEST((t[0].kind == TokenKind::word));
    BOOST_TEST((t[1].kind == TokenKind::space));
    BOOST_TEST((t[2].kind == TokenKind::number));
}

BOOST_AUTO_TEST_CASE(chinese_modals_are_words_of_their_own_and_trap_words_stay_whole) {
    BOOST_TEST(pieces("系统应支持可信启动") == (std::vector<std::string>{"系统", "应", "支持", "可信", "启动"}),
               boost::test_tools::per_element());
    BOOST_TEST(pieces("设备不应提供调试接口") == (std::vector<std::string>{"设备", "不", "应", "提供", "调", "试", "接口"}),
               boost::test_tools::per_element());
    for (const char* trap : {"应用", "响应", "供应", "相应", "对应", "适应", "可信", "可靠", "许可", "功能", "性能", "智能", "能力"}) {
        const auto p = pieces(std::string("这是") + trap + "问题");
        BOOST_TEST((std::find(p.begin(), p.end(), std::string(trap)) != p.end()), trap);
    }
    const auto t = tokenize("应用。");
    BOOST_TEST((t[0].kind == TokenKind::han));
    BOOST_TEST((t[1].kind == TokenKind::punct));
}

BOOST_AUTO_TEST_CASE(sentences_split_on_chinese_and_english_ends) {
    const std::string s = "设备应支持可信启动。固件更新前应验证签名；失败时应告警！The device shall log. It may export.";
    std::vector<std::string> got;
    for (const Span& sp : sentences(s)) got.push_back(s.substr(sp.offset, sp.length));
    BOOST_TEST(got == (std::vector<std::string>{"设备应支持可信启动。", "固件更新前应验证签名；", "失败时应告警！",
                                                "The device shall log.", "It may export."}),
               boost::test_tools::per_element());
    const std::string quoted = "他说：“设备应告警。”然后停止。";
    std::vector<std::string> q;
    for (const Span& sp : sentences(quoted)) q.push_back(quoted.substr(sp.offset, sp.length));
    BOOST_TEST(q == (std::vector<std::string>{"他说：“设备应告警。”", "然后停止。"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(interner_gives_dense_stable_ids) {
    Interner in;
    BOOST_TEST(in.intern("shall") == 0u);
    BOOST_TEST(in.intern("应") == 1u);
    BOOST_TEST(in.intern("shall") == 0u);
    BOOST_TEST(in.find("应") == 1u);
    BOOST_TEST(in.find("should") == Interner::npos);
    for (int i = 0; i < 5000; ++i) in.intern("w" + std::to_string(i));  // forces rehashing
    BOOST_TEST(in.size() == 5002u);
    BOOST_TEST(in.find("w4999") == 5001u);
    BOOST_TEST(in.text(1) == "应");
}

BOOST_AUTO_TEST_CASE(interner_texts_stay_valid_as_it_grows) {
    // The strings are kept in blocks that never move: a view taken early still reads the same
    // after 200,000 more strings, an empty string and strings longer than a block.
    Interner in;
    const std::string_view first = in.text(in.intern("shall"));
    const std::uint32_t empty = in.intern("");
    const std::string long_one(100000, 'x');
    const std::uint32_t long_id = in.intern(long_one);
    std::vector<std::string_view> views;
    for (int i = 0; i < 200000; ++i) views.push_back(in.text(in.intern("t" + std::to_string(i))));
    BOOST_TEST(first == "shall");
    BOOST_TEST(in.text(empty).empty());
    BOOST_TEST(in.find("") == empty);
    BOOST_TEST(in.text(long_id) == long_one);
    BOOST_TEST(in.intern(long_one) == long_id);
    for (int i = 0; i < 200000; i += 997) BOOST_TEST(views[static_cast<std::size_t>(i)] == "t" + std::to_string(i));
    BOOST_TEST(in.size() == 200003u);
    BOOST_TEST(in.find("t199999") == 200002u);
}

// Each string is stored after its length: lengths at the edges of one, two and three length
// bytes, at the longest kept in a shared block and just past it, read back whole, also from
// a copy (which interns them again in id order).
BOOST_AUTO_TEST_CASE(interner_reads_back_every_length) {
    Interner in;
    std::vector<std::string> strings;
    for (std::size_t n : {0, 1, 127, 128, 129, 16383, 16384, 16385, 65533, 65536, 2097151, 2097152})
        for (char c : {'a', 'b'}) strings.push_back(std::string(n, c) + (n > 0 ? "" : std::string(1, c)));
    for (int i = 0; i < 3000; ++i) strings.push_back(std::string(static_cast<std::size_t>(i % 300), 'z') + std::to_string(i));
    std::vector<std::uint32_t> ids;
    for (const std::string& s : strings) ids.push_back(in.intern(s));
    const Interner copy = in;
    for (std::size_t i = 0; i < strings.size(); ++i) {
        BOOST_TEST(in.text(ids[i]) == strings[i]);
        BOOST_TEST(copy.text(ids[i]) == strings[i]);
        BOOST_TEST(in.find(strings[i]) == ids[i]);
    }
}

// Once the lookup table is dropped every id still reads back, the memory is given back, and
// interning or finding is refused rather than answered wrongly (an empty table would say
// "never interned" of every string). A copy looks up again.
BOOST_AUTO_TEST_CASE(an_interner_without_its_lookup_reads_back_and_refuses_to_look_up) {
    Interner in;
    for (int i = 0; i < 100000; ++i) in.intern("w" + std::to_string(i));
    const std::size_t before = redline::tests::live_bytes.load();
    in.drop_lookup();
    const std::size_t freed = before - redline::tests::live_bytes.load();
    BOOST_TEST(freed >= 8 * 100000u);   // 8 bytes a slot, at least 4/3 of a slot an id
    BOOST_TEST(in.size() == 100000u);
    BOOST_TEST(in.text(0) == "w0");
    BOOST_TEST(in.text(99999) == "w99999");
    BOOST_CHECK_EXCEPTION(in.find("w0"), std::logic_error, [](const std::logic_error& e) {
        return std::string(e.what()) == "Interner: a string looked up after its lookup table was dropped";
    });
    BOOST_CHECK_EXCEPTION(in.intern("w0"), std::logic_error, [](const std::logic_error& e) {
        return std::string(e.what()) == "Interner: a string interned after its lookup table was dropped";
    });
    const Interner copy = in;
    BOOST_TEST(copy.find("w77") == 77u);
    BOOST_TEST(copy.text(77) == "w77");
}

// A draft of distinct words (tables of names, hashes, generated identifiers) makes an id of
// nearly every word, and the interner was the largest thing a comparison of such drafts held
// (bench/adversarial's wide-unmatched). 150,000 distinct words of 5 letters: the table, the
// place of each id and the strings after their lengths, at most 32 bytes an id at the peak
// (a view per id, as before, took 45).
BOOST_AUTO_TEST_CASE(an_id_costs_little_memory) {
    Interner in;
    const std::size_t peak = redline::tests::peak_while([&] {
        for (std::size_t i = 0; i < 150000; ++i) in.intern(redline::tests::word_for(i * 7919 % 456976 + 456976).substr(1, 5));
    });
    BOOST_TEST(in.size() == 150000u);
    BOOST_TEST_MESSAGE("interner peak " << peak << " bytes, " << peak / in.size() << " an id");
    BOOST_TEST(peak <= 32 * in.size());
}

// Looked up with a hash taken beforehand (and its slot prefetched), a string gets the id a
// plain lookup gives; the table says when it has outgrown the caches (2^16 slots).
BOOST_AUTO_TEST_CASE(interner_lookups_by_a_hash_taken_ahead_agree) {
    Interner plain, ahead;
    ahead.prefetch(Interner::hash_of("empty table"));   // nothing to fetch yet
    BOOST_TEST(!ahead.outgrew_caches());
    for (std::size_t i = 0; i < 60000; ++i) {
        const std::string w = redline::tests::word_for(i % 50000);
        const std::uint64_t h = Interner::hash_of(w);
        ahead.prefetch(h);
        BOOST_TEST_REQUIRE(ahead.intern(w, h) == plain.intern(w));
    }
    BOOST_TEST(plain.size() == 50000u);
    BOOST_TEST(ahead.outgrew_caches());
    BOOST_TEST(ahead.find("aabc", Interner::hash_of("aabc")) == plain.find("aabc"));
    BOOST_TEST(ahead.find("never seen", Interner::hash_of("never seen")) == Interner::npos);
}

// A draft tokenised into tables grown past the caches, where each token's slot is fetched
// some tokens ahead, gives the tokens, flags and keys it gives into small tables: prose, a
// long run of words, code whose indentation is kept, Chinese.
BOOST_AUTO_TEST_CASE(tokens_are_the_same_when_their_slots_are_fetched_ahead) {
    redline::DocumentBuilder b;
    b.open(redline::ClauseKind::clause, "1", "Scope 范围", redline::SourceLocation{1, 0, 0});
    std::string run = "The Device SHALL verify:";
    for (std::size_t i = 0; i < 3000; ++i) run += (i % 3 == 0 ? "  " : " ") + redline::tests::word_for(i % 700, 'q') + (i % 50 == 0 ? "," : "");
    b.add_block(redline::BlockKind::paragraph, run, redline::SourceLocation{2, 0, 0});
    b.add_block(redline::BlockKind::code, "  +--+  x\n    |  |    y = 1;\n\tend", redline::SourceLocation{3, 0, 0});
    b.add_block(redline::BlockKind::paragraph, "设备应验证映像的签名，并记录结果。Full-width ＳＨＡＬＬ too.", redline::SourceLocation{4, 0, 0});
    b.close();
    const redline::Document doc = b.finish();

    redline::TokenTables small = redline::make_token_tables();
    const redline::TokenizedDocument in_small = redline::tokenize_document(doc, small);
    BOOST_TEST(!small.exact.outgrew_caches());

    redline::DocumentBuilder filler;
    filler.open(redline::ClauseKind::clause, "1", "", redline::SourceLocation{1, 0, 0});
    std::string words;
    for (std::size_t i = 0; i < 70000; ++i) words += redline::tests::word_for(i, 'z') + (i % 2 ? " " : " Mixed");
    filler.add_block(redline::BlockKind::paragraph, words, redline::SourceLocation{2, 0, 0});
    filler.close();
    redline::TokenTables large = redline::make_token_tables();
    redline::tokenize_document(filler.finish(), large);
    BOOST_TEST_REQUIRE(large.exact.outgrew_caches());
    const redline::TokenizedDocument in_large = redline::tokenize_document(doc, large);

    BOOST_REQUIRE_EQUAL(in_large.exact.size(), in_small.exact.size());
    BOOST_TEST(in_large.flags == in_small.flags, boost::test_tools::per_element());
    for (std::size_t i = 0; i < in_small.exact.size(); ++i) {
        BOOST_TEST_REQUIRE(large.exact.text(in_large.exact[i]) == small.exact.text(in_small.exact[i]));
        // One id a text: a lookup under a wrong hash would have added the text again.
        BOOST_TEST_REQUIRE(large.exact.find(large.exact.text(in_large.exact[i])) == in_large.exact[i]);
        BOOST_TEST_REQUIRE(large.key.text(large.key_of_exact[in_large.exact[i]]) == small.key.text(small.key_of_exact[in_small.exact[i]]));
    }
    for (redline::ClauseId id = 0; id < doc.size(); ++id) {
        BOOST_TEST(in_large.body[id].begin == in_small.body[id].begin);
        BOOST_TEST(in_large.body[id].end == in_small.body[id].end);
    }
}

// Two drafts tokenised apart and joined give exactly the ids of tokenising them in turn into
// one table: the comparison's output does not depend on which way it was made.
BOOST_AUTO_TEST_CASE(retable_gives_the_ids_of_tokenising_in_turn) {
    auto one = [](std::vector<std::string> texts) {
        redline::DocumentBuilder b;
        for (const std::string& t : texts) {
            b.open(redline::ClauseKind::clause, "1", "Scope 范围", redline::SourceLocation{1, 0, 0});
            b.add_block(redline::BlockKind::paragraph, t, redline::SourceLocation{2, 0, 0});
            b.add_block(redline::BlockKind::paragraph, "Second paragraph, SHALL.", redline::SourceLocation{3, 0, 0});
            b.close();
        }
        return b.finish();
    };
    const redline::Document a = one({"The device shall verify the image.", "设备应验证映像的签名。"});
    const redline::Document b = one({"The Device SHALL verify every image; it should log.", "设备宜记录，不应跳过。", "New words only here"});

    redline::TokenTables together = redline::make_token_tables();
    const redline::TokenizedDocument ta = redline::tokenize_document(a, together);
    const redline::TokenizedDocument tb = redline::tokenize_document(b, together);

    redline::TokenTables joined = redline::make_token_tables();
    const redline::TokenizedDocument ja = redline::tokenize_document(a, joined);
    redline::TokenTables apart = redline::make_token_tables();
    redline::TokenizedDocument jb = redline::tokenize_document(b, apart);
    const std::vector<std::uint32_t> key_map = redline::retable(jb, apart, joined);

    BOOST_TEST(ja.exact == ta.exact, boost::test_tools::per_element());
    BOOST_TEST(jb.exact == tb.exact, boost::test_tools::per_element());
    BOOST_REQUIRE_EQUAL(joined.exact.size(), together.exact.size());
    BOOST_REQUIRE_EQUAL(joined.key.size(), together.key.size());
    for (std::uint32_t id = 0; id < joined.exact.size(); ++id) BOOST_TEST(joined.exact.text(id) == together.exact.text(id));
    for (std::uint32_t id = 0; id < joined.key.size(); ++id) BOOST_TEST(joined.key.text(id) == together.key.text(id));
    BOOST_TEST(joined.key_of_exact == together.key_of_exact, boost::test_tools::per_element());
    // The returned map takes each key of the apart table to the same key in the joined one.
    BOOST_REQUIRE_EQUAL(key_map.size(), apart.key.size());
    for (std::uint32_t id = 0; id < key_map.size(); ++id) BOOST_TEST(joined.key.text(key_map[id]) == apart.key.text(id));
    // "Device" and "device" share a key; "SHALL" is new as exact text but not as key.
    const auto key_of = [&](std::string_view exact) { return joined.key_of_exact[joined.exact.find(exact)]; };
    BOOST_TEST(key_of("Device") == key_of("device"));
    BOOST_TEST(key_of("SHALL") == key_of("shall"));
    BOOST_TEST(key_of("should") != key_of("shall"));
}

// Sealed tables answer what the later stages look up by text (sentence ends, Chinese
// commas) as before sealing, keep every id's text, and refuse to intern.
BOOST_AUTO_TEST_CASE(sealed_tables_keep_what_later_stages_look_up) {
    redline::DocumentBuilder b;
    b.open(redline::ClauseKind::clause, "1", "范围", redline::SourceLocation{1, 0, 0});
    b.add_block(redline::BlockKind::paragraph, "设备应验证签名，并记录结果。The device shall log; it may stop!", redline::SourceLocation{2, 0, 0});
    b.close();
    const redline::Document doc = b.finish();
    redline::TokenTables tables = redline::make_token_tables();
    const redline::TokenizedDocument td = redline::tokenize_document(doc, tables);
    const std::vector<std::uint32_t> ends = redline::sentence_end_ids(tables), commas = redline::clause_comma_ids(tables);
    std::vector<std::uint32_t> expected;
    for (std::string_view end : {"。", ";", "!", "\n"}) expected.push_back(tables.exact.find(end));
    std::sort(expected.begin(), expected.end());
    BOOST_TEST(ends == expected, boost::test_tools::per_element());
    BOOST_TEST(commas == std::vector<std::uint32_t>{tables.exact.find("，")}, boost::test_tools::per_element());
    const std::uint32_t shall = tables.exact.find("shall");
    redline::seal(tables);
    BOOST_TEST(redline::sentence_end_ids(tables) == ends, boost::test_tools::per_element());
    BOOST_TEST(redline::clause_comma_ids(tables) == commas, boost::test_tools::per_element());
    BOOST_TEST(tables.exact.text(shall) == "shall");
    BOOST_TEST(tables.key.text(tables.key_of_exact[shall]) == "shall");
    BOOST_CHECK_THROW(redline::tokenize_document(doc, tables), std::logic_error);
    BOOST_TEST(td.exact.size() > 10u);
}

BOOST_AUTO_TEST_CASE(language_of_every_corpus_file, *boost::unit_test::precondition(shared_corpus_present)) {
    const std::string corpus = std::string(REDLINE_SHARED_DIR) + "/corpus/";
    for (const char* f : {"cn-laws/company-law-2018.md", "cn-laws/legislation-law-2023.md", "gbt/GB-T-19771-XXXX-draft-for-comments.md",
                          "gbt/GB-T-40949-2021.md"})
        BOOST_TEST(detect_language(slurp(corpus + f)) == Language::zh, f);
    for (const char* f : {"ietf-quic-transport/draft-ietf-quic-transport-29.md", "ietf-tls13/draft-ietf-tls-tls13-13.md",
                          "ietf-httpbis/draft-ietf-httpbis-p2-semantics-20.xml"})
        BOOST_TEST(detect_language(slurp(corpus + f)) == Language::en, f);
    BOOST_TEST(detect_language("1.2") == Language::unknown);
}

BOOST_AUTO_TEST_CASE(a_ten_megabyte_line_is_handled_in_one_pass) {
    std::string line;
    line.reserve(10u << 20);
    while (line.size() < (10u << 20)) line += "word 应 ";
    const Decoded d = decode(line);
    BOOST_TEST(d.utf8.size() == line.size());
    const std::string folded = fold_space(d.utf8);
    BOOST_TEST(folded.size() == line.size() - 1);  // the trailing space
    const auto tokens = tokenize(folded);
    const std::size_t repeats = line.size() / std::string("word 应 ").size();
    BOOST_TEST(tokens.size() == repeats * 4 - 1);  // word, space, 应, space; no trailing space
}

namespace {

std::string spans(std::string_view s, const std::vector<text::Span>& v) {
    std::string out;
    for (const auto& sp : v) out += "[" + std::string(s.substr(sp.offset, sp.length)) + "]";
    return out;
}

}  // namespace

// The ASCII path of the UAX #29 splitter follows it as ICU does; hold them equal on the hard
// cases and on every ASCII paragraph of the corpus and the samples.
BOOST_AUTO_TEST_CASE(ascii_sentences_equal_icu, *boost::unit_test::precondition(shared_corpus_present)) {
    for (const char* s :
         {"One. Two! Three? Four", "e.g. the value", "See Section 3.1 of RFC 9000. Then go.", "U.S.A. Next",
          "He said \"Stop.\" Then left.", "(This is it.) Next one.", "Wait... what? Yes!! No?!", "a.b.c. d",
          "Version 1.0. Released", "end.\nNew line", "x.\r\ny", "Is it? - yes.", "Is it?, yes.", "Stop.  \"Go\" now.",
          "It is. 3 items follow.", "etc. (see below) and more.", "ID: 0x40. The bit", "Mr. Smith went.", "A. B. C.",
          "Ends with space. ", "  Leading. Trailing  ", "no terminator", "", ".", "?!", "Done.)] Next"}) {
        BOOST_TEST(spans(s, text::sentences_uax29(s)) == spans(s, text::sentences_by_icu(s)), s);
    }
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const char* dir : {"/corpus/ietf-quic-transport", "/corpus/ietf-tls13", "/corpus/ietf-httpbis"})
        for (const auto& e : fs::directory_iterator(std::string(REDLINE_SHARED_DIR) + dir)) files.push_back(e.path());
    files.push_back(std::string(REDLINE_SOURCE_DIR) + "/samples/office-devices/2023-05-draft.en.txt");
    std::sort(files.begin(), files.end());
    std::size_t paragraphs = 0, differ = 0;
    for (const fs::path& f : files) {
        formats::ReadOptions o;
        o.path = f.string();
        const Document doc = formats::read_document(formats::read_bytes(o.path), o);
        for (const Block& b : doc.blocks()) {
            const std::string_view t = doc.str(b.text);
            if (std::any_of(t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) continue;
            ++paragraphs;
            const std::string fast = spans(t, text::sentences_uax29(t)), icu = spans(t, text::sentences_by_icu(t));
            if (fast != icu && ++differ <= 5) BOOST_TEST(fast == icu, f.filename().string() << " line " << b.where.line);
        }
    }
    BOOST_TEST(paragraphs > 5000u);
    BOOST_TEST(differ == 0u);
}

// UAX #29 ends a sentence at every ? and ! and after an abbreviation before a capital; in a
// standard those are citations, byte patterns, version strings and abbreviations.
BOOST_AUTO_TEST_CASE(sentences_do_not_end_inside_tokens_or_after_abbreviations) {
    const auto cut = [](std::string_view s) { return spans(s, text::sentences(s)); };
    // kramdown-rfc citations and hex patterns
    BOOST_TEST(cut("Updates {{?RFC2026}} and {{!RFC2119}} as needed. Next.") ==
               "[Updates {{?RFC2026}} and {{!RFC2119}} as needed.][Next.]");
    BOOST_TEST(cut("Versions that follow the pattern 0x?a?a?a?a are reserved. Clients MUST NOT use them.") ==
               "[Versions that follow the pattern 0x?a?a?a?a are reserved.][Clients MUST NOT use them.]");
    BOOST_TEST(cut("See https://example.org/search/?q=quic for it.") == "[See https://example.org/search/?q=quic for it.]");
    // version strings
    BOOST_TEST(cut("Build 5.3.RELEASE of the server SHOULD be used.") == "[Build 5.3.RELEASE of the server SHOULD be used.]");
    // abbreviations, on one line
    BOOST_TEST(cut("Use a strong cipher, e.g. ECDHE with AES. Then stop.") ==
               "[Use a strong cipher, e.g. ECDHE with AES.][Then stop.]");
    BOOST_TEST(cut("The method, i.e. PUT, is idempotent.") == "[The method, i.e. PUT, is idempotent.]");
    BOOST_TEST(cut("Compare GET vs. PUT semantics.") == "[Compare GET vs. PUT semantics.]");
    BOOST_TEST(cut("As shown in Fig. 3 the value is ignored.") == "[As shown in Fig. 3 the value is ignored.]");
    BOOST_TEST(cut("Refer to No. 5 The item list.") == "[Refer to No. 5 The item list.]");
    BOOST_TEST(cut("See the results (cf. Table 2) here.") == "[See the results (cf. Table 2) here.]");
    BOOST_TEST(cut("Smith et al. Showed it.") == "[Smith et al. Showed it.]");
    // still sentence ends: a question, "etc." before a capital, "No." as a word, a line end
    BOOST_TEST(cut("Is it the size? It is.") == "[Is it the size?][It is.]");
    BOOST_TEST(cut("Keys, nonces, etc. The secret is zero.") == "[Keys, nonces, etc.][The secret is zero.]");
    BOOST_TEST(cut("Did it pass? No. The test failed.") == "[Did it pass?][No.][The test failed.]");
    BOOST_TEST(cut("Use it, e.g.\nThe next line.") == "[Use it, e.g.][The next line.]");
    BOOST_TEST(cut("TLS 1.3. Then stop.") == "[TLS 1.3.][Then stop.]");
    // Chinese text with ASCII inside
    BOOST_TEST(cut("设备应支持 {{?RFC2026}} 所述方法。其他可选。") == "[设备应支持 {{?RFC2026}} 所述方法。][其他可选。]");
}

// The radix sort of token ids agrees with std::sort: small and large vectors, small ids
// (passes skipped), full 32-bit hashes, duplicates, sub-ranges.
BOOST_AUTO_TEST_CASE(sort_ids_agrees_with_std_sort) {
    std::uint64_t state = 42;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 32);
    };
    for (std::size_t n : {0u, 1u, 63u, 64u, 65u, 1000u, 50000u}) {
        for (std::uint32_t mask : {0xFFu, 0xFFFFu, 0xFFFFFFFFu, 0x80000000u | 0x7FFFFFFFu}) {
            std::vector<std::uint32_t> v(n);
            for (auto& x : v) x = next() & mask;
            std::vector<std::uint32_t> expected = v;
            std::sort(expected.begin(), expected.end());
            sort_ids(v);
            BOOST_TEST((v == expected), "n=" << n << " mask=" << mask);
        }
    }
    std::vector<std::uint32_t> v = {9, 8, 7};
    for (int i = 0; i < 200; ++i) v.push_back(0x80000000u | next());
    std::vector<std::uint32_t> expected = v;
    std::sort(expected.begin() + 3, expected.end());
    sort_ids(v.begin() + 3, v.end());
    BOOST_TEST((v == expected));
}

BOOST_AUTO_TEST_CASE(a_long_chinese_paragraph_is_segmented_as_its_sentences_are) {
    // A paragraph of over 64 KB without ASCII is given to ICU in windows that end after 。 or 、
    // before a Han character, where ICU breaks whatever follows: its tokens are those of its
    // sentences segmented one by one.
    const std::string sentence = "网络关键设备应当符合相关国家标准的强制性要求，并由具备资格的机构安全认证合格或者安全检测符合要求后，方可销售或者提供。";
    std::string paragraph;
    while (paragraph.size() < 200'000) paragraph += sentence;
    const std::vector<text::Token> one = text::tokenize(sentence);
    const std::vector<text::Token> all = text::tokenize(paragraph);
    BOOST_REQUIRE(all.size() == one.size() * (paragraph.size() / sentence.size()));
    for (std::size_t k = 0; k < all.size(); ++k) {
        const text::Token& t = one[k % one.size()];
        const std::size_t shift = (k / one.size()) * sentence.size();
        BOOST_TEST_REQUIRE(all[k].offset == t.offset + shift);
        BOOST_TEST_REQUIRE(all[k].length == t.length);
        BOOST_TEST_REQUIRE(static_cast<int>(all[k].kind) == static_cast<int>(t.kind));
    }
}

BOOST_AUTO_TEST_CASE(a_long_run_of_han_without_punctuation_is_tiled_by_its_tokens) {
    // No safe cut at all (adversarial zh-modal-line): windows end at one of ICU's breaks well
    // before the window's end. Every byte is still in exactly one token, and the words come
    // out as the dictionary segments them.
    std::string line;
    for (int i = 0; i < 40'000; ++i) line += i % 2 ? "应当" : "设备";
    const std::vector<text::Token> tokens = text::tokenize(line);
    std::size_t at = 0;
    std::size_t words = 0;
    for (const text::Token& t : tokens) {
        BOOST_TEST_REQUIRE(t.offset == at);
        at += t.length;
        const std::string_view w = std::string_view(line).substr(t.offset, t.length);
        words += w == "应当" || w == "设备";
    }
    BOOST_TEST(at == line.size());
    BOOST_TEST(words == 40'000u);
}
