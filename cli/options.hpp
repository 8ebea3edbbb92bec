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

// Reads and parses one input named by options.path; errors carry the file name.
Document read_input(const formats::ReadOptions& options);

// Two drafts compared. The comparison points into the documents, which are held here by
// pointer so that the whole can be moved.
struct FileComparison {
    std::unique_ptr<const Document> old_doc, new_doc;
    Comparison comparison;
};

// Reads OLD and NEW, each read and prepared on a thread of its own, and compares them under
// --lang and --profile (`options` gives the rest). When both drafts are bad, the old draft's
// error is the one reported, as it would be reading them in turn.
FileComparison compare_files(const std::string& old_path, const std::string& new_path, const std::string& lang,
                             const std::string& profile, CompareOptions options = {});

// The date shown on redline pages and briefs. SOURCE_DATE_EPOCH (the reproducible-builds
// convention) fixes it, so that the same inputs give the same bytes; otherwise today, UTC.
std::string comparison_date();

}  // namespace redline::cli
