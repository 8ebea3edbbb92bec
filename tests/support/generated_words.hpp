// Words for generated drafts (tests of the adversarial input classes, bench/adversarial's
// shapes): distinct numbers spell distinct words, so a test controls exactly which words the
// two drafts share.
#pragma once

#include <cstddef>
#include <string>

namespace redline::tests {

// A word of lower-case letters after `first` that spells i in base 26 (a token of its own for
// the tokenizer, unlike digits glued to letters).
inline std::string word_for(std::size_t i, char first = 'a') {
    std::string w(1, first);
    do {
        w += static_cast<char>('a' + i % 26);
        i /= 26;
    } while (i > 0);
    return w;
}

}  // namespace redline::tests
