// Word-level edits as a reader sees them: runs of text that stayed, went or came.
#pragma once

#include <cstdint>
#include <string>

namespace redline {

enum class EditOp : std::uint8_t { equal, remove, insert };

// (40 bytes: the flags stand beside the op, where padding after the text made it 48. A
// comparison holds a few of these a clause and a provision, so they are most of its size.)
struct Edit {
    EditOp op = EditOp::equal;
    bool editorial = false;    // a remove/insert that differs from its partner only editorially
    // A remove/insert that is one side of a rewritten block (paragraph, list item, note, table
    // row) shown whole: the old block removed, then the new block inserted, while the blocks
    // around it are shown unchanged or word by word.
    bool replaced = false;
    // A remove/insert of a whole block moved inside the clause unchanged: removed at its old
    // place, inserted at its new one.
    bool moved = false;
    std::string text;          // display text; a list of edits concatenates to its old/new text
};
static_assert(sizeof(Edit) == 8 + sizeof(std::string));

}  // namespace redline
