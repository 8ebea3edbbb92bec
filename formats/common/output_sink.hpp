// Where a writer puts its output as it goes: a buffer of at most about one chunk that is handed
// on (to a file, standard output, a string) whenever it fills. A writer appends to text() and
// calls written() after each piece; the output of a whole draft is never held at once (issue
// 15: the JSON of a parse is some 19 times the input by itself).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace redline::formats {

class OutputSink {
public:
    // 64 KiB: large enough that a write(2) per chunk costs nothing, small beside any draft.
    static constexpr std::size_t default_chunk = std::size_t{1} << 16;

    explicit OutputSink(std::size_t chunk = default_chunk) : chunk_(chunk) { buffer_.reserve(chunk + chunk / 4); }
    virtual ~OutputSink() = default;
    OutputSink(const OutputSink&) = delete;
    OutputSink& operator=(const OutputSink&) = delete;

    // The pending bytes: writers append here.
    std::string& text() { return buffer_; }
    // A piece of a chunk or more is handed on as it is, not copied into the buffer.
    void append(std::string_view s) {
        if (s.size() < chunk_) {
            buffer_ += s;
            written();
            return;
        }
        flush();
        take(s);
    }
    // Hands the pending bytes on once they come to a chunk.
    void written() {
        if (buffer_.size() >= chunk_) flush();
    }
    // Hands on whatever is pending.
    void flush() {
        if (buffer_.empty()) return;
        take(buffer_);
        buffer_.clear();
    }

protected:
    // Receives the bytes in order; throws when they cannot be written.
    virtual void take(std::string_view bytes) = 0;

private:
    std::string buffer_;
    std::size_t chunk_;
};

// Collects the whole output: for callers that want it as a string (tests, the pager).
class StringSink final : public OutputSink {
public:
    StringSink() : OutputSink(default_chunk) {}
    // Everything written so far; the sink is empty afterwards.
    std::string release() {
        flush();
        return std::move(result_);
    }

private:
    void take(std::string_view bytes) override { result_ += bytes; }
    std::string result_;
};

}  // namespace redline::formats
