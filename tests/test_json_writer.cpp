// The streaming JSON writer: layout as nlohmann::json::dump(1) gave it, escaping, and a
// byte that starts no valid UTF-8 sequence replaced by U+FFFD.
#define BOOST_TEST_MODULE json_writer
#include <boost/test/unit_test.hpp>

#include "formats/json/json_writer.hpp"

#include <nlohmann/json.hpp>

using redline::formats::JsonWriter;

BOOST_AUTO_TEST_CASE(layout_matches_nlohmann_dump) {
    JsonWriter w;
    w.begin_object();
    w.member("s", "a\"b\\c\n\t\x01 中文");
    w.member("n", 42u);
    w.member("d", 0.5);
    w.member("i", 1.0);
    w.member("b", true);
    w.key("z").null();
    w.key("e").begin_array().end_array();
    w.key("o").begin_object().end_object();
    w.key("a").begin_array().value(1).value("x").end_array();
    w.end_object();
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    j["s"] = "a\"b\\c\n\t\x01 中文";
    j["n"] = 42u;
    j["d"] = 0.5;
    j["i"] = 1.0;
    j["b"] = true;
    j["z"] = nullptr;
    j["e"] = nlohmann::ordered_json::array();
    j["o"] = nlohmann::ordered_json::object();
    j["a"] = {1, "x"};
    BOOST_TEST(w.finish() == j.dump(1) + "\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
    JsonWriter w;
    w.begin_array().value(std::string_view("ok\xFF" "x\xE4\xB8" "y\xE4\xB8\xAD")).end_array();
    BOOST_TEST(w.finish() == "[\n \"ok\xEF\xBF\xBDx\xEF\xBF\xBD\xEF\xBF\xBDy\xE4\xB8\xAD\"\n]\n");
}

// The data stays as written, but a character that would not show — DEL, a C1 control, a bidi
// control, a zero-width character, U+FEFF — is escaped, so that a person reading the JSON
// sees it; the parsed value is the text as written.
BOOST_AUTO_TEST_CASE(invisible_characters_are_escaped) {
    const std::string spoofed = "shall \xE2\x80\xAEtpyrcne ton\xE2\x80\xAC stored \x7F\xC2\x9B\xE2\x80\x8B\xEF\xBB\xBF\xD8\x9C\xE2\x81\xA6.";
    JsonWriter w;
    w.begin_array().value(spoofed).value("— “quoted” …").end_array();
    const std::string out = w.finish();
    BOOST_TEST(out == "[\n \"shall \\u202etpyrcne ton\\u202c stored \\u007f\\u009b\\u200b\\ufeff\\u061c\\u2066.\",\n"
                      " \"— “quoted” …\"\n]\n");
    BOOST_TEST(nlohmann::json::parse(out).at(0).get<std::string>() == spoofed);
}
