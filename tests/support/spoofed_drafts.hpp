// Two drafts whose new one says, in bytes, "The device shall U+202E tpyrcne ton U+202C stored
// data." — which a browser renders as "The device shall not encrypt stored data." — and hides
// terminal escape sequences and a DEL in a title and a sentence. The output tests check that
// every writer shows these characters instead of obeying them (docs/limits.md).
#pragma once

#include <string>

namespace spoofed {

inline const std::string old_draft =
    "1 Scope\n\nThis document specifies security requirements for office devices.\n\n"
    "2 Requirements\n\n2.1 Storage\n\nThe device shall encrypt stored data.\n\n"
    "2.2 Logging\n\nThe device shall log every event.\n";

// Line 9: the reversed words between RLO and PDF; line 11: a title that sets the terminal's
// title (OSC 0); line 13: a DEL.
inline const std::string new_draft =
    "1 Scope\n\nThis document specifies security requirements for office devices.\n\n"
    "2 Requirements\n\n2.1 Storage\n\nThe device shall \u202Etpyrcne ton\u202C stored data.\n\n"
    "2.2 Logging\x1b]0;pwned\x07\n\nThe device shall log every event\x7f.\n";

inline const std::string rlo = "\u202E", pdf = "\u202C";

// The spoofed sentence as every text output shows it.
inline const std::string shown = "The device shall ⟨RLO⟩tpyrcne ton⟨PDF⟩ stored data.";

inline const std::string warning_2_1 =
    "clause 2.1: text contains invisible control characters (U+202E RIGHT-TO-LEFT OVERRIDE ×1, "
    "U+202C POP DIRECTIONAL FORMATTING ×1)";
inline const std::string warning_2_2 =
    "clause 2.2: text contains invisible control characters (U+001B ESCAPE ×1, U+0007 BELL ×1, U+007F DELETE ×1)";

}  // namespace spoofed
