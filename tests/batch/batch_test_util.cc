#include "batch/batch_test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

extern char** environ;

namespace omnicheck::batch::testing {

namespace fs = std::filesystem;

ScratchDir::ScratchDir(const std::string& name)
    : path_(fs::temp_directory_path() / ("omnicheck-batch-" + name + "-" + std::to_string(::getpid()))) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_text(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<std::vector<std::string>> query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(h);
    throw std::runtime_error("cannot open " + db.string());
  }
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(h);
    sqlite3_close(h);
    throw std::runtime_error(msg + " in " + sql);
  }
  std::vector<std::vector<std::string>> rows;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
      row.emplace_back(t ? t : "");
    }
    rows.push_back(std::move(row));
  }
  sqlite3_finalize(st);
  std::string msg = sqlite3_errmsg(h);
  sqlite3_close(h);
  if (rc != SQLITE_DONE) throw std::runtime_error(msg + " in " + sql);
  return rows;
}

std::map<std::string, SiteResult> site_results(const fs::path& db) {
  std::map<std::string, SiteResult> out;
  for (const auto& r : query(db, "SELECT site_id, state, reason FROM sites")) {
    out[r[0]].state = r[1];
    out[r[0]].reason = r[2];
  }
  for (const auto& r : query(db, "SELECT site_id, count(*) FROM runs WHERE outcome = 'done' GROUP BY site_id")) {
    out[r[0]].done_runs = std::stoi(r[1]);
  }
  for (const auto& r : query(db,
                             "SELECT f.site_id, f.rule, f.status, f.severity, f.message, f.evidence FROM findings f "
                             "JOIN runs r ON r.run_id = f.run_id ORDER BY f.site_id, f.seq")) {
    auto evidence = nlohmann::json::parse(r[5]);
    for (auto& e : evidence) e.erase("fetched_at");
    out[r[0]].findings.push_back(r[1] + "|" + r[2] + "|" + r[3] + "|" + r[4] + "|" + evidence.dump());
  }
  return out;
}

pid_t spawn_omnicheck(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<std::string> argv_s = {omnicheck::testing::omnicheck_binary()};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_s) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv_s[0].c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot start " + argv_s[0]);
  return pid;
}

int wait_exit(pid_t pid, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_omnicheck(const std::vector<std::string>& args, std::string* output, int seconds) {
  const fs::path log = fs::temp_directory_path() / ("omnicheck-batch-run-" + std::to_string(::getpid()) + ".log");
  fs::remove(log);
  const int code = wait_exit(spawn_omnicheck(args, log), seconds);
  if (output) *output = omnicheck::testing::read_file(log);
  fs::remove(log);
  return code;
}

std::vector<pid_t> processes_mentioning(const std::string& text) {
  std::vector<pid_t> out;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(entry.path() / "cmdline", std::ios::binary);
    std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (cmd.find(text) != std::string::npos) out.push_back(std::stoi(name));
  }
  return out;
}

}  // namespace omnicheck::batch::testing
