#include "formats/docx/package.hpp"

#include "engine/error.hpp"
#include "formats/common/libzip.hpp"

#include <algorithm>

namespace redline::formats::docx {

namespace {

const Libzip& zip_library() {
    try {
        return libzip();
    } catch (InputError& e) {
        // The loader speaks of writing (the brief was its first user).
        std::string message = e.what();
        if (message.starts_with("cannot write DOCX")) message.replace(0, 17, "cannot read DOCX");
        throw InputError("", message);
    }
}

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// A name that would leave the folder it is extracted to, or that no ZIP tool should write.
bool unsafe_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return true;
    if (name.size() >= 2 && name[1] == ':') return true;   // C:…
    if (name.find('\0') != std::string_view::npos) return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t end = std::min(name.find('/', start), name.size());
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

Package::Package(std::string_view bytes) {
    const Libzip& z = zip_library();
    zip_error_t error;
    z.error_init(&error);
    zip_source_t* src = z.source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) {
        std::string why = z.error_strerror(&error);
        z.error_fini(&error);
        throw InputError("", "cannot read the ZIP container: " + why);
    }
    zip_t* archive = z.open_from_source(src, ZIP_RDONLY, &error);
    if (archive == nullptr) {
        z.source_free(src);
        std::string why = z.error_strerror(&error);
        z.error_fini(&error);
        throw InputError("", "not a readable ZIP container (" + why + ")");
    }
    z.error_fini(&error);
    zip_.reset(archive);
    const zip_int64_t count = z.get_num_entries(archive, 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > max_entries) {
    throw InputError("", "ZIP container has " + std::to_string(count) + " entries, more than the limit of " +
                                 std::to_string(max_entries));
    }
    std::uint64_t total = 0;
    entries_.reserve(static_cast<std::size_t>(count));
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        z.stat_init(&st);
        if (z.stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
        const std::string name = st.name;
        if (unsafe_name(name)) {
            throw InputError("zip entry " + name, "unsafe entry name (absolute, or with \"..\", \"\\\" or a drive)");
        }
        const std::uint64_t size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        total += size;
        if (total > max_total_uncompressed) {
            throw InputError("", "ZIP container inflates to more than " + mib(max_total_uncompressed) +
                                     " (the limit on its total uncompressed size)");
        }
        entries_.push_back({name, static_cast<std::uint64_t>(i), size, packed});
    }
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
}

void Package::Discard::operator()(void* archive) const { zip_library().discard(static_cast<zip_t*>(archive)); }

const Package::Entry* Package::find(std::string_view name) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), name,
                               [](const Entry& e, std::string_view n) { return e.name < n; });
    return it != entries_.end() && it->name == name ? &*it : nullptr;
}

bool Package::contains(std::string_view name) const { return find(name) != nullptr; }

std::optional<std::string> Package::read(std::string_view name) const {
    const Entry* e = find(name);
    if (e == nullptr) return std::nullopt;
    const std::string place = "zip entry " + e->name;
    auto check_ratio = [&](std::uint64_t inflated) {
        if (inflated > ratio_floor && inflated > max_ratio * std::max<std::uint64_t>(e->compressed, 1))
            throw InputError(place, "compression ratio above " + std::to_string(max_ratio) +
                                        ":1 (the limit against ZIP bombs)");
    };
    if (e->size > max_part_bytes)
        throw InputError(place, "part larger than " + mib(max_part_bytes) + " (the limit on one XML part)");
    check_ratio(e->size);
    const Libzip& z = zip_library();
    zip_file_t* f = z.fopen_index(static_cast<zip_t*>(zip_.get()), e->index, 0);
    if (f == nullptr) throw InputError(place, "cannot open (encrypted or an unsupported compression method)");
    std::string data;
    data.reserve(static_cast<std::size_t>(e->size));
    char buf[1 << 16];
    for (;;) {
        const zip_int64_t n = z.fread(f, buf, sizeof buf);
        if (n < 0) {
            z.fclose(f);
            throw InputError(place, "corrupt compressed data");
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        // The directory may understate the size: the limits hold on what actually inflates.
        if (data.size() > max_part_bytes) {
            z.fclose(f);
            throw InputError(place, "part larger than " + mib(max_part_bytes) + " (the limit on one XML part)");
        }
        if (data.size() > e->size) {
            z.fclose(f);
            throw InputError(place, "inflates beyond the size its directory entry declares");
        }
    }
    z.fclose(f);
    check_ratio(data.size());
    return data;
}

}  // namespace redline::formats::docx
