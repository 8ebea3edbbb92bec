// Work for a second processor, started there.
//
// A comparison splits its work between two threads (reading and preparing the two drafts;
// matching provisions while diffing clauses). Linux often places a new thread on the processor
// of the thread that created it, which is busy, and moves it only at a later load balance:
// measured on a 2-core machine, the "concurrent" half then waited up to 3 ms and often ran
// after the creator's half. A Beside task is started on another processor than the caller's
// when the caller may use one, and is free to move anywhere once it runs.
#pragma once

#include <exception>
#include <functional>
#include <memory>

#include <pthread.h>

namespace redline {

class Beside {
public:
    // Starts `task` on a new thread; throws std::system_error when no thread can be made.
    explicit Beside(std::function<void()> task);
    Beside(const Beside&) = delete;
    Beside& operator=(const Beside&) = delete;
    // Waits for the task (an exception it threw is lost: call wait() to see it).
    ~Beside();

    // Waits for the task and rethrows what it threw.
    void wait();

private:
    struct State;
    static void* run(void* state);
    std::unique_ptr<State> state_;
    pthread_t thread_{};
    bool joined_ = false;
};

}  // namespace redline
