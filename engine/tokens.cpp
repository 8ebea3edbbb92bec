#include "engine/tokens.hpp"

#include <algorithm>
#include <string_view>

namespace redline {

namespace {

// ASCII white space, as text::tokenize makes space tokens of it (a byte of 0x80 or more is part
// of a UTF-8 sequence, never a space by itself here).
bool ascii_space(char c) { return static_cast<unsigned char>(c) < 0x80 && text::is_white_space(static_cast<unsigned char>(c)); }

// Where the first piece of a long text ends: after ASCII white space before something else,
// where text::tokenize starts afresh (no token spans it, and nothing before it joins what
// follows), so the pieces' tokens are the whole text's. A text of no more than piece_bytes is
// one piece; so is one with no such place (a long line of Chinese: ICU's own memory is bounded
// by text::tokenize).
constexpr std::size_t piece_bytes = 256 * 1024;

std::size_t first_piece(std::string_view s) {
    if (s.size() <= piece_bytes) return s.size();
    for (std::size_t p = piece_bytes; p > piece_bytes / 2; --p)
        if (ascii_space(s[p - 1]) && !ascii_space(s[p])) return p;
    for (std::size_t p = piece_bytes + 1; p < s.size(); ++p)
        if (ascii_space(s[p - 1]) && !ascii_space(s[p])) return p;
    return s.size();
}

// Adds the tokens of one title or block. White space before its first token is not kept,
// so that the joined text of a node never starts with a space. In code (`keep_space`) white
// space that a single space would not spell (indentation, runs that align columns) is a token
// of its own, so that the text comes back as written. A long text is tokenised a piece at a
// time (first_piece): one paragraph of a whole clause's shuffled sentences (14 MB) needed a
// buffer of 12 bytes a token for all of it, grown by doubling (some 200 MB at once).
void add_text(std::string_view text, TokenizedDocument& td, TokenTables& tables, std::vector<text::Token>& buffer,
              bool keep_space = false) {
    bool space = false, any = false;
    while (!text.empty()) {
        const std::string_view s = text.substr(0, first_piece(text));
        text.remove_prefix(s.size());
        text::tokenize(s, buffer);
        auto add = [&](const text::Token& t, std::uint64_t hash) __attribute__((always_inline)) {
            const std::string_view piece(s.data() + t.offset, t.length);
            if (t.kind == text::TokenKind::space && !(keep_space && (!any || piece != " "))) {
                space = any;
                return;
            }
            any = true;
            const std::uint32_t exact = tables.exact.intern(piece, hash);
            if (exact == tables.key_of_exact.size()) {
                // First sighting of this exact text: its comparison key is computed once, ever.
                const std::string key = t.kind == text::TokenKind::space ? std::string() : text::comparison_key(piece);
                tables.key_of_exact.push_back(tables.key.intern(key.empty() ? piece : std::string_view(key)));
            }
            td.exact.push_back(exact);
            td.flags.push_back(static_cast<std::uint8_t>((space ? TokenizedDocument::space_flag : 0) |
                                                         (t.kind == text::TokenKind::punct || t.kind == text::TokenKind::space
                                                              ? 0
                                                              : TokenizedDocument::word_flag)));
            space = false;
        };
        // A space outside code is skipped before its lookup: it needs no hash, and no slot of
        // its own is fetched.
        auto looked_up = [&](const text::Token& t) { return t.kind != text::TokenKind::space || keep_space; };
        auto hash_of = [&](const text::Token& t) { return text::Interner::hash_of(std::string_view(s.data() + t.offset, t.length)); };
        if (!tables.exact.outgrew_caches()) {
            for (const text::Token& t : buffer) add(t, looked_up(t) ? hash_of(t) : 0);
            continue;
        }
        // Once the table has outgrown the caches, each token's slot is fetched some tokens
        // before it is looked up: the words of a draft of a million distinct words each
        // missed the cache, one after another.
        text::visit_fetched_ahead(
            buffer.size(),
            [&](std::size_t i) -> std::uint64_t {
                if (!looked_up(buffer[i])) return 0;
                const std::uint64_t h = hash_of(buffer[i]);
                tables.exact.prefetch(h);
                tables.key.prefetch(h);   // where a new word's key goes when the key is the word
                return h;
            },
            [&](std::size_t i, std::uint64_t hash) { add(buffer[i], hash); });
    }
    // A very long text's buffer is not kept for the short ones that follow.
    if (buffer.capacity() > piece_bytes) std::vector<text::Token>().swap(buffer);
}

void add_break(TokenizedDocument& td, const TokenTables& tables) {
    td.exact.push_back(tables.paragraph_break);
    td.flags.push_back(0);
}

// Code and artwork (ASCII art, packet diagrams) line by line: a break between lines, so that
// the diff aligns and shows them as lines, their white space kept.
void add_code(std::string_view s, TokenizedDocument& td, TokenTables& tables, std::vector<text::Token>& buffer) {
    for (std::size_t at = 0;;) {
        const std::size_t nl = std::min(s.find('\n', at), s.size());
        std::string_view line = s.substr(at, nl - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::size_t end = line.find_last_not_of(" \t");
        add_text(line.substr(0, end == std::string_view::npos ? 0 : end + 1), td, tables, buffer, true);
        if (nl == s.size()) return;
        add_break(td, tables);
        at = nl + 1;
    }
}

std::uint32_t size32(const std::vector<std::uint32_t>& v) { return static_cast<std::uint32_t>(v.size()); }

}  // namespace

TokenTables make_token_tables() {
    TokenTables tables;
    tables.paragraph_break = tables.exact.intern("\n");
    tables.key_of_exact.push_back(tables.key.intern("\n"));
    return tables;
}

TokenizedDocument tokenize_document(const Document& doc, TokenTables& tables) {
    TokenizedDocument td;
    td.title.resize(doc.size());
    td.body.resize(doc.size());
    // Prose averages well over four bytes a token (a word and its space); reserving for that
    // once saves re-copying two growing arrays.
    const std::size_t expected = doc.text_bytes() / 4 + doc.size();
    td.exact.reserve(expected);
    td.flags.reserve(expected);
    std::vector<text::Token> buffer;
    for (ClauseId id = 0; id < doc.size(); ++id) {
        td.title[id].begin = size32(td.exact);
        add_text(doc.title(id), td, tables, buffer);
        td.title[id].end = size32(td.exact);
        td.body[id].begin = size32(td.exact);
        bool first = true;
        for (const Block* b = doc.blocks_begin(id); b != doc.blocks_end(id); ++b) {
            if (!first) add_break(td, tables);
            first = false;
            if (b->kind == BlockKind::code) add_code(doc.str(b->text), td, tables, buffer);
            else add_text(doc.str(b->text), td, tables, buffer);
        }
        td.body[id].end = size32(td.exact);
    }
    return td;
}

std::vector<std::uint32_t> retable(TokenizedDocument& td, const TokenTables& from, TokenTables& into) {
    // `from` numbers exact tokens in the order they were first seen in the document, so
    // interning them in id order meets the tokens new to `into` in that same order: each gets
    // the id, and its key the id, that tokenising into `into` directly would have given.
    // Every key of `from` is the key of one of its exact tokens, so the key map fills as the
    // exact tokens are joined.
    std::vector<std::uint32_t> exact_id(from.exact.size()), key_id(from.key.size());
    // Each slot fetched some tokens ahead, as add_text() does for a large table; here always:
    // it runs once a comparison, over every distinct token of one draft.
    text::visit_fetched_ahead(
        exact_id.size(),
        [&](std::size_t id) {
            const std::uint64_t h = text::Interner::hash_of(from.exact.text(static_cast<std::uint32_t>(id)));
            into.exact.prefetch(h);
            into.key.prefetch(h);
            return h;
        },
        [&](std::size_t i, std::uint64_t hash) {
            const auto id = static_cast<std::uint32_t>(i);
            const std::uint32_t exact = into.exact.intern(from.exact.text(id), hash);
            if (exact == into.key_of_exact.size())
                into.key_of_exact.push_back(into.key.intern(from.key.text(from.key_of_exact[id])));
            exact_id[id] = exact;
            key_id[from.key_of_exact[id]] = into.key_of_exact[exact];
        });
    for (std::uint32_t& exact : td.exact) exact = exact_id[exact];
    return key_id;
}

std::vector<std::uint32_t> sentence_end_ids(const TokenTables& tables) {
    if (tables.sealed) return tables.sentence_ends;
    std::vector<std::uint32_t> ends;
    for (std::string_view end : {".", "。", ";", "；", "!", "！", "?", "？", "\n"})
        if (const std::uint32_t id = tables.exact.find(end); id != text::Interner::npos) ends.push_back(id);
    std::sort(ends.begin(), ends.end());
    return ends;
}

std::vector<std::uint32_t> clause_comma_ids(const TokenTables& tables) {
    if (tables.sealed) return tables.clause_commas;
    std::vector<std::uint32_t> out;
    if (const std::uint32_t id = tables.exact.find("，"); id != text::Interner::npos) out.push_back(id);
    return out;
}

void seal(TokenTables& tables) {
    if (tables.sealed) return;
    tables.sentence_ends = sentence_end_ids(tables);
    tables.clause_commas = clause_comma_ids(tables);
    tables.exact.drop_lookup();
    tables.key.drop_lookup();
    tables.sealed = true;
}

namespace {

bool is_number_word(std::string_view w) {
    static constexpr std::string_view parts[] = {"零", "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                                 "百", "千", "万", "两", "第", "条", "款", "项"};
    if (w.empty()) return false;
    while (!w.empty()) {
        if (w.front() >= '0' && w.front() <= '9') {
            w.remove_prefix(1);
            continue;
        }
        bool found = false;
        for (std::string_view p : parts)
            if (w.starts_with(p)) {
                w.remove_prefix(p.size());
                found = true;
                break;
            }
        if (!found) return false;
    }
    return true;
}

}  // namespace

std::vector<std::uint8_t> number_keys(const TokenTables& tables) {
    std::vector<std::uint8_t> out(tables.key.size(), 0);
    for (std::uint32_t k = 0; k < out.size(); ++k) out[k] = is_number_word(tables.key.text(k)) ? 1 : 0;
    return out;
}

}  // namespace redline
