// Options and steps shared by several subcommands.
#pragma once

#include "engine/document.hpp"
#include "engine/provisions.hpp"
#include "formats/reader.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace redline::cli {

void add_lang_option(CLI::App& cmd, std::string& lang);
Language parse_lang(const std::string& lang);

// --profile auto|iso|rfc2119|gb|law: the verbal-form profile; auto chooses per document.
void add_profile_option(CLI::App& cmd, std::string& profile);
Profile resolve_profile(const std::string& profile, const Document& doc);

// Reads and parses one input named by options.path; errors carry the file name.
Document read_input(const formats::ReadOptions& options);

}  // namespace redline::cli
