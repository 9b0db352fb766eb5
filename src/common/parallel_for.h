// parallel_for: runs fn(0) … fn(n-1) on a few threads and returns when all are done. The
// pipeline uses it for work that is independent page by page (parsing, page extraction): each
// call writes only to its own slot, so results come out in index order whatever the thread
// timing, and an audit gives the same report on 1 or 16 cores.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace omnicheck::common {

// Threads used by parallel_for: OMNICHECK_THREADS when set (1 = everything on the calling
// thread, for debugging and for measuring one core), else the CPUs, at most 8.
inline std::size_t worker_threads() {
  if (const char* env = std::getenv("OMNICHECK_THREADS")) {
    long n = std::strtol(env, nullptr, 10);
    if (n >= 1) return static_cast<std::size_t>(std::min(n, 64L));
  }
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// The first exception thrown by any fn(i) is rethrown here after every thread has stopped
// (the remaining indexes are skipped once one failed).
template <typename Fn>
void parallel_for(std::size_t n, Fn&& fn) {
  std::size_t threads = std::min(worker_threads(), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i; !failed.load(std::memory_order_relaxed) && (i = next.fetch_add(1)) < n;) {
      try {
        fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();  // the calling thread takes its share
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace omnicheck::common
