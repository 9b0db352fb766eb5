#include "batch/store.h"

#include <fcntl.h>
#include <unistd.h>

#include <map>

#include "fetch/fetch.h"

namespace omnicheck::batch {
namespace {

// The schema (docs/batch.md explains each column). `sites` is the list with each site's state;
// `runs` has one row per audit attempt of a site, at most one of them `done` (the partial
// unique index makes a double record impossible, whatever the code above does); `findings`
// hangs off the done run.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  session_uid   TEXT PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  host          TEXT,
  pid           INTEGER,
  shard         TEXT,
  jobs          INTEGER,
  tool_version  TEXT,
  rules_version TEXT,
  outcome       TEXT
);
CREATE TABLE IF NOT EXISTS sites (
  site_id     TEXT PRIMARY KEY,
  list_line   INTEGER NOT NULL,
  target      TEXT NOT NULL,
  country     TEXT NOT NULL DEFAULT '',
  emails      TEXT NOT NULL DEFAULT '',
  extra       TEXT NOT NULL DEFAULT '{}',
  input_error TEXT NOT NULL DEFAULT '',
  state       TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  reason      TEXT NOT NULL DEFAULT '',
  report_dir  TEXT NOT NULL DEFAULT '',
  updated_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  run_id        INTEGER PRIMARY KEY,
  run_uid       TEXT NOT NULL UNIQUE,
  site_id       TEXT NOT NULL REFERENCES sites (site_id),
  session_uid   TEXT NOT NULL,
  attempt       INTEGER NOT NULL,
  started_at    TEXT NOT NULL,
  finished_at   TEXT NOT NULL,
  outcome       TEXT NOT NULL
                CHECK (outcome IN ('done', 'unreachable', 'error', 'crash', 'timeout', 'input_error')),
  reason        TEXT NOT NULL DEFAULT '',
  audit_date    TEXT NOT NULL DEFAULT '',
  tool_version  TEXT NOT NULL DEFAULT '',
  rules_version TEXT NOT NULL DEFAULT '',
  pages_fetched INTEGER NOT NULL DEFAULT 0,
  report_sha256 TEXT NOT NULL DEFAULT '',
  summary       TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX IF NOT EXISTS runs_one_done_per_site ON runs (site_id) WHERE outcome = 'done';
CREATE INDEX IF NOT EXISTS runs_by_site ON runs (site_id);
CREATE TABLE IF NOT EXISTS findings (
  run_id   INTEGER NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL,
  site_id  TEXT NOT NULL,
  rule     TEXT NOT NULL,
  title    TEXT NOT NULL DEFAULT '',
  status   TEXT NOT NULL,
  severity TEXT NOT NULL DEFAULT '',
  message  TEXT NOT NULL DEFAULT '',
  law      TEXT NOT NULL DEFAULT '[]',
  evidence TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS findings_by_site_rule ON findings (site_id, rule);
CREATE TABLE IF NOT EXISTS line_errors (
  list_line INTEGER PRIMARY KEY,
  message   TEXT NOT NULL
);
)sql";

constexpr const char* kSiteColumns =
    "site_id, list_line, target, country, emails, extra, input_error, state, attempts, reason, report_dir, "
    "updated_at";

StoredSite read_site(const Statement& st) {
  StoredSite s;
  s.site.id = st.text(0);
  s.site.line = static_cast<int>(st.integer(1));
  s.site.target = st.text(2);
  s.site.country = st.text(3);
  s.site.emails = st.text(4);
  s.site.extra = nlohmann::json::parse(st.text(5), nullptr, false);
  if (s.site.extra.is_discarded()) s.site.extra = nlohmann::json::object();
  s.site.input_error = st.text(6);
  if (s.site.target.starts_with("http://") || s.site.target.starts_with("https://")) {
    s.site.host = fetch::url_host(s.site.target);
  }
  s.state = st.text(7);
  s.attempts = static_cast<int>(st.integer(8));
  s.reason = st.text(9);
  s.report_dir = st.text(10);
  s.updated_at = st.text(11);
  return s;
}

// What the list says about a site; a change in any of it means a different job.
bool same_line(const Site& a, const Site& b) {
  return a.target == b.target && a.country == b.country && a.emails == b.emails && a.extra == b.extra &&
         a.input_error.empty() == b.input_error.empty();
}

nlohmann::json parse_or(const std::string& text, nlohmann::json fallback) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? fallback : j;
}

}  // namespace

std::string json_text(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

std::string Store::new_uid() {
  unsigned char raw[16] = {};
  const int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::read(fd, raw, sizeof raw) != static_cast<ssize_t>(sizeof raw)) {
    if (fd >= 0) ::close(fd);
    throw StoreError("cannot read /dev/urandom for a run id");
  }
  ::close(fd);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

Store::Store(const std::filesystem::path& file) : db_(file.string(), true) {
  // Order matters: the locking mode must be set before the first access for the WAL index to
  // live in heap memory.
  db_.exec("PRAGMA locking_mode = EXCLUSIVE");
  try {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("BEGIN IMMEDIATE; COMMIT");  // takes the exclusive lock now, not at the first site
  } catch (const StoreError& e) {
    const std::string what = e.what();
    if (what.find("locked") != std::string::npos || what.find("busy") != std::string::npos) {
      throw StoreError(file.string() + " is in use by another omnicheck batch (" + what + ")");
    }
    throw;
  }
  db_.exec("PRAGMA synchronous = FULL");
  db_.exec("PRAGMA foreign_keys = ON");
  create_schema();
}

Store::~Store() = default;

void Store::create_schema() {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.exec(kSchema);
  auto get = db_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  if (get.step()) {
    if (get.text(0) != std::to_string(kSchemaVersion)) {
      throw StoreError(db_.path() + " has store schema version " + get.text(0) + "; this omnicheck reads version " +
                       std::to_string(kSchemaVersion));
    }
  } else {
    db_.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?1)").bind(1, std::to_string(kSchemaVersion)).run();
    db_.prepare("INSERT INTO meta (key, value) VALUES ('created_at', ?1)").bind(1, fetch::now_rfc3339()).run();
  }
  tx.commit();
}

std::optional<std::string> Store::meta(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_.prepare("SELECT value FROM meta WHERE key = ?1");
  st.bind(1, key);
  if (st.step()) return st.text(0);
  return std::nullopt;
}

void Store::set_meta(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(mu_);
  db_.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

void Store::begin_session(const SessionRecord& s) { add_session(s); }

void Store::add_session(const SessionRecord& s) {
  std::lock_guard<std::mutex> lock(mu_);
  db_.prepare(
         "INSERT OR IGNORE INTO sessions (session_uid, started_at, finished_at, host, pid, shard, jobs, tool_version, "
         "rules_version, outcome) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind(1, s.session_uid)
      .bind(2, s.started_at)
      .bind_optional(3, s.finished_at.empty() ? std::nullopt : std::optional<std::string>(s.finished_at))
      .bind(4, s.host)
      .bind(5, s.pid)
      .bind(6, s.shard)
      .bind(7, s.jobs)
      .bind(8, s.tool_version)
      .bind(9, s.rules_version)
      .bind_optional(10, s.outcome.empty() ? std::nullopt : std::optional<std::string>(s.outcome))
      .run();
}

void Store::finish_session(const std::string& session_uid, const std::string& outcome) {
  std::lock_guard<std::mutex> lock(mu_);
  db_.prepare("UPDATE sessions SET finished_at = ?2, outcome = ?3 WHERE session_uid = ?1")
      .bind(1, session_uid)
      .bind(2, fetch::now_rfc3339())
      .bind(3, outcome)
      .run();
}

std::vector<SessionRecord> Store::sessions() {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_.prepare(
      "SELECT session_uid, started_at, finished_at, host, pid, shard, jobs, tool_version, rules_version, outcome "
      "FROM sessions ORDER BY started_at, session_uid");
  std::vector<SessionRecord> out;
  while (st.step()) {
    SessionRecord s;
    s.session_uid = st.text(0);
    s.started_at = st.text(1);
    s.finished_at = st.text(2);
    s.host = st.text(3);
    s.pid = st.integer(4);
    s.shard = st.text(5);
    s.jobs = static_cast<int>(st.integer(6));
    s.tool_version = st.text(7);
    s.rules_version = st.text(8);
    s.outcome = st.text(9);
    out.push_back(std::move(s));
  }
  return out;
}

SyncResult Store::sync_sites(const std::vector<Site>& sites, const std::string& session_uid) {
  std::lock_guard<std::mutex> lock(mu_);
  SyncResult result;
  std::map<std::string, StoredSite> stored;
  {
    auto st = db_.prepare(std::string("SELECT ") + kSiteColumns + " FROM sites");
    while (st.step()) {
      StoredSite s = read_site(st);
      stored.emplace(s.site.id, std::move(s));
    }
  }
  const std::string now = fetch::now_rfc3339();
  Transaction tx(db_);
  auto upsert = db_.prepare(std::string("INSERT INTO sites (") + kSiteColumns +
                            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, '', ?10) "
                            "ON CONFLICT (site_id) DO UPDATE SET list_line = excluded.list_line, "
                            "target = excluded.target, country = excluded.country, emails = excluded.emails, "
                            "extra = excluded.extra, input_error = excluded.input_error, state = excluded.state, "
                            "attempts = 0, reason = excluded.reason, report_dir = '', "
                            "updated_at = excluded.updated_at");
  auto move_line = db_.prepare("UPDATE sites SET list_line = ?2 WHERE site_id = ?1");
  for (const auto& s : sites) {
    auto it = stored.find(s.id);
    if (it != stored.end()) {
      const StoredSite& old = it->second;
      if (same_line(old.site, s)) {
        if (old.site.line != s.line) move_line.bind(1, s.id).bind(2, s.line).run();
        continue;
      }
      if (old.state == "done") {
        ++result.changed_done;
        continue;
      }
      ++result.updated;
      db_.prepare("DELETE FROM runs WHERE site_id = ?1 AND outcome <> 'done'").bind(1, s.id).run();
    } else {
      ++result.added;
    }
    const bool bad = !s.input_error.empty();
    upsert.bind(1, s.id)
        .bind(2, s.line)
        .bind(3, s.target)
        .bind(4, s.country)
        .bind(5, s.emails)
        .bind(6, json_text(s.extra))
        .bind(7, s.input_error)
        .bind(8, bad ? "failed" : "pending")
        .bind(9, s.input_error)
        .bind(10, now)
        .run();
    if (bad) {
      RunRecord run;
      run.run_uid = new_uid();
      run.site_id = s.id;
      run.session_uid = session_uid;
      run.started_at = run.finished_at = now;
      run.outcome = "input_error";
      run.reason = s.input_error;
      insert_run(run);
      db_.prepare("UPDATE sites SET attempts = 1 WHERE site_id = ?1").bind(1, s.id).run();
    }
  }
  std::map<std::string, int> listed;
  for (const auto& s : sites) listed.emplace(s.id, 0);
  for (const auto& [id, s] : stored) result.not_in_list += listed.count(id) ? 0 : 1;
  tx.commit();
  return result;
}

void Store::set_line_errors(const std::vector<std::pair<int, std::string>>& errors) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.exec("DELETE FROM line_errors");
  auto ins = db_.prepare("INSERT OR REPLACE INTO line_errors (list_line, message) VALUES (?1, ?2)");
  for (const auto& [line, msg] : errors) ins.bind(1, line).bind(2, msg).run();
  tx.commit();
}

void Store::add_line_errors(const std::vector<std::pair<int, std::string>>& errors) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  auto ins = db_.prepare("INSERT OR IGNORE INTO line_errors (list_line, message) VALUES (?1, ?2)");
  for (const auto& [line, msg] : errors) ins.bind(1, line).bind(2, msg).run();
  tx.commit();
}

std::vector<std::pair<int, std::string>> Store::line_errors() {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_.prepare("SELECT list_line, message FROM line_errors ORDER BY list_line");
  std::vector<std::pair<int, std::string>> out;
  while (st.step()) out.emplace_back(static_cast<int>(st.integer(0)), st.text(1));
  return out;
}

std::vector<StoredSite> Store::query_sites(const std::string& where, const std::string& arg) {
  auto st = db_.prepare(std::string("SELECT ") + kSiteColumns + " FROM sites" + where + " ORDER BY list_line, site_id");
  if (!arg.empty()) st.bind(1, arg);
  std::vector<StoredSite> out;
  while (st.step()) out.push_back(read_site(st));
  return out;
}

std::vector<StoredSite> Store::sites(const std::string& state) {
  std::lock_guard<std::mutex> lock(mu_);
  return query_sites(state.empty() ? "" : " WHERE state = ?1", state);
}

std::optional<StoredSite> Store::site(const std::string& site_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto v = query_sites(" WHERE site_id = ?1", site_id);
  if (v.empty()) return std::nullopt;
  return v.front();
}

StoreCounts Store::counts() {
  std::lock_guard<std::mutex> lock(mu_);
  StoreCounts c;
  auto st = db_.prepare("SELECT state, count(*) FROM sites GROUP BY state");
  while (st.step()) {
    const int n = static_cast<int>(st.integer(1));
    c.total += n;
    if (st.text(0) == "pending") c.pending = n;
    if (st.text(0) == "done") c.done = n;
    if (st.text(0) == "failed") c.failed = n;
  }
  return c;
}

void Store::insert_run(const RunRecord& r) {
  db_.prepare(
         "INSERT INTO runs (run_uid, site_id, session_uid, attempt, started_at, finished_at, outcome, reason, "
         "audit_date, tool_version, rules_version, pages_fetched, report_sha256, summary) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
      .bind(1, r.run_uid)
      .bind(2, r.site_id)
      .bind(3, r.session_uid)
      .bind(4, r.attempt)
      .bind(5, r.started_at)
      .bind(6, r.finished_at)
      .bind(7, r.outcome)
      .bind(8, r.reason)
      .bind(9, r.audit_date)
      .bind(10, r.tool_version)
      .bind(11, r.rules_version)
      .bind(12, r.pages_fetched)
      .bind(13, r.report_sha256)
      .bind(14, json_text(r.summary))
      .run();
}

void Store::insert_findings(std::int64_t run_id, const std::string& site_id, const std::vector<FindingRecord>& fs) {
  auto ins = db_.prepare(
      "INSERT INTO findings (run_id, seq, site_id, rule, title, status, severity, message, law, evidence) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (const auto& f : fs) {
    ins.bind(1, run_id)
        .bind(2, f.seq)
        .bind(3, site_id)
        .bind(4, f.rule)
        .bind(5, f.title)
        .bind(6, f.status)
        .bind(7, f.severity)
        .bind(8, f.message)
        .bind(9, json_text(f.law))
        .bind(10, json_text(f.evidence))
        .run();
  }
}

bool Store::record_done(const RunRecord& run, const std::vector<FindingRecord>& findings,
                        const std::string& report_dir, const std::function<void()>& install) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.prepare(
         "UPDATE sites SET state = 'done', attempts = attempts + 1, reason = '', report_dir = ?2, updated_at = ?3 "
         "WHERE site_id = ?1 AND state = 'pending'")
      .bind(1, run.site_id)
      .bind(2, report_dir)
      .bind(3, run.finished_at)
      .run();
  if (db_.changes() == 0) return false;
  insert_run(run);
  insert_findings(db_.last_insert_rowid(), run.site_id, findings);
  if (install) install();
  tx.commit();
  return true;
}

bool Store::record_failure(const RunRecord& run, bool final, const std::string& report_dir,
                           const std::function<void()>& install) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.prepare(
         "UPDATE sites SET state = ?2, attempts = attempts + 1, reason = ?3, report_dir = ?4, updated_at = ?5 "
         "WHERE site_id = ?1 AND state = 'pending'")
      .bind(1, run.site_id)
      .bind(2, final ? "failed" : "pending")
      .bind(3, run.reason)
      .bind(4, report_dir)
      .bind(5, run.finished_at)
      .run();
  if (db_.changes() == 0) return false;
  insert_run(run);
  if (install) install();
  tx.commit();
  return true;
}

int Store::reset_failed() {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.exec("DELETE FROM runs WHERE outcome <> 'done' AND site_id IN (SELECT site_id FROM sites WHERE state = 'failed' AND input_error = '')");
  db_.exec("UPDATE sites SET state = 'pending', attempts = 0, reason = '', report_dir = '' WHERE state = 'failed' AND input_error = ''");
  const int n = db_.changes();
  tx.commit();
  return n;
}

std::vector<RunRecord> Store::runs(const std::string& site_id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_.prepare(
      "SELECT run_uid, site_id, session_uid, attempt, started_at, finished_at, outcome, reason, audit_date, "
      "tool_version, rules_version, pages_fetched, report_sha256, summary FROM runs WHERE site_id = ?1 "
      "ORDER BY attempt, started_at, run_uid");
  st.bind(1, site_id);
  std::vector<RunRecord> out;
  while (st.step()) {
    RunRecord r;
    r.run_uid = st.text(0);
    r.site_id = st.text(1);
    r.session_uid = st.text(2);
    r.attempt = static_cast<int>(st.integer(3));
    r.started_at = st.text(4);
    r.finished_at = st.text(5);
    r.outcome = st.text(6);
    r.reason = st.text(7);
    r.audit_date = st.text(8);
    r.tool_version = st.text(9);
    r.rules_version = st.text(10);
    r.pages_fetched = static_cast<int>(st.integer(11));
    r.report_sha256 = st.text(12);
    r.summary = parse_or(st.text(13), nlohmann::json::object());
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<FindingRecord> Store::findings(const std::string& run_uid) {
  std::lock_guard<std::mutex> lock(mu_);
  auto st = db_.prepare(
      "SELECT f.seq, f.rule, f.title, f.status, f.severity, f.message, f.law, f.evidence FROM findings f "
      "JOIN runs r ON r.run_id = f.run_id WHERE r.run_uid = ?1 ORDER BY f.seq");
  st.bind(1, run_uid);
  std::vector<FindingRecord> out;
  while (st.step()) {
    FindingRecord f;
    f.seq = static_cast<int>(st.integer(0));
    f.rule = st.text(1);
    f.title = st.text(2);
    f.status = st.text(3);
    f.severity = st.text(4);
    f.message = st.text(5);
    f.law = parse_or(st.text(6), nlohmann::json::array());
    f.evidence = parse_or(st.text(7), nlohmann::json::array());
    out.push_back(std::move(f));
  }
  return out;
}

void Store::replace_site(const StoredSite& s, const std::vector<RunRecord>& runs,
                         const std::vector<std::vector<FindingRecord>>& findings_per_run,
                         const std::function<void()>& install) {
  std::lock_guard<std::mutex> lock(mu_);
  Transaction tx(db_);
  db_.prepare("DELETE FROM findings WHERE site_id = ?1").bind(1, s.site.id).run();
  db_.prepare("DELETE FROM runs WHERE site_id = ?1").bind(1, s.site.id).run();
  db_.prepare(std::string("INSERT OR REPLACE INTO sites (") + kSiteColumns +
              ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind(1, s.site.id)
      .bind(2, s.site.line)
      .bind(3, s.site.target)
      .bind(4, s.site.country)
      .bind(5, s.site.emails)
      .bind(6, json_text(s.site.extra))
      .bind(7, s.site.input_error)
      .bind(8, s.state)
      .bind(9, s.attempts)
      .bind(10, s.reason)
      .bind(11, s.report_dir)
      .bind(12, s.updated_at)
      .run();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    insert_run(runs[i]);
    if (i < findings_per_run.size()) insert_findings(db_.last_insert_rowid(), s.site.id, findings_per_run[i]);
  }
  if (install) install();
  tx.commit();
}

}  // namespace omnicheck::batch
