#include "formats/json/json_writer.hpp"

#include "engine/utf8.hpp"
#include "formats/common/visible_text.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace redline::formats {

void JsonWriter::newline_indent(std::size_t depth) {
    out_ += '\n';
    out_.append(depth, ' ');
}

void JsonWriter::before_value() {
    if (sink_) sink_->written();
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    Level& top = stack_.back();
    if (top.object) throw std::logic_error("JsonWriter: object member without a key");
    if (!top.empty) out_ += ',';
    top.empty = false;
    newline_indent(stack_.size());
}

JsonWriter& JsonWriter::key(std::string_view k) {
    if (stack_.empty() || !stack_.back().object || after_key_) throw std::logic_error("JsonWriter: misplaced key");
    if (sink_) sink_->written();
    Level& top = stack_.back();
    if (!top.empty) out_ += ',';
    top.empty = false;
    newline_indent(stack_.size());
    string(k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back({true});
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back({false});
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    if (stack_.empty() || !stack_.back().object || after_key_) throw std::logic_error("JsonWriter: unbalanced object");
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline_indent(stack_.size());
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    if (stack_.empty() || stack_.back().object) throw std::logic_error("JsonWriter: unbalanced array");
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline_indent(stack_.size());
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    string(s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    before_value();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
    before_value();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    return *this;
}

// Shortest round-trip form, with ".0" on integral values, as nlohmann writes doubles.
JsonWriter& JsonWriter::value(double d) {
    before_value();
    if (!std::isfinite(d)) {
        out_ += "null";
        return *this;
    }
    char buf[32];
    const char* end = std::to_chars(buf, buf + sizeof buf, d).ptr;
    const std::string_view text(buf, static_cast<std::size_t>(end - buf));
    out_ += text;
    if (text.find_first_of(".e") == std::string_view::npos) out_ += ".0";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

// "\\u202e": lower-case hex, as nlohmann writes "\\u001b".
void JsonWriter::unicode_escape(char32_t cp) {
    static constexpr char hex[] = "0123456789abcdef";
    out_ += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out_ += hex[(cp >> shift) & 0xF];
}

void JsonWriter::string(std::string_view s) {
    // Invalid UTF-8 cannot come from the readers (the decoder rejects it); should it come
    // anyway, each byte that starts no valid sequence becomes U+FFFD.
    std::string repaired;
    if (text::find_invalid_utf8(s) != std::string_view::npos) {
        for (std::string_view rest = s; !rest.empty();) {
            const std::size_t bad = text::find_invalid_utf8(rest);
            repaired.append(rest.substr(0, bad));
            if (bad == std::string_view::npos) break;
            repaired += "\xEF\xBF\xBD";
            rest.remove_prefix(bad + 1);
        }
        s = repaired;
    }
    out_ += '"';
    std::size_t run = 0;  // [run, i) is copied as is
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            // DEL, C1 controls and invisible format characters (U+202E, U+200B, …) stay in the
            // data as written, escaped so that a person reading the JSON sees them.
            if (!may_begin_hidden(c)) continue;
            const HiddenChar h = hidden_at(s, i);
            if (!h) continue;
            out_.append(s.data() + run, i - run);
            unicode_escape(h.code_point);
            i += h.bytes - 1;
            run = i + 1;
            continue;
        }
        out_.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: unicode_escape(c);
        }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
}

std::string JsonWriter::finish() {
    if (!stack_.empty() || after_key_) throw std::logic_error("JsonWriter: unfinished document");
    out_ += '\n';
    if (sink_) {
        sink_->flush();
        return {};
    }
    std::string done = std::move(out_);
    out_.clear();
    return done;
}

}  // namespace redline::formats
