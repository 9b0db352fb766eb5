#include "batch/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "batch/worker.h"

extern char** environ;

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The last lines a dying worker wrote (a sanitizer summary, an uncaught exception): they are
// the reason a person needs when a site is recorded as failed.
std::string log_tail(const fs::path& log) {
  std::vector<std::string> lines;
  std::istringstream in(read_text(log));
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
  }
  std::string tail;
  for (std::size_t i = lines.size() > 3 ? lines.size() - 3 : 0; i < lines.size(); ++i) {
    tail += (tail.empty() ? "" : " | ") + lines[i];
  }
  if (tail.size() > 600) tail = "..." + tail.substr(tail.size() - 600);
  return tail.empty() ? "" : " (worker log: " + tail + ")";
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  const char* descr = sigdescr_np(sig);
  return "signal " + std::to_string(sig) + (abbrev ? std::string(" SIG") + abbrev : "") +
         (descr ? std::string(", ") + descr : "");
}

// Reaps `pid`, waiting for it; returns its wait status.
int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

Attempt classify(const fs::path& dir, int status) {
  Attempt a;
  const fs::path log = dir / kWorkerLog;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
      a.outcome = "interrupted";
      a.reason = "audit stopped by " + signal_name(sig);
      return a;  // the caller decides whether the batch is stopping too
    }
    a.outcome = "crash";
    a.reason = "audit process killed by " + signal_name(sig) +
               (sig == SIGKILL ? " (out of memory?)" : "") + log_tail(log);
    return a;
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  const std::string result_text = read_text(dir / kResultFile);
  const auto result = nlohmann::json::parse(result_text, nullptr, false);
  if (result_text.empty() || result.is_discarded() || !result.is_object()) {
    a.outcome = "crash";
    a.reason = "audit process exited with status " + std::to_string(code) + " and no result" + log_tail(log);
    return a;
  }
  a.outcome = result.value("outcome", "error");
  a.reason = result.value("reason", "");
  if (a.outcome == "done") {
    a.report_text = read_text(dir / "report.json");
    a.report = nlohmann::json::parse(a.report_text, nullptr, false);
    if (a.report.is_discarded() || !a.report.is_object() || !fs::exists(dir / "report.html")) {
      a.outcome = "error";
      a.reason = "the audit's report files are missing or unreadable in " + dir.string();
    }
  } else if (a.outcome != "input_error" && a.outcome != "error") {
    a.reason = "unknown worker outcome '" + a.outcome + "': " + a.reason;
    a.outcome = "error";
  }
  return a;
}

}  // namespace

std::string self_executable() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

WorkerLauncher::WorkerLauncher(std::string program, std::vector<std::string> args)
    : program_(std::move(program)), args_(std::move(args)) {}

Attempt WorkerLauncher::run(const fs::path& job_dir, std::chrono::seconds timeout, const std::atomic<bool>& stop) const {
  std::vector<std::string> argv_s = {program_};
  argv_s.insert(argv_s.end(), args_.begin(), args_.end());
  argv_s.push_back(job_dir.string());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  const std::string log = (job_dir / kWorkerLog).string();

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  // The worker starts with no blocked signals and default dispositions, whatever the batch
  // installed for itself.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int rc = ::posix_spawn(&pid, program_.c_str(), &fa, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return {"error", "cannot start the audit worker " + program_ + ": " + strerror(rc), {}, {}};

  // A pidfd lets the wait sleep in poll() until the worker ends; without one (old kernels) the
  // loop polls waitpid.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      if (pidfd >= 0) ::close(pidfd);
      Attempt a = classify(job_dir, status);
      if (a.outcome == "interrupted") {
        // Ctrl-C, Slurm and Kubernetes signal the whole process group: the batch may not have
        // seen its own signal yet. Only a stopping batch makes the attempt not count.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        if (!stop.load()) {
          a.outcome = "crash";
          a.reason = "audit process " + a.reason.substr(std::string("audit ").size()) + log_tail(job_dir / kWorkerLog);
        }
      }
      return a;
    }
    const bool stopping = stop.load();
    const bool late = std::chrono::steady_clock::now() >= deadline;
    if (stopping || late) {
      ::kill(pid, SIGKILL);
      reap(pid);
      if (pidfd >= 0) ::close(pidfd);
      if (stopping) return {"interrupted", "the batch is stopping", {}, {}};
      return {"timeout", "audit did not finish within " + std::to_string(timeout.count()) + " s", {}, {}};
    }
    if (pidfd >= 0) {
      pollfd p{pidfd, POLLIN, 0};
      ::poll(&p, 1, 200);
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

}  // namespace omnicheck::batch
