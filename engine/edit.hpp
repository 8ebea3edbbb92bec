// Word-level edits as a reader sees them: runs of text that stayed, went or came.
#pragma once

#include <cstdint>
#include <string>

namespace redline {

enum class EditOp : std::uint8_t { equal, remove, insert };

struct Edit {
    EditOp op = EditOp::equal;
    std::string text;          // display text; a list of edits concatenates to its old/new text
    bool editorial = false;    // a remove/insert that differs from its partner only editorially
};

}  // namespace redline
