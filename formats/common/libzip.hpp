// libzip, loaded when a command first needs it (writing a DOCX brief, reading a DOCX draft).
//
// Linked in, libzip would be loaded, with OpenSSL's libcrypto behind it, by every redline
// process: about a millisecond of start-up, a twentieth of a whole comparison, for one output
// format. The entry points below are libzip's own (types from <zip.h>), resolved once.
#pragma once

#include <zip.h>

namespace redline::formats {

struct Libzip {
    decltype(&::zip_error_init) error_init;
    decltype(&::zip_source_buffer_create) source_buffer_create;
    decltype(&::zip_source_keep) source_keep;
    decltype(&::zip_source_free) source_free;
    decltype(&::zip_source_buffer) source_buffer;
    decltype(&::zip_source_function) source_function;
    decltype(&::zip_source_open) source_open;
    decltype(&::zip_source_read) source_read;
    decltype(&::zip_source_close) source_close;
    decltype(&::zip_open_from_source) open_from_source;
    decltype(&::zip_file_add) file_add;
    decltype(&::zip_file_set_mtime) file_set_mtime;
    decltype(&::zip_set_file_compression) set_file_compression;
    decltype(&::zip_close) close;
    decltype(&::zip_discard) discard;
    decltype(&::zip_error_set) error_set;
    decltype(&::zip_error_to_data) error_to_data;
    // Reading (formats/docx/package).
    decltype(&::zip_get_num_entries) get_num_entries;
    decltype(&::zip_stat_init) stat_init;
    decltype(&::zip_stat_index) stat_index;
    decltype(&::zip_fopen_index) fopen_index;
    decltype(&::zip_fread) fread;
    decltype(&::zip_fclose) fclose;
    decltype(&::zip_error_strerror) error_strerror;
    decltype(&::zip_error_fini) error_fini;
};

// The loaded library; throws InputError ("cannot write DOCX: …"; the DOCX reader says "read") naming the library
// when it cannot be loaded.
const Libzip& libzip();

}  // namespace redline::formats
