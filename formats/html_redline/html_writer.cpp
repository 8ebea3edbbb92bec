#include "formats/html_redline/html_writer.hpp"

#include "formats/common/clause_names.hpp"
#include "formats/common/cross_references.hpp"
#include "formats/common/html_escape.hpp"
#include "formats/common/reader_notes.hpp"
#include "formats/common/utf8_excerpt.hpp"
#include "formats/html_redline/html_assets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace redline::formats {

namespace {

// ---- Content-Security-Policy -----------------------------------------------------------

std::string hex_to_base64(std::string_view hex) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    auto nibble = [](char h) { return h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10; };
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = (static_cast<unsigned char>(bytes[i]) << 16) |
                                (i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) << 8 : 0) |
                                (i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0);
        out += digits[(n >> 18) & 63];
        out += digits[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? digits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

std::string content_security_policy() {
    return fmt::format("default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; "
                       "form-action 'none'",
                       hex_to_base64(html_assets::css_sha256_hex), hex_to_base64(html_assets::script_sha256_hex));
}

// ---- Words -----------------------------------------------------------------------------

std::string_view lang_of(const Document& doc) { return doc.language == Language::zh ? "zh" : "en"; }

std::string plural(std::uint32_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// What the page says to its reader, in the new draft's language: no internal kind names
// ("list-item", "front-matter") ever reach the page.
struct Words {
    std::string_view lang;
    std::string_view old_role, new_role;            // the two drafts' cards and side-by-side columns
    std::string_view old_short, new_short;          // "old line 12 · new line 10"
    std::string_view compared;                      // {} = date
    std::array<std::string_view, 9> change;         // by ClauseChange
    std::array<std::string_view, 7> provision;      // by ProvisionChangeKind, as a filter
    std::array<std::string_view, 6> force;          // by ProvisionKind
    std::string_view clauses, unchanged_count, provisions;
    std::string_view view, inline_view, side_view, show, all, substantive, provision_only, collapse_editorial, keys;
    std::string_view previous, next, counter_of, counter_none, counter_changes;  // {n}, {total}
    std::string_view outline, provision_changes, legend;
    std::string_view unchanged_one, unchanged_many;     // {} = count
    std::string_view front_group;                        // {} = count of changes
    std::string_view cover, list_item, paragraph, note, example, table;
    std::string_view organisations_removed, organisations_added, items_removed, items_added;  // {} = count
    std::string_view from, now_in, moved_to, moved_from, old_place, under, split, merged, reorganised, title;
    std::string_view editorial, reference_removed, reference_added, normative_removed, normative_added;
    std::string_view old_wording, new_wording, reader_note, old_draft, new_draft, section, appendix;
    std::string_view removed_fmt, added_fmt, reworded_fmt, moved_fmt, weakened, strengthened, negated;  // {} = force
};

constexpr Words english{
    "en", "Old", "New", "old", "new", "Compared on {} by redline.",
    {"unchanged", "modified", "renumbered", "moved", "added", "removed", "split", "merged", "reorganised"},
    {"removed", "added", "weakened", "strengthened", "negated", "reworded", "moved"},
    {"statement", "constraint", "possibility", "permission", "recommendation", "requirement"},
    "Clauses", "{} unchanged", "Provisions",
    "View", "Inline", "Side by side", "Show", "All changes", "Substantive only", "Provision changes only",
    "Collapse editorial", "next / previous change",
    "Previous change", "Next change", "change {n} of {total}", "– of {total}", "{total} changes",
    "Outline", "Provision changes",
    "Requirement (shall, MUST, 应) › recommendation (should, SHOULD, 宜) › permission (may, MAY, 可) › possibility (can, 能). "
    "Weakened: a lower force; strengthened: a higher one; negated: the polarity flipped (应 → 不应); reworded: same force, "
    "new wording; moved: the same provision in another clause. ",
    "{} unchanged clause", "{} unchanged clauses", "Cover and contents: {} changes, not counted as substantive",
    "Cover", "list item", "paragraph", "note", "example", "table",
    "Drafting organisations: {} removed", "Drafting organisations: {} added", "{} list items removed", "{} list items added",
    "from {}", "now in {}", "{} {} moved to ", "Moved from {}", "its old place", " (under {} {})", "Split: {} became {}",
    "Merged: {} became {}", "Reorganised: {}", "Title: ",
    "editorial", "reference removed: ", "reference added: ", "normative reference removed", "normative reference added",
    "Old wording", "New wording", "reader note", "Old draft", "New draft", "Section {}", "Appendix {}",
    "{} removed", "{} added", "{} reworded", "{} moved", "weakened", "strengthened", "negated"};

constexpr Words chinese{
    "zh", "旧版", "新版", "旧版", "新版", "{} 由 redline 比较。",
    {"未变", "修改", "重新编号", "移动", "新增", "删除", "拆分", "合并", "重组"},
    {"删除", "新增", "减弱", "加强", "否定", "改写", "移动"},
    {"陈述", "约束", "可能", "允许", "推荐", "要求"},
    "条款", "{} 个未变", "规定",
    "视图", "行内", "并排", "显示", "全部更改", "仅实质性更改", "仅规定的更改", "折叠编辑性更改", "下一处 / 上一处更改",
    "上一处更改", "下一处更改", "第 {n} 处，共 {total} 处", "共 {total} 处", "共 {total} 处更改",
    "大纲", "规定的更改",
    "要求（应、shall、MUST）› 推荐（宜、should）› 允许（可、may）› 可能（能、can）。减弱：效力降低；加强：效力提高；"
    "否定：肯定与否定互换（应 → 不应）；改写：效力不变，措辞改变；移动：同一规定移到另一条款。",
    "{} 个未变条款", "{} 个未变条款", "封面和目次：{} 处更改，不计为实质性更改",
    "封面", "列项", "段", "注", "示例", "表",
    "起草单位：删除 {} 家", "起草单位：增加 {} 家", "删除 {} 项", "增加 {} 项",
    "来自 {}", "现在 {}", "{} {} 移至 ", "移自 {}", "原位置", "（位于 {} {}）", "拆分：{} 变为 {}", "合并：{} 变为 {}",
    "重组：{}", "标题：",
    "编辑性", "删除引用：", "增加引用：", "删除规范性引用文件", "增加规范性引用文件",
    "旧措辞", "新措辞", "条读取说明", "旧版", "新版", "第 {} 节", "附录 {}",
    "删除了{}", "增加了{}", "{}改写", "{}移动", "减弱", "加强", "否定"};

std::string fill(std::string_view pattern, std::string_view value) {
    std::string out(pattern);
    if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, value);
    return out;
}

std::string where(const Document& doc, const SourceLocation& at, std::string_view lang) {
    return source_place(doc, at, lang == "zh" ? Language::zh : Language::en);
}


// ---- The page --------------------------------------------------------------------------

class Page {
public:
    Page(const Comparison& c, const HtmlOptions& o, OutputSink& sink)
        : c_(c), o_(o), w_(c.new_doc->language == Language::zh ? chinese : english), old_refs_(*c.old_doc),
          new_refs_(*c.new_doc), sink_(sink), out_(sink.text()) {
        notes_.resize(c.entries.size());
        pc_kinds_.resize(c.entries.size());
        sentence_marks_.resize(c.entries.size());
        for (std::size_t p = 0; p < c.provisions.size(); ++p) attach_provision(p);
        // A moved clause leaves a stub at its old place: before everything (0) or after entry i (i + 1).
        stubs_after_.resize(c.entries.size() + 1);
        for (std::size_t i = 0; i < c.entries.size(); ++i)
            if (c.entries[i].is(ClauseChange::moved))
                stubs_after_[c.entries[i].moved_from_after == no_entry ? 0 : c.entries[i].moved_from_after + 1].push_back(i);
        front_.resize(c.entries.size());
        for (std::size_t i = 0; i < c.entries.size(); ++i) front_[i] = in_front_matter(c.doc_of(c.entries[i]), c.clause_of(c.entries[i]));
        plan_stops();
    }

    // Streams the page: the sink is handed what is written after each outline line, provision
    // change and entry.
    void render() {
        const Document& nd = *c_.new_doc;
        out_ += fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n", w_.lang);
        out_ += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + content_security_policy() + "\"/>\n";
        out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
        out_ += "<meta name=\"generator\" content=\"redline\"/>\n";
        out_ += "<title>Redline: " + esc(doc_name(*c_.old_doc)) + " → " + esc(doc_name(nd)) + "</title>\n";
        out_ += "<style>";
        out_ += html_assets::css;
        out_ += fmt::format("</style>\n</head>\n<body class=\"view-inline show-all\" data-old-role=\"{}\" data-new-role=\"{}\">\n",
                            w_.old_role, w_.new_role);
        header();
        out_ += "<div class=\"layout\">\n";
        outline();
        out_ += "<main id=\"main\" aria-label=\"Comparison\">\n";
        provisions();
        entries();
        out_ += "</main>\n</div>\n<script>";
        out_ += html_assets::script;
        out_ += "</script>\n</body>\n</html>\n";
        sink_.flush();
    }

private:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    // A provision sentence to mark where it stands in a clause's text: its offset in that side
    // of the entry's text (ProvisionPlace).
    struct SentenceMark {
        bool new_side;
        std::size_t offset;
        std::string label;
    };

    static std::string doc_name(const Document& d) {
        if (!d.info.identifier.empty()) return d.info.identifier;
        if (!d.info.title.empty()) return d.info.title;
        return d.info.path;
    }

    std::string entry_anchor(std::size_t i) const { return fmt::format("e{}", i); }
    std::string_view change_word(ClauseChange k) const { return w_.change[static_cast<int>(k)]; }

    // ---- Names a reader understands ----

    // The cover, the table of contents and IETF boilerplate: shown grouped at the top, never a
    // stop of n / p.
    static bool in_front_matter(const Document& d, ClauseId id) {
        for (ClauseId a = id; a != no_clause && a != d.root(); a = d[a].parent) {
            const SectionRole r = d[a].role;
            if (r == SectionRole::cover || r == SectionRole::contents || r == SectionRole::boilerplate) return true;
            if (d[a].kind == ClauseKind::front_matter && d[a].parent == d.root() && d.title(a).empty()) return true;
        }
        return false;
    }

    std::string_view kind_word(ClauseKind k) const {
        switch (k) {
        case ClauseKind::list_item: return w_.list_item;
        case ClauseKind::note: return w_.note;
        case ClauseKind::example: return w_.example;
        case ClauseKind::table: return w_.table;
        case ClauseKind::front_matter: return w_.cover;
        default: return w_.paragraph;
        }
    }

    // A clause's label; notes, list items and paragraphs named after the clause they sit in
    // ("5.3 注", "前言 列项"), an untitled front-matter part the cover.
    std::string name(const Document& d, ClauseId id) const {
        std::string own(d.label(id));
        const ClauseKind kind = d[id].kind;
        if (kind == ClauseKind::front_matter && own.empty()) return d.title(id).empty() ? std::string(w_.cover) : std::string(d.title(id));
        if (kind == ClauseKind::clause || kind == ClauseKind::annex || kind == ClauseKind::term_entry) return own;
        if (own.empty()) own = std::string(kind_word(kind));
        for (ClauseId a = d[id].parent; a != no_clause && a != d.root(); a = d[a].parent) {
            std::string_view at = d.label(a);
            if (at.empty() && d[a].kind == ClauseKind::front_matter) at = d.title(a);
            if (!at.empty()) return std::string(at) + " " + own;
        }
        return own;
    }

    std::string names(const Document& d, const std::vector<ClauseId>& ids) const {
        std::string out;
        for (ClauseId id : ids) out += (out.empty() ? "" : " + ") + name(d, id);
        return out.empty() ? "—" : out;
    }

    // What to call an entry in headings and the outline: its label (or, for an unlabelled list
    // item or paragraph, the clause it sits in, "前言 ·") and its title (or its first words).
    std::string display(const Document& d, ClauseId id) const {
        if (!d.label(id).empty()) return name(d, id);
        const ClauseKind kind = d[id].kind;
        if (kind == ClauseKind::front_matter) return d.title(id).empty() ? std::string(w_.cover) : std::string();
        if (kind == ClauseKind::clause || kind == ClauseKind::annex || kind == ClauseKind::term_entry) return std::string();
        for (ClauseId a = d[id].parent; a != no_clause && a != d.root(); a = d[a].parent) {
            if (!d.label(a).empty()) return name(d, a) + " ·";
            if (!d.title(a).empty()) return std::string(d.title(a)) + " ·";
        }
        return std::string(kind_word(d[id].kind));
    }

    // The page names kinds in its own language (name(), display()); the joining is the writers'
    // common one (formats/common/clause_names).
    ClauseNamer page_name() const {
        return [this](const Document& d, ClauseId id) { return name(d, id); };
    }
    std::string label_of(const ClauseEntry& e) const {
        return entry_name(c_, e, [this](const Document& d, ClauseId id) { return display(d, id); });
    }
    std::string title_of(const ClauseEntry& e) const { return entry_display_title(c_, e); }
    std::string links_of(const ClauseEntry& e) const { return entry_links(c_, e, page_name()); }
    std::string place_of(const ProvisionChange& p) const { return provision_place(c_, p, page_name()); }

    std::uint32_t depth_of(const ClauseEntry& e) const {
        return e.new_ids.empty() ? (*c_.old_doc)[e.old_ids.front()].depth : (*c_.new_doc)[e.new_ids.front()].depth;
    }

    // The change number or the editorial mark, as in the JSON report and the terminal.
    std::string number_of(const ClauseEntry& e) const {
        if (e.number) return fmt::format("C{}", e.number);
        return e.change == ClauseChange::unchanged ? std::string() : std::string("ed.");
    }

    // ---- Lists of names ----

    // An unlabelled, untitled list item of one clause, removed or added whole: a drafting
    // organisation, a drafter. Runs of them under one parent are one card.
    bool name_item(std::size_t i) const {
        const ClauseEntry& e = c_.entries[i];
        if (e.change != ClauseChange::removed && e.change != ClauseChange::added) return false;
        const Document& d = c_.doc_of(e);
        const ClauseId id = c_.clause_of(e);
        return e.old_ids.size() + e.new_ids.size() == 1 && d[id].kind == ClauseKind::list_item && d.label(id).empty() &&
               d.title(id).empty() && notes_[i].empty() && !front_[i];
    }

    // The entry showing the clause that entry i's clause sits in (the same for siblings on
    // either side).
    std::size_t parent_entry(std::size_t i) const {
        const ClauseEntry& e = c_.entries[i];
        const ClauseId parent = c_.doc_of(e)[c_.clause_of(e)].parent;
        if (parent == no_clause) return none;
        return (e.new_ids.empty() ? c_.entry_of_old : c_.entry_of_new)[parent];
    }

    // The names removed (or added) from one list: one card at the first, whose entries the
    // list holds; the unchanged names between them stay where they are.
    void plan_stops() {
        list_.resize(c_.entries.size());
        in_list_.assign(c_.entries.size(), false);
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            if (in_list_[i] || !name_item(i)) continue;
            std::vector<std::size_t> members{i};
            const std::size_t parent = parent_entry(i);
            for (std::size_t j = i + 1; j < c_.entries.size() && parent_entry(j) == parent && stubs_after_[j].empty(); ++j)
                if (name_item(j) && c_.entries[j].change == c_.entries[i].change) members.push_back(j);
            if (members.size() < 2 || parent == none) continue;
            for (std::size_t k : members) in_list_[k] = true;
            list_[i] = std::move(members);
        }
        for (std::size_t i = 0; i < c_.entries.size(); ++i) stops_ += stop(i);
    }

    // Whether n / p stop at entry i (the first of a list of names stands for the list).
    bool stop(std::size_t i) const {
        if (front_[i] || (in_list_[i] && list_[i].empty())) return false;
        if (list_[i].empty()) return c_.entries[i].number != 0;
        for (std::size_t k : list_[i])
            if (c_.entries[k].number) return true;
        return false;
    }

    // ---- Provision changes, described ----

    std::string_view force(const Unit& u) const { return w_.force[static_cast<int>(u.what.kind)]; }

    std::string describe(const ProvisionChange& p) const {
        switch (p.change) {
        case ProvisionChangeKind::removed: return fill(w_.removed_fmt, force(c_.old_unit(p)));
        case ProvisionChangeKind::added: return fill(w_.added_fmt, force(c_.new_unit(p)));
        case ProvisionChangeKind::weakened:
        case ProvisionChangeKind::strengthened:
        case ProvisionChangeKind::negated: {
            const std::string_view how = p.change == ProvisionChangeKind::weakened     ? w_.weakened
                                         : p.change == ProvisionChangeKind::strengthened ? w_.strengthened
                                                                                          : w_.negated;
            return fmt::format("{} {} → {}", how, c_.old_unit(p).what.form.text(), c_.new_unit(p).what.form.text());
        }
        case ProvisionChangeKind::modified: return fill(w_.reworded_fmt, force(c_.new_unit(p)));
        case ProvisionChangeKind::moved: return fill(w_.moved_fmt, force(c_.new_unit(p)));
        }
        return "";
    }

    void attach_provision(std::size_t p) {
        const ProvisionChange& pc = c_.provisions[p];
        const std::string kind = fmt::format("pc-{}", to_string(pc.change));
        auto add = [&](std::size_t entry, std::string note) {
            if (entry == none) return;
            notes_[entry].push_back(std::move(note));
            if (std::find(pc_kinds_[entry].begin(), pc_kinds_[entry].end(), kind) == pc_kinds_[entry].end())
                pc_kinds_[entry].push_back(kind);
        };
        const ProvisionPlace& op = pc.old_place;
        const ProvisionPlace& np = pc.new_place;
        const std::size_t in_new = np.entry, in_old = op.entry;
        std::string note = "<span class=\"mark\">" + esc_marked(describe(pc)) + "</span>" + provision_quotes(pc);
        // The sentence itself is marked where it stands in the clause text: on the old side
        // when it is gone, on the new side otherwise; a moved provision at both places.
        const std::string label = describe(pc);
        if (op.present() && in_old != none && (pc.change == ProvisionChangeKind::removed || in_old != in_new))
            sentence_marks_[in_old].push_back({false, op.offset,
                                               in_new != none && in_old != in_new && np.present()
                                                   ? label + " → " + name(*c_.new_doc, np.clause)
                                                   : label});
        // A provision that changed clause inside one entry (a merge, a reorganisation) still
        // says where it came from.
        const bool changed_clause = in_old != none && op.present() &&
                                    (in_old != in_new || pc.change == ProvisionChangeKind::moved || pc.also_moved);
        if (np.present() && in_new != none)
            sentence_marks_[in_new].push_back(
                {true, np.offset, changed_clause ? label + " ← " + name(*c_.old_doc, op.clause) : label});
        if (in_new != none && in_old != none && in_new != in_old) {
            // The provision changed clause: say so at both places, each linking to the other.
            add(in_new, note + fmt::format(" <a href=\"#{}\">{}</a>", entry_anchor(in_old),
                                           esc_marked(fill(w_.from, name(*c_.old_doc, op.clause)))));
            add(in_old, note + fmt::format(" <a href=\"#{}\">{}</a>", entry_anchor(in_new),
                                           esc_marked(fill(w_.now_in, name(*c_.new_doc, np.clause)))));
            return;
        }
        add(in_new != none ? in_new : in_old, note);
    }

    std::string quote(const Document& d, const Unit& u) const {
        std::string out;
        draft_text(out, unit_text(d, u), d);
        return out;
    }

    std::string provision_quotes(const ProvisionChange& p) const {
        const Document& od = *c_.old_doc;
        const Document& nd = *c_.new_doc;
        std::string out;
        const bool has_old = p.old_place.present(), has_new = p.new_place.present();
        if (p.change == ProvisionChangeKind::moved) {
            out += fmt::format(": <q lang=\"{}\">{}</q>", lang_of(nd), quote(nd, c_.new_unit(p)));
        } else {
            if (has_old)
                out += fmt::format(": <q class=\"old\" lang=\"{}\">{}</q>", lang_of(od), quote(od, c_.old_unit(p)));
            if (has_new)
                out += fmt::format("{}<q class=\"new\" lang=\"{}\">{}</q>", has_old ? " → " : ": ", lang_of(nd),
                                   quote(nd, c_.new_unit(p)));
        }
        for (const auto& r : p.references_removed)
            out += " <span class=\"ref\">" + esc_marked(std::string(w_.reference_removed) + r) + "</span>";
        for (const auto& r : p.references_added)
            out += " <span class=\"ref\">" + esc_marked(std::string(w_.reference_added) + r) + "</span>";
        return out;
    }

    // ---- Header ----

    void doc_card(const Document& d, std::string_view role) {
        out_ += fmt::format("<div class=\"doc\" lang=\"{}\"><div class=\"role\">{}</div>", lang_of(d), role);
        out_ += "<div class=\"title\">" + esc_marked(d.info.title.empty() ? d.info.path : d.info.title) + "</div>";
        std::string meta;
        auto add = [&](std::string_view s) {
            if (s.empty()) return;
            if (!meta.empty()) meta += " · ";
            meta += esc_marked(s);
        };
        add(d.info.identifier);
        add(d.info.stage);
        add(d.info.path);
        out_ += "<div class=\"meta\">" + meta + "</div></div>\n";
    }

    void header() {
        out_ += "<header class=\"top\">\n<h1>Redline</h1>\n<div class=\"docs\">\n";
        doc_card(*c_.old_doc, w_.old_role);
        doc_card(*c_.new_doc, w_.new_role);
        out_ += "</div>\n";
        if (!o_.date.empty()) out_ += "<p class=\"compared\">" + esc_marked(fill(w_.compared, o_.date)) + "</p>\n";
        out_ += "<div class=\"summary\" role=\"group\" aria-label=\"Changes by kind (click to show only these)\">";
        out_ += fmt::format("<span class=\"group-label\">{}</span>", w_.clauses);
        for (ClauseChange k : {ClauseChange::modified, ClauseChange::renumbered, ClauseChange::moved, ClauseChange::added,
                               ClauseChange::removed, ClauseChange::split, ClauseChange::merged,
                               ClauseChange::reorganised}) {
            const auto n = c_.summary.counts[static_cast<int>(k)];
            if (n == 0) continue;
            out_ += fmt::format("<button type=\"button\" data-group=\"only\" data-value=\"{}\" aria-pressed=\"false\">{} {}</button>",
                                to_string(k), n, change_word(k));
        }
        out_ += "<span class=\"group-label\">" +
                fill(w_.unchanged_count, std::to_string(c_.summary.counts[static_cast<int>(ClauseChange::unchanged)])) + "</span>";
        bool any = false;
        for (ProvisionChangeKind k : {ProvisionChangeKind::removed, ProvisionChangeKind::added, ProvisionChangeKind::weakened,
                                      ProvisionChangeKind::strengthened, ProvisionChangeKind::negated,
                                      ProvisionChangeKind::modified, ProvisionChangeKind::moved}) {
            const auto n = c_.provision_counts[static_cast<int>(k)];
            if (n == 0) continue;
            if (!any) out_ += fmt::format("<span class=\"group-label\">{}</span>", w_.provisions);
            any = true;
            out_ += fmt::format("<button type=\"button\" data-group=\"only\" data-value=\"pc-{}\" aria-pressed=\"false\">{} {}</button>",
                                to_string(k), n, w_.provision[static_cast<int>(k)]);
        }
        out_ += "</div>\n<div class=\"toolbar\" role=\"toolbar\" aria-label=\"View and filters\">";
        out_ += fmt::format(
            "<span class=\"group-label\">{}</span>"
            "<button type=\"button\" data-group=\"view\" data-value=\"inline\" aria-pressed=\"true\">{}</button>"
            "<button type=\"button\" data-group=\"view\" data-value=\"side\" aria-pressed=\"false\">{}</button>"
            "<span class=\"group-label\">{}</span>"
            "<button type=\"button\" data-group=\"show\" data-value=\"all\" aria-pressed=\"true\">{}</button>"
            "<button type=\"button\" data-group=\"show\" data-value=\"substantive\" aria-pressed=\"false\">{}</button>"
            "<button type=\"button\" data-group=\"show\" data-value=\"provisions\" aria-pressed=\"false\">{}</button>"
            "<button type=\"button\" data-group=\"editorial\" aria-pressed=\"false\">{}</button>",
            w_.view, w_.inline_view, w_.side_view, w_.show, w_.all, w_.substantive, w_.provision_only, w_.collapse_editorial);
        // The counter's words, for the script: {n} and {total} are filled in as the reader moves.
        const std::string total = std::to_string(stops_);
        auto with_total = [&](std::string_view pattern) {
            std::string s(pattern);
            s.replace(s.find("{total}"), 7, total);
            return s;
        };
        out_ += fmt::format(
            "<span class=\"stepper\"><button type=\"button\" data-step=\"-1\" title=\"{0} (p)\" aria-label=\"{0}\">‹</button>"
            "<span class=\"counter\" role=\"status\" data-of=\"{1}\" data-none=\"{2}\">{3}</span>"
            "<button type=\"button\" data-step=\"1\" title=\"{4} (n)\" aria-label=\"{4}\">›</button></span>"
            "<span class=\"keys\"><kbd>n</kbd> / <kbd>p</kbd> {5}</span>",
            w_.previous, w_.counter_of, w_.counter_none, with_total(w_.counter_changes), w_.next, w_.keys);
        out_ += "</div>\n";
        reader_notes_block();
        out_ += "</header>\n";
    }

    // What the readers noticed about the drafts (a running header removed, …).
    void reader_notes_block() {
        const auto notes = reader_notes(c_);
        if (notes.empty()) return;
        const auto n = static_cast<std::uint32_t>(notes.size());
        out_ += "<details class=\"reader-notes\" open=\"\"><summary>" +
                (w_.lang == "zh" ? fmt::format("{} {}", n, w_.reader_note) : plural(n, "reader note", "reader notes")) +
                "</summary><ul>";
        const bool zh = w_.lang == "zh";
        for (const ReaderNote& rn : notes) {
            const std::string_view who = rn.old_draft ? w_.old_draft : w_.new_draft;
            const std::string place = where(rn.old_draft ? *c_.old_doc : *c_.new_doc, rn.warning->where, w_.lang);
            const std::string& said = rn.warning->worded(zh ? Language::zh : Language::en);
            out_ += "<li>" + esc_marked(zh ? fmt::format("{}，{}：{}", who, place, said) : fmt::format("{}, {}: {}", who, place, said)) +
                    "</li>";
        }
        out_ += "</ul></details>\n";
    }

    // ---- Outline ----

    void outline() {
        out_ += fmt::format("<nav class=\"outline\" aria-label=\"{0}\">\n<h2>{0}</h2>\n<ol>\n", w_.outline);
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            const ClauseEntry& e = c_.entries[i];
            const std::string num = number_of(e);
            out_ += fmt::format("<li class=\"k-{} depth-{}\"><a href=\"#{}\">", to_string(e.change), std::min(depth_of(e), 5u),
                                entry_anchor(i));
            if (!num.empty())
                out_ += fmt::format("<span class=\"badge k-{}{}\">{}</span>", to_string(e.change), e.editorial ? " editorial" : "", num);
            out_ += "<span class=\"nlabel\">" + esc_marked(label_of(e)) + "</span> <span class=\"ntitle\">" + esc_marked(title_of(e)) +
                    "</span>";
            if (e.change != ClauseChange::unchanged)
                out_ += fmt::format("<span class=\"visually-hidden\"> ({})</span>", change_word(e.change));
            out_ += "</a></li>\n";
            sink_.written();
        }
        out_ += "</ol>\n</nav>\n";
    }

    // ---- Provision changes section ----

    void provisions() {
        if (c_.provisions.empty() && c_.references.normative_removed.empty() && c_.references.normative_added.empty()) return;
        out_ += fmt::format("<section class=\"provisions\" aria-labelledby=\"provisions-h\">\n<h2 id=\"provisions-h\">{}</h2>\n",
                            w_.provision_changes);
        out_ += fmt::format("<p class=\"legend\">{}<q class=\"old\">{}</q> → <q class=\"new\">{}</q></p>\n", w_.legend,
                            w_.old_wording, w_.new_wording);
        for (std::size_t p = 0; p < c_.provisions.size(); ++p) {
            const ProvisionChange& pc = c_.provisions[p];
            const std::size_t entry = pc.place().entry;
            const std::string place = place_of(pc);
            const std::string num = entry != none ? number_of(c_.entries[entry]) : std::string();
            out_ += fmt::format("<div class=\"pc pc-{}\"><a href=\"#{}\">{}{}</a> <span class=\"what\">{}</span>{}</div>\n",
                                to_string(pc.change), entry_anchor(entry), num.empty() ? "" : "<span class=\"cnum\">" + num + "</span> ",
                                esc_marked(place), esc_marked(describe(pc)), provision_quotes(pc));
            sink_.written();
        }
        for (const auto& r : c_.references.normative_removed)
            out_ += fmt::format("<div class=\"pc pc-removed\"><span class=\"what\">{}</span>: {}</div>\n", w_.normative_removed, esc_marked(r));
        for (const auto& r : c_.references.normative_added)
            out_ += fmt::format("<div class=\"pc pc-added\"><span class=\"what\">{}</span>: {}</div>\n", w_.normative_added, esc_marked(r));
        out_ += "</section>\n";
    }

    // ---- Clause entries ----

    // (offset within a run's text, mark), sorted by offset.
    using Marks = std::vector<std::pair<std::size_t, const SentenceMark*>>;

    void mark(const SentenceMark& m) {
        out_ += fmt::format("<span class=\"pmark {}\" role=\"note\">{}</span>", m.new_side ? "pm-new" : "pm-old", esc_marked(m.label));
    }

    // Draft text: escaped, with each kramdown cross-reference {{name}} that names a section of
    // `doc` shown as that section ("Section 8.1"), linked to it, the source form in its title.
    // In a clause's text: each line of code or of a figure in <code>, so that it keeps its
    // monospace columns (the lines are those of the edits' paragraph breaks, counted on the
    // side the run belongs to).
    void draft_text(std::string_view text, const Document& doc) {
        for (std::size_t at = 0;;) {
            const std::size_t nl = std::min(text.find('\n', at), text.size());
            const std::string_view line = text.substr(at, nl - at);
            const bool old_side = side_ == EditOp::remove || (side_ == EditOp::equal && code_new_.empty());
            const std::vector<bool>& code = old_side ? code_old_ : code_new_;
            const std::size_t n = old_side ? old_line_ : new_line_;
            const bool fig = !line.empty() && n < code.size() && code[n];
            if (fig) out_ += "<code class=\"fig\">";
            draft_text(out_, line, doc);
            if (fig) out_ += "</code>";
            if (nl == text.size()) return;
            out_ += '\n';
            if (side_ != EditOp::insert) ++old_line_;
            if (side_ != EditOp::remove) ++new_line_;
            at = nl + 1;
        }
    }

    // Which lines of the text of `ids` (their blocks joined by '\n') are code or figure lines.
    static std::vector<bool> code_lines(const Document& d, const std::vector<ClauseId>& ids) {
        std::vector<bool> lines;
        bool any = false;
        for (ClauseId id : ids)
            for (const Block* b = d.blocks_begin(id); b != d.blocks_end(id); ++b) {
                const bool code = b->kind == BlockKind::code;
                any = any || code;
                const std::string_view t = d.str(b->text);
                lines.insert(lines.end(), code ? 1 + std::count(t.begin(), t.end(), '\n') : 1, code);
            }
        if (!any) lines.clear();
        return lines;
    }
    void draft_text(std::string& out, std::string_view text, const Document& doc) const {
        const CrossReferences& refs = &doc == c_.old_doc.get() ? old_refs_ : new_refs_;
        std::size_t at = 0;
        for (std::size_t open = text.find("{{"); open != std::string_view::npos; open = text.find("{{", open + 2)) {
            const std::size_t close = text.find("}}", open + 2);
            if (close == std::string_view::npos) break;
            const std::string_view target = text.substr(open + 2, close - open - 2);
            const ClauseId id = target.find_first_of(" \n{") == std::string_view::npos ? refs.find(target) : no_clause;
            if (id == no_clause) continue;
            escape_marked(out, text.substr(at, open - at));
            bool in_annex = false;
            for (ClauseId a = id; a != no_clause; a = doc[a].parent) in_annex = in_annex || doc[a].kind == ClauseKind::annex;
            const std::string shown = doc.label(id).empty() ? std::string(doc.title(id))
                                                            : fill(in_annex ? w_.appendix : w_.section, doc.label(id));
            const auto& entry_of = &doc == c_.old_doc.get() ? c_.entry_of_old : c_.entry_of_new;
            out += fmt::format("<a class=\"xref\" href=\"#{}\" title=\"{}\">", entry_anchor(entry_of[id]),
                                esc(text.substr(open, close + 2 - open)));
            escape_marked(out, shown);
            out += "</a>";
            at = close + 2;
            open = close;
        }
        escape_marked(out, text.substr(at));
    }

    // Writes text, putting each mark before the sentence that starts at its offset.
    void text_with_marks(std::string_view text, const Marks& marks, const Document& doc, std::size_t first = 0) {
        std::size_t at = 0;
        for (std::size_t k = first; k < marks.size(); ++k) {
            draft_text(text.substr(at, marks[k].first - at), doc);
            mark(*marks[k].second);
            at = marks[k].first;
        }
        draft_text(text.substr(at), doc);
    }

    // The clause text as edit runs. Marks never split a run: the counts of <del> and <ins>
    // stay those of the report's edits. Equal runs read as `equal_doc` words them.
    void edits(const std::vector<Edit>& list, bool replaced, const Document& equal_doc,
               const std::vector<SentenceMark>& marks = {}) {
        // Where each mark's sentence starts in the old and new texts the runs spell out.
        Marks old_marks, new_marks;
        for (const SentenceMark& m : marks) (m.new_side ? new_marks : old_marks).emplace_back(m.offset, &m);
        std::sort(old_marks.begin(), old_marks.end());
        std::sort(new_marks.begin(), new_marks.end());
        std::size_t old_pos = 0, new_pos = 0;
        for (const Edit& ed : list) {
            Marks here;
            auto take = [&](const Marks& from, std::size_t pos) {
                for (const auto& [offset, m] : from)
                    if (offset >= pos && offset < pos + ed.text.size()) here.emplace_back(offset - pos, m);
            };
            if (ed.op != EditOp::insert) take(old_marks, old_pos);
            if (ed.op != EditOp::remove) take(new_marks, new_pos);
            std::sort(here.begin(), here.end());
            if (ed.op != EditOp::insert) old_pos += ed.text.size();
            if (ed.op != EditOp::remove) new_pos += ed.text.size();
            const char* tag = ed.op == EditOp::remove ? "del" : ed.op == EditOp::insert ? "ins" : nullptr;
            side_ = ed.op;
            if (!tag) {
                text_with_marks(ed.text, here, equal_doc);
                continue;
            }
            const Document& doc = ed.op == EditOp::remove ? *c_.old_doc : *c_.new_doc;
            const bool block = replaced || ed.replaced;   // the whole text, or one rewritten block
            if (block)
                out_ += ed.op == EditOp::remove ? "<div class=\"replaced-old\">" : "<div class=\"replaced-new\">";
            // A sentence that starts the run is marked just before it, outside the deletion
            // or insertion (so that neither reads the mark as changed text).
            std::size_t inside = 0;
            for (; inside < here.size() && here[inside].first == 0; ++inside) mark(*here[inside].second);
            if (ed.moved) out_ += fmt::format("<{} class=\"mv{}\" title=\"moved inside the clause\">", tag, ed.editorial ? " ed" : "");
            else out_ += fmt::format("<{}{}>", tag, ed.editorial ? " class=\"ed\"" : "");
            text_with_marks(ed.text, here, doc, inside);
            out_ += fmt::format("</{}>", tag);
            if (block) out_ += "</div>";
        }
    }

    // The clause text of entry i: its edits, or its clauses' own text when unchanged.
    void body_text(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        const Document& text_doc = c_.doc_of(e);
        code_old_ = code_lines(*c_.old_doc, e.old_ids);
        code_new_ = code_lines(*c_.new_doc, e.new_ids);
        old_line_ = new_line_ = 0;
        if (!e.edits.empty()) {
            edits(e.edits, e.replaced, text_doc, sentence_marks_[i]);
            code_old_.clear();
            code_new_.clear();
            return;
        }
        std::string text;
        for (ClauseId id : e.new_ids.empty() ? e.old_ids : e.new_ids) {
            if (!text.empty()) text += '\n';
            text += text_doc.own_text(id);
        }
        edits({{.op = EditOp::equal, .text = text}}, false, text_doc, sentence_marks_[i]);
        code_old_.clear();
        code_new_.clear();
    }

    void moved_stub(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        const ClauseId o = e.old_ids.front();
        out_ += fmt::format("<div class=\"moved-stub\" id=\"s{}\">", i);
        out_ += esc_marked(fmt::format(fmt::runtime(w_.moved_to), name(*c_.old_doc, o), c_.old_doc->title(o)));
        out_ += fmt::format("<a href=\"#{}\">{}</a></div>\n", entry_anchor(i), esc_marked(names(*c_.new_doc, e.new_ids)));
    }

    std::string entry_classes(std::size_t i) const {
        const ClauseEntry& e = c_.entries[i];
        std::string cls = fmt::format("entry k-{} depth-{}", to_string(e.change), depth_of(e));
        if (stop(i)) cls += " substantive";
        if (front_[i]) cls += " front";
        if (e.editorial) cls += " editorial";
        for (ClauseChange a : e.also) cls += fmt::format(" also-{}", to_string(a));
        if (!pc_kinds_[i].empty()) cls += " has-provisions";
        for (const std::string& k : pc_kinds_[i]) cls += " " + k;
        return cls;
    }

    void entry(std::size_t i) {
        const ClauseEntry& e = c_.entries[i];
        const Document& od = *c_.old_doc;
        const Document& nd = *c_.new_doc;
        const std::uint32_t depth = depth_of(e);
        out_ += fmt::format("<article class=\"{}\" id=\"{}\" tabindex=\"-1\" aria-labelledby=\"h{}\"", entry_classes(i),
                            entry_anchor(i), i);
        if (!e.old_ids.empty()) out_ += " data-old=\"" + esc(names(od, e.old_ids)) + "\"";
        if (!e.new_ids.empty()) out_ += " data-new=\"" + esc(names(nd, e.new_ids)) + "\"";
        out_ += ">\n";
        const unsigned level = std::min(depth + 2, 6u);
        out_ += fmt::format("<h{} class=\"head\" id=\"h{}\">", level, i);
        const std::string num = number_of(e);
        if (e.number) out_ += "<span class=\"cnum\">" + num + "</span> ";
        out_ += "<span class=\"label\">" + esc_marked(label_of(e)) + "</span> <span class=\"title\">" + esc_marked(title_of(e)) + "</span> ";
        out_ += fmt::format("<span class=\"badge k-{}\">{}</span>", to_string(e.change), change_word(e.change));
        for (ClauseChange a : e.also) out_ += fmt::format(" <span class=\"badge k-{}\">{}</span>", to_string(a), change_word(a));
        if (e.editorial) out_ += fmt::format(" <span class=\"badge editorial\">{}</span>", w_.editorial);
        out_ += fmt::format("</h{}>\n", level);

        std::string lines;
        if (!e.old_ids.empty()) lines += fmt::format("{} {}", w_.old_short, where(od, od[e.old_ids.front()].where, w_.lang));
        if (!e.new_ids.empty())
            lines += fmt::format("{}{} {}", lines.empty() ? "" : " · ", w_.new_short, where(nd, nd[e.new_ids.front()].where, w_.lang));
        out_ += "<p class=\"lines\">" + esc_marked(lines) + "</p>\n";
        if (e.is(ClauseChange::moved)) {
            const ClauseId o = e.old_ids.front();
            const ClauseId parent = od[o].parent;
            std::string from = name(od, o);
            if (parent != no_clause && parent != od.root())
                from += fmt::format(fmt::runtime(w_.under), name(od, parent), od.title(parent));
            out_ += fmt::format("<p class=\"links\">{} — <a href=\"#s{}\">{}</a></p>\n", esc_marked(fill(w_.moved_from, from)), i,
                                w_.old_place);
        }
        if (e.change == ClauseChange::split || e.change == ClauseChange::merged)
            out_ += "<p class=\"links\">" +
                    esc_marked(fmt::format(fmt::runtime(e.change == ClauseChange::split ? w_.split : w_.merged), names(od, e.old_ids),
                                           names(nd, e.new_ids))) +
                    "</p>\n";
        if (e.change == ClauseChange::reorganised)
            out_ += "<p class=\"links\">" + esc_marked(fill(w_.reorganised, links_of(e))) + "</p>\n";
        if (!notes_[i].empty()) {
            out_ += "<ul class=\"notes\" aria-label=\"Provision changes in this clause\">";
            for (const std::string& n : notes_[i]) out_ += "<li>" + n + "</li>";
            out_ += "</ul>\n";
        }
        if (e.title_changed) {
            out_ += fmt::format("<p class=\"title-edit\">{}", w_.title);
            edits(e.title_edits, false, nd);
            out_ += "</p>\n";
        }
        out_ += fmt::format("<div class=\"inline-body text\" lang=\"{}\">", lang_of(c_.doc_of(e)));
        body_text(i);
        out_ += "</div>\n</article>\n";
    }

    // Names removed or added together (list_[i]): one card listing them, each item keeping its
    // entry's anchor so that the outline and links still reach it.
    void name_list(std::size_t i) {
        const std::vector<std::size_t>& members = list_[i];
        const ClauseEntry& e = c_.entries[i];
        const Document& d = c_.doc_of(e);
        const ClauseId id = c_.clause_of(e);
        const bool removed = e.change == ClauseChange::removed;
        const auto count = std::to_string(members.size());
        const std::string what = d[id].role == SectionRole::drafting_organisation
                                     ? fill(removed ? w_.organisations_removed : w_.organisations_added, count)
                                     : fill(removed ? w_.items_removed : w_.items_added, count);
        out_ += fmt::format("<article class=\"{} name-list\" id=\"{}\" tabindex=\"-1\" aria-labelledby=\"h{}\" data-{}=\"{}\">\n",
                            entry_classes(i), entry_anchor(i), i, removed ? "old" : "new", esc(name(d, id)));
        const unsigned level = std::min(depth_of(e) + 2, 6u);
        out_ += fmt::format("<h{} class=\"head\" id=\"h{}\">", level, i);
        std::uint32_t first = 0, last = 0;
        for (std::size_t k : members)
            if (const std::uint32_t n = c_.entries[k].number) {
                if (!first) first = n;
                last = n;
            }
        if (first) out_ += first == last ? fmt::format("<span class=\"cnum\">C{}</span> ", first)
                                         : fmt::format("<span class=\"cnum\">C{}–C{}</span> ", first, last);
        out_ += "<span class=\"label\">" + esc_marked(display(d, id)) + "</span> <span class=\"title\">" + esc_marked(what) +
                "</span> ";
        out_ += fmt::format("<span class=\"badge k-{}\">{}</span></h{}>\n", to_string(e.change), change_word(e.change), level);
        out_ += fmt::format("<div class=\"inline-body text names\" lang=\"{}\"><ul>", lang_of(d));
        for (std::size_t k : members) {
            out_ += k == i ? std::string("<li>") : fmt::format("<li id=\"{}\">", entry_anchor(k));
            body_text(k);
            out_ += "</li>";
        }
        out_ += "</ul></div>\n</article>\n";
    }

    void entries() {
        out_ += "<h2 class=\"visually-hidden\">Clauses</h2>\n";
        bool in_run = false;            // inside a folded run of unchanged entries
        std::size_t run_left = 0;       // entries of the open run still to come
        bool in_front = false;          // inside the group of cover and contents
        auto close_run = [&] {
            if (!in_run) return;
            in_run = false;
            out_ += "</details>\n";
        };
        auto stubs = [&](std::size_t at) {
            for (std::size_t m : stubs_after_[at]) {
                close_run();
                moved_stub(m);
            }
        };
        auto unchanged = [&](std::size_t j) { return c_.entries[j].change == ClauseChange::unchanged && notes_[j].empty(); };
        // A name shown in its list's card, earlier on the page: it interrupts nothing.
        auto listed = [&](std::size_t j) { return in_list_[j] && list_[j].empty(); };
        stubs(0);
        for (std::size_t i = 0; i < c_.entries.size(); ++i) {
            if (front_[i] != in_front) {
                close_run();
                if (in_front) {
                    out_ += "</details>\n";
                } else {
                    std::uint32_t changes = 0;
                    for (std::size_t j = i; j < c_.entries.size() && front_[j]; ++j) changes += !unchanged(j);
                    out_ += "<details class=\"front-matter\"><summary>" + esc_marked(fill(w_.front_group, std::to_string(changes))) +
                            "</summary>\n";
                }
                in_front = front_[i];
            }
            if (listed(i)) {
                stubs(i + 1);
                continue;
            }
            if (in_list_[i]) {
                close_run();
                name_list(i);
                stubs(i + 1);
                continue;
            }
            const bool quiet = unchanged(i) && !in_front;
            if (quiet && !in_run) {
                run_left = 0;
                for (std::size_t j = i; j < c_.entries.size() && !front_[j] && (j == i || stubs_after_[j].empty()); ++j) {
                    if (listed(j)) continue;
                    if (!unchanged(j)) break;
                    ++run_left;
                }
                in_run = true;
                out_ += "<details class=\"unchanged-run\"><summary>" +
                        fill(run_left == 1 ? w_.unchanged_one : w_.unchanged_many, std::to_string(run_left)) + "</summary>\n";
            } else if (!quiet) {
                close_run();
            }
            entry(i);
            if (in_run && --run_left == 0) close_run();
            stubs(i + 1);
            sink_.written();
        }
        close_run();
        if (in_front) out_ += "</details>\n";
    }

    const Comparison& c_;
    const HtmlOptions& o_;
    const Words& w_;
    CrossReferences old_refs_, new_refs_;
    OutputSink& sink_;
    std::string& out_;   // the sink's pending bytes
    std::vector<std::vector<std::string>> notes_;      // provision notes per entry (markup)
    std::vector<std::vector<SentenceMark>> sentence_marks_;  // provision sentences to mark, per entry
    std::vector<std::vector<std::string>> pc_kinds_;   // "pc-removed", … per entry
    std::vector<std::vector<std::size_t>> stubs_after_;  // moved entries whose old place is before entry i
    std::vector<bool> front_;                          // per entry: part of the cover, contents or boilerplate
    std::vector<std::vector<std::size_t>> list_;      // per entry: the names its card lists (empty: no card)
    std::vector<bool> in_list_;                        // per entry: shown in a card of names
    std::uint32_t stops_ = 0;                          // entries n / p stop at
    // While a clause's text is written: its code lines on each side, the line each side has
    // reached, and the side of the run being written.
    std::vector<bool> code_old_, code_new_;
    std::size_t old_line_ = 0, new_line_ = 0;
    EditOp side_ = EditOp::equal;
};

}  // namespace

void write_redline_html(const Comparison& comparison, const HtmlOptions& options, OutputSink& sink) {
    Page(comparison, options, sink).render();
}

std::string write_redline_html(const Comparison& comparison, const HtmlOptions& options) {
    StringSink sink;
    write_redline_html(comparison, options, sink);
    return sink.release();
}

}  // namespace redline::formats
