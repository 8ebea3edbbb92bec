#include "cli/options.hpp"

#include "cli/allocator.hpp"
#include "cli/huge_pages.hpp"
#include "cli/memory_guard.hpp"

#include "engine/error.hpp"

#include <fmt/format.h>

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <utility>

namespace redline::cli {

void add_draft_arguments(CLI::App& cmd, std::string& old_file, std::string& new_file) {
    cmd.add_option("OLD", old_file, "The earlier draft; - reads standard input")->required()->type_name("FILE");
    cmd.add_option("NEW", new_file, "The later draft; - reads standard input")->required()->type_name("FILE");
}

std::string exit_status_help(formats::Command command) {
    const char* trouble = "2 trouble: a usage error, or an input that cannot be read (the message names the file and the place)";
    if (command == formats::Command::diff)
        return fmt::format("Exit status: 0 no substantive difference, 1 substantive differences (of the --only kinds), {}.",
                           trouble);
    return fmt::format("Exit status: 0 the output was written, {}.", trouble);
}

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

void add_docx_changes_option(CLI::App& cmd, std::string& changes) {
    cmd.add_option("--docx-changes", changes,
                   "Tracked changes in Word drafts: accept (read the draft as it will be) or reject (as it was)")
        ->check(CLI::IsMember({"accept", "reject"}))
        ->capture_default_str();
}

formats::TrackedChanges parse_docx_changes(const std::string& changes) {
    return changes == "reject" ? formats::TrackedChanges::reject : formats::TrackedChanges::accept;
}

PrepareOptions prepare_options(const std::string& profile) {
    PrepareOptions options;
    Profile p;
    if (profile != "auto" && parse_profile(profile, p)) options.profile = p;
    return options;
}

Language parse_lang(const std::string& lang) {
    if (lang == "en") return Language::en;
    if (lang == "zh") return Language::zh;
    return Language::unknown;
}

void check_files(const std::vector<formats::NamedInput>& inputs, const std::string& output) {
    for (std::size_t i = 0; i < inputs.size(); ++i)
        for (std::size_t j = i + 1; j < inputs.size(); ++j) {
            if (inputs[i].path != "-" || inputs[j].path != "-") continue;
            // Read twice, standard input would be split between the readers in no set order.
            if (inputs[i].role == "OLD" && inputs[j].role == "NEW")
                throw InputError("", "both inputs are standard input: give - for OLD or for NEW, not both");
            throw InputError("", fmt::format("{} and {} are both standard input: give - for one of them only",
                                             inputs[i].role, inputs[j].role));
        }
    formats::refuse_output_over_input(output, inputs);
    const std::uint64_t input_bytes = check_memory(inputs, inputs.size() == 1 ? "parsing" : "comparing", available_memory());
    prefer_huge_pages(input_bytes);
    prefer_whole_heaps(input_bytes);
}

Document read_input(const formats::ReadOptions& options) {
    std::string bytes;
    try {
        bytes = formats::read_bytes(options.path);
    } catch (InputError& e) {
        if (e.file().empty()) e.set_file(options.path);
        throw;
    }
    // A regular file was measured before it was read (check_files); a stream only now.
    struct stat st{};
    if (options.path == "-" || ::stat(options.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        check_read_memory(options.path == "-" ? "standard input" : options.path, bytes.size(), available_memory());
    return formats::read_owned_document(std::move(bytes), options);
}

Comparison compare_files(const std::string& old_path, const std::string& new_path, const std::string& lang,
                         const std::string& profile, const CompareOptions& options,
                         const std::string& docx_changes) {
    formats::ReadOptions old_read, new_read;
    old_read.language = new_read.language = parse_lang(lang);
    old_read.tracked_changes = new_read.tracked_changes = parse_docx_changes(docx_changes);
    old_read.path = old_path;
    new_read.path = new_path;
    // The old draft is read on the pipeline's second thread: its heap gets the huge-page advice
    // too (cli/allocator).
    auto [old_draft, new_draft] = prepare_pair(
        [&] {
            tune_thread_allocator();
            return read_input(old_read);
        },
        [&] { return read_input(new_read); }, prepare_options(profile));
    return compare(std::move(old_draft), std::move(new_draft), options);
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
