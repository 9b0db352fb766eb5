// The queue of sites a batch still has to audit, shared by its worker threads. Sites come out
// in list order, except that no two sites on the same host are audited at once: the crawler's
// per-host politeness (concurrency, delay, Crawl-delay) lives inside one audit, so two list
// lines on one host audited side by side would double the load on that merchant's server.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "batch/site_list.h"

namespace omnicheck::batch {

struct Task {
  Site site;
  int attempt = 1;  // the attempt this run is about to make
};

class Scheduler {
 public:
  explicit Scheduler(std::deque<Task> tasks) : queue_(std::move(tasks)) {}

  // The next task whose host is free; waits while every queued site's host is busy or while
  // the queue is empty but a running task may still come back for a retry. nullopt once there
  // is nothing left, or when `stop` is set.
  std::optional<Task> take(const std::atomic<bool>& stop);
  // A taken task is over; `retry` goes to the back of the queue.
  void finish(const Task& task, std::optional<Task> retry);
  // Wakes waiting threads (after `stop` was set).
  void wake();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  std::set<std::string> busy_hosts_;
  int running_ = 0;
};

}  // namespace omnicheck::batch
