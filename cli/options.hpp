// Options and steps shared by several subcommands.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/reader.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <utility>

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

// Reads the two drafts of a comparison on two threads. When both are bad, the old draft's
// error is the one reported, as it would be reading them in turn.
std::pair<Document, Document> read_pair(formats::ReadOptions options, const std::string& old_path, const std::string& new_path);

// The date shown on redline pages and briefs. SOURCE_DATE_EPOCH (the reproducible-builds
// convention) fixes it, so that the same inputs give the same bytes; otherwise today, UTC.
std::string comparison_date();

}  // namespace redline::cli
