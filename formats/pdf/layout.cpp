#include "formats/pdf/layout.hpp"

#include "engine/utf8.hpp"
#include "formats/text/numbering.hpp"
#include "formats/text/scan.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_set>

namespace redline::formats::pdf {

namespace {

char32_t last_char(std::string_view s) {
    std::size_t e = s.size();
    return e == 0 ? 0 : text::prev(s, e);
}

// A list marker as Word and LibreOffice set it apart from its text by a tab: "•", "o",
// "a)", "1."; `t` is a line or a word.
bool marker_text(std::string_view t) {
    t = scan::trim(t);
    return !t.empty() && t.size() <= 4 && scan::width(t) <= 3 &&
           (numbering::parse_list_marker(std::string(t) + " x", true).has_value() || t == "o" || t == "\xC2\xB7" ||
            t == "\xE2\x96\xAA" || t == "\xE2\x80\x93");
}

// Courier, Consolas, "… Mono": the faces code is set in.
bool monospace(std::string_view font) {
    for (std::string_view face : {"Courier", "Consola", "Mono", "Menlo", "Inconsolata"})
        if (font.find(face) != std::string_view::npos) return true;
    return false;
}

bool same_band(const Word& a, const Word& b) {
    const float overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    const float shorter = std::min(a.y1 - a.y0, b.y1 - b.y0);
    return overlap >= 0.5f * shorter;
}

struct LineBuilder {
    Line line;
    std::vector<const Word*> words;

    void add(const Word& w, const Word* prev, const std::vector<Font>& fonts) {
        if (prev != nullptr) {
            const float gap = w.x0 - prev->x1;
            const float em = std::max(w.size, prev->size);
            const bool cjk = scan::is_cjk(last_char(line.text)) && scan::is_cjk(text::first(w.text));
            if (!cjk && (prev->space_after || gap > 0.25f * em)) line.text += ' ';
            // A marker a tab away from the words after it opens a list item (a number in a
            // monospace face is a code line's: see code_line_number).
            if (words.size() == 1 && gap > 0.8f * em && marker_text(prev->text) &&
                !(monospace(fonts[prev->font].name) && scan::digit(text::first(prev->text)) >= 0))
                line.marker = true;
            line.x0 = std::min(line.x0, w.x0);
            line.y0 = std::min(line.y0, w.y0);
            line.x1 = std::max(line.x1, w.x1);
            line.y1 = std::max(line.y1, w.y1);
        } else {
            line.x0 = w.x0;
            line.y0 = w.y0;
            line.x1 = w.x1;
            line.y1 = w.y1;
            line.rotated = w.rotated;
        }
        line.text += w.text;
        words.push_back(&w);
    }

    void finish(const std::vector<Font>& fonts, std::uint32_t page, std::vector<Line>& out) {
        if (words.empty()) return;
        // The size and weight of most of its characters: a bold label or a superscript does
        // not make a line bold or small.
        std::map<float, std::size_t> sizes;
        std::size_t bold = 0, all = 0;
        for (const Word* w : words) {
            sizes[std::round(w->size * 2) / 2] += w->text.size();
            if (fonts[w->font].bold) bold += w->text.size();
            all += w->text.size();
        }
        line.size = std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
        line.bold = bold * 10 >= all * 9;
        line.monospace = std::all_of(words.begin(), words.end(), [&](const Word* w) { return monospace(fonts[w->font].name); });
        line.page = page;
        if (!scan::is_blank(line.text)) out.push_back(std::move(line));
        line = Line{};
        words.clear();
    }
};

// Sentence-final punctuation, and the colon and semicolon that close a lead-in or an item.
bool ends_unit(std::string_view s) {
    const char32_t c = last_char(scan::trim_right(s));
    return c == '.' || c == ':' || c == ';' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF1A || c == 0xFF1B ||
           c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

bool structural_start(std::string_view t) {
    t = scan::trim(t);
    if (auto n = numbering::parse_number(t); n && n->spaced) return true;
    return numbering::parse_list_marker(t).has_value() || numbering::parse_law_unit(t).has_value() ||
           numbering::parse_note(t).has_value() || numbering::parse_annex(t).has_value() ||
           numbering::named_section(t) != SectionRole::none;
}

bool continues_in_text(std::string_view t) {
    const char32_t c = text::first(scan::trim_left(t));
    return (c >= 'a' && c <= 'z') || text::is_han(c);
}

// The usual distance between the baselines of two lines of one paragraph, per font size: the
// most common pitch between consecutive lines of that size on one page.
class Pitches {
public:
    explicit Pitches(const std::vector<Line>& lines) {
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const Line& a = lines[i - 1];
            const Line& b = lines[i];
            if (a.page != b.page || a.size != b.size || a.rotated || b.rotated) continue;
            const float pitch = b.y1 - a.y1;
            if (pitch <= 0 || pitch > 2.5f * a.size) continue;
            ++counts_[{key(a.size), std::lround(pitch * 2)}];
        }
        for (const auto& [k, n] : counts_) {
            auto& best = best_[k.first];
            if (n > best.second) best = {static_cast<float>(k.second) / 2, n};
        }
    }
    // 0 when no two lines of this size follow each other.
    float usual(float size) const {
        auto it = best_.find(key(size));
        return it == best_.end() ? 0 : it->second.first;
    }

private:
    static long key(float size) { return std::lround(size * 2); }
    std::map<std::pair<long, long>, std::size_t> counts_;
    std::map<long, std::pair<float, std::size_t>> best_;
};

// The width of a line's first word (its first character when that is CJK), estimated from
// the line's width in proportion to the display columns.
float first_word_width(const Line& l) {
    const std::string_view t = l.text;
    std::size_t end = 0;
    if (scan::is_cjk(text::first(t))) {
        text::next(t, end);
    } else {
        end = t.find(' ');
        if (end == std::string_view::npos) end = t.size();
    }
    const std::size_t all = std::max<std::size_t>(1, scan::width(t));
    return (l.x1 - l.x0) * static_cast<float>(scan::width(t.substr(0, end))) / static_cast<float>(all);
}

// The right edge of the text on each page whose text is justified: the end most lines share
// (within a point), when at least a third of the page's lines, and three or more, end there.
class JustifiedEdges {
public:
    explicit JustifiedEdges(const std::vector<Line>& lines) {
        std::size_t i = 0;
        while (i < lines.size()) {
            const std::uint32_t page = lines[i].page;
            std::map<long, std::size_t> ends;
            std::size_t all = 0;
            for (; i < lines.size() && lines[i].page == page; ++i) {
                if (lines[i].rotated) continue;
                ++ends[std::lround(lines[i].x1)];   // within a billion points (poppler_module)
                ++all;
            }
            long best = 0;
            std::size_t most = 0;
            for (const auto& [end, n] : ends) {
                // A point either side: the same edge.
                const std::size_t near = n + (ends.contains(end - 1) ? ends.at(end - 1) : 0) + (ends.contains(end + 1) ? ends.at(end + 1) : 0);
                if (near > most) {
                    most = near;
                    best = end;
                }
            }
            if (most >= 3 && most * 3 >= all) edges_[page] = static_cast<float>(best) + 0.5f;
        }
    }
    // 0 when the page's text is not justified.
    float edge(std::uint32_t page) const {
        auto it = edges_.find(page);
        return it == edges_.end() ? 0 : it->second;
    }

private:
    std::map<std::uint32_t, float> edges_;
};

struct Hyphen {
    std::size_t paragraph;
    std::size_t offset;   // of the '-' in the paragraph's text
    std::string word;     // the joined word without the hyphen, lower case
};

// The letters of the word that ends `s` (before a final hyphen) or starts it, lower case.
std::string word_before(std::string_view s) {
    std::size_t b = s.size();
    while (b > 0 && scan::is_ascii_alpha(static_cast<unsigned char>(s[b - 1]))) --b;
    std::string w(s.substr(b));
    for (char& c : w) c = static_cast<char>(c | 0x20);
    return w;
}
std::string word_after(std::string_view s) {
    std::size_t e = 0;
    while (e < s.size() && scan::is_ascii_alpha(static_cast<unsigned char>(s[e]))) ++e;
    std::string w(s.substr(0, e));
    for (char& c : w) c = static_cast<char>(c | 0x20);
    return w;
}

// A number in a monospace face is a code listing's line number, typed before the code with
// spaces, not a list item's ("1.  <?xml …"); Word's second-level bullet "o" is set in
// Courier New too, and stays a marker.
bool code_line_number(const Line& l) { return l.monospace && scan::digit(text::first(l.text)) >= 0; }

// Poppler often gives a column of list markers as a block of its own, before the items'
// text: each marker goes to the first later line of the page beside it, looked for among the
// next few hundred lines only.
void attach_markers(std::vector<Line>& lines, std::size_t from) {
    constexpr std::size_t window = 400;
    std::vector<bool> attached(lines.size() - from, false);
    for (std::size_t i = from; i < lines.size(); ++i) {
        const Line& m = lines[i];
        if (m.rotated || !marker_text(m.text) || code_line_number(m)) continue;
        for (std::size_t j = i + 1; j < lines.size() && j < i + window; ++j) {
            Line& l = lines[j];
            if (l.rotated || marker_text(l.text) || attached[j - from]) continue;
            const float overlap = std::min(m.y1, l.y1) - std::max(m.y0, l.y0);
            if (overlap < 0.5f * std::min(m.y1 - m.y0, l.y1 - l.y0) || l.x0 <= m.x1 || l.x0 - m.x1 > 6 * l.size) continue;
            l.text = m.text + ' ' + l.text;
            l.x0 = m.x0;
            l.marker = true;
            attached[i - from] = true;
            break;
        }
    }
    std::size_t kept = from;
    for (std::size_t i = from; i < lines.size(); ++i) {
        if (attached[i - from]) continue;
        if (kept != i) lines[kept] = std::move(lines[i]);
        ++kept;
    }
    lines.resize(kept);
}

}  // namespace

void page_lines(const Page& page, const std::vector<Font>& fonts, std::uint32_t page_number, std::vector<Line>& out) {
    const std::size_t first = out.size();
    LineBuilder b;
    const Word* prev = nullptr;
    for (const Word& w : page.words) {
        const bool continues = prev != nullptr && w.rotated == prev->rotated && same_band(*prev, w) &&
                               w.x0 >= prev->x1 - 0.3f * w.size && w.x0 - prev->x1 <= 3 * std::max(w.size, prev->size);
        if (!continues) {
            b.finish(fonts, page_number, out);
            prev = nullptr;
        }
        b.add(w, prev, fonts);
        prev = &w;
    }
    b.finish(fonts, page_number, out);
    attach_markers(out, first);
}

float body_size(const std::vector<Line>& lines) {
    std::map<float, std::size_t> sizes;
    for (const Line& l : lines) sizes[l.size] += l.text.size();
    if (sizes.empty()) return 10;
    return std::max_element(sizes.begin(), sizes.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
}

std::vector<Paragraph> paragraphs(const std::vector<Line>& lines) {
    const Pitches pitches(lines);
    std::vector<Paragraph> out;
    std::vector<Hyphen> hyphens;
    const Line* prev = nullptr;
    bool prev_first = true;   // prev is the first line of its paragraph
    float right = 0;          // right edge of the current paragraph's lines so far
    float flush_before = 0;   // the leftmost end of its lines before the last (∞ for one line)
    const JustifiedEdges justified(lines);
    float left = 0;
    for (const Line& l : lines) {
        bool joins = false;
        if (prev != nullptr && !out.back().toc_entry && !numbering::is_toc_entry(scan::trim(l.text)) && !l.rotated &&
            !prev->rotated) {
            const bool same_face = std::fabs(l.size - prev->size) <= 0.6f && l.bold == prev->bold;
            const float pitch = l.y1 - prev->y1;
            const bool ended = ends_unit(prev->text);
            if (l.page != prev->page || pitch <= 0.1f * l.size) {
                // A page or column break: a sentence left unfinished goes on, unless a heading
                // in another face opens the next page.
                const char32_t tail = last_char(prev->text);
                const bool mid_sentence = (tail >= 'a' && tail <= 'z') || tail == ',' || tail == 0xFF0C || tail == 0x3001;
                const bool heading_below = l.bold && structural_start(l.text);
                const bool heading_above = prev->bold && structural_start(out.back().text);
                joins = std::fabs(l.size - prev->size) <= 0.6f && !ended && !heading_below && !heading_above && !l.marker &&
                        (continues_in_text(l.text) || (mid_sentence && l.bold == prev->bold) || !structural_start(l.text));
            } else if (same_face) {
                const float usual = pitches.usual(l.size);
                const bool gap = usual > 0 ? pitch > usual * 1.25f + 0.5f
                                           : l.y0 - prev->y1 > 0.5f * l.size;
                const float edge = std::max(right, l.x1);
                // The previous line ended where the next line's first word would have fitted:
                // its paragraph ended there (justified or ragged alike).
                const bool short_line = prev->x1 + first_word_width(l) + 0.3f * l.size < edge;
                const bool indented = !prev_first && l.x0 > prev->x0 + 0.8f * l.size;
                const bool outdented = l.x0 < left - 0.8f * l.size && !prev_first;
                // Justification stretches every line of a paragraph to the column's edge but
                // its last: in a justified paragraph (its earlier lines flush with the edge), a
                // sentence that ends short of the edge ends the paragraph, even where the next
                // line's first word would not have fitted after it.
                const char32_t next = text::first(scan::trim_left(l.text));
                const float flush = justified.edge(l.page);
                const bool justified_end = flush > 0 && !prev_first && flush_before >= flush - 1.0f &&
                                           prev->x1 < flush - 0.15f * l.size && ended && !(next >= 'a' && next <= 'z');
                // A bold line with a number is a heading of its own, even under another one.
                const bool opens =
                    structural_start(l.text) && (ended || short_line || l.bold || l.x0 < prev->x0 - 0.5f * l.size);
                // A marker set apart from its text opens an item, however short the items of
                // a list (or of a list set in columns) are.
                joins = !gap && !short_line && !justified_end && !indented && !outdented && !opens && !l.marker;
            }
        }
        if (joins) {
            Paragraph& p = out.back();
            const char32_t before = last_char(p.text);
            const char32_t after = text::first(l.text);
            if (before == '-' && p.text.size() >= 2 && scan::lower_letter(static_cast<unsigned char>(p.text[p.text.size() - 2])) &&
                after >= 'a' && after <= 'z') {
                std::string_view head(p.text);
                head.remove_suffix(1);
                hyphens.push_back({out.size() - 1, p.text.size() - 1, word_before(head) + word_after(l.text)});
            } else if (!(scan::is_cjk(before) && scan::is_cjk(after))) {
                p.text += ' ';
            }
            p.text += l.text;
            flush_before = std::min(flush_before, prev->x1);
            right = std::max(right, l.x1);
            left = std::min(left, l.x0);
            prev_first = false;
        } else {
            Paragraph p;
            p.text = l.text;
            p.page = l.page;
            p.size = l.size;
            p.bold = l.bold;
            p.toc_entry = numbering::is_toc_entry(scan::trim(l.text));
            p.list_item = l.marker;
            out.push_back(std::move(p));
            right = l.x1;
            flush_before = std::numeric_limits<float>::infinity();
            left = l.x0;
            prev_first = true;
        }
        prev = &l;
    }
    if (hyphens.empty()) return out;
    // Drop a line-end hyphen where the document also spells the word whole.
    std::unordered_set<std::string> wanted;
    for (const Hyphen& h : hyphens) wanted.insert(h.word);
    std::unordered_set<std::string> seen;
    for (const Line& l : lines) {
        std::string_view s = l.text;
        for (std::size_t i = 0; i < s.size();) {
            if (!scan::is_ascii_alpha(static_cast<unsigned char>(s[i]))) {
                ++i;
                continue;
            }
            std::size_t e = i;
            while (e < s.size() && scan::is_ascii_alpha(static_cast<unsigned char>(s[e]))) ++e;
            const bool hyphenated = (i > 0 && s[i - 1] == '-') || (e < s.size() && s[e] == '-');
            if (!hyphenated) {
                std::string w(s.substr(i, e - i));
                for (char& c : w) c = static_cast<char>(c | 0x20);
                if (wanted.contains(w)) seen.insert(std::move(w));
            }
            i = e;
        }
    }
    for (auto it = hyphens.rbegin(); it != hyphens.rend(); ++it)
        if (seen.contains(it->word)) out[it->paragraph].text.erase(it->offset, 1);
    return out;
}

}  // namespace redline::formats::pdf
