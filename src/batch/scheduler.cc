#include "batch/scheduler.h"

#include <chrono>

namespace omnicheck::batch {

std::optional<Task> Scheduler::take(const std::atomic<bool>& stop) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (stop.load()) return std::nullopt;
    for (auto it = queue_.begin(); it != queue_.end(); ++it) {
      if (!it->site.host.empty() && busy_hosts_.count(it->site.host)) continue;
      Task t = std::move(*it);
      queue_.erase(it);
      if (!t.site.host.empty()) busy_hosts_.insert(t.site.host);
      ++running_;
      return t;
    }
    if (queue_.empty() && running_ == 0) return std::nullopt;
    // The timeout only bounds how late a stop request is noticed.
    cv_.wait_for(lock, std::chrono::milliseconds(200));
  }
}

void Scheduler::finish(const Task& task, std::optional<Task> retry) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!task.site.host.empty()) busy_hosts_.erase(task.site.host);
    --running_;
    if (retry) queue_.push_back(std::move(*retry));
  }
  cv_.notify_all();
}

void Scheduler::wake() { cv_.notify_all(); }

}  // namespace omnicheck::batch
