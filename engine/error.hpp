// The one error type of Redline: bad input or an impossible request, with the place it
// happened. Readers and the engine throw it; only the CLI turns it into a message and an
// exit status ("redline: error: FILE: PLACE: message", status 2).
#pragma once

#include <stdexcept>
#include <string>

namespace redline {

class InputError : public std::runtime_error {
public:
    // `place` is "line 12", "byte 4711", "word/document.xml", "zip entry word/styles.xml"…;
    // empty when the whole input is at fault (an empty file).
    InputError(std::string place, const std::string& message)
        : std::runtime_error(message), place_(std::move(place)) {}

    const std::string& place() const { return place_; }
    // The file is filled in by whoever knows it (the CLI or the reader entry point).
    const std::string& file() const { return file_; }
    void set_file(std::string file) { file_ = std::move(file); }

    // "FILE: PLACE: message", leaving out the parts that are empty.
    std::string describe() const {
        std::string out;
        if (!file_.empty()) out += file_ + ": ";
        if (!place_.empty()) out += place_ + ": ";
        out += what();
        return out;
    }

private:
    std::string place_;
    std::string file_;
};

inline std::string line_place(unsigned line) { return "line " + std::to_string(line); }

}  // namespace redline
