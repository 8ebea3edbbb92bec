#include "formats/markdown/sections.hpp"

#include "formats/common/section_roles.hpp"
#include "formats/markdown/cmark_tree.hpp"
#include "formats/markdown/pieces.hpp"
#include "formats/markdown/style.hpp"

#include <algorithm>
#include <cstdint>

namespace redline::formats::markdown {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

struct PlainLabel {
    std::string_view label;
    std::string_view title;
    ClauseKind kind = ClauseKind::clause;
};

// "2.1 Scope" → 2.1 / Scope; "Appendix B. Tables" → annex B / Tables; otherwise no label.
PlainLabel plain_label(std::string_view text) {
    PlainLabel out;
    out.title = text;
    std::string_view rest;
    const std::string_view number = leading_clause_number(text, rest);
    if (!number.empty()) {
        out.label = number;
        out.title = rest;
        return out;
    }
    for (std::string_view word : {"Appendix ", "Annex ", "APPENDIX ", "ANNEX "}) {
        if (!text.starts_with(word)) continue;
        std::string_view after = trim(text.substr(word.size()));
        if (after.empty() || !is_upper(after[0])) continue;
        if (after.size() > 1 && after[1] != ' ' && after[1] != '.' && after[1] != ':') continue;
        out.label = after.substr(0, 1);
        after.remove_prefix(1);
        while (!after.empty() && (after.front() == '.' || after.front() == ':' || after.front() == ' '))
            after.remove_prefix(1);
        out.title = after;
        out.kind = ClauseKind::annex;
        return out;
    }
    return out;
}

}  // namespace

SectionReader::SectionReader(const SourceText& src, const HardenedText& hardened, DocumentBuilder& out,
                             bool kramdown, std::size_t piece_bytes)
    : src_(src), hardened_(hardened), out_(out), kramdown_(kramdown), writer_(out, hardened, kramdown),
      piece_bytes_(piece_bytes) {}

void SectionReader::read(std::uint32_t first, std::uint32_t last, SectionMode mode) {
    if (first == 0 || first > last) return;
    open_.clear();
    base_ = out_.current();
    unnumbered_level_ = 0;

    // kramdown applies a block attribute list to the block it directly follows, or else to
    // the block directly after it: both matter for headings ({:numbered="false"}). Neither
    // crosses a cut, which has a blank line before its heading.
    //
    // The text is parsed a piece at a time (pieces.hpp), and each top-level block's cmark
    // subtree is freed once converted: cmark-gfm's nodes (two of some 130 bytes for a one-line
    // paragraph) and the clause tree are then never both held whole (docs/limits.md).
    Attributes pending;
    bool has_pending = false;
    bool has_previous = false;
    std::uint32_t previous_end = 0;   // the last line of the block before `node`
    auto done = [&](cmark_node* n) {
        has_previous = true;
        previous_end = writer_.end_line(n);
        cmark_node_free(n);
    };
    const bool cuts = may_cut(hardened_, first, last);
    for (std::uint32_t from = first; from <= last;) {
        std::uint32_t to = last;
        CmarkTree tree;
        for (std::size_t bytes = piece_bytes_;;) {
            to = cuts ? piece_end(hardened_, from, last, bytes) : last;
            tree = parse_cmark(hardened_.lines(from, to));
            if (to == last || !ends_open(tree.get(), to - from + 1)) break;
            // A fenced code block or HTML block runs past the cut: parse further.
            const std::size_t parsed = hardened_.lines(from, to).size();
            bytes = std::max(bytes, parsed + 1) > SIZE_MAX / 2 ? SIZE_MAX : 2 * std::max(bytes, parsed + 1);
        }
        ++pieces_;
        writer_.set_line_offset(from - 1);
        cmark_node* node = cmark_node_first_child(tree.get());
        while (node) {
            cmark_node* next = cmark_node_next(node);
            const bool is_heading = cmark_node_get_type(node) == CMARK_NODE_HEADING;
            const bool follows_previous = has_previous && previous_end + 1 == writer_.start_line(node);
            Attributes attrs;
            if (is_heading) {
                if (has_pending) attrs = pending;
                has_pending = false;
                cmark_node* attribute_list = nullptr;
                if (kramdown_ && next && writer_.start_line(next) == writer_.end_line(node) + 1 &&
                    writer_.attribute_paragraph(next, attrs)) {
                    attribute_list = next;
                    next = cmark_node_next(next);
                }
                heading(node, attrs, mode);
                done(node);
                if (attribute_list) done(attribute_list);
            } else if (kramdown_ && !follows_previous && next && cmark_node_get_type(next) == CMARK_NODE_HEADING &&
                       writer_.start_line(next) == writer_.end_line(node) + 1 &&
                       writer_.attribute_paragraph(node, attrs)) {
                pending = attrs;
                has_pending = true;
                done(node);
            } else {
                writer_.write(node);
                done(node);
            }
            node = next;
        }
        from = to + 1;
    }
    out_.close_to(base_);
}

SectionRole SectionReader::role_of(std::string_view title, std::string_view label, ClauseKind kind,
                                   SectionMode mode) const {
    const ClauseId parent = open_.empty() ? base_ : open_.back().id;
    const SectionRole parent_role = out_.clause(parent).role;
    switch (mode) {
    case SectionMode::front: return heading_role(title, false, parent_role);
    case SectionMode::middle: return heading_role(title, open_.empty(), parent_role);
    case SectionMode::back: {
        // Level-1 headings of the back matter are appendices, unless they are its reference lists.
        const SectionRole r = heading_role(title, open_.empty(), parent_role);
        return open_.empty() && !is_reference_role(r) ? SectionRole::annex : r;
    }
    case SectionMode::plain: {
        if (kind == ClauseKind::annex) return SectionRole::annex;
        // "## 1 Scope" is a first-level clause whatever its heading level (the document's
        // title is often the one "#" above it); an unnumbered "## Foreword" is one when it
        // sits at the top or directly under such an unnumbered "#" title.
        bool top = false;
        if (!label.empty()) {
            top = label.find('.') == std::string_view::npos;
        } else {
            top = open_.empty() || (open_.size() == 1 && open_[0].level == 1 && out_.clause(open_[0].id).label.empty() &&
                                    out_.clause(open_[0].id).role == SectionRole::none);
        }
        return heading_role(title, top, parent_role);
    }
    }
    return SectionRole::none;
}

void SectionReader::heading(cmark_node* node, Attributes attrs, SectionMode mode) {
    const int level = cmark_node_get_heading_level(node);
    const std::uint32_t line = writer_.start_line(node);
    // The anchor comes from the source line, not the parsed text, where emphasis rules
    // could eat underscores of an id like {#_x_}.
    std::string_view anchor;
    for (std::uint32_t l = line; l <= writer_.end_line(node) && anchor.empty(); ++l)
        anchor = heading_anchor(src_.line(l));
    const std::string title = strip_heading_attributes(writer_.inline_text(node), attrs);
    if (anchor.empty()) anchor = attrs.anchor;

    while (!open_.empty() && open_.back().level >= level) open_.pop_back();
    out_.close_to(open_.empty() ? base_ : open_.back().id);
    if (unnumbered_level_ != 0 && level <= unnumbered_level_) unnumbered_level_ = 0;
    const bool unnumbered = attrs.unnumbered || unnumbered_level_ != 0;
    if (attrs.unnumbered && unnumbered_level_ == 0) unnumbered_level_ = level;

    std::string label;
    std::string_view shown_title = title;
    ClauseKind kind = ClauseKind::clause;
    switch (mode) {
    case SectionMode::front: break;
    case SectionMode::middle:
        if (!unnumbered) label = middle_.next(level);
        break;
    case SectionMode::back:
        if (!unnumbered) label = back_.next(level);
        if (level == 1) kind = ClauseKind::annex;
        break;
    case SectionMode::plain: {
        const PlainLabel pl = plain_label(title);
        label = std::string(pl.label);
        shown_title = pl.title;
        kind = pl.kind;
        break;
    }
    }
    const SectionRole role = role_of(shown_title, label, kind, mode);
    if (level == 1 && ++level_one_ == 1) first_level_one_title_ = title;
    writer_.add_to_sample(title);
    const ClauseId id = out_.open(kind, label, shown_title, SourceLocation{line, 0, 0});
    out_.set_role(id, role);
    if (!anchor.empty()) out_.clause(id).anchor = out_.store(anchor);
    open_.push_back({level, id});
}

}  // namespace redline::formats::markdown
