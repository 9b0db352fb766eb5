// parallel_for: every index exactly once, results in index order whatever the thread count,
// and a failure in one call reaches the caller after the other threads stopped.
#include "common/parallel_for.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace omnicheck::common {
namespace {

class ThreadsEnv {
 public:
  explicit ThreadsEnv(const char* n) {
    if (const char* old = std::getenv("OMNICHECK_THREADS")) old_ = old;
    setenv("OMNICHECK_THREADS", n, 1);
  }
  ~ThreadsEnv() { old_.empty() ? unsetenv("OMNICHECK_THREADS") : setenv("OMNICHECK_THREADS", old_.c_str(), 1); }

 private:
  std::string old_;
};

TEST(ParallelFor, EveryIndexOnceInItsOwnSlot) {
  for (const char* threads : {"1", "2", "7"}) {
    ThreadsEnv env(threads);
    std::vector<int> calls(1000, 0);
    std::vector<std::thread::id> who(1000);
    parallel_for(calls.size(), [&](std::size_t i) {
      calls[i]++;
      who[i] = std::this_thread::get_id();
    });
    for (std::size_t i = 0; i < calls.size(); ++i) ASSERT_EQ(calls[i], 1) << "index " << i << ", threads " << threads;
  }
}

TEST(ParallelFor, ThreadCountFromEnvironment) {
  {
    ThreadsEnv env("3");
    EXPECT_EQ(worker_threads(), 3u);
  }
  {
    ThreadsEnv env("0");  // not a usable count: the default applies
    EXPECT_GE(worker_threads(), 1u);
    EXPECT_LE(worker_threads(), 8u);
  }
}

TEST(ParallelFor, OneThreadRunsOnTheCaller) {
  ThreadsEnv env("1");
  std::thread::id caller = std::this_thread::get_id();
  parallel_for(5, [&](std::size_t) { EXPECT_EQ(std::this_thread::get_id(), caller); });
}

TEST(ParallelFor, FirstFailureIsRethrownAfterAllThreadsStopped) {
  ThreadsEnv env("4");
  std::atomic<int> running{0};
  try {
    parallel_for(200, [&](std::size_t i) {
      running++;
      if (i == 17) {
        running--;
        throw std::runtime_error("page 17 is broken");
      }
      running--;
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "page 17 is broken");
  }
  EXPECT_EQ(running.load(), 0) << "a thread was still inside a call when the caller got the error";
}

TEST(ParallelFor, NothingToDo) {
  bool called = false;
  parallel_for(0, [&](std::size_t) { called = true; });
  EXPECT_FALSE(called);
}

}  // namespace
}  // namespace omnicheck::common
