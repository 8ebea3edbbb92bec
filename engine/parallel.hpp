// Work that may run at once. Engine modules say which pieces of their work are independent;
// engine/pipeline, the only place threads start, decides whether they run on two threads.
#pragma once

#include <functional>

namespace redline {

// Runs `first` and `second`, which share no mutable state, and returns when both are done.
// When either throws, the exception of `first` wins (as it would running them in turn).
using RunBoth = std::function<void(const std::function<void()>& first, const std::function<void()>& second)>;

// `first`, then `second`, on the calling thread.
inline void one_after_other(const std::function<void()>& first, const std::function<void()>& second) {
    first();
    second();
}

}  // namespace redline
