#include "formats/common/libzip.hpp"

#include "engine/error.hpp"

#include <dlfcn.h>

#include <string>
#include <type_traits>

namespace redline::formats {

namespace {

// REDLINE_LIBZIP_SONAME comes from the build (the library CMake found, e.g. "libzip.so.4").
Libzip load() {
    void* handle = dlopen(REDLINE_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = dlerror();
        throw InputError("", std::string("cannot write DOCX: cannot load " REDLINE_LIBZIP_SONAME
                                          " (install the Debian package libzip4): ") + (why ? why : ""));
    }
    auto get = [handle](auto& fn, const char* name) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(handle, name));
        if (fn == nullptr) throw InputError("", std::string("cannot write DOCX: " REDLINE_LIBZIP_SONAME " lacks ") + name);
    };
    Libzip z{};
    get(z.error_init, "zip_error_init");
    get(z.source_buffer_create, "zip_source_buffer_create");
    get(z.source_keep, "zip_source_keep");
    get(z.source_free, "zip_source_free");
    get(z.source_buffer, "zip_source_buffer");
    get(z.source_function, "zip_source_function");
    get(z.source_open, "zip_source_open");
    get(z.source_read, "zip_source_read");
    get(z.source_close, "zip_source_close");
    get(z.open_from_source, "zip_open_from_source");
    get(z.file_add, "zip_file_add");
    get(z.file_set_mtime, "zip_file_set_mtime");
    get(z.set_file_compression, "zip_set_file_compression");
    get(z.close, "zip_close");
    get(z.discard, "zip_discard");
    get(z.error_set, "zip_error_set");
    get(z.error_to_data, "zip_error_to_data");
    get(z.get_num_entries, "zip_get_num_entries");
    get(z.stat_init, "zip_stat_init");
    get(z.stat_index, "zip_stat_index");
    get(z.fopen_index, "zip_fopen_index");
    get(z.fread, "zip_fread");
    get(z.fclose, "zip_fclose");
    get(z.error_strerror, "zip_error_strerror");
    get(z.error_fini, "zip_error_fini");
    return z;   // the library stays loaded for the life of the process
}

}  // namespace

const Libzip& libzip() {
    static const Libzip z = load();   // a failed load throws and is tried again next time
    return z;
}

}  // namespace redline::formats
