// What a person watching a batch sees. On a terminal: one line rewritten in place,
//   312/10000 sites recorded, 4 failed, 8 running, 2.40 sites/s, ETA 1h07m
// and failures printed above it as they happen. Elsewhere (a log file, Slurm's output, a
// Kubernetes pod log): the same line as a plain line every `interval`, and each failure on a
// line of its own. Quiet: nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>

namespace omnicheck::batch {

class Progress {
 public:
  // `total`: sites of this run's list (shard); `already`: of those, recorded before this run.
  Progress(std::ostream& out, bool terminal, bool quiet, int total, int already_done, int already_failed,
           std::chrono::seconds interval);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void started();
  void finished(bool failed, const std::string& site_id, const std::string& reason);
  void retrying(const std::string& site_id, const std::string& reason);
  void interrupted();  // an attempt stopped with the batch: neither recorded nor reported
  void stop();  // final line; idempotent

  std::string line() const;  // the status line (without terminal control codes)

 private:
  void loop();
  void print_locked(const std::string& message);  // a message line, then the status line again
  std::string line_locked() const;

  std::ostream& out_;
  const bool terminal_, quiet_;
  const int total_;
  int done_, failed_;
  int finished_now_ = 0;  // this run, for the rate
  int running_ = 0;
  const std::chrono::seconds interval_;
  const std::chrono::steady_clock::time_point start_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread ticker_;
};

// "1h07m", "4m05s", "12s".
std::string format_duration(double seconds);

}  // namespace omnicheck::batch
