// The batch's side of a worker process: start it on a job folder, wait for it within the
// site's time limit, and say what became of the attempt.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace omnicheck::batch {

struct Attempt {
  // done | input_error | error | crash | timeout, or interrupted: the batch is stopping (its
  // stop flag is set) and the attempt does not count. A worker that died by SIGINT, SIGTERM or
  // SIGHUP while the batch goes on counts as a crash, so no site can loop forever.
  std::string outcome;
  std::string reason;
  nlohmann::json report;  // parsed report.json when done
  std::string report_text;
};

class WorkerLauncher {
 public:
  // `program` and `args` start a worker; the job folder is appended as the last argument.
  WorkerLauncher(std::string program, std::vector<std::string> args);

  // Runs one attempt on `job_dir` (holding job.json). Kills the worker when `timeout` passes
  // or `stop` becomes true (then the outcome is "interrupted").
  Attempt run(const std::filesystem::path& job_dir, std::chrono::seconds timeout, const std::atomic<bool>& stop) const;

 private:
  std::string program_;
  std::vector<std::string> args_;
};

// The path of the running executable (/proc/self/exe), for starting workers of the same build.
std::string self_executable();

}  // namespace omnicheck::batch
