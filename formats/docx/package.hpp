// Internal to formats/docx: the ZIP container of a Word file, opened from memory with the
// limits of docs/limits.md checked before anything is decompressed, and each part read with
// them enforced again while it inflates (the sizes in a ZIP directory are claims, not facts).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats::docx {

// Limits on the container (docs/limits.md). Exceeding one is an InputError naming it.
inline constexpr std::size_t max_entries = 10000;                     // files in the archive
inline constexpr std::uint64_t max_total_uncompressed = 1ull << 30;   // all entries, as declared
inline constexpr std::size_t max_part_bytes = 64u << 20;              // one XML part, inflated
inline constexpr std::uint64_t max_ratio = 200;                       // inflated / compressed, per part
inline constexpr std::uint64_t ratio_floor = 1u << 20;                // parts below 1 MiB are not held to the ratio

class Package {
public:
    // Opens the archive in `bytes` (which must outlive the Package) and checks the directory:
    // entry count, declared total size, entry names (no "..", no absolute paths, no
    // backslashes or drive letters). Throws InputError.
    explicit Package(std::string_view bytes);
    ~Package() = default;
    Package(const Package&) = delete;
    Package& operator=(const Package&) = delete;

    bool contains(std::string_view name) const;
    // The inflated part, or nullopt when there is no entry of that name. Throws InputError
    // ("zip entry NAME: …") when a limit is exceeded or the data is corrupt.
    std::optional<std::string> read(std::string_view name) const;

private:
    struct Entry {
        std::string name;
        std::uint64_t index;
        std::uint64_t size;
        std::uint64_t compressed;
    };
    struct Discard {
        void operator()(void* archive) const;   // zip_discard
    };
    std::unique_ptr<void, Discard> zip_;   // zip_t*
    std::vector<Entry> entries_;     // sorted by name
    const Entry* find(std::string_view name) const;
};

}  // namespace redline::formats::docx
