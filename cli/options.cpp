#include "cli/options.hpp"

#include "cli/allocator.hpp"

#include "engine/beside.hpp"
#include "engine/error.hpp"

#include <cstdlib>
#include <ctime>
#include <exception>

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

namespace {

// Sets the comparison's profile from --profile. A named profile applies to both drafts:
// comparing "shall" under iso with "MUST" under rfc2119 would report every provision as
// changed.
void apply_profile_option(const std::string& profile, CompareOptions& options) {
    if (profile == "auto") return;
    options.auto_profile = false;
    parse_profile(profile, options.profile);
}

struct ReadDraft {
    std::unique_ptr<const Document> doc;
    PreparedDraft draft;
};

ReadDraft read_and_prepare(const formats::ReadOptions& options, const CompareOptions& compare_options) {
    ReadDraft r;
    r.doc = std::make_unique<const Document>(read_input(options));
    r.draft = prepare(*r.doc, compare_options);
    return r;
}

}  // namespace

FileComparison compare_files(const std::string& old_path, const std::string& new_path, const std::string& lang,
                             const std::string& profile, CompareOptions compare_options) {
    apply_profile_option(profile, compare_options);
    formats::ReadOptions options;
    options.language = parse_lang(lang);
    options.path = old_path;
    ReadDraft old_draft;
    Beside old_side([options, &compare_options, &old_draft] {
        tune_thread_allocator();
        old_draft = read_and_prepare(options, compare_options);
    });
    options.path = new_path;
    std::exception_ptr new_error;
    ReadDraft new_draft;
    try {
        new_draft = read_and_prepare(options, compare_options);
    } catch (...) {
        new_error = std::current_exception();
    }
    old_side.wait();
    if (new_error) std::rethrow_exception(new_error);
    FileComparison out;
    out.comparison = compare(std::move(old_draft.draft), std::move(new_draft.draft), compare_options);
    out.old_doc = std::move(old_draft.doc);
    out.new_doc = std::move(new_draft.doc);
    return out;
}

std::string comparison_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && v >= 0) t = static_cast<std::time_t>(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

}  // namespace redline::cli
