// The batch store: one SQLite file per output folder holding the site list, every audit attempt
// and every finding with its evidence. It is the record a batch resumes from and the source of
// the aggregate outputs; the schema is documented in docs/batch.md.
//
// Durability: WAL journal with synchronous=FULL, so a committed site survives a crash of the
// process or of the machine; a site's run, findings and state change commit in one
// transaction, so a kill leaves each site either wholly recorded or still pending.
// Exclusivity: the connection uses locking_mode=EXCLUSIVE, which keeps the WAL index in the
// process's memory (no shared-memory file, so the store also works on network file systems)
// and makes a second process opening the same store fail instead of recording sites twice.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/site_list.h"
#include "batch/sqlite_db.h"

namespace omnicheck::batch {

inline constexpr const char* kStoreFile = "batch.sqlite";
inline constexpr int kSchemaVersion = 1;

// Site states (contract of the store): pending (not yet recorded), done (one `done` run with
// its findings), failed (given up, with the reason).
struct StoredSite {
  Site site;
  std::string state;
  int attempts = 0;
  std::string reason;      // why it failed
  std::string report_dir;  // folder under sites/ holding report.json and report.html, or ""
  std::string updated_at;
};

// Outcome of one audit attempt of one site.
struct RunRecord {
  std::string run_uid;      // random, unique across every store: merges match runs by it
  std::string site_id;
  std::string session_uid;  // the batch invocation that ran it
  int attempt = 1;
  std::string started_at, finished_at;
  std::string outcome;      // done | unreachable | error | crash | timeout | input_error
  std::string reason;       // empty for done
  std::string audit_date, tool_version, rules_version;
  int pages_fetched = 0;
  std::string report_sha256;  // of the site's report.json, when one was kept
  nlohmann::json summary = nlohmann::json::object();  // findings per status
};

struct FindingRecord {
  int seq = 0;  // position in the report
  std::string rule, title, status, severity, message;
  nlohmann::json law = nlohmann::json::array();
  nlohmann::json evidence = nlohmann::json::array();
};

struct SessionRecord {
  std::string session_uid, started_at, finished_at, host, shard, tool_version, rules_version, outcome;
  std::int64_t pid = 0;
  int jobs = 0;
};

struct StoreCounts {
  int total = 0, pending = 0, done = 0, failed = 0;
};

struct SyncResult {
  int added = 0;          // new sites
  int updated = 0;        // pending or failed sites whose line changed (failed ones retried)
  int changed_done = 0;   // done sites whose line changed since: kept as they were recorded
  int not_in_list = 0;    // sites in the store the list no longer names: kept
};

class Store {
 public:
  // Opens `file`, creating it and its schema when absent. Throws StoreError when the file is
  // not a store of this schema version or another process holds it.
  explicit Store(const std::filesystem::path& file);
  ~Store();

  std::optional<std::string> meta(const std::string& key);
  void set_meta(const std::string& key, const std::string& value);

  void begin_session(const SessionRecord& s);
  void finish_session(const std::string& session_uid, const std::string& outcome);
  void add_session(const SessionRecord& s);  // as recorded elsewhere (merge); ignored when present
  std::vector<SessionRecord> sessions();

  // Brings the list (one shard of it) into the store: new sites become pending, or failed at
  // once when their line cannot be audited; a pending or failed site whose line changed takes
  // the new line and becomes pending again (or failed, if the new line is bad too).
  SyncResult sync_sites(const std::vector<Site>& sites, const std::string& session_uid);
  // The list's lines that name no site, replaced wholesale on every run (line, message).
  void set_line_errors(const std::vector<std::pair<int, std::string>>& errors);
  void add_line_errors(const std::vector<std::pair<int, std::string>>& errors);  // merge: union
  std::vector<std::pair<int, std::string>> line_errors();

  std::vector<StoredSite> sites(const std::string& state = "");  // by list line, then id
  std::optional<StoredSite> site(const std::string& site_id);
  StoreCounts counts();

  // Records a completed audit: the run, its findings and the site's `done` state in one
  // transaction. `install` runs inside it, before the commit (it moves the report files into
  // place, so a kill leaves either both or a pending site whose files the next run replaces).
  // Returns false, recording nothing, when the site is not pending.
  bool record_done(const RunRecord& run, const std::vector<FindingRecord>& findings,
                   const std::string& report_dir, const std::function<void()>& install = {});
  // Records a failed attempt; with `final` the site becomes failed with the run's reason.
  // Returns false, recording nothing, when the site is not pending.
  bool record_failure(const RunRecord& run, bool final, const std::string& report_dir = "",
                      const std::function<void()>& install = {});
  // Failed sites become pending again with their attempts reset (--retry-failed).
  int reset_failed();

  // Runs and findings of one site as recorded (merge copies them).
  std::vector<RunRecord> runs(const std::string& site_id);
  std::vector<FindingRecord> findings(const std::string& run_uid);
  // Replaces everything known about one site with a copy from another store, in one
  // transaction (merge); `install` runs before the commit.
  void replace_site(const StoredSite& site, const std::vector<RunRecord>& runs,
                    const std::vector<std::vector<FindingRecord>>& findings_per_run,
                    const std::function<void()>& install = {});

  // For the aggregate: one call under the store's lock.
  template <typename F>
  auto with_db(F&& f) {
    std::lock_guard<std::mutex> lock(mu_);
    return f(db_);
  }

  static std::string new_uid();  // 128 random bits, hex

 private:
  void create_schema();
  void insert_run(const RunRecord& run);
  void insert_findings(std::int64_t run_id, const std::string& site_id, const std::vector<FindingRecord>& f);
  std::vector<StoredSite> query_sites(const std::string& where, const std::string& arg);

  std::mutex mu_;
  Database db_;
};

// JSON text that never throws on invalid UTF-8 from merchants (replaced by U+FFFD).
std::string json_text(const nlohmann::json& j);

}  // namespace omnicheck::batch
