#include "batch/worker_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "batch/line_socket.h"
#include "batch/store.h"
#include "batch/worker.h"

extern char** environ;

namespace omnicheck::batch {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::string read_text(const fs::path& p, std::uintmax_t from = 0) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  if (from > 0) in.seekg(static_cast<std::streamoff>(from));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The last lines a dying worker wrote while on this site (a sanitizer summary, an uncaught
// exception): they are the reason a person needs when a site is recorded as failed.
std::string log_tail(const fs::path& log, std::uintmax_t from) {
  std::vector<std::string> lines;
  std::istringstream in(read_text(log, from));
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

std::uintmax_t file_size_or_zero(const fs::path& p) {
  std::error_code ec;
  const auto n = fs::file_size(p, ec);
  return ec ? 0 : n;
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  const char* descr = sigdescr_np(sig);
  return "signal " + std::to_string(sig) + (abbrev ? std::string(" SIG") + abbrev : "") +
         (descr ? std::string(", ") + descr : "");
}

int reap(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// The attempt from the worker's reply line.
Attempt from_reply(const fs::path& dir, const nlohmann::json& result) {
  Attempt a;
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

long process_rss_kb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/statm");
  long size = 0, resident = 0;
  if (!(in >> size >> resident)) return 0;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024);
}

WorkerLauncher::WorkerLauncher(std::string program, std::vector<std::string> args, WorkerPolicy policy)
    : program_(std::move(program)), args_(std::move(args)), policy_(policy) {
  bool threads_set = false;
  for (char** e = environ; e && *e; ++e) {
    env_.emplace_back(*e);
    if (env_.back().starts_with("OMNICHECK_THREADS=")) threads_set = true;
  }
  if (!threads_set) env_.emplace_back("OMNICHECK_THREADS=1");
}

WorkerProcess::WorkerProcess(const WorkerLauncher& launcher, fs::path folder)
    : launcher_(launcher), folder_(std::move(folder)), log_(folder_ / kWorkerLog) {}

WorkerProcess::~WorkerProcess() { retire(std::chrono::milliseconds(500)); }

bool WorkerProcess::start(std::string& error) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    error = std::string("cannot create the worker socket: ") + strerror(errno);
    return false;
  }
  // The worker's end goes to its fd 3 through dup2, which clears close-on-exec; keep it clear
  // of 0-3 so that no other file action of the spawn closes or shadows it.
  if (sv[1] <= kWorkerSocketFd) {
    const int moved = ::fcntl(sv[1], F_DUPFD_CLOEXEC, 10);
    ::close(sv[1]);
    sv[1] = moved;
    if (moved < 0) {
      ::close(sv[0]);
      error = std::string("cannot create the worker socket: ") + strerror(errno);
      return false;
    }
  }
  std::vector<std::string> argv_s = {launcher_.program()};
  argv_s.insert(argv_s.end(), launcher_.args().begin(), launcher_.args().end());
  argv_s.push_back(folder_.string());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& s : launcher_.env()) envp.push_back(const_cast<char*>(s.c_str()));
  envp.push_back(nullptr);
  const std::string log = log_.string();

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  posix_spawn_file_actions_adddup2(&fa, sv[1], kWorkerSocketFd);
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
  const int rc = ::posix_spawn(&pid, launcher_.program().c_str(), &fa, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  ::close(sv[1]);
  if (rc != 0) {
    ::close(sv[0]);
    error = "cannot start the audit worker " + launcher_.program() + ": " + strerror(rc);
    return false;
  }
  pid_ = pid;
  fd_ = sv[0];
  sites_ = 0;
  first_rss_kb_ = 0;
  inbox_.clear();
  ++started_;
  return true;
}

void WorkerProcess::kill_and_reap() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    reap(pid_);
  }
  pid_ = -1;
}

void WorkerProcess::retire(std::chrono::milliseconds grace) {
  if (fd_ >= 0) ::close(fd_);  // the worker reads end of file and exits
  fd_ = -1;
  if (pid_ <= 0) return;
  const auto until = Clock::now() + grace;
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (Clock::now() >= until) {
      ::kill(pid_, SIGKILL);
      reap(pid_);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  pid_ = -1;
}

// The worker ended without a reply for this site: say why, from its wait status.
Attempt WorkerProcess::lost(int status, const std::string& tail, const std::atomic<bool>& stop) {
  Attempt a;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
      // Ctrl-C, Slurm and Kubernetes signal the whole process group: the batch may not have
      // seen its own signal yet. Only a stopping batch makes the attempt not count.
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      if (stop.load()) return {"interrupted", "audit stopped by " + signal_name(sig), {}, {}};
      a.outcome = "crash";
      a.reason = "audit process stopped by " + signal_name(sig) + tail;
      return a;
    }
    a.outcome = "crash";
    a.reason = "audit process killed by " + signal_name(sig) + (sig == SIGKILL ? " (out of memory?)" : "") + tail;
    return a;
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  a.outcome = "crash";
  a.reason = "audit process exited with status " + std::to_string(code) + " and no result" + tail;
  return a;
}

Attempt WorkerProcess::run(const fs::path& job_dir, std::chrono::seconds timeout, const std::atomic<bool>& stop) {
  const auto deadline = Clock::now() + timeout;
  // A worker that ended, or said something, while it had no site (killed from outside between
  // two sites): replaced without charging the next site.
  if (pid_ > 0) {
    pollfd p{fd_, POLLIN, 0};
    if (!inbox_.empty() || ::poll(&p, 1, 0) != 0) kill_and_reap();
  }
  // The log tail of a failed attempt quotes what the worker wrote while on this site: since it
  // was handed the site, or since it started when it was started for this site.
  std::uintmax_t log_from = 0;
  if (pid_ <= 0) {
    std::string error;
    if (!start(error)) return {"error", error, {}, {}};
  } else {
    log_from = file_size_or_zero(log_);
  }
  ++sites_;
  const auto wait_for_end = [&]() -> Attempt {
    // The socket closed: the worker is ending (or ended). Reap it, within the site's limits.
    int status = 0;
    for (;;) {
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) break;
      if (r < 0 && errno != EINTR) break;
      if (stop.load() || Clock::now() >= deadline) {
        kill_and_reap();
        if (stop.load()) return {"interrupted", "the batch is stopping", {}, {}};
        return {"timeout", "audit did not finish within " + std::to_string(timeout.count()) + " s", {}, {}};
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::close(fd_);
    fd_ = -1;
    pid_ = -1;
    return lost(status, log_tail(log_, log_from), stop);
  };

  if (!send_all(fd_, json_text({{"job_dir", fs::absolute(job_dir).string()}}) + "\n")) return wait_for_end();
  for (;;) {
    if (const auto nl = inbox_.find('\n'); nl != std::string::npos) {
      const std::string line = inbox_.substr(0, nl);
      inbox_.erase(0, nl + 1);
      const auto result = nlohmann::json::parse(line, nullptr, false);
      if (result.is_discarded() || !result.is_object()) {
        const std::string tail = log_tail(log_, log_from);
        kill_and_reap();
        return {"crash", "audit process sent an unreadable reply: " + line.substr(0, 200) + tail, {}, {}};
      }
      Attempt a = from_reply(job_dir, result);
      // Retirement: after max_sites, or when the worker holds much more memory than after its
      // first site (the site's memory was handed back before the reply, so what remains is
      // growth: caches, fragmentation, a leak).
      const long rss = process_rss_kb(pid_);
      if (sites_ == 1) first_rss_kb_ = rss;
      const WorkerPolicy& policy = launcher_.policy();
      if (sites_ >= policy.max_sites || (rss > 0 && rss - first_rss_kb_ > policy.max_growth_mb * 1024)) retire();
      return a;
    }
    const bool stopping = stop.load();
    const auto now = Clock::now();
    if (stopping || now >= deadline) {
      kill_and_reap();
      if (stopping) return {"interrupted", "the batch is stopping", {}, {}};
      return {"timeout", "audit did not finish within " + std::to_string(timeout.count()) + " s", {}, {}};
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(200, left + 1)));
    if (ready <= 0) continue;
    char chunk[4096];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n > 0) {
      inbox_.append(chunk, static_cast<std::size_t>(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
      return wait_for_end();
    }
  }
}

}  // namespace omnicheck::batch
