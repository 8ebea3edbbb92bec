// The brief: what changed in the obligations, ranked, quoted and cited — the two pages a
// policy team sends upstairs. The engine finds and ranks the findings (engine/findings);
// make_brief() words them in Chinese or English, and the writers render them as Markdown,
// HTML, DOCX, or as the change list of a GB/T foreword.
#pragma once

#include "engine/comparison.hpp"
#include "engine/term_finder.hpp"
#include "formats/common/output_sink.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace redline::formats {

enum class BriefLanguage : std::uint8_t { en, zh };

std::string_view category_heading(FindingCategory category, BriefLanguage lang);

// A finding of the engine (engine/findings) worded for a reader: headline, places, labels.
struct BriefFinding {
    const Finding* finding = nullptr;    // the engine's finding it words (in Comparison::findings)
    FindingCategory category = FindingCategory::wording;
    std::string headline;
    std::string old_place, new_place;    // "6.2.4 供应链安全"; empty when the side has none; an old
                                         // place renumbered since names both: "6.2.4（现 6.2.3）供应链安全"
    std::string old_place_then;          // the old place by its old number only, for "6.2.4 → 6.2.3"
    // The quotation: equal / removed / inserted runs, as the comparison holds them
    // (Comparison::quote; not copied per finding).
    std::span<const Edit> wording;
    std::string quote_lang;              // "zh" or "en": the language of the quotation
    std::vector<std::string> items_removed, items_added;   // listed names (drafting organisations)
    std::vector<std::string> references_removed, references_added;
    std::vector<std::string> watched;    // --watch terms the finding touches
    std::uint32_t change_number = 0;     // C14 of the clause entry, when it has one
    std::vector<std::size_t> provisions; // indices into Comparison::provisions it reports
    std::size_t position = 0;            // document order (entry index) for ranking ties
    // For the GB/T foreword change list: what happened, and where.
    FindingVerb verb = FindingVerb::changed;
    std::string subject;                 // "“设备应采用符合 GB/T 29829—2022 要求的…”的要求"
    std::string subject_en;
    std::string old_label, new_label;    // clause numbers for "(see 6.2, 6.3 of the 2012 edition)"
    std::string old_label_now;           // the old clause's number in the new draft, when it changed
    bool law = false;                    // worded as law revisions are (增加了……的规定)
    // A systematic edit: how many places it stands for, and the first of them.
    std::size_t count = 0;
    std::vector<std::string> examples;
};

// How many places a systematic edit's headline names.
inline constexpr std::size_t systematic_examples = 3;

struct RenumberedClause {
    std::string old_label, new_label, title;
    bool moved = false;
};

// Substantive changes per top-level clause, for the summary chart. A chart has at most
// max_chart_bars bars: beyond that, the bars of the most changes stay (in document order) and
// the last bar adds up the others, its label saying how many ("180 other clauses").
inline constexpr std::size_t max_chart_bars = 40;
struct ChartBar {
    std::string label, title;
    std::uint32_t modified = 0, added = 0, removed = 0, moved = 0;
    std::uint32_t total() const { return modified + added + removed + moved; }
};

// The brief: its findings in order, of which only the body's are worded and held. The others,
// one per changed clause in a large comparison, are worded one at a time as they are written
// (worded()), so that a brief costs some bytes per finding besides the comparison.
struct Brief {
    const Comparison* comparison = nullptr;
    BriefLanguage lang = BriefLanguage::en;
    std::string date;
    std::vector<std::string> watch;      // terms whose findings go first, tagged
    std::shared_ptr<const TermFinder> watched;   // `watch` folded once, for worded()
    // The comparison's findings in the brief's order, as indices into Comparison::findings:
    // ranked, most important first (watched ones first); the body's, then the appendix's.
    std::vector<std::uint32_t> order;
    std::size_t shown = 0;               // how many the body shows (--top, and every systematic
                                         // edit); the rest go to an appendix table
    std::vector<BriefFinding> findings;  // the body's: order[0, shown), worded
    std::uint32_t counts[finding_categories] = {};
    std::uint32_t editorial_changes = 0;
    std::vector<RenumberedClause> renumbering;
    std::vector<ChartBar> chart;
};

struct BriefOptions {
    BriefLanguage lang = BriefLanguage::en;
    std::vector<std::string> watch;      // terms whose findings go first, tagged
    std::string date;                    // shown in the header; empty: none
    std::size_t top = 20;                // findings in the body (--top); the rest in an appendix
};

Brief make_brief(const Comparison& comparison, const BriefOptions& options = {});

// The k-th finding of the brief (k < brief.order.size()), worded: the body's as held, the
// appendix's made anew.
BriefFinding worded(const Brief& brief, std::size_t k);

// Reads a watch list: one term per line, blank lines and lines starting with # ignored.
std::vector<std::string> parse_watch_list(std::string_view text);

// The writers write into `out` as they go (a large comparison's appendix has a row per
// changed clause); the forms that return a string collect the same bytes.
void write_brief_markdown(const Brief& brief, OutputSink& out);
std::string write_brief_markdown(const Brief& brief);
void write_brief_html(const Brief& brief, OutputSink& out);
std::string write_brief_html(const Brief& brief);
// The .docx package is compressed in memory (its word/document.xml made as libzip reads it)
// and written to `out` once complete: nothing is written when making it fails.
void write_brief_docx(const Brief& brief, OutputSink& out);
std::string write_brief_docx(const Brief& brief);
// The change list of a GB/T foreword: in Chinese, then its English equivalent, for a Chinese
// draft; in English for an English one. Against the standard the new draft replaces when its
// foreword names one (代替 GB/T 29244—2012), else against the old draft.
void write_gbt_changes(const Brief& brief, OutputSink& out);
std::string write_gbt_changes(const Brief& brief);

}  // namespace redline::formats
