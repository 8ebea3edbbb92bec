#include "engine/beside.hpp"

#include <sched.h>

#include <cerrno>
#include <system_error>
#include <utility>

namespace redline {

struct Beside::State {
    std::function<void()> task;
    std::exception_ptr error;
#ifdef __linux__
    cpu_set_t allowed;          // the caller's processors, given back once the task runs
    bool restore = false;
#endif
};

void* Beside::run(void* p) {
    auto* state = static_cast<Beside::State*>(p);
#ifdef __linux__
    if (state->restore) sched_setaffinity(0, sizeof state->allowed, &state->allowed);
#endif
    try {
        state->task();
    } catch (...) {
        state->error = std::current_exception();
    }
    return nullptr;
}

Beside::Beside(std::function<void()> task) : state_(std::make_unique<State>()) {
    state_->task = std::move(task);
    pthread_attr_t attr;
    if (const int rc = pthread_attr_init(&attr); rc != 0) throw std::system_error(rc, std::generic_category(), "cannot start a thread");
#ifdef __linux__
    if (sched_getaffinity(0, sizeof state_->allowed, &state_->allowed) == 0) {
        const int here = sched_getcpu();
        cpu_set_t elsewhere = state_->allowed;
        if (here >= 0 && here < CPU_SETSIZE && CPU_ISSET(here, &elsewhere) && CPU_COUNT(&elsewhere) > 1) {
            CPU_CLR(here, &elsewhere);
            state_->restore = pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0;
        }
    }
#endif
    int rc = pthread_create(&thread_, &attr, run, state_.get());
    pthread_attr_destroy(&attr);
#ifdef __linux__
    if (rc == EINVAL && state_->restore) {   // the placement was refused: start it anywhere
        state_->restore = false;
        rc = pthread_create(&thread_, nullptr, run, state_.get());
    }
#endif
    if (rc != 0) throw std::system_error(rc, std::generic_category(), "cannot start a thread");
}

Beside::~Beside() {
    if (!joined_) pthread_join(thread_, nullptr);
}

void Beside::wait() {
    if (!joined_) {
        pthread_join(thread_, nullptr);
        joined_ = true;
    }
    if (state_->error) std::rethrow_exception(std::exchange(state_->error, nullptr));
}

}  // namespace redline
