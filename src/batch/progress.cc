#include "batch/progress.h"

#include "report/report.h"

#include <cmath>
#include <cstdio>

namespace omnicheck::batch {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", s);
  }
  return buf;
}

Progress::Progress(std::ostream& out, bool terminal, bool quiet, int total, int already_done, int already_failed,
                   std::chrono::seconds interval)
    : out_(out),
      terminal_(terminal),
      quiet_(quiet),
      total_(total),
      done_(already_done),
      failed_(already_failed),
      interval_(terminal ? std::chrono::seconds(1) : interval),
      start_(std::chrono::steady_clock::now()) {
  if (!quiet_) ticker_ = std::thread([this] { loop(); });
}

Progress::~Progress() { stop(); }

std::string Progress::line() const {
  std::lock_guard<std::mutex> lock(mu_);
  return line_locked();
}

std::string Progress::line_locked() const {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? finished_now_ / elapsed : 0;
  const int left = total_ - done_ - failed_;
  char rate_text[32];
  std::snprintf(rate_text, sizeof rate_text, "%.2f", rate);
  std::string eta = left == 0 ? "0s" : (rate > 0 ? format_duration(left / rate) : "?");
  return std::to_string(done_ + failed_) + "/" + std::to_string(total_) + " sites recorded, " +
         std::to_string(failed_) + " failed, " + std::to_string(running_) + " running, " + rate_text +
         " sites/s, ETA " + eta;
}

void Progress::print_locked(const std::string& raw) {
  if (quiet_) return;
  // A site's id and a failure's reason may quote the merchant (a Location header holding ESC or
  // BEL): one visible line, nothing the terminal acts on.
  const std::string message = report::show_controls(raw, false);
  if (terminal_) {
    out_ << "\r\033[K" << message << "\n" << line_locked() << std::flush;
  } else {
    out_ << message << "\n" << std::flush;
  }
}

void Progress::started() {
  std::lock_guard<std::mutex> lock(mu_);
  ++running_;
}

void Progress::finished(bool failed, const std::string& site_id, const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  --running_;
  ++finished_now_;
  (failed ? failed_ : done_)++;
  if (failed) print_locked("failed: " + site_id + ": " + reason);
}

void Progress::retrying(const std::string& site_id, const std::string& reason) {
  std::lock_guard<std::mutex> lock(mu_);
  --running_;
  if (!terminal_) print_locked("will retry: " + site_id + ": " + reason);
}

void Progress::interrupted() {
  std::lock_guard<std::mutex> lock(mu_);
  --running_;
}

void Progress::loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    if (terminal_) {
      out_ << "\r\033[K" << line_locked() << std::flush;
    } else {
      out_ << line_locked() << "\n" << std::flush;
    }
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

void Progress::stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  if (quiet_) return;
  std::lock_guard<std::mutex> lock(mu_);
  out_ << (terminal_ ? "\r\033[K" : "") << line_locked() << "\n" << std::flush;
}

}  // namespace omnicheck::batch
