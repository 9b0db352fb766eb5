// The batch's side of a worker process. A worker is long-lived: it loads the rules and lexicons
// once and audits site after site, one at a time, each handed over on a socket (the protocol is
// in worker.h). The batch waits for each site within the site's time limit and says what became
// of the attempt; a worker that dies, hangs or is killed costs only the site it was on, and the
// next site gets a new worker. Workers are retired (and replaced on demand) after a number of
// sites or when their memory grows, so no worker grows without bound.
#pragma once

#include <sys/types.h>

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

// When a worker is retired after a site (it ends cleanly; the slot starts a new one for its
// next site).
struct WorkerPolicy {
  int max_sites = 250;          // sites audited by one worker process
  long max_growth_mb = 64;      // VmRSS after a site above VmRSS after its first site
};

// How workers are started: `program args... SLOT_FOLDER`.
class WorkerLauncher {
 public:
  WorkerLauncher(std::string program, std::vector<std::string> args, WorkerPolicy policy = {});
  const std::string& program() const { return program_; }
  const std::vector<std::string>& args() const { return args_; }
  const WorkerPolicy& policy() const { return policy_; }
  // The workers' environment: the batch's, with OMNICHECK_THREADS=1 unless it is set (the
  // batch runs --jobs sites at once; threads inside each audit would only compete with them).
  const std::vector<std::string>& env() const { return env_; }

 private:
  std::string program_;
  std::vector<std::string> args_;
  WorkerPolicy policy_;
  std::vector<std::string> env_;
};

// One worker slot of the batch: at most one worker process at a time, started when a site
// needs it. Used by one batch thread; not thread-safe.
class WorkerProcess {
 public:
  // `folder`: the slot's folder (created; holds worker.log, the log of the current worker).
  WorkerProcess(const WorkerLauncher& launcher, std::filesystem::path folder);
  ~WorkerProcess();
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  // Runs one attempt on `job_dir` (holding job.json), starting a worker when there is none.
  // Kills the worker when `timeout` passes or `stop` becomes true (then the outcome is
  // "interrupted").
  Attempt run(const std::filesystem::path& job_dir, std::chrono::seconds timeout, const std::atomic<bool>& stop);

  // Ends the worker, if there is one: closes its socket (it exits when it reads the end),
  // waits up to `grace`, then kills it.
  void retire(std::chrono::milliseconds grace = std::chrono::milliseconds(2000));

  // Counters for tests and the log: worker processes started, sites given to them.
  int workers_started() const { return started_; }
  pid_t pid() const { return pid_; }

 private:
  bool start(std::string& error);
  void kill_and_reap();
  Attempt lost(int status, const std::string& log_tail_text, const std::atomic<bool>& stop);

  const WorkerLauncher& launcher_;
  std::filesystem::path folder_;
  std::filesystem::path log_;
  pid_t pid_ = -1;
  int fd_ = -1;        // the batch's end of the socket
  int sites_ = 0;      // sites this worker was given
  long first_rss_kb_ = 0;
  int started_ = 0;
  std::string inbox_;  // bytes read past the last reply
};

// The path of the running executable (/proc/self/exe), for starting workers of the same build.
std::string self_executable();

// VmRSS of a process in KiB (0 when it cannot be read).
long process_rss_kb(pid_t pid);

}  // namespace omnicheck::batch
