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
    // A remove/insert that is one side of a rewritten block (paragraph, list item, note, table
    // row) shown whole: the old block removed, then the new block inserted, while the blocks
    // around it are shown unchanged or word by word.
    bool replaced = false;
    // A remove/insert of a whole block moved inside the clause unchanged: removed at its old
    // place, inserted at its new one.
    bool moved = false;
};

}  // namespace redline
