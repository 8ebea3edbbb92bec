// Small PDFs made in the tests, so that the PDF reader's cases need no binary fixtures: text
// placed at given positions in given fonts and sizes, one content stream per page, a correct
// cross-reference table. Fonts: F1 Helvetica and F2 Helvetica-Bold (WinAnsi; text in
// Latin-1), F3 STSong-Light (Adobe-GB1 through poppler-data's UniGB-UCS2-H; text in UTF-8),
// F4 a font whose ToUnicode map sends A–Z into the private use area (its glyphs cannot be
// read as text).
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace redline::test::pdf {

struct Text {
    double x = 72;          // left, in points from the page's left edge
    double y = 72;          // baseline, in points from the page's top edge
    double size = 10;
    std::string text;       // UTF-8
    int font = 1;           // 1 Helvetica, 2 Helvetica-Bold, 3 STSong-Light (CJK), 4 unmapped
    double angle = 0;       // degrees, counter-clockwise
};

struct Page {
    std::vector<Text> texts;
    bool image = false;     // draw an image (a scanned page has nothing else)
    double width = 595, height = 842;   // A4
};

struct Options {
    bool encrypted = false;       // an /Encrypt dictionary whose user password is not empty
    std::size_t repeat_last = 0;  // add the last page this many times more (one shared content stream)
};

namespace detail {

inline std::u32string decode(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
        for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += cp;
        i += static_cast<std::size_t>(n);
    }
    return out;
}

inline std::string string_operand(const Text& t) {
    std::string out;
    const std::u32string cps = decode(t.text);
    if (t.font != 3) {
        out += '(';
        for (char32_t c : cps) {
            if (c == '(' || c == ')' || c == '\\') out += '\\';
            // WinAnsi's few code points above Latin-1.
            if (c == 0x2014) c = 0x97;
            if (c == 0x2013) c = 0x96;
            if (c == 0x2022) c = 0x95;
            out += c < 0x100 ? static_cast<char>(c) : '?';
        }
        return out + ')';
    }
    out += '<';
    char buf[8];
    for (char32_t c : cps) {
        std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c & 0xFFFF));
        out += buf;
    }
    return out + '>';
}

inline std::string content(const Page& p) {
    std::string s;
    char buf[160];
    if (p.image) s += "q 400 0 0 500 100 200 cm /Im1 Do Q\n";
    for (const Text& t : p.texts) {
        const double a = t.angle * 3.14159265358979 / 180;
        std::snprintf(buf, sizeof buf, "BT /F%d %.2f Tf %.4f %.4f %.4f %.4f %.2f %.2f Tm ", t.font, t.size, std::cos(a),
                      std::sin(a), -std::sin(a), std::cos(a), t.x, p.height - t.y);
        s += buf;
        s += string_operand(t) + " Tj ET\n";
    }
    return s;
}

}  // namespace detail

inline std::string make(std::vector<Page> pages, const Options& options = {}) {
    std::vector<std::string> objects;   // object i + 1
    auto add = [&](std::string body) {
        objects.push_back(std::move(body));
        return objects.size();
    };
    const std::size_t catalog = add("");
    const std::size_t tree = add("");
    add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
    const std::size_t song = add("");
    const std::size_t opaque = add("");
    const std::size_t song_cid = add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                                     "/FontDescriptor " + std::to_string(objects.size() + 2) + " 0 R /DW 1000 >>");
    add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
        "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
    objects[song - 1] = "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [" +
                        std::to_string(song_cid) + " 0 R] >>";
    // A ToUnicode map that sends every glyph into the private use area, as fonts whose
    // glyphs have no meaningful mapping do: none of its text can be read.
    const std::string cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Opaque def "
                             "1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <E000> endbfrange "
                             "endcmap CMapName currentdict /CMap defineresource pop end end\n";
    const std::size_t to_unicode = add("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap + "endstream");
    objects[opaque - 1] = "<< /Type /Font /Subtype /Type1 /BaseFont /Opaque /Encoding /WinAnsiEncoding /ToUnicode " +
                          std::to_string(to_unicode) + " 0 R >>";
    const std::size_t image = add("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                                  "/BitsPerComponent 8 /Length 4 >>\nstream\n\x10\x80\x80\xF0\nendstream");
    const std::string resources = "<< /Font << /F1 3 0 R /F2 4 0 R /F3 " + std::to_string(song) + " 0 R /F4 " +
                                  std::to_string(opaque) + " 0 R >> /XObject << /Im1 " + std::to_string(image) + " 0 R >> >>";
    std::string kids;
    std::size_t count = 0;
    char box[64];
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string stream = detail::content(pages[i]);
        const std::size_t c = add("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream");
        std::snprintf(box, sizeof box, "[0 0 %.0f %.0f]", pages[i].width, pages[i].height);
        const std::size_t times = i + 1 == pages.size() ? options.repeat_last + 1 : 1;
        for (std::size_t k = 0; k < times; ++k) {
            const std::size_t p = add("<< /Type /Page /Parent " + std::to_string(tree) + " 0 R /MediaBox " + box +
                                      " /Resources " + resources + " /Contents " + std::to_string(c) + " 0 R >>");
            kids += std::to_string(p) + " 0 R ";
            ++count;
        }
    }
    objects[catalog - 1] = "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>";
    objects[tree - 1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) + " >>";
    std::size_t encrypt = 0;
    if (options.encrypted)
        encrypt = add("<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + std::string(64, 'A') + "> /U <" +
                      std::string(64, 'B') + "> >>");

    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    char entry[24];
    for (std::size_t o : offsets) {
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + std::to_string(catalog) + " 0 R";
    if (encrypt != 0)
        out += " /Encrypt " + std::to_string(encrypt) + " 0 R /ID [<" + std::string(32, 'C') + "> <" + std::string(32, 'C') + ">]";
    out += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

}  // namespace redline::test::pdf
