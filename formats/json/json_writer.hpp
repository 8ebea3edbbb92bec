// A streaming JSON writer for the report and document outputs.
//
// It writes exactly what nlohmann::json::dump(1) wrote before it (one-space indent, members
// in insertion order, "[]" / "{}" for empty containers, non-ASCII UTF-8 kept as is, invalid
// UTF-8 replaced by U+FFFD), without building a tree first, with one addition: DEL, the C1
// controls and the invisible format characters of formats/common/visible_text (U+202E, U+200B,
// U+FEFF, …) are escaped as \uXXXX, so that a person reading the JSON sees them: the report of a 350 KB draft pair
// is half a megabyte of mostly ASCII text, and building and dumping a json tree cost a fifth
// of the whole comparison.
#pragma once

#include "formats/common/output_sink.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline::formats {

class JsonWriter {
public:
    // Collects the document: finish() returns it.
    JsonWriter() : out_(own_) {}
    // Streams the document into `sink` as it is written: finish() writes the last newline,
    // flushes the sink and returns "".
    explicit JsonWriter(OutputSink& sink) : out_(sink.text()), sink_(&sink) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The key of the next member; must be followed by a value or a container.
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(std::uint64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
    JsonWriter& value(double d);
    JsonWriter& null();

    // Shorthand for key(k).value(v).
    template <class T>
    JsonWriter& member(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    // The document, ending in a newline (or "" when streaming). The writer is empty afterwards.
    std::string finish();

private:
    void before_value();
    void newline_indent(std::size_t depth);
    void string(std::string_view s);
    void unicode_escape(char32_t cp);

    struct Level {
        bool object;
        bool empty = true;
    };
    std::string own_;
    std::string& out_;               // own_, or the sink's pending bytes
    OutputSink* sink_ = nullptr;
    std::vector<Level> stack_;
    bool after_key_ = false;
};

}  // namespace redline::formats
