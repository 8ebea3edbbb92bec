// Internal to formats/pdf: the call into the poppler module (formats/pdf/poppler_module.cpp,
// built as libredline_pdf_poppler.so and loaded with dlopen by extract.cpp). Both sides are
// built from this header by the same build; the symbol's version suffix changes with it.
#pragma once

#include "formats/pdf/extract.hpp"

#include <string>
#include <string_view>

namespace redline::formats::pdf {

struct ModuleCall {
    std::string_view bytes;
    const Limits* limits = nullptr;
    Extraction* out = nullptr;     // filled on success
    std::string* place = nullptr;  // on failure: the InputError's place and message
    std::string* message = nullptr;
};

// The module's entry: 0 on success, 1 on an InputError (or any other exception, as a message).
using ModuleEntry = int (*)(const ModuleCall*);
inline constexpr const char* module_entry_name = "redline_pdf_extract_v1";

}  // namespace redline::formats::pdf
