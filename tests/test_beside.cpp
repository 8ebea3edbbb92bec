#define BOOST_TEST_MODULE beside
#include <boost/test/unit_test.hpp>

#include "engine/beside.hpp"

#include <sched.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

using redline::Beside;

BOOST_AUTO_TEST_CASE(the_task_runs_on_another_thread_and_wait_sees_its_work) {
    const std::thread::id caller = std::this_thread::get_id();
    std::thread::id ran_on;
    int value = 0;
    Beside side([&] {
        ran_on = std::this_thread::get_id();
        value = 42;
    });
    side.wait();
    BOOST_TEST(value == 42);
    BOOST_TEST((ran_on != caller));
    side.wait();  // a second wait returns at once
}

BOOST_AUTO_TEST_CASE(wait_rethrows_what_the_task_threw_once) {
    Beside side([] { throw std::runtime_error("draft B: line 7: bad table"); });
    try {
        side.wait();
        BOOST_FAIL("wait() did not rethrow");
    } catch (const std::runtime_error& e) {
        BOOST_TEST(std::string(e.what()) == "draft B: line 7: bad table");
    }
    BOOST_CHECK_NO_THROW(side.wait());
}

BOOST_AUTO_TEST_CASE(the_destructor_waits_for_the_task) {
    std::atomic<bool> done{false};
    {
        Beside side([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            done = true;
        });
    }
    BOOST_TEST(done.load());
}

// Started away from the caller's processor, the task gets the caller's processors back before
// it runs, so the scheduler may move it anywhere the caller could go.
BOOST_AUTO_TEST_CASE(the_task_may_use_the_callers_processors) {
    cpu_set_t caller;
    BOOST_REQUIRE(sched_getaffinity(0, sizeof caller, &caller) == 0);
    cpu_set_t seen;
    CPU_ZERO(&seen);
    Beside side([&] { sched_getaffinity(0, sizeof seen, &seen); });
    side.wait();
    BOOST_TEST(CPU_EQUAL(&seen, &caller));
}

// A caller limited to one processor still gets its task run (there is nowhere else to go).
BOOST_AUTO_TEST_CASE(a_caller_on_one_processor_still_runs_its_task) {
    cpu_set_t before;
    BOOST_REQUIRE(sched_getaffinity(0, sizeof before, &before) == 0);
    cpu_set_t one;
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &before)) {
            CPU_SET(cpu, &one);
            break;
        }
    BOOST_REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
    bool ran = false;
    cpu_set_t seen;
    CPU_ZERO(&seen);
    {
        Beside side([&] {
            ran = true;
            sched_getaffinity(0, sizeof seen, &seen);
        });
        side.wait();
    }
    sched_setaffinity(0, sizeof before, &before);
    BOOST_TEST(ran);
    BOOST_TEST(CPU_EQUAL(&seen, &one));
}
