// One attempt at one site, from job folder to store: hand it to a worker, read what it left,
// decide done / retry / failed, and record it in one transaction with the report files moved
// into place.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "audit/audit.h"
#include "batch/progress.h"
#include "batch/scheduler.h"
#include "batch/store.h"
#include "batch/worker_process.h"

namespace omnicheck::batch {

struct SiteRunnerConfig {
  std::filesystem::path out_dir;   // sites/ below it receives the reports
  std::filesystem::path work_dir;  // job folders, one per attempt
  std::string session_uid;
  audit::Options settings;         // shared audit settings (see BatchOptions::audit)
  int retries = 2;
  std::chrono::seconds timeout{900};
};

class SiteRunner {
 public:
  SiteRunner(Store& store, Progress& progress, SiteRunnerConfig config)
      : store_(store), progress_(progress), config_(std::move(config)) {}

  // Runs the attempt on `worker` (the calling thread's worker slot) and records it. Returns
  // the task to queue again when the attempt failed and retries remain, or when it was
  // interrupted without the batch stopping.
  std::optional<Task> run(const Task& task, WorkerProcess& worker, const std::atomic<bool>& stop);

 private:
  void install_reports(const std::filesystem::path& job_dir, const std::string& folder);

  Store& store_;
  Progress& progress_;
  SiteRunnerConfig config_;
};

// Why a URL site counts as unreachable: no page of the crawl came back with a 2xx answer (the
// start page's error, or its HTTP status). "" when some page was read, or when the site's
// robots.txt forbids the crawl (a permanent answer, recorded as the audit's inconclusive
// findings). Such an attempt is retried like a failure instead of being recorded as a site
// whose every rule is inconclusive because of a passing outage.
std::string unreachable_reason(const nlohmann::json& report);

}  // namespace omnicheck::batch
