// Options and steps shared by several subcommands.
#pragma once

#include "engine/comparison.hpp"
#include "engine/document.hpp"
#include "engine/pipeline.hpp"
#include "formats/common/output.hpp"
#include "formats/reader.hpp"
#include "formats/writers.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace redline::cli {

// OLD and NEW, the drafts diff and brief compare.
void add_draft_arguments(CLI::App& cmd, std::string& old_file, std::string& new_file);

// The footer of a command's --help: what its exit status means. diff's is diff(1)'s (0 the
// same, 1 different, 2 trouble); the others exit 0 when they wrote their output, 2 on trouble.
std::string exit_status_help(formats::Command command);

void add_lang_option(CLI::App& cmd, std::string& lang);
Language parse_lang(const std::string& lang);

// --profile auto|iso|rfc2119|gb|law: the verbal-form profile; auto chooses per document.
void add_profile_option(CLI::App& cmd, std::string& profile);
// What --profile asks of preparing a draft (the one route for parse, diff and brief).
PrepareOptions prepare_options(const std::string& profile);

// Refuses, before anything is read, a command whose files clash: standard input ("-") named by
// two inputs, or -o naming one of the inputs (formats::refuse_output_over_input); or whose
// inputs would need more memory than there is (cli/memory_guard). Large inputs restart the
// process with huge pages for its heap (cli/huge_pages).
void check_files(const std::vector<formats::NamedInput>& inputs, const std::string& output);

// --docx-changes accept|reject: Word drafts read with their tracked changes accepted (the
// default) or rejected.
void add_docx_changes_option(CLI::App& cmd, std::string& changes);
formats::TrackedChanges parse_docx_changes(const std::string& changes);

// Reads and parses one input named by options.path; errors carry the file name.
Document read_input(const formats::ReadOptions& options);

// Reads OLD and NEW and compares them under --lang and --profile (`options` gives the rest),
// each read and prepared on a thread of its own (engine/pipeline). When both drafts are bad,
// the old draft's error is the one reported, as it would be reading them in turn.
Comparison compare_files(const std::string& old_path, const std::string& new_path, const std::string& lang,
                         const std::string& profile, const CompareOptions& options = {},
                         const std::string& docx_changes = "accept");

// The date shown on redline pages and briefs. SOURCE_DATE_EPOCH (the reproducible-builds
// convention) fixes it, so that the same inputs give the same bytes; otherwise today, UTC.
std::string comparison_date();

}  // namespace redline::cli
