// Writing a result: to standard output, or to a file atomically (a temporary file in the
// same directory, renamed over the target only when complete), so that a failed run never
// leaves a partial output file behind.
#pragma once

#include <string>
#include <string_view>

namespace redline::formats {

// `path` empty or "-": standard output. Throws InputError (file = path) when writing fails.
void write_output(const std::string& path, std::string_view content);

}  // namespace redline::formats
