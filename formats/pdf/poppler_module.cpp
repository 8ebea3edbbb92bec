// The one part of Redline that includes and links poppler: a module of its own
// (libredline_pdf_poppler.so), loaded by formats/pdf/extract.cpp the first time a PDF is read,
// so that a process that reads no PDF never loads poppler and the two dozen libraries it
// brings (measured: 45 ms and 4 MB more per `redline` run when linked normally).
#include "formats/pdf/extract.hpp"
#include "formats/pdf/poppler_module.hpp"

#include "engine/error.hpp"
#include "engine/utf8.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unordered_map>

namespace redline::formats::pdf {

namespace {

constexpr std::size_t max_problems_kept = 5;

// Poppler reports through one process-wide function; each reading thread points it at its own
// extraction.
thread_local Extraction* problem_sink = nullptr;

void collect_problem(const std::string& message, void*) {
    if (problem_sink == nullptr) return;
    ++problem_sink->problem_count;
    if (problem_sink->problems.size() < max_problems_kept) problem_sink->problems.push_back(message);
}

struct ProblemRoute {
    explicit ProblemRoute(Extraction& e) {
        static const bool routed = [] {
            poppler::set_debug_error_function(collect_problem, nullptr);
            return true;
        }();
        (void)routed;
        problem_sink = &e;
    }
    ~ProblemRoute() { problem_sink = nullptr; }
    ProblemRoute(const ProblemRoute&) = delete;
    ProblemRoute& operator=(const ProblemRoute&) = delete;
};

// A font name as a message can show it: the subset prefix ("BCDEEE+") dropped, bytes outside
// printable ASCII written as \xNN (names may be GBK or Shift-JIS).
std::string font_display_name(const std::string& raw) {
    std::string_view name = raw;
    if (name.size() > 7 && name[6] == '+') {
        bool prefix = true;
        for (std::size_t i = 0; i < 6; ++i) prefix = prefix && name[i] >= 'A' && name[i] <= 'Z';
        if (prefix) name.remove_prefix(7);
    }
    std::string out;
    for (unsigned char c : name) {
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    return out.empty() ? "(unnamed)" : out;
}

bool contains_ci(std::string_view s, std::string_view part) {
    if (part.size() > s.size()) return false;
    for (std::size_t i = 0; i + part.size() <= s.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < part.size() && same; ++k) {
            char c = s[i + k];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            same = c == part[k];
        }
        if (same) return true;
    }
    return false;
}

bool bold_name(std::string_view name) {
    for (std::string_view w : {"bold", "black", "heavy", "semibold", "demi", "hei"})
        if (contains_ci(name, w)) return true;
    return name.find("\xE9\xBB\x91") != std::string_view::npos;   // 黑 (黑体) in UTF-8
}

bool symbol_font(std::string_view name) {
    return contains_ci(name, "symbol") || contains_ci(name, "wingding") || contains_ci(name, "dingbat");
}

// A coordinate or size as the layout may use it: a hostile text matrix gives poppler
// infinite or NaN boxes, and boxes far beyond any page (PDF's largest is 14,400 points, ISO
// 32000-1 C.2). Rounded to a long such a value is LONG_MIN, whose neighbour overflows, and a
// NaN breaks every ordering the layout sorts by; held within a billion points, the word and
// its text stay.
float coordinate(double v) {
    constexpr double limit = 1e9;
    return std::isnan(v) ? 0.0f : static_cast<float>(std::clamp(v, -limit, limit));
}

// What a font without a usable Unicode mapping produces: C0 controls, U+FFFD, private use.
bool unmapped(char32_t c) {
    return c < 0x20 || c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000);
}

class Reader {
public:
    Reader(Extraction& out, const Limits& limits) : out_(out), limits_(limits) {}

    void page(const poppler::page& p) {
        Page page;
        const poppler::rectf r = p.page_rect();
        page.width = static_cast<float>(r.width());
        page.height = static_cast<float>(r.height());
        std::vector<poppler::text_box> boxes = p.text_list(poppler::page::text_list_include_font);
        page.words.reserve(boxes.size());
        for (const poppler::text_box& b : boxes) {
            Word w;
            const std::uint16_t font = font_index(b.has_font_info() ? b.get_font_name() : std::string());
            Font& f = out_.fonts[font];
            const poppler::ustring u = b.text();
            const bool symbols = symbol_font(f.name);
            for (std::size_t i = 0; i < u.size(); ++i) {
                char32_t c = u[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
                    ++i;
                }
                ++f.glyphs;
                ++out_.glyphs;
                // A symbol font's private-use glyphs are its bullets and arrows (Word's list
                // markers): one bullet stands for them all.
                if (symbols && c >= 0xF020 && c <= 0xF0FF) c = 0x2022;
                if (unmapped(c)) {
                    ++f.unmapped;
                    ++out_.unmapped;
                    continue;
                }
                text::append(w.text, c);
            }
            if (w.text.empty()) continue;
            const poppler::rectf bb = b.bbox();
            w.x0 = coordinate(bb.left());
            w.y0 = coordinate(bb.top());
            w.x1 = coordinate(bb.right());
            w.y1 = coordinate(bb.bottom());
            w.size = coordinate(b.get_font_size());
            w.font = font;
            w.space_after = b.has_space_after();
            w.rotated = b.rotation() != 0;
            page.words.push_back(std::move(w));
        }
        words_ += page.words.size();
        if (words_ > limits_.max_words)
            throw InputError("page " + std::to_string(out_.pages.size() + 1),
                             "more than " + std::to_string(limits_.max_words) + " words (the limit on one PDF)");
        out_.pages.push_back(std::move(page));
    }

private:
    std::uint16_t font_index(const std::string& raw) {
        auto [it, added] = fonts_.try_emplace(raw, static_cast<std::uint16_t>(out_.fonts.size()));
        if (added) {
            if (out_.fonts.size() == UINT16_MAX) {
                fonts_.erase(it);
                return static_cast<std::uint16_t>(out_.fonts.size() - 1);
            }
            Font f;
            f.name = font_display_name(raw);
            f.bold = bold_name(raw);
            out_.fonts.push_back(std::move(f));
        }
        return it->second;
    }

    Extraction& out_;
    const Limits& limits_;
    std::unordered_map<std::string, std::uint16_t> fonts_;
    std::size_t words_ = 0;
};

std::string percent(std::size_t part, std::size_t whole) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

std::string first_problem(const Extraction& e) {
    return e.problems.empty() ? std::string() : " (poppler: " + e.problems.front() + ")";
}

}  // namespace

Extraction extract_with_poppler(std::string_view bytes, const Limits& limits) {
    Extraction out;
    ProblemRoute route(out);
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw InputError("", "PDF larger than 2 GiB");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw InputError("", "damaged PDF: poppler cannot open it" + first_problem(out));
    if (doc->is_locked())
        throw InputError("", "encrypted PDF: it needs a password to open, and Redline takes none; "
                             "save a copy without one (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf)");
    const int pages = doc->pages();
    if (pages <= 0) throw InputError("", "damaged PDF: no pages" + first_problem(out));
    if (static_cast<std::uint32_t>(pages) > limits.max_pages)
        throw InputError("", std::to_string(pages) + " pages, more than the limit of " +
                                 std::to_string(limits.max_pages) + " pages in one PDF");
    Reader reader(out, limits);
    const auto start = std::chrono::steady_clock::now();
    out.pages.reserve(static_cast<std::size_t>(pages));
    for (int i = 0; i < pages; ++i) {
        if (i > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > limits.max_seconds)
            throw InputError("page " + std::to_string(i + 1),
                             "reading the text took longer than " + std::to_string(static_cast<long>(limits.max_seconds)) +
                                 " s (the limit on one PDF); stopped at page " + std::to_string(i + 1) + " of " +
                                 std::to_string(pages));
        std::unique_ptr<poppler::page> p(doc->create_page(i));
        if (!p) throw InputError("page " + std::to_string(i + 1), "damaged PDF: the page cannot be read" + first_problem(out));
        reader.page(*p);
    }
    if (out.glyphs == 0)
        throw InputError("", "no text layer: this PDF is images; run OCR first, e.g. ocrmypdf");
    if (static_cast<double>(out.unmapped) > limits.max_unmapped_share * static_cast<double>(out.glyphs)) {
        const Font* worst = &out.fonts.front();
        for (const Font& f : out.fonts)
            if (f.unmapped > worst->unmapped) worst = &f;
        throw InputError("", percent(out.unmapped, out.glyphs) + " of the glyphs (" + std::to_string(out.unmapped) + " of " +
                                 std::to_string(out.glyphs) + ") have no Unicode mapping, " +
                                 std::to_string(worst->unmapped) + " of them in font " + worst->name +
                                 ": the text cannot be read from this PDF; run OCR first, e.g. ocrmypdf --force-ocr");
    }
    return out;
}

}  // namespace redline::formats::pdf

extern "C" int redline_pdf_extract_v1(const redline::formats::pdf::ModuleCall* call) {
    using namespace redline::formats::pdf;
    try {
        *call->out = extract_with_poppler(call->bytes, *call->limits);
        return 0;
    } catch (const redline::InputError& e) {
        *call->place = e.place();
        *call->message = e.what();
    } catch (const std::exception& e) {
        *call->message = std::string("cannot read the PDF: ") + e.what();
    }
    return 1;
}
