#include "formats/text/structure.hpp"

#include "engine/text.hpp"
#include "formats/common/section_roles.hpp"
#include "formats/text/cover.hpp"
#include "formats/text/layout.hpp"
#include "formats/text/numbering.hpp"
#include "formats/text/rules.hpp"
#include "formats/text/scan.hpp"
#include "formats/text/sequence.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace redline::formats {

namespace {

using numbering::ListType;
using numbering::Number;
using sequence::Relation;

SourceLocation at(std::uint32_t line) { return SourceLocation{line, 0, 0}; }

bool is_blank_line(const SourceLine& l) { return l.hint == LineHint::blank || scan::is_blank(l.text); }

// Lists nest at most this deep; deeper markers become siblings (with a warning).
constexpr std::size_t max_list_nesting = 16;

using namespace rules;

struct Container {
    ClauseKind kind;           // list_item, note or example
    ListType type;
    ClauseId id;
    bool accepts;              // takes the paragraphs that follow it
    bool decided;              // accepts is final (otherwise its first paragraph decides)
    bool heading;              // a list item the source set as a heading (OCR): it holds notes too
    std::size_t indent;
};

struct OpenNumbered {
    Number number;
    ClauseId id;
    bool terms;                // a terms clause or inside one: numbered children are term entries
};

enum class Mode { cover, toc, body };

class Recogniser {
public:
    Recogniser(std::vector<SourceLine> input, DocumentBuilder& b, const StructureOptions& options)
        : b_(b), warnings_(b.document().warnings) {
        layout::Result cleaned = layout::remove_page_furniture(std::move(input), warnings_);
        lines_ = std::move(cleaned.lines);
        rfc_ = cleaned.rfc_pages;
        language_ = options.language != Language::unknown ? options.language : detect_language();
        analyse();
    }

    void run() {
        b_.clause(0).language = language_;
        b_.document().language = language_;
        find_cover();
        mode_ = cover_end_ > 0 ? Mode::cover : Mode::body;
        for (i_ = 0; i_ < lines_.size(); ++i_) {
            if (mode_ == Mode::cover && i_ >= cover_end_) mode_ = Mode::body;
            const SourceLine& l = lines_[i_];
            if (l.hint == LineHint::page_break) {
                on_page_break();
                continue;
            }
            if (l.hint == LineHint::code) {
                on_code(l);
                continue;
            }
            if (l.hint == LineHint::table_row) {
                on_table_row(l);
                continue;
            }
            if (is_blank_line(l)) {
                on_blank();
                continue;
            }
            end_code();
            end_table();
            if (mode_ == Mode::cover) {
                cover_line(l);
                continue;
            }
            if (mode_ == Mode::toc && toc_line(l)) continue;
            body_line(l);
        }
        flush();
        end_code();
        end_table();
        b_.close_all();
        for (const auto& [key, h] : running_headers_)
            warn(h.line, "removed running header \"" + h.text + "\" (" + std::to_string(h.count) +
                             (h.count == 1 ? " line)" : " lines)"),
                 "删除了页眉“" + h.text + "”（" + std::to_string(h.count) + " 行）");
    }

private:
    // ---- analysis ------------------------------------------------------------------

    // No more of the text than text::detect_language reads (a draft of one long line is not
    // copied whole).
    Language detect_language() const {
        std::string sample;
        for (const SourceLine& l : lines_) {
            if (l.hint == LineHint::code) continue;
            sample.append(scan::trim(l.text).substr(0, text::language_sample_bytes - sample.size()));
            if (sample.size() == text::language_sample_bytes) break;
            sample += '\n';
        }
        return text::detect_language(sample);
    }

    void analyse() {
        std::vector<std::size_t> widths;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const SourceLine& l = lines_[i];
            if (is_blank_line(l) || l.hint != LineHint::none) continue;
            if (widths.size() < 100000) widths.push_back(std::min<std::size_t>(scan::width(scan::trim(l.text)), 4096));
            if (i < 60) {
                const std::string_view t = scan::trim(l.text);
                for (std::string_view k : {"Internet-Draft", "Network Working Group", "Request for Comments:",
                                           "Internet Engineering Task Force"})
                    if (scan::starts_with(t, k)) ietf_ = true;
            }
        }
        ietf_ = ietf_ || rfc_;
        if (ietf_) mark_artwork();
        if (!widths.empty()) {
            const std::size_t k = widths.size() * 9 / 10;
            std::nth_element(widths.begin(), widths.begin() + static_cast<std::ptrdiff_t>(k), widths.end());
            wrap_width_ = std::max<std::size_t>(widths[k], 60);
        }
        line_paragraphs_ = measure_line_paragraphs();
    }

    // Whether each line of running text is a paragraph of its own (text saved from a word
    // processor) rather than a wrapped piece of one: most lines followed directly by more
    // text end a sentence.
    bool measure_line_paragraphs() const {
        std::size_t pairs = 0, ended = 0;
        auto plain = [&](const SourceLine& l) {
            if (l.hint != LineHint::none || is_blank_line(l)) return false;
            const std::string_view t = scan::trim(l.text);
            return !numbering::parse_number(t) && !numbering::parse_list_marker(t) && !numbering::parse_note(t) &&
                   !numbering::parse_law_unit(t);
        };
        for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
            if (!plain(lines_[i]) || !plain(lines_[i + 1])) continue;
            // Short lines (titles, cover lines, references) say nothing about wrapping.
            const std::string_view t = scan::trim(lines_[i].text);
            if (!long_line(t) || numbering::is_toc_entry(t) || starts_paragraph(t)) continue;
            ++pairs;
            if (scan::ends_sentence(lines_[i].text)) ++ended;
        }
        return pairs >= 2 && ended * 2 > pairs;
    }

    // RFC figures (struct definitions, ASCII art, ABNF) are indented blocks like paragraphs;
    // a block with one line that only code or a drawing has is kept as code, line by line.
    void mark_artwork() {
        auto code_like = [](std::string_view raw) {
            const std::string_view t = scan::trim(raw);
            if (t.empty()) return false;
            return t.back() == '{' || t.front() == '}' || t.find("::=") != std::string_view::npos ||
                   t.find("+--") != std::string_view::npos || t.find("--+") != std::string_view::npos ||
                   (t.front() == '|' && t.back() == '|');
        };
        std::size_t b = 0;
        while (b < lines_.size()) {
            if (is_blank_line(lines_[b]) || lines_[b].hint != LineHint::none) {
                ++b;
                continue;
            }
            std::size_t e = b;
            bool indented = true, code = false;
            while (e < lines_.size() && !is_blank_line(lines_[e]) && lines_[e].hint == LineHint::none) {
                indented = indented && scan::indent(lines_[e].text) >= 3;
                code = code || code_like(lines_[e].text);
                ++e;
            }
            if (indented && code)
                for (std::size_t k = b; k < e; ++k) lines_[k].hint = LineHint::code;
            b = e;
        }
    }

    // The cover is everything before the first section: a named front-matter heading, the
    // first clause, a law unit or an annex. A document that shows none of them early has no
    // cover.
    void find_cover() {
        std::size_t seen = 0;
        std::size_t end = 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const SourceLine& l = lines_[i];
            if (is_blank_line(l) || l.hint == LineHint::page_break) continue;
            if (++seen > 150) break;
            if (l.hint == LineHint::code || l.hint == LineHint::table_row) continue;
            const std::string_view t = scan::trim(l.text);
            if (numbering::is_toc_entry(t)) continue;
            const SectionRole named = numbering::named_section(t);
            if (named != SectionRole::none && named != SectionRole::bibliography && named != SectionRole::index) {
                end = i;
                break;
            }
            if (numbering::parse_law_unit(t)) {
                end = i;
                break;
            }
            if (auto a = numbering::parse_annex(t); a && !a->kind_text.empty()) {
                end = i;
                break;
            }
            if (auto n = numbering::parse_number(t); n && n->spaced && !n->number.annex && n->number.depth == 1 &&
                                                     n->number.part[0] <= 1 && !n->rest.empty() &&
                                                     !starts_like_running_text(n->rest) &&
                                                     (!ietf_ || scan::indent(l.text) == 0)) {
                end = i;
                break;
            }
        }
        if (end == 0) return;
        DocumentInfo& info = b_.document().info;
        cover::read_cover(std::span<const SourceLine>(lines_.data(), end), language_, info);
        title_key_ = scan::squeeze(info.title);
        identifier_key_ = scan::squeeze(info.identifier);
        // The title printed again at the top of the first body page is not cover.
        if (!title_key_.empty()) {
            bool first = false;
            for (std::size_t i = 0; i < end; ++i) {
                if (!scan::squeezed_equals(lines_[i].text, title_key_)) continue;
                if (first) {
                    end = i;
                    break;
                }
                first = true;
            }
        }
        cover_end_ = end;
    }

    // ---- building helpers ----------------------------------------------------------

    void warn(std::uint32_t line, std::string message, std::string zh) {
        warnings_.push_back({at(line), std::move(message), std::move(zh)});
    }

    ClauseId open(ClauseKind kind, std::string_view label, std::string_view title, std::uint32_t line) {
        return b_.open(kind, label, title, at(line));
    }

    void set_alt_title(ClauseId id, std::string_view alt) {
        if (!alt.empty()) b_.clause(id).alt_title = b_.store(alt);
    }

    // Text needs an owner: at the top level it gets a paragraph node of its own.
    void ensure_text_target(std::uint32_t line) {
        if (b_.current() != b_.document().root()) return;
        section_ = open(ClauseKind::paragraph, "", "", line);
    }

    // Closes everything and makes the root current, before a new top-level section.
    void close_all() {
        containers_.clear();
        law_.fill(no_clause);
        b_.close_all();
        section_ = 0;
    }

    void close_container() {
        b_.close_to(containers_.back().id);
        b_.close();
        containers_.pop_back();
    }

    bool container_accepts(const Container& c, std::size_t indent) const {
        if (ietf_) return indent > c.indent;
        return c.accepts;
    }

    void pop_nonaccepting(std::size_t indent) {
        while (!containers_.empty() && !container_accepts(containers_.back(), indent)) close_container();
    }

    // ---- paragraphs ----------------------------------------------------------------

    void start_paragraph(std::string_view t, std::uint32_t line, bool sealed) {
        para_ = t;
        para_joined_in_ = false;
        para_line_ = line;
        para_active_ = true;
        para_closed_ = false;
        para_break_ = false;
        para_sealed_ = sealed;
        para_last_ = t;
    }

    void append_paragraph(std::string_view t) {
        const char32_t a = text::last(para_), c = text::first(t);
        if (!para_joined_in_) para_joined_.assign(para_);
        para_joined_in_ = true;
        if (!(scan::is_cjk(a) && scan::is_cjk(c))) para_joined_ += ' ';
        para_joined_.append(t);
        para_ = para_joined_;
        para_last_ = t;
        para_closed_ = false;
        para_break_ = false;
    }

    bool long_line(std::string_view t) const { return scan::width(t) * 10 >= wrap_width_ * 6; }

    // The line continues the open paragraph: that paragraph's last line does not end a
    // sentence and is as long as the wrapped lines of this document.
    bool continues_paragraph() const {
        if (!para_active_ || para_closed_ || para_sealed_) return false;
        return !scan::ends_sentence(para_last_) && long_line(para_last_);
    }

    // Whether a plain text line directly below the open paragraph belongs to it. Where each
    // line is a paragraph, only a wrapped line continues; elsewhere (wrapped text, Markdown)
    // lines join unless the previous one is a short line that ends a sentence.
    bool joins_paragraph() const {
        if (line_paragraphs_) return continues_paragraph();
        return !(scan::ends_sentence(para_last_) && !long_line(para_last_));
    }

    void flush() {
        if (!para_active_) return;
        para_active_ = false;
        emit_paragraph(para_, para_line_);
    }

    void emit_paragraph(std::string_view text, std::uint32_t line) {
        ensure_text_target(line);
        if (b_.clause(section_).role == SectionRole::foreword && b_.clause(section_).kind == ClauseKind::front_matter &&
            containers_.empty()) {
            if (auto orgs = drafting_organisations(text)) {
                if (!orgs->lead.empty()) b_.add_block(BlockKind::paragraph, orgs->lead, at(line));
                for (std::string_view name : orgs->names) {
                    b_.set_role(open(ClauseKind::list_item, "", "", line), SectionRole::drafting_organisation);
                    b_.add_block(BlockKind::paragraph, name, at(line));
                    b_.close();
                }
                return;
            }
        }
        b_.add_block(BlockKind::paragraph, text, at(line));
        if (!containers_.empty() && b_.current() == containers_.back().id) {
            Container& c = containers_.back();
            if (!c.decided) {
                c.accepts = ends_with_colon(text) || !scan::ends_sentence(text);
                c.decided = true;
            }
        }
    }

    void on_blank() {
        end_code();
        end_table();
        if (para_active_) para_closed_ = true;
    }

    void on_page_break() {
        end_code();
        end_table();
        if (para_active_) {
            para_closed_ = true;
            para_break_ = true;
        }
    }

    void on_text(std::string_view t, std::uint32_t line, std::size_t indent, bool sealed) {
        if (para_active_ && !para_sealed_ && !sealed && !starts_paragraph(t, para_last_)) {
            if (!para_closed_ && joins_paragraph()) {
                append_paragraph(t);
                return;
            }
            if (para_closed_ && para_break_ && !scan::ends_sentence(para_last_) &&
                long_line(para_last_)) {
                append_paragraph(t);  // a paragraph split by a page break
                return;
            }
        }
        flush();
        pop_nonaccepting(indent);
        start_paragraph(t, line, sealed);
    }

    // ---- code and tables -------------------------------------------------------------

    void on_code(const SourceLine& l) {
        end_table();
        flush();
        if (!code_active_) {
            code_active_ = true;
            code_.assign(l.text);
            code_line_ = l.line;
        } else {
            code_ += '\n';
            code_.append(l.text);
        }
    }

    void end_code() {
        if (!code_active_) return;
        code_active_ = false;
        pop_nonaccepting(0);
        ensure_text_target(code_line_);
        b_.add_block(BlockKind::code, code_, at(code_line_));
    }

    void on_table_row(const SourceLine& l) {
        end_code();
        if (table_ == no_clause) {
            std::string label, title;
            std::uint32_t line = l.line;
            // A caption just above the rows ("表 1 基础性数据元") names the table.
            if (para_active_) {
                if (auto cap = numbering::parse_table_caption(para_)) {
                    label = text::fold_space(cap->label);
                    title = text::fold_space(cap->title);
                    line = para_line_;
                    para_active_ = false;
                }
            }
            flush();
            pop_nonaccepting(0);
            if (mode_ == Mode::cover) ensure_cover(l.line);
            table_ = open(ClauseKind::table, label, title, line);
        }
        b_.add_block(BlockKind::table_row, scan::trim(l.text), at(l.line));
    }

    void end_table() {
        if (table_ == no_clause) return;
        b_.close_to(table_);
        b_.close();
        table_ = no_clause;
    }

    // ---- cover and table of contents ---------------------------------------------------

    void ensure_cover(std::uint32_t line) {
        if (cover_ != no_clause) return;
        cover_ = open(ClauseKind::front_matter, "", "", line);
        b_.set_role(cover_, SectionRole::cover);
        section_ = cover_;
    }

    void cover_line(const SourceLine& l) {
        ensure_cover(l.line);
        b_.add_block(BlockKind::paragraph, text::fold_space(l.text), at(l.line));
    }

    // A table of contents ends at the first line that repeats one of its entries (the
    // heading it listed), at a Markdown heading, or at a sentence. Once entries carry page
    // numbers, a line without one ends it too.
    bool toc_line(const SourceLine& l) {
        const std::string_view t = scan::trim(l.text);
        if (numbering::is_toc_entry(t)) {
            toc_entries_.insert(scan::squeeze(numbering::toc_entry_text(t)));
            toc_paged_ = true;
            b_.add_block(BlockKind::paragraph, t, at(l.line));
            return true;
        }
        const std::string key = scan::squeeze(numbering::toc_entry_text(t));
        const bool ends = toc_paged_ || l.hint == LineHint::heading || toc_entries_.contains(key) ||
                          toc_entries_.contains(scan::squeeze(t)) ||
                          (ietf_ && scan::indent(l.text) == 0) || scan::ends_sentence(t) || scan::width(t) > 80;
        if (ends) {
            mode_ = Mode::body;
            return false;
        }
        toc_entries_.insert(key);
        b_.add_block(BlockKind::paragraph, t, at(l.line));
        return true;
    }

    // ---- the body ----------------------------------------------------------------------

    void body_line(const SourceLine& l) {
        const std::string_view t = scan::trim(l.text);
        const std::size_t indent = scan::indent(l.text);
        const bool heading = l.hint == LineHint::heading;
        // Compared without white space, but not squeezed into a copy: a line may be a whole draft.
        const bool is_identifier = !identifier_key_.empty() && scan::squeezed_equals(t, identifier_key_);
        const bool is_title = !title_key_.empty() && scan::squeezed_equals(t, title_key_);

        // The standard's number, or its title once the body has begun, alone on a line is a
        // running header of the PDF the text came from.
        if (is_identifier || (body_started_ && is_title)) {
            RunningHeader& h = running_headers_[is_identifier ? identifier_key_ : title_key_];
            if (h.count++ == 0) {
                h.line = l.line;
                h.text = text::fold_space(t);
            }
            return;
        }
        if (!body_started_ && is_title) {
            flush();
            close_all();
            ensure_text_target(l.line);
            start_paragraph(t, l.line, true);
            return;
        }
        if (numbering::is_toc_entry(t) && !continues_paragraph()) {
            flush();
            pop_nonaccepting(indent);
            start_paragraph(t, l.line, true);
            return;
        }
        if (try_named(t, l)) return;
        if (try_annex(t, l, heading)) return;
        if (try_law(t, l)) return;
        if (try_article_item(t, l, indent)) return;
        const bool continuation = continues_paragraph() && !heading;
        if (!continuation && try_number(t, l, indent, heading)) return;
        if (try_note(t, l, indent)) return;
        if (!continuation && try_item(t, l, indent, heading)) return;
        if (try_unnumbered_heading(t, l, indent)) return;
        if (try_outline_heading(t, l)) return;
        on_text(t, l.line, indent, heading);
    }

    // The next line that is not blank or a page break, within a few lines; npos otherwise.
    std::size_t next_text_line(std::size_t from) const {
        for (std::size_t j = from + 1, n = 0; j < lines_.size() && n < 8; ++j, ++n) {
            const SourceLine& l = lines_[j];
            if (is_blank_line(l) || l.hint == LineHint::page_break) continue;
            if (l.hint == LineHint::code || l.hint == LineHint::table_row) return std::string_view::npos;
            return j;
        }
        return std::string_view::npos;
    }

    // Whether a line could open a section (so it cannot be the title of the one before).
    static bool looks_like_heading(std::string_view t) {
        if (numbering::parse_law_unit(t) || numbering::named_section(t) != SectionRole::none) return true;
        if (auto a = numbering::parse_annex(t); a && (a->rest.empty() || !a->kind_text.empty())) return true;
        if (auto n = numbering::parse_number(t); n && n->spaced && !starts_like_running_text(n->rest)) return true;
        return false;
    }

    // Whether a line could be anything but text: a heading, a note, a list item.
    static bool looks_structural(std::string_view t) {
        return looks_like_heading(t) || numbering::parse_note(t) || numbering::parse_list_marker(t);
    }

    bool title_like(std::string_view rest, bool heading) const {
        if (ietf_) return true;
        if (scan::ends_sentence(rest) && !ends_with_colon(rest)) return false;
        if (ends_with_colon(rest) && !heading) return false;
        if (scan::width(rest) > 90) return false;
        if (!heading) {
            // A full-width line followed directly by more text is the start of a wrapped
            // numbered paragraph, not a title.
            const SourceLine& l = lines_[i_];
            if (scan::width(scan::trim(l.text)) * 20 >= wrap_width_ * 17 && i_ + 1 < lines_.size() &&
                !is_blank_line(lines_[i_ + 1]) && lines_[i_ + 1].hint == LineHint::none &&
                !looks_structural(scan::trim(lines_[i_ + 1].text)))
                return false;
        }
        return true;
    }

    bool try_named(std::string_view t, const SourceLine& l) {
        const SectionRole named = numbering::named_section(t);
        if (named == SectionRole::none) return false;
        const bool back = named == SectionRole::bibliography || named == SectionRole::index;
        if (body_started_ && !back) return false;
        flush();
        close_all();
        numbered_.clear();
        std::string title = text::fold_space(t);
        if (text::is_han(text::first(title))) title = scan::squeeze(title);
        section_ = open(back ? ClauseKind::clause : ClauseKind::front_matter, "", title, l.line);
        b_.set_role(section_, named);
        if (named == SectionRole::contents) {
            mode_ = Mode::toc;
            toc_entries_.clear();
            toc_paged_ = false;
        }
        if (back) back_matter_ = true;
        return true;
    }

    bool try_annex(std::string_view t, const SourceLine& l, bool heading) {
        auto a = numbering::parse_annex(t);
        if (!a) return false;
        const Relation rel = sequence::relate_annex(annex_letter_, a->letter);
        const sequence::Rule& rule = sequence::rule_for(rel);
        if (!rule.heading) return false;
        std::string_view kind = a->kind_text;
        std::string_view title = a->rest;
        std::size_t consumed = i_;
        if (kind.empty()) {
            if (const std::size_t j = next_text_line(consumed); j != std::string_view::npos) {
                if (auto k = numbering::parse_annex_kind(lines_[j].text)) {
                    kind = *k;
                    consumed = j;
                }
            }
        }
        if (kind.empty() && !a->appendix_dot && !heading && !a->rest.empty()) return false;
        if (title.empty()) {
            if (const std::size_t j = next_text_line(consumed); j != std::string_view::npos) {
                const std::string_view next = scan::trim(lines_[j].text);
                if (!looks_like_heading(next) && !scan::ends_sentence(next) && scan::width(next) <= 120) {
                    title = next;
                    consumed = j;
                }
            }
        }
        flush();
        close_all();
        numbered_.clear();
        if (rule.warn)
            warn(l.line, std::string("annex lettering skips to ") + a->letter +
                             (annex_letter_ ? std::string(" after ") + annex_letter_ : std::string()),
                 (annex_letter_ ? std::string("附录编号从 ") + annex_letter_ + " 跳到 " : std::string("附录编号跳到 ")) +
                     a->letter);
        const ClauseId id = open(ClauseKind::annex, a->label, text::fold_space(title), l.line);
        b_.set_role(id, SectionRole::annex);
        set_alt_title(id, text::fold_space(kind));
        annex_letter_ = a->letter;
        last_ = Number{};
        last_.annex = a->letter;
        last_.part[0] = static_cast<std::uint32_t>(a->letter - 'A' + 1);
        last_.depth = 1;
        have_last_ = true;
        numbered_.push_back({last_, id, false});
        section_ = id;
        body_started_ = true;
        back_matter_ = false;
        i_ = consumed;
        return true;
    }

    bool try_law(std::string_view t, const SourceLine& l) {
        auto u = numbering::parse_law_unit(t);
        if (!u) return false;
        flush();
        const auto level = static_cast<std::size_t>(u->level);
        ClauseId parent = 0;
        for (std::size_t k = 0; k < level; ++k)
            if (law_[k] != no_clause) parent = law_[k];
        containers_.clear();
        numbered_.clear();
        b_.close_to(parent);
        for (std::size_t k = level; k < law_.size(); ++k) law_[k] = no_clause;
        const bool article = u->level == numbering::LawLevel::article;
        if (article) {
            if (last_article_ != 0 && u->value != last_article_ + 1)
                warn(l.line, "article numbering jumps from " + last_article_label_ + " to " + std::string(u->label),
                     "条文编号从" + last_article_label_ + "跳到" + std::string(u->label));
            last_article_ = u->value;
            last_article_label_ = std::string(u->label);
        }
        const ClauseId id = open(ClauseKind::clause, u->label, article ? "" : text::fold_space(u->rest), l.line);
        law_[level] = id;
        section_ = id;
        body_started_ = true;
        if (article && !u->rest.empty()) start_paragraph(u->rest, l.line, false);
        return true;
    }

    bool try_number(std::string_view t, const SourceLine& l, std::size_t indent, bool heading) {
        auto nl = numbering::parse_number(t, true);
        if (!nl) {
            if (const std::string_view deep = numbering::too_deep_number(t); !deep.empty())
                warn(l.line, "clause number " + std::string(deep) + " is deeper than " + std::to_string(numbering::max_parts) +
                                 " levels (the limit): read as text",
                     "条号 " + std::string(deep) + " 超过 " + std::to_string(numbering::max_parts) + " 层（上限），按正文读取");
            return false;
        }
        const bool trusted = l.numbered && heading;   // the source numbered it: no guessing
        // An automatically numbered paragraph of a DOCX list ("4. If the path…"), or a PDF's
        // number set a tab apart from its text, is a list item, whatever the clause numbering
        // around it.
        if (l.list_marker_drawn && l.list_item && nl->number.depth == 1 && nl->trailing_dot) return false;
        if (!trusted) {
            if (!nl->spaced && !(heading && text::is_han(text::first(nl->rest)))) return false;
            if (ietf_ && indent > 0) return false;
            if (back_matter_) return false;
            if (!heading && looks_like_table_cells(nl->rest)) return false;
            if (starts_like_running_text(nl->rest)) return false;
        }
        const Number& number = nl->number;
        if (!trusted && (number.annex ? number.annex != annex_letter_ : annex_letter_ != 0)) return false;
        if (trusted && number.annex != annex_letter_) {
            // Out of (or into) an annex by the source's own numbering.
            numbered_.clear();
            annex_letter_ = number.annex;
        }
        const Relation rel = sequence::relate(have_last_ ? &last_ : nullptr, number);
        const sequence::Rule& rule = sequence::rule_for(rel);
        if (!rule.heading && !trusted) return false;
        back_matter_ = back_matter_ && !trusted;
        // A part of four digits and more continues the sequence exactly (999 → 1000, 1000.9 →
        // 1000.10), or it is a year, a quantity or a code.
        if (!trusted && nl->long_part && rel != Relation::next && rel != Relation::child) return false;

        // The parent: the innermost open numbered clause whose number is a prefix.
        std::vector<OpenNumbered> stack = numbered_;
        while (!stack.empty() && !stack.back().number.is_prefix_of(number)) stack.pop_back();
        const bool in_terms = !stack.empty() && stack.back().terms;
        const ClauseKind kind = in_terms ? ClauseKind::term_entry : ClauseKind::clause;

        std::string title, alt;
        std::string_view text;  // a numbered paragraph's text
        std::size_t consumed = i_;
        bool swapped = false;
        if (nl->rest.empty() && !trusted) {
            const std::size_t j = next_text_line(i_);
            const std::string_view next = j != std::string_view::npos ? scan::trim(lines_[j].text) : std::string_view();
            if (j != std::string_view::npos && !looks_structural(next)) {
                if (kind == ClauseKind::term_entry && is_definition_like(next) && para_active_ && para_closed_ &&
                    section_ != 0 && b_.clause(section_).kind == ClauseKind::term_entry && is_term_like(para_)) {
                    // OCR put the term above its number: take it back.
                    auto [term, english] = split_term(para_);
                    title = text::fold_space(term);
                    alt = text::fold_space(english);
                    para_active_ = false;
                    swapped = true;
                    warn(l.line, "the term of " + std::string(nl->label) + " is printed above its number",
                         std::string(nl->label) + " 的术语印在编号之上");
                } else if (kind == ClauseKind::term_entry ? is_term_like(next) : title_like(next, false) &&
                                                                                     scan::width(next) <= 60) {
                    auto [term, english] = kind == ClauseKind::term_entry
                                               ? split_term(next)
                                               : std::pair<std::string_view, std::string_view>(next, {});
                    title = text::fold_space(term);
                    alt = text::fold_space(english);
                    consumed = j;
                }
            }
        } else if (kind == ClauseKind::term_entry) {
            auto [term, english] = split_term(nl->rest);
            title = text::fold_space(term);
            alt = text::fold_space(english);
        } else if (trusted || title_like(nl->rest, heading)) {
            title = text::fold_space(nl->rest);
        } else {
            text = nl->rest;
        }

        if (!swapped) flush();
        if (rule.warn)
            warn(l.line, "clause numbering skips from " + (have_last_ ? last_.str() : std::string("the start")) +
                             " to " + number.str(),
                 (have_last_ ? "条号从 " + last_.str() + " 跳到 " : std::string("条号从开头跳到 ")) + number.str());
        numbered_ = std::move(stack);
        containers_.clear();
        const ClauseId parent = numbered_.empty() ? 0 : numbered_.back().id;
        b_.close_to(parent);
        if (in_terms && b_.clause(parent).kind == ClauseKind::term_entry)
            b_.clause(parent).kind = ClauseKind::clause;  // a group of terms ("3.1 通用术语")
        const ClauseId id = open(kind, nl->label, title, l.line);
        // Clause 1 "范围", 2 "规范性引用文件", 3 "术语和定义", IETF "1. Introduction", "9.1.
        // Normative References": the role its title names where it stands.
        if (kind == ClauseKind::clause)
            b_.set_role(id, heading_role(title, number.depth == 1 && !number.annex, b_.clause(parent).role));
        set_alt_title(id, alt);
        numbered_.push_back({number, id, in_terms || (kind == ClauseKind::clause && is_terms_title(title))});
        last_ = number;
        have_last_ = true;
        body_started_ = true;
        section_ = id;
        if (!text.empty()) start_paragraph(text, l.line, false);
        i_ = consumed;
        return true;
    }

    bool try_note(std::string_view t, const SourceLine& l, std::size_t indent) {
        auto n = numbering::parse_note(t);
        if (!n) return false;
        flush();
        // A note belongs to its clause: it never holds a note, and goes into a list item only
        // when the source set the item as a heading (or, in an RFC, indented it below one).
        while (!containers_.empty() &&
               (containers_.back().kind != ClauseKind::list_item ||
                !(ietf_ ? indent > containers_.back().indent : containers_.back().heading)))
            close_container();
        ensure_text_target(l.line);
        const ClauseId id = open(n->kind, n->label, "", l.line);
        containers_.push_back({n->kind, ListType::dash, id, true, n->rest.empty(), false, indent});
        if (!n->rest.empty()) start_paragraph(n->rest, l.line, false);
        return true;
    }

    // "1.主要事实不清的；", "1、年度报告；": an article's own list, numbered like a clause or a
    // Markdown item. Inside an article only (a standard's "1.范围" is a heading), starting
    // with 1 after a lead-in ending in a colon, or going on with a list it started.
    bool try_article_item(std::string_view t, const SourceLine& l, std::size_t indent) {
        if (law_[static_cast<std::size_t>(numbering::LawLevel::article)] == no_clause) return false;
        std::uint32_t value = 0;
        auto m = numbering::parse_article_item(t, value);
        if (!m) return false;
        const bool after_lead_in = value == 1 && para_active_ && ends_with_colon(para_last_);
        const bool in_list = std::any_of(containers_.begin(), containers_.end(), [](const Container& c) {
            return c.kind == ClauseKind::list_item && c.type == ListType::digit_dot;
        });
        if (!after_lead_in && !in_list) return false;
        return try_item(t, l, indent, false, m);
    }

    bool try_item(std::string_view t, const SourceLine& l, std::size_t indent, bool heading,
                  std::optional<numbering::ListMarker> m = std::nullopt) {
        // RFCs number list items "1." like sections; indentation tells them apart.
        if (!m) m = numbering::parse_list_marker(t, l.list_item || (ietf_ && indent > 0));
        if (!m) return false;
        flush();
        if (ietf_) {
            while (!containers_.empty() && containers_.back().indent >= indent) close_container();
        } else {
            std::size_t same = containers_.size();
            for (std::size_t k = containers_.size(); k-- > 0;) {
                if (containers_[k].kind != ClauseKind::list_item) break;
                if (containers_[k].type == m->type) {
                    same = k;
                    break;
                }
            }
            if (same < containers_.size()) {
                while (containers_.size() > same) close_container();
            } else {
                while (!containers_.empty() && containers_.back().kind != ClauseKind::list_item &&
                       !containers_.back().accepts)
                    close_container();
            }
        }
        const std::size_t depth_left = max_tree_depth > b_.clause(b_.current()).depth + 4
                                           ? max_tree_depth - b_.clause(b_.current()).depth - 4
                                           : 0;
        if (!containers_.empty() && (containers_.size() >= max_list_nesting || depth_left == 0)) {
            if (!warned_depth_)
                warn(l.line, "list nested too deeply; deeper items are kept as siblings", "列表嵌套过深，更深的列项与上层并列");
            warned_depth_ = true;
            close_container();
        }
        ensure_text_target(l.line);
        const ClauseId id = open(ClauseKind::list_item, m->label, "", l.line);
        const bool open_ended = heading || m->rest.empty();
        containers_.push_back({ClauseKind::list_item, m->type, id, open_ended, open_ended, heading, indent});
        if (!m->rest.empty()) start_paragraph(m->rest, l.line, heading);
        return true;
    }

    // RFC section titles without numbers ("Authors' Addresses", "Acknowledgements"): alone
    // at the left margin between blank lines.
    bool try_unnumbered_heading(std::string_view t, const SourceLine& l, std::size_t indent) {
        if (!ietf_ || indent != 0) return false;
        if (scan::width(t) > 70 || scan::ends_sentence(t)) return false;
        const char32_t c = text::first(t);
        if (!(c >= 'A' && c <= 'Z')) return false;
        auto blank_or_edge = [&](std::size_t j) {
            return j >= lines_.size() || is_blank_line(lines_[j]) || lines_[j].hint == LineHint::page_break;
        };
        if (!(i_ == 0 || blank_or_edge(i_ - 1)) || !blank_or_edge(i_ + 1)) return false;
        flush();
        close_all();
        numbered_.clear();
        const std::string title = text::fold_space(t);
        section_ = open(body_started_ ? ClauseKind::clause : ClauseKind::front_matter, "", title, l.line);
        b_.set_role(section_, heading_role(title, true, SectionRole::none));  // "References", "Normative References"
        return true;
    }

    // A top-level heading by the source's outline (DOCX) that no rule above recognised:
    // "Notices", "Acknowledgments", a Chinese template's unnumbered 编制说明.
    bool try_outline_heading(std::string_view t, const SourceLine& l) {
        if (!l.outline || l.hint != LineHint::heading || l.level != 1 || l.numbered) return false;
        flush();
        close_all();
        numbered_.clear();
        std::string title = text::fold_space(t);
        if (text::is_han(text::first(title))) title = scan::squeeze(title);
        section_ = open(body_started_ ? ClauseKind::clause : ClauseKind::front_matter, "", title, l.line);
        b_.set_role(section_, heading_role(title, true, SectionRole::none));
        return true;
    }

    DocumentBuilder& b_;
    std::vector<Warning>& warnings_;
    std::vector<SourceLine> lines_;
    std::size_t i_ = 0;

    Language language_ = Language::unknown;
    bool rfc_ = false;
    bool ietf_ = false;
    bool line_paragraphs_ = false;
    std::size_t wrap_width_ = 72;
    std::size_t cover_end_ = 0;
    std::string title_key_, identifier_key_;

    Mode mode_ = Mode::body;
    ClauseId cover_ = no_clause;
    std::unordered_set<std::string> toc_entries_;
    bool toc_paged_ = false;

    ClauseId section_ = 0;
    std::vector<OpenNumbered> numbered_;
    Number last_;
    bool have_last_ = false;
    char annex_letter_ = 0;
    bool back_matter_ = false;
    bool body_started_ = false;
    std::array<ClauseId, 4> law_{no_clause, no_clause, no_clause, no_clause};
    std::uint32_t last_article_ = 0;
    std::string last_article_label_;
    std::vector<Container> containers_;
    ClauseId table_ = no_clause;

    // The open paragraph: a view of its first line until another joins it, then of
    // para_joined_ (a draft of one long line is not copied whole).
    std::string_view para_;
    std::string para_joined_;
    bool para_joined_in_ = false;
    std::uint32_t para_line_ = 0;
    bool para_active_ = false, para_closed_ = false, para_break_ = false, para_sealed_ = false;
    std::string_view para_last_;

    std::string code_;
    std::uint32_t code_line_ = 0;
    bool code_active_ = false;

    struct RunningHeader {
        std::size_t count = 0;
        std::uint32_t line = 0;
        std::string text;
    };
    std::map<std::string, RunningHeader> running_headers_;  // ordered: deterministic warnings
    bool warned_depth_ = false;
};

}  // namespace

void build_structure(std::vector<SourceLine> lines, DocumentBuilder& out, const StructureOptions& options) {
    Recogniser r(std::move(lines), out, options);
    r.run();
}

}  // namespace redline::formats
