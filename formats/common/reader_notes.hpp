// Reader warnings of both drafts of a comparison, as every writer lists them: a reader's
// remark about input it handled unusually (a running header removed, a term printed above its
// number) travels with the Document into the Comparison, so that diff and brief show what
// parse shows.
#pragma once

#include "engine/comparison.hpp"

#include <string>
#include <vector>

namespace redline::formats {

struct ReaderNote {
    bool old_draft = true;    // which draft's reader said it
    std::string path;         // that draft's path
    std::string where;        // "line 93", "word/document.xml ¶12", "page 4"
    const Warning* warning = nullptr;
};

// The old draft's warnings, then the new draft's, each in reading order, then the
// comparison's own (Comparison::warnings, placed in the new draft).
std::vector<ReaderNote> reader_notes(const Comparison& comparison);

// "line 93", "word/document.xml ¶12", or for a PDF "line 93 (page 4)" / "page 4"; in Chinese
// "第 93 行", "word/document.xml 第 12 段", "第 93 行（第 4 页）", "第 4 页".
std::string source_place(const Document& doc, const SourceLocation& at, Language lang = Language::en);

}  // namespace redline::formats
