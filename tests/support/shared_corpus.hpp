// Test cases that read the evaluation corpus (../shared beside the checkout) are skipped, not
// failed, in a clone without it: a user who clones the repository alone runs every test that
// can run there. Decorate such a case with *boost::unit_test::precondition(shared_corpus_present).
#pragma once

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>

inline boost::test_tools::assertion_result shared_corpus_present(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result present(std::filesystem::exists(std::string(REDLINE_SHARED_DIR) + "/corpus"));
    present.message() << REDLINE_SHARED_DIR "/corpus is not beside the checkout";
    return present;
}
