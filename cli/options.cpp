#include "cli/options.hpp"

#include "engine/error.hpp"

namespace redline::cli {

void add_lang_option(CLI::App& cmd, std::string& lang) {
    cmd.add_option("--lang", lang, "Language of the drafts: auto (detect), en or zh")
        ->check(CLI::IsMember({"auto", "en", "zh"}))
        ->capture_default_str();
}

Language parse_lang(const std::string& lang) {
    if (lang == "en") return Language::en;
    if (lang == "zh") return Language::zh;
    return Language::unknown;
}

Document read_input(const formats::ReadOptions& options) {
    std::string bytes;
    try {
        bytes = formats::read_bytes(options.path);
    } catch (InputError& e) {
        if (e.file().empty()) e.set_file(options.path);
        throw;
    }
    return formats::read_document(bytes, options);
}

}  // namespace redline::cli
