// Options and steps shared by several subcommands.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/reader.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace redline::cli {

void add_lang_option(CLI::App& cmd, std::string& lang);
Language parse_lang(const std::string& lang);

// --profile auto|iso|rfc2119|gb|law: the verbal-form profile; auto chooses per document.
void add_profile_option(CLI::App& cmd, std::string& profile);
Profile resolve_profile(const std::string& profile, const Document& doc);

// Sets the comparison's profile from --profile. A named profile applies to both drafts:
// comparing "shall" under iso with "MUST" under rfc2119 would report every provision as
// changed.
void apply_profile_option(const std::string& profile, CompareOptions& options);

// Reads and parses one input named by options.path; errors carry the file name.
Document read_input(const formats::ReadOptions& options);

// The two drafts of a comparison, each read and prepared for comparison on a thread of its
// own. When both are bad, the old draft's error is the one reported, as it would be reading
// them in turn.
struct Drafts {
    std::unique_ptr<const Document> old_doc, new_doc;   // by pointer: the prepared drafts point at them
    PreparedDraft old_draft, new_draft;
};
Drafts read_drafts(formats::ReadOptions options, const std::string& old_path, const std::string& new_path,
                   const CompareOptions& compare_options);

// The date shown on redline pages and briefs. SOURCE_DATE_EPOCH (the reproducible-builds
// convention) fixes it, so that the same inputs give the same bytes; otherwise today, UTC.
std::string comparison_date();

}  // namespace redline::cli
