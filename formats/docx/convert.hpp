// Internal to formats/docx: Word 97–2003 (.doc) files, converted to .docx by LibreOffice.
#pragma once

#include <string>
#include <string_view>

namespace redline::formats::docx {

// How long a conversion may take before LibreOffice is stopped (its first start in a fresh
// profile takes most of it).
inline constexpr int conversion_seconds = 180;

// Runs `soffice --headless --convert-to docx` on `doc` in a private temporary folder (with a
// private LibreOffice profile, so that a running LibreOffice does not take the job) and returns
// the .docx bytes. Throws InputError when LibreOffice is not installed (saying what to install),
// fails, or exceeds conversion_seconds (it is then killed).
std::string convert_doc(std::string_view doc);

}  // namespace redline::formats::docx
