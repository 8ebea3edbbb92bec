#include "cli/options.hpp"

#include "engine/error.hpp"

namespace redline::cli {

void add_lang_option(CLI::App& cmd, std::string& lang) {
    cmd.add_option("--lang", lang, "Language of the drafts: auto (detect), en or zh")
        ->check(CLI::IsMember({"auto", "en", "zh"}))
        ->capture_default_str();
}

void add_profile_option(CLI::App& cmd, std::string& profile) {
    cmd.add_option("--profile", profile,
                   "Verbal forms: auto (chosen per document), iso, rfc2119 (BCP 14 capitals), gb (GB/T 1.1), law")
        ->check(CLI::IsMember({"auto", "iso", "rfc2119", "gb", "law"}))
        ->capture_default_str();
}

Profile resolve_profile(const std::string& profile, const Document& doc) {
    Profile p;
    if (profile != "auto" && parse_profile(profile, p)) return p;
    return choose_profile(doc);
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
