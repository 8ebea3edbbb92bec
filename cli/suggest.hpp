// "redline compare a b": the command the user probably meant, as git suggests one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace redline::cli {

// The command of `commands` that `word` most likely stands for: a word other tools use for it
// (compare → diff, summary → brief, outline → parse), or the one command within two edits of
// it (dif, brif, prase); "" when there is none.
std::string suggest_command(std::string_view word, const std::vector<std::string>& commands);

}  // namespace redline::cli
