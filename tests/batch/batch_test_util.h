// Helpers shared by the batch tests: scratch folders, files, the store read back with plain
// SQL (not through the code under test), and the omnicheck binary run as a child process.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace omnicheck::batch::testing {

// A fresh folder under the system temp dir, removed by the destructor.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
};

void write_text(const std::filesystem::path& p, const std::string& text);

// Rows of a query on a store file, every column as text ("" for NULL).
std::vector<std::vector<std::string>> query(const std::filesystem::path& db, const std::string& sql);

// One site as the store holds it, evidence without its fetch times (they differ between runs
// by design), for comparing two runs.
struct SiteResult {
  std::string state, reason;
  int done_runs = 0;
  std::vector<std::string> findings;  // "rule|status|severity|message|evidence-json"
  bool operator==(const SiteResult&) const = default;
};
std::map<std::string, SiteResult> site_results(const std::filesystem::path& db);

// The omnicheck binary with `args`, stdout and stderr to `log`; returns its pid.
pid_t spawn_omnicheck(const std::vector<std::string>& args, const std::filesystem::path& log);
// Waits up to `seconds` for `pid`; returns its exit code, or -1 (killed / still running, then
// killed).
int wait_exit(pid_t pid, int seconds);
// Runs the binary to completion; returns its exit code and fills `output` with stdout+stderr.
int run_omnicheck(const std::vector<std::string>& args, std::string* output, int seconds = 300);

// Processes whose command line mentions `text` (leftover workers of a killed batch).
std::vector<pid_t> processes_mentioning(const std::string& text);

}  // namespace omnicheck::batch::testing
